import matter from 'gray-matter';
import type { Persona, PersonaSource } from './persona';
import { findFrontMatter, indexKeyLines, lineForPath } from './frontMatterLines';
import {
  KNOWN_COMMAND_KEYS,
  KNOWN_FRONT_MATTER_KEYS,
  MAX_PERSONA_BODY_BYTES,
  MAX_PERSONA_FILE_CHARS,
  personaFrontMatterSchema,
} from './schema';

export type PersonaProblemSeverity = 'error' | 'warning';

export interface PersonaProblem {
  readonly severity: PersonaProblemSeverity;
  /** 1-based line in the persona file. */
  readonly line: number;
  readonly message: string;
}

export interface ParsePersonaResult {
  /** Set when the file has no errors (it may still have warnings). */
  readonly persona?: Persona;
  readonly problems: readonly PersonaProblem[];
}

/**
 * Parses and validates one persona file. Never throws: every problem is returned with the line
 * it concerns. A persona is returned only when there are no errors.
 */
export function parsePersona(text: string, source: PersonaSource): ParsePersonaResult {
  const problems: PersonaProblem[] = [];
  const error = (line: number, message: string): ParsePersonaResult => ({
    problems: [...problems, { severity: 'error', line, message }],
  });

  if (text.length > MAX_PERSONA_FILE_CHARS) {
    return error(1, `The persona file is ${formatKb(text.length)} long; persona files are limited to ${formatKb(MAX_PERSONA_FILE_CHARS)}.`);
  }
  const clean = text.replace(/^\uFEFF/, '');
  const block = findFrontMatter(clean);
  if (!block) {
    return error(1, 'A persona file must start with YAML front matter: a line "---", the keys (id, name, title, description, principles, ...), and a closing "---".');
  }
  if (block.closeLine === undefined) {
    return error(1, 'The front matter opened on line 1 is never closed: add a line "---" after the last key.');
  }

  let data: unknown;
  let body: string;
  try {
    // Passing options turns off gray-matter's cache, which would hand back shared objects.
    const parsed = matter(clean, {});
    data = parsed.data;
    body = parsed.content;
  } catch (e) {
    return error(yamlErrorLine(e, block.openLine), `Invalid YAML in the front matter: ${yamlErrorReason(e)}`);
  }

  const keyLines = indexKeyLines(block.yamlLines, block.openLine + 1);
  const lineOf = (path: readonly PropertyKey[]): number => lineForPath(keyLines, path, block.openLine);

  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return error(block.openLine, 'The front matter must be a mapping of keys to values (id: ..., name: ..., ...).');
  }
  const record = data as Record<string, unknown>;

  for (const key of Object.keys(record)) {
    if (!KNOWN_FRONT_MATTER_KEYS.includes(key)) {
      problems.push({
        severity: 'warning',
        line: lineOf([key]),
        message: `Unknown key "${key}" is ignored. Known keys: ${KNOWN_FRONT_MATTER_KEYS.join(', ')}.`,
      });
    }
  }
  const commands = record.commands;
  if (commands !== null && typeof commands === 'object' && !Array.isArray(commands)) {
    for (const key of Object.keys(commands)) {
      if (!KNOWN_COMMAND_KEYS.includes(key)) {
        problems.push({
          severity: 'warning',
          line: lineOf(['commands', key]),
          message: `Unknown command "${key}" under commands is ignored. The commands are ${KNOWN_COMMAND_KEYS.join(', ')}.`,
        });
      }
    }
  }

  const result = personaFrontMatterSchema.safeParse(record);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ severity: 'error', line: lineOf(issue.path), message: describeIssue(issue.path, issue.message, record) });
    }
  }

  const bodyBytes = new TextEncoder().encode(body).length;
  if (bodyBytes > MAX_PERSONA_BODY_BYTES) {
    problems.push({
      severity: 'error',
      line: block.closeLine + 1,
      message: `The persona body (its prompt) is ${formatKb(bodyBytes)}; the limit is ${formatKb(MAX_PERSONA_BODY_BYTES)}. Shorten the prompt.`,
    });
  } else if (body.trim() === '') {
    problems.push({
      severity: 'warning',
      line: block.closeLine,
      message: 'The persona has no body: the Markdown after the front matter is its prompt, so the model gets only the principles.',
    });
  }

  problems.sort((a, b) => a.line - b.line || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  if (!result.success || problems.some((p) => p.severity === 'error')) {
    return { problems };
  }

  const fm = result.data;
  const persona: Persona = {
    id: fm.id,
    name: fm.name,
    title: fm.title,
    description: fm.description,
    principles: fm.principles,
    commands: { ...(fm.commands ?? {}) },
    ...(fm.greeting !== undefined ? { greeting: fm.greeting } : {}),
    ...(fm.sessionSummary !== undefined ? { sessionSummary: fm.sessionSummary } : {}),
    ...(fm.icon !== undefined ? { icon: fm.icon } : {}),
    ...(fm.tags !== undefined ? { tags: fm.tags } : {}),
    body: body.trim(),
    source,
  };
  return { persona, problems };
}

function describeIssue(path: readonly PropertyKey[], message: string, data: Record<string, unknown>): string {
  const where = formatPath(path);
  if (path.length > 0 && valueAt(data, path) === undefined) {
    const parent = valueAt(data, path.slice(0, -1));
    if (parent !== null && typeof parent === 'object' && !(String(path[path.length - 1]) in parent)) {
      return `Missing required key "${where}".`;
    }
  }
  if (path.length === 0) {
    return message;
  }
  return `"${where}" ${message.replace(/^Invalid input: /, 'is invalid: ')}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return current;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

interface YamlMark {
  line?: number;
}

/**
 * js-yaml (used by gray-matter) reports a 0-based line inside the text after the opening `---`,
 * whose first line is the remainder of the delimiter line; so YAML line n is file line n + 1.
 */
function yamlErrorLine(e: unknown, openLine: number): number {
  const mark = (e as { mark?: YamlMark } | undefined)?.mark;
  if (mark && typeof mark.line === 'number') {
    return openLine + mark.line;
  }
  return openLine;
}

function yamlErrorReason(e: unknown): string {
  const reason = (e as { reason?: unknown } | undefined)?.reason;
  if (typeof reason === 'string' && reason !== '') {
    return reason;
  }
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

function formatKb(n: number): string {
  return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KB`;
}
