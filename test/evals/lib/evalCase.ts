/**
 * The eval suite's data: review cases (a small project under test/evals/cases/<id>/project with
 * labels.json next to it) and /design briefs (test/evals/design/<persona-id>.json). Loading
 * validates every field and says which file and field is wrong, so a broken case fails the run
 * with a message instead of scoring nonsense.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SEVERITIES, type Severity } from '../../../src/core/findings/types';
import { DESIGN_QUESTIONS, type DesignQuestionId } from '../../../src/core/design/designQuestions';
import { SLASH_COMMAND_NAMES, type SlashCommandName } from '../../../src/core/slashCommands';

/** An issue a senior reviewer must find. */
export interface LabelledIssue {
  readonly id: string;
  /** Project-relative path, forward slashes. */
  readonly file: string;
  /** 1-based inclusive document lines. */
  readonly lines: readonly [number, number];
  /** Text that must occur inside `lines` (keeps the label in step with the code; checked by a unit test). */
  readonly expect: string;
  readonly category: string;
  readonly severity: Severity;
  readonly summary: string;
  /**
   * Words or phrases (lower-case) of which one must appear in the finding's title or sections for it
   * to count as this issue; keeps a finding about something else on the same lines from counting.
   */
  readonly match: readonly string[];
  /** A query (literal values, no parameters) whose plan an SQL fix for this issue should improve. */
  readonly query?: string;
}

/** A place that is fine as it is: a finding anchored there is a false alarm. */
export interface FinePlace {
  readonly file: string;
  readonly lines: readonly [number, number];
  readonly why: string;
}

export interface ReviewCase {
  readonly id: string;
  readonly title: string;
  readonly language: string;
  /** Absolute path of the project root (…/cases/<id>/project). */
  readonly root: string;
  readonly persona: string;
  readonly command?: SlashCommandName;
  readonly prompt?: string;
  /** The files sent with the request, in order. */
  readonly files: readonly string[];
  /** Folder (relative to root) the embedded Postgres loads the schema from. */
  readonly schemaDir?: string;
  readonly issues: readonly LabelledIssue[];
  readonly fine: readonly FinePlace[];
}

/** One signature element a persona's /design answer must contain. */
export type SignatureCheck =
  /** `pattern` matches at least `min` (default 1) times. */
  | { readonly id: string; readonly label: string; readonly kind: 'pattern'; readonly pattern: string; readonly min?: number }
  /** Every pattern matches, each after the previous one. */
  | { readonly id: string; readonly label: string; readonly kind: 'order'; readonly patterns: readonly string[] }
  /** `pattern` does not match (e.g. no schema before the questions are answered). */
  | { readonly id: string; readonly label: string; readonly kind: 'absent'; readonly pattern: string }
  /** At least `min` finding blocks anchored to sent lines, each with all five sections. */
  | { readonly id: string; readonly label: string; readonly kind: 'findings'; readonly min: number };

export interface DesignBrief {
  readonly id: string;
  readonly persona: string;
  /** What the user typed in "What are we designing?". */
  readonly subject: string;
  /** Answers to the persona's quick design questions (Start Design Session); missing = skipped. */
  readonly answers: Readonly<Partial<Record<DesignQuestionId, string>>>;
  /** Files attached to the request: a case id and a path in its project. */
  readonly files: readonly { readonly case: string; readonly path: string }[];
  readonly signatures: readonly SignatureCheck[];
}

/** test/evals, from the compiled runner (out/test/evals/lib) or the sources. */
export const EVALS_DIR = (() => {
  for (const up of ['../../../../test/evals', '..']) {
    const dir = path.resolve(__dirname, up);
    if (fs.existsSync(path.join(dir, 'cases'))) {
      return dir;
    }
  }
  throw new Error(`test/evals not found from ${__dirname}`);
})();

export const CASES_DIR = path.join(EVALS_DIR, 'cases');
export const DESIGN_DIR = path.join(EVALS_DIR, 'design');

export class EvalDataError extends Error {}

type Json = Record<string, unknown>;

function readJson(file: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new EvalDataError(`${file}: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EvalDataError(`${file}: expected a JSON object`);
  }
  return value as Json;
}

class Fields {
  constructor(
    private readonly file: string,
    private readonly where: string,
    private readonly obj: Json,
  ) {}

  private fail(key: string, what: string): never {
    throw new EvalDataError(`${this.file}: ${this.where}${key} ${what}`);
  }

  str(key: string): string {
    const v = this.obj[key];
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(key, 'must be a non-empty string');
    }
    return v;
  }

  optStr(key: string): string | undefined {
    return this.obj[key] === undefined ? undefined : this.str(key);
  }

  strings(key: string, allowEmpty = false): string[] {
    const v = this.obj[key];
    if (!Array.isArray(v) || (!allowEmpty && v.length === 0) || v.some((s) => typeof s !== 'string' || s === '')) {
      this.fail(key, allowEmpty ? 'must be a list of strings' : 'must be a non-empty list of strings');
    }
    return v as string[];
  }

  lines(key: string): [number, number] {
    const v = this.obj[key];
    if (!Array.isArray(v) || v.length !== 2 || !v.every((n) => Number.isInteger(n) && n >= 1) || v[0] > v[1]) {
      this.fail(key, 'must be [firstLine, lastLine], 1-based, first <= last');
    }
    return [v[0], v[1]];
  }

  list(key: string): Json[] {
    const v = this.obj[key];
    if (!Array.isArray(v) || v.some((o) => typeof o !== 'object' || o === null || Array.isArray(o))) {
      this.fail(key, 'must be a list of objects');
    }
    return v as Json[];
  }

  at(key: string, i: number, obj: Json): Fields {
    return new Fields(this.file, `${this.where}${key}[${i}].`, obj);
  }
}

function checkRegex(file: string, id: string, source: string): void {
  try {
    new RegExp(source, 'imu');
  } catch (err) {
    throw new EvalDataError(`${file}: signature ${id}: ${(err as Error).message}`);
  }
}

export function loadReviewCase(id: string, casesDir = CASES_DIR): ReviewCase {
  const dir = path.join(casesDir, id);
  const file = path.join(dir, 'labels.json');
  const f = new Fields(file, '', readJson(file));
  const root = path.join(dir, 'project');
  const command = f.optStr('command');
  if (command !== undefined && !(SLASH_COMMAND_NAMES as readonly string[]).includes(command)) {
    throw new EvalDataError(`${file}: command must be one of ${SLASH_COMMAND_NAMES.join(', ')}`);
  }
  const files = f.strings('files');
  for (const rel of files) {
    if (!fs.existsSync(path.join(root, rel))) {
      throw new EvalDataError(`${file}: files lists ${rel}, which is not in ${root}`);
    }
  }
  const issues = f.list('issues').map((o, i): LabelledIssue => {
    const g = f.at('issues', i, o);
    const severity = g.str('severity');
    if (!(SEVERITIES as readonly string[]).includes(severity)) {
      throw new EvalDataError(`${file}: issues[${i}].severity must be one of ${SEVERITIES.join(', ')}`);
    }
    const issueFile = g.str('file');
    if (!files.includes(issueFile)) {
      throw new EvalDataError(`${file}: issues[${i}].file ${issueFile} is not among the files sent`);
    }
    return {
      id: g.str('id'),
      file: issueFile,
      lines: g.lines('lines'),
      expect: g.str('expect'),
      category: g.str('category'),
      severity: severity as Severity,
      summary: g.str('summary'),
      match: g.strings('match').map((m) => m.toLowerCase()),
      query: g.optStr('query'),
    };
  });
  const ids = new Set<string>();
  for (const issue of issues) {
    if (ids.has(issue.id)) {
      throw new EvalDataError(`${file}: duplicate issue id ${issue.id}`);
    }
    ids.add(issue.id);
  }
  const fine = f.list('fine').map((o, i): FinePlace => {
    const g = f.at('fine', i, o);
    return { file: g.str('file'), lines: g.lines('lines'), why: g.str('why') };
  });
  return {
    id,
    title: f.str('title'),
    language: f.str('language'),
    root,
    persona: f.str('persona'),
    command: command as SlashCommandName | undefined,
    prompt: f.optStr('prompt'),
    files,
    schemaDir: f.optStr('schemaDir'),
    issues,
    fine,
  };
}

export function loadDesignBrief(id: string, designDir = DESIGN_DIR): DesignBrief {
  const file = path.join(designDir, `${id}.json`);
  const f = new Fields(file, '', readJson(file));
  const rawAnswers = readJson(file).answers ?? {};
  if (typeof rawAnswers !== 'object' || rawAnswers === null || Array.isArray(rawAnswers)) {
    throw new EvalDataError(`${file}: answers must be an object`);
  }
  const answers: Partial<Record<DesignQuestionId, string>> = {};
  for (const [key, value] of Object.entries(rawAnswers)) {
    if (!Object.prototype.hasOwnProperty.call(DESIGN_QUESTIONS, key) || typeof value !== 'string') {
      throw new EvalDataError(`${file}: answers.${key} is not a design question id with a string answer`);
    }
    answers[key as DesignQuestionId] = value;
  }
  const files = (readJson(file).files === undefined ? [] : f.list('files')).map((o, i) => {
    const g = f.at('files', i, o);
    return { case: g.str('case'), path: g.str('path') };
  });
  const signatures = f.list('signatures').map((o, i): SignatureCheck => {
    const g = f.at('signatures', i, o);
    const base = { id: g.str('id'), label: g.str('label') };
    const kind = g.str('kind');
    switch (kind) {
      case 'pattern': {
        const pattern = g.str('pattern');
        checkRegex(file, base.id, pattern);
        const min = o.min === undefined ? undefined : Number(o.min);
        if (min !== undefined && !(Number.isInteger(min) && min >= 1)) {
          throw new EvalDataError(`${file}: signature ${base.id}: min must be a positive integer`);
        }
        return { ...base, kind, pattern, min };
      }
      case 'absent': {
        const pattern = g.str('pattern');
        checkRegex(file, base.id, pattern);
        return { ...base, kind, pattern };
      }
      case 'order': {
        const patterns = g.strings('patterns');
        patterns.forEach((p) => checkRegex(file, base.id, p));
        return { ...base, kind, patterns };
      }
      case 'findings': {
        const min = Number(o.min ?? 1);
        return { ...base, kind, min };
      }
      default:
        throw new EvalDataError(`${file}: signatures[${i}].kind must be pattern, order, absent or findings`);
    }
  });
  return { id, persona: f.str('persona'), subject: f.str('subject'), answers, files, signatures };
}

export function listReviewCases(casesDir = CASES_DIR): string[] {
  return fs
    .readdirSync(casesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(casesDir, d.name, 'labels.json')))
    .map((d) => d.name)
    .sort();
}

export function listDesignBriefs(designDir = DESIGN_DIR): string[] {
  return fs
    .readdirSync(designDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}
