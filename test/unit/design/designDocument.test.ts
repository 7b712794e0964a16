import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  answerToMarkdown,
  appendSessionSummary,
  buildDesignDocument,
  buildSessionMarkdown,
  demoteHeadings,
  designTitleForTurns,
  selectDesignTurns,
  type DesignTurn,
} from '../../../src/core/design/designDocument';
import { SESSION_SUMMARY_PROMPT } from '../../../src/core/design/summary';

/** out/test/unit/design -> repository root. */
const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'design');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

const DESIGN_PROMPT = 'a booking system for physiotherapy clinics\n\nWhat I know so far:\n- Expected users: 40 clinics, ~2k staff\n- Priorities: no lost bookings';

function turn(id: number, prompt: string, command: string | undefined, answer: string, extra: Partial<DesignTurn> = {}): DesignTurn {
  return { id, prompt, command, personaId: 'pragmatic-platform-engineer', personaName: 'Marcus', answer, done: true, markdown: `rendered ${id}`, ...extra };
}

function sessionTurns(): DesignTurn[] {
  return [
    turn(1, 'why is this slow?', 'debug', 'An earlier, unrelated answer.'),
    turn(2, DESIGN_PROMPT, 'design', fixture('design-answer.md')),
    turn(3, 'How do we send reminders?', undefined, fixture('followup-answer.md')),
    turn(4, 'and this one was cancelled', undefined, ''),
  ];
}

describe('design document', () => {
  it('selects the turns from the last answered /design turn and skips unanswered ones', () => {
    const turns = sessionTurns();
    assert.deepEqual(selectDesignTurns(turns).map((t) => t.id), [2, 3]);
    assert.deepEqual(selectDesignTurns(turns, 3).map((t) => t.id), [3], 'fromId wins when it is recorded');
    assert.deepEqual(selectDesignTurns(turns, 99).map((t) => t.id), [2, 3], 'an unknown fromId falls back to the last /design');
    assert.deepEqual(selectDesignTurns([turn(1, 'q', undefined, 'a'), turn(2, 'q2', 'debug', 'b', { done: false })]).map((t) => t.id), [1]);
  });

  it('matches the expected document (front matter, context, design, follow-up; SQL and code blocks intact)', () => {
    const turns = selectDesignTurns(sessionTurns());
    const title = designTitleForTurns(turns);
    assert.equal(title, 'Booking system for physiotherapy clinics');
    const doc = buildDesignDocument({
      title,
      persona: { id: 'pragmatic-platform-engineer', name: 'Marcus', title: 'Pragmatic Platform & Backend Engineer' },
      date: new Date(2026, 4, 14, 9, 30),
      turns,
    });
    assert.equal(doc, fixture('expected-design-document.md'));
  });

  it('keeps every fenced code block of the raw answer byte for byte', () => {
    const raw = fixture('design-answer.md');
    const doc = answerToMarkdown(raw);
    for (const block of raw.match(/```[a-z]*\n[\s\S]*?```/g) ?? []) {
      assert.ok(doc.includes(block), `missing block:\n${block}`);
    }
    assert.doesNotMatch(doc, /<finding|<\/fix>/, 'finding blocks become Markdown');
    assert.match(doc, /\*\*Run: Constraint for existing tables\*\*\n\n```sql\nALTER TABLE bookings/);
  });

  it('moves headings one level down outside code fences only', () => {
    assert.equal(demoteHeadings('# A\n## B\n```sh\n# comment\n```\n~~~\n## not a heading\n~~~\n###### six'), '## A\n### B\n```sh\n# comment\n```\n~~~\n## not a heading\n~~~\n###### six');
  });

  it('quotes titles and names with YAML-special characters in the front matter', () => {
    const doc = buildDesignDocument({
      title: 'API: "v2" # beta',
      persona: { id: 'web-systems-guru', name: 'Marcus "The Architect" Chen' },
      date: new Date(2026, 0, 2),
      turns: [turn(1, 'x', 'design', 'y', { personaId: 'web-systems-guru' })],
    });
    const front = doc.split('---\n')[1];
    assert.equal(front, 'title: "API: \\"v2\\" # beta"\npersona: web-systems-guru\npersonaName: "Marcus \\"The Architect\\" Chen"\ndate: 2026-01-02\nstatus: proposed\n');
  });

  it('renders a recorded summary turn as the Session summary section, and appends one later', () => {
    const turns = [...selectDesignTurns(sessionTurns()), turn(5, SESSION_SUMMARY_PROMPT, undefined, fixture('summary-answer.md'))];
    const doc = buildDesignDocument({ title: 'T', persona: { id: 'pragmatic-platform-engineer', name: 'Marcus' }, date: new Date(2026, 4, 14), turns });
    assert.match(doc, /\n## Session summary\n\n🔧 \*\*BACKEND SESSION SUMMARY\*\*\n/);
    assert.doesNotMatch(doc, /Follow-up: Summarize/);

    const base = fixture('expected-design-document.md');
    const appended = appendSessionSummary(base, fixture('summary-answer.md'));
    assert.ok(appended.startsWith(base), 'the document is kept as it was');
    assert.equal(appended.slice(base.length), `\n## Session summary\n\n${fixture('summary-answer.md')}`);
  });

  it('exports every turn of the session, falling back to the rendering when there is no raw answer', () => {
    const md = buildSessionMarkdown({ turns: sessionTurns(), exportedAt: new Date(2026, 4, 14, 9, 30) });
    assert.match(md, /^# @backend session\n\nExported 2026-05-14 09:30 · 4 exchanges\n/);
    assert.match(md, /## 2\. \/design a booking system for physiotherapy clinics/);
    assert.ok(md.includes('```sql\nCREATE TABLE reminder_jobs ('), 'raw answers keep their code blocks');
    assert.match(md, /## 4\. and this one was cancelled[\s\S]*rendered 4/);
    assert.match(buildSessionMarkdown({ turns: [], exportedAt: new Date() }), /No `@backend` exchanges/);
  });
});
