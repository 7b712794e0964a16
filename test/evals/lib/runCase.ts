/**
 * Runs one eval case through the product's core, exactly as the surfaces do:
 * - a review case: the rules engine on the full files with the project's .sql files as the schema
 *   (runRuleChecks), the files through the context stage (prepareBatches: budget, redaction) and
 *   reviewFiles with the rule findings as facts (prompt, contract, stream, parse, verify) — what
 *   `architect-personas review` runs, without the architect's tools (a replayed answer cannot
 *   replay tool results);
 * - a /design brief: the query Start Design Session builds (buildDesignQuery with the persona's
 *   quick questions) sent as `/design` through the same pipeline.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SentFile } from '../../../src/core/context/sentFile';
import { buildDesignQuery, designQuestionsFor } from '../../../src/core/design/designQuestions';
import type { ModelClient, ModelRequest } from '../../../src/core/model/modelClient';
import { parsePersona } from '../../../src/core/personas/parsePersona';
import type { Persona } from '../../../src/core/personas/persona';
import { reviewFiles, type ReviewFilesResult } from '../../../src/core/pipeline/review';
import { languageIdForPath } from '../../../src/core/pipeline/languages';
import { prepareBatches, type ReviewDocument } from '../../../src/core/pipeline/sendFiles';
import type { RuleFinding } from '../../../src/core/pipeline/ruleFinding';
import { runRuleChecks } from '../../../src/core/pipeline/workspace/checks';
import { findSlashCommand } from '../../../src/core/slashCommands';
import { CASES_DIR, EVALS_DIR, EvalDataError, type DesignBrief, type ReviewCase } from './evalCase';

/** Code budget per request: the extension's default maxContextTokens (60k) at ~4 characters per token. */
export const CODE_BUDGET_CHARS = 60_000 * 4;
/** The extension's default architectPersonas.maxOutputTokens. */
export const DEFAULT_MAX_TOKENS = 8192;

export const PERSONAS_DIR = path.resolve(EVALS_DIR, '..', '..', 'personas');

export function loadBundledPersonas(dir = PERSONAS_DIR): Map<string, Persona> {
  const personas = new Map<string, Persona>();
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const file = path.join(dir, name);
    const parsed = parsePersona(fs.readFileSync(file, 'utf8'), { kind: 'bundled', path: file });
    if (!parsed.persona) {
      throw new EvalDataError(`${file}: ${parsed.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
    }
    personas.set(parsed.persona.id, parsed.persona);
  }
  return personas;
}

function personaFor(personas: ReadonlyMap<string, Persona>, id: string, where: string): Persona {
  const persona = personas.get(id);
  if (!persona) {
    throw new EvalDataError(`${where}: persona ${id} is not one of ${[...personas.keys()].join(', ')}`);
  }
  return persona;
}

/** Reads project files from disk as the CLI does, and builds what is sent (budgeted, redacted). */
export function sentFilesOf(root: string, relPaths: readonly string[], where: string): SentFile[] {
  const docs: ReviewDocument[] = relPaths.map((rel) => {
    const abs = path.join(root, rel);
    return { path: rel, uri: pathToFileURL(abs).toString(), languageId: languageIdForPath(rel), text: fs.readFileSync(abs, 'utf8') };
  });
  const { batches } = prepareBatches(docs, { budgetChars: CODE_BUDGET_CHARS, redactSecrets: true });
  if (batches.length > 1) {
    throw new EvalDataError(`${where}: the files need ${batches.length} requests; an eval case must fit one`);
  }
  return [...(batches[0] ?? [])];
}

export interface RunOptions {
  readonly personas: ReadonlyMap<string, Persona>;
  readonly client: ModelClient;
  readonly model: string;
  readonly maxTokens: number;
  readonly signal: AbortSignal;
}

export interface CaseRun {
  readonly files: readonly SentFile[];
  readonly result: ReviewFilesResult;
  /** What the rules engine found on the case's files (review cases). */
  readonly ruleFindings: readonly RuleFinding[];
  /** Set when the rules engine could not run. */
  readonly rulesProblem?: string;
}

/** Every .sql file of a project, as the CLI's review takes the repository's SQL for the schema. */
export function schemaFilesOf(root: string): { path: string; text: string; languageId: string }[] {
  const out: { path: string; text: string; languageId: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(abs);
      } else if (entry.name.toLowerCase().endsWith('.sql')) {
        out.push({ path: path.relative(root, abs).split(path.sep).join('/'), text: fs.readFileSync(abs, 'utf8'), languageId: 'sql' });
      }
    }
  };
  walk(root);
  return out;
}

export async function runReviewCase(c: ReviewCase, options: RunOptions): Promise<CaseRun> {
  const persona = personaFor(options.personas, c.persona, `case ${c.id}`);
  const targets = c.files.map((rel) => {
    const absolutePath = path.join(c.root, rel);
    return { path: rel, absolutePath, languageId: languageIdForPath(rel), text: fs.readFileSync(absolutePath, 'utf8') };
  });
  const checked = await runRuleChecks(targets, schemaFilesOf(c.root));
  const files = sentFilesOf(c.root, c.files, `case ${c.id}`);
  const result = await reviewFiles({
    files,
    persona,
    command: findSlashCommand(c.command),
    client: options.client,
    model: options.model,
    maxTokens: options.maxTokens,
    signal: options.signal,
    userPrompt: c.prompt,
    ruleFindings: checked.findings,
  });
  return { files, result, ruleFindings: checked.findings, rulesProblem: checked.problem };
}

/** The chat prompt of a design session: the query without the `@backend /design ` the chat strips. */
export function designPrompt(brief: DesignBrief): string {
  const questions = designQuestionsFor(brief.persona);
  const asked = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(brief.answers)) {
    if (!asked.has(id as never)) {
      throw new EvalDataError(`design brief ${brief.id}: ${brief.persona} does not ask "${id}" before the chat opens`);
    }
  }
  const answers = questions.map((question) => ({ question, answer: brief.answers[question.id] ?? '' }));
  return buildDesignQuery(brief.subject, answers).replace(/^@backend \/design /, '');
}

export async function runDesignBrief(brief: DesignBrief, options: RunOptions, casesDir = CASES_DIR): Promise<CaseRun> {
  const persona = personaFor(options.personas, brief.persona, `design brief ${brief.id}`);
  const files = brief.files.flatMap((f) => sentFilesOf(path.join(casesDir, f.case, 'project'), [f.path], `design brief ${brief.id}`));
  const result = await reviewFiles({
    files,
    persona,
    command: findSlashCommand('design'),
    client: options.client,
    model: options.model,
    maxTokens: options.maxTokens,
    signal: options.signal,
    userPrompt: designPrompt(brief),
  });
  return { files, result, ruleFindings: [] };
}

/** Characters of a request, for the token estimate of answers that carry no usage (hand-written). */
export function requestChars(request: Pick<ModelRequest, 'system' | 'messages'>): number {
  return request.system.reduce((n, b) => n + b.text.length, 0) + request.messages.reduce((n, m) => n + m.content.length, 0);
}
