/**
 * The quick questions Start Design Session asks before the chat opens, and which personas ask
 * them. Pure; no I/O.
 *
 * Personas whose own design flow starts from requirements ("hard questions first", "initial
 * assessment") get the questions up front, so their first answer can already be a design instead
 * of a list of questions. Every other persona goes straight to the chat; its `/design`
 * instructions still ask for whatever is missing.
 *
 * The table is keyed by persona id so that the persona schema stays untouched. A user or
 * workspace persona that overrides one of these ids keeps the questions; a new id gets the
 * default (no questions).
 */

export type DesignQuestionId = 'users' | 'load' | 'data' | 'constraints' | 'priorities' | 'existing';

export interface DesignQuestion {
  readonly id: DesignQuestionId;
  /** Short label used in the chat query, e.g. "Expected users". */
  readonly label: string;
  /** The input box's prompt. */
  readonly prompt: string;
  /** Example answer shown as the input box's placeholder. */
  readonly placeholder: string;
}

export const DESIGN_QUESTIONS: Readonly<Record<DesignQuestionId, DesignQuestion>> = {
  users: {
    id: 'users',
    label: 'Expected users',
    prompt: 'Who uses it, and how many of them (today, and in a year if you know)?',
    placeholder: 'e.g. 40 clinics, ~2k staff users today; maybe 10k in a year',
  },
  load: {
    id: 'load',
    label: 'Load',
    prompt: 'How much traffic: requests per second or per day, peak versus average?',
    placeholder: 'e.g. ~50 req/s at peak on weekday mornings, 200k requests a day',
  },
  data: {
    id: 'data',
    label: 'Data',
    prompt: 'What data is stored, how much, and how fast does it grow? Anything sensitive?',
    placeholder: 'e.g. appointments and patient contacts, ~5 GB, +1 GB a year, personal data (GDPR)',
  },
  constraints: {
    id: 'constraints',
    label: 'Constraints',
    prompt: 'Constraints: budget, deadline, team skills, systems it must fit into?',
    placeholder: 'e.g. 2 backend devs who know Node and Postgres, $300/month, launch in 8 weeks',
  },
  priorities: {
    id: 'priorities',
    label: 'Priorities',
    prompt: 'What matters most: speed to market, scalability, reliability or operational simplicity?',
    placeholder: 'e.g. reliability first (no lost bookings), then simplicity',
  },
  existing: {
    id: 'existing',
    label: 'Existing infrastructure',
    prompt: 'What runs today that this must integrate with or migrate from?',
    placeholder: 'e.g. a Django monolith on one VM with MySQL, a nightly CSV export to billing',
  },
};

/** The default: no quick questions; the persona's `/design` instructions ask in the chat. */
export const DEFAULT_DESIGN_QUESTIONS: readonly DesignQuestionId[] = [];

/** Persona id → the questions asked before the chat opens, in order. */
export const DESIGN_QUESTION_TABLE: Readonly<Record<string, readonly DesignQuestionId[]>> = {
  // Product, scale, team, constraints, priorities (its "hard questions first").
  'hard-questions-architect': ['users', 'load', 'data', 'constraints', 'priorities'],
  // Its initial assessment: scale, constraints, existing infrastructure.
  'senior-architect-agent': ['users', 'load', 'data', 'constraints', 'existing'],
};

export function designQuestionsFor(personaId: string): readonly DesignQuestion[] {
  const ids = Object.prototype.hasOwnProperty.call(DESIGN_QUESTION_TABLE, personaId) ? DESIGN_QUESTION_TABLE[personaId] : DEFAULT_DESIGN_QUESTIONS;
  return ids.map((id) => DESIGN_QUESTIONS[id]);
}

export interface DesignAnswer {
  readonly question: DesignQuestion;
  /** The answer as typed; blank means skipped. */
  readonly answer: string;
}

/** Examples shown in the "What are we designing?" box. */
export const DESIGN_SUBJECT_PLACEHOLDER = 'e.g. a booking system for physiotherapy clinics, or the API for a multi-tenant invoicing service';
export const DESIGN_SUBJECT_PROMPT =
  'Describe the system, schema or API in a sentence. Examples: "a URL shortener with click analytics", "the schema and API for team chat with threads".';

/**
 * The chat query that starts the design: `@backend /design <subject>` and, when any question was
 * answered, one "- Label: answer" line per answer (skipped questions are left out; the persona
 * asks about those itself if they matter).
 */
export function buildDesignQuery(subject: string, answers: readonly DesignAnswer[]): string {
  const what = subject.trim().replace(/\s*\r?\n\s*/g, ' ');
  const given = answers.filter((a) => a.answer.trim() !== '');
  if (given.length === 0) {
    return `@backend /design ${what}`;
  }
  const lines = given.map((a) => `- ${a.question.label}: ${a.answer.trim().replace(/\s*\r?\n\s*/g, ' ')}`);
  return `@backend /design ${what}\n\nWhat I know so far:\n${lines.join('\n')}`;
}
