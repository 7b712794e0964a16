/**
 * Parses one complete `<finding ...> ... </finding>` block (already delimited by the stream
 * parser). Returns undefined when the opening tag is malformed; the caller then shows the text
 * as markdown.
 */
import type { Finding, FindingFix, FixKind, SectionName, Severity } from './types';
import { SEVERITIES } from './types';

const SEVERITY_ALIASES: Readonly<Record<string, Severity>> = {
  blocker: 'critical',
  severe: 'critical',
  error: 'high',
  major: 'high',
  important: 'high',
  warning: 'medium',
  warn: 'medium',
  moderate: 'medium',
  minor: 'low',
  note: 'info',
  information: 'info',
  informational: 'info',
  nit: 'info',
  suggestion: 'info',
};

const SECTION_ALIASES: Readonly<Record<string, SectionName>> = {
  issue: 'issue',
  problem: 'issue',
  cause: 'cause',
  'root-cause': 'cause',
  rootcause: 'cause',
  root_cause: 'cause',
  impact: 'impact',
  recommendation: 'recommendation',
  recommendations: 'recommendation',
  tradeoff: 'tradeoff',
  'trade-off': 'tradeoff',
  trade_off: 'tradeoff',
  tradeoffs: 'tradeoff',
  'trade-offs': 'tradeoff',
};

const RUN_LANGUAGES = new Set(['sql', 'psql', 'pgsql', 'plpgsql', 'mysql', 'sqlite', 'sh', 'bash', 'shell', 'zsh', 'console', 'shellscript', 'powershell', 'ps1', 'cmd', 'bat']);

const NAME_RE = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const BARE_VALUE_RE = /[^\s>"'=<`]+/y;
/** A child tag opener: `<name` followed by whitespace or `>` (case-insensitive). */
const CHILD_OPEN_RE = /<([A-Za-z][-A-Za-z_]*)(?=[\s>])/g;
/** Any closing tag `</name >`. */
const CHILD_CLOSE_RE = /<\/([A-Za-z][-A-Za-z_]*)\s*>/g;
/** A quoted attribute value longer than this is taken as an unterminated quote (bounds the work on malformed tags). */
const MAX_ATTRIBUTE_CHARS = 4000;

export interface ParsedTag {
  readonly attributes: Record<string, string>;
  /** Index just after the closing `>` of the tag. */
  readonly end: number;
}

const ENTITIES: Readonly<Record<string, string>> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", '#39': "'", '#34': '"' };

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** The last quote search, so the unterminated quotes of many malformed tags cost one scan, not one each. */
let lastQuoteSearch: { s: string; ch: string; from: number; at: number } | undefined;

/** `s.indexOf(ch, from)`, answered from the previous search when it covers `from`. */
function nextQuote(s: string, ch: string, from: number): number {
  const m = lastQuoteSearch;
  if (m !== undefined && m.s === s && m.ch === ch && from >= m.from && (m.at === -1 || from <= m.at)) {
    return m.at;
  }
  const at = s.indexOf(ch, from);
  lastQuoteSearch = { s, ch, from, at };
  return at;
}

export function decodeEntities(s: string): string {
  return s.includes('&') ? s.replace(/&(quot|amp|lt|gt|apos|#39|#34);/g, (_m, e: string) => ENTITIES[e] ?? _m) : s;
}

/**
 * Parses the attributes of a tag whose name ends just before `from`, up to and including `>`.
 * Accepts double, single and curly quotes, bare values and valueless attributes. Returns
 * undefined when the tag is malformed (unterminated quote, stray characters, no `>`).
 */
export function parseTagAttributes(s: string, from: number): ParsedTag | undefined {
  const attributes: Record<string, string> = {};
  let i = from;
  const n = s.length;
  for (;;) {
    while (i < n && isSpace(s.charCodeAt(i))) {
      i++;
    }
    if (i >= n) {
      return undefined;
    }
    if (s[i] === '>') {
      return { attributes, end: i + 1 };
    }
    if (s[i] === '/' && s[i + 1] === '>') {
      return { attributes, end: i + 2 };
    }
    NAME_RE.lastIndex = i;
    const nm = NAME_RE.exec(s);
    if (!nm) {
      return undefined;
    }
    const name = nm[0].toLowerCase();
    i += nm[0].length;
    let j = i;
    while (j < n && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) {
      j++;
    }
    if (s[j] !== '=') {
      attributes[name] = '';
      continue;
    }
    j++;
    while (j < n && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) {
      j++;
    }
    const q = s[j];
    if (q === '"' || q === "'" || q === '\u201c' || q === '\u2018') {
      const closeQ = q === '\u201c' ? '\u201d' : q === '\u2018' ? '\u2019' : q;
      const close = nextQuote(s, closeQ, j + 1) - (j + 1);
      if (close < 0 || close > MAX_ATTRIBUTE_CHARS) {
        return undefined;
      }
      attributes[name] = decodeEntities(s.substr(j + 1, close));
      i = j + 1 + close + 1;
    } else {
      BARE_VALUE_RE.lastIndex = j;
      const bv = BARE_VALUE_RE.exec(s);
      if (!bv) {
        return undefined;
      }
      attributes[name] = decodeEntities(bv[0]);
      i = j + bv[0].length;
    }
  }
}

function splitLines(s: string): string[] {
  return s.split(/\r?\n/);
}

/** Removes leading and trailing blank lines; keeps the indentation of the remaining lines. */
export function trimBlankLines(s: string): string {
  const lines = splitLines(s);
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a].trim() === '') {
    a++;
  }
  while (b > a && lines[b - 1].trim() === '') {
    b--;
  }
  return lines.slice(a, b).join('\n');
}

/** If `s` is one fenced code block, returns its content and info string. */
function unwrapFence(s: string): { content: string; info: string } | undefined {
  const lines = splitLines(s);
  if (lines.length < 2) {
    return undefined;
  }
  const open = /^\s*(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/.exec(lines[0]);
  const last = lines[lines.length - 1].trim();
  if (!open || last.length < open[1].length || last !== open[1][0].repeat(last.length)) {
    return undefined;
  }
  return { content: lines.slice(1, -1).join('\n'), info: open[2].toLowerCase() };
}

const LINE_NUMBER_PREFIX_RE = /^\s*\d+ \| ?/;

/** Strips `  42 | ` prefixes when the model copied them onto every non-blank line. */
export function stripLineNumberPrefixes(s: string): string {
  const lines = splitLines(s);
  const nonBlank = lines.filter((l) => l.trim() !== '');
  if (nonBlank.length === 0 || !nonBlank.every((l) => LINE_NUMBER_PREFIX_RE.test(l))) {
    return s;
  }
  return lines.map((l) => l.replace(LINE_NUMBER_PREFIX_RE, '')).join('\n');
}

function cleanCode(s: string): { content: string; info: string } {
  let content = trimBlankLines(s);
  let info = '';
  const fenced = unwrapFence(content);
  if (fenced) {
    content = trimBlankLines(fenced.content);
    info = fenced.info;
  }
  return { content: stripLineNumberPrefixes(content), info };
}

function parseLine(value: string | undefined, what: string, problems: string[]): [number | undefined, number | undefined] {
  if (value === undefined || value.trim() === '') {
    return [undefined, undefined];
  }
  const m = /^\s*L?(\d+)\s*(?:[-\u2013:]\s*L?(\d+)\s*)?$/i.exec(value);
  if (!m) {
    problems.push(`invalid ${what} "${value}"`);
    return [undefined, undefined];
  }
  const a = Number(m[1]);
  const b = m[2] !== undefined ? Number(m[2]) : undefined;
  if (a < 1) {
    problems.push(`invalid ${what} "${value}"`);
    return [undefined, undefined];
  }
  return [a, b];
}

function parseSeverity(value: string | undefined, problems: string[]): Severity {
  const v = (value ?? '').trim().toLowerCase();
  if ((SEVERITIES as readonly string[]).includes(v)) {
    return v as Severity;
  }
  const alias = SEVERITY_ALIASES[v];
  if (alias) {
    return alias;
  }
  problems.push(value === undefined ? 'missing severity' : `unknown severity "${value}"`);
  return 'info';
}

function parseFix(attrs: Record<string, string>, body: string, problems: string[]): FindingFix {
  const { content, info } = cleanCode(body);
  const language = (attrs.lang ?? attrs.language ?? info ?? '').trim().toLowerCase() || info;
  const rawKind = (attrs.kind ?? attrs.type ?? '').trim().toLowerCase();
  let kind: FixKind;
  if (rawKind === 'run' || rawKind === 'replace') {
    kind = rawKind;
  } else {
    if (rawKind !== '') {
      problems.push(`unknown fix kind "${rawKind}"`);
    }
    kind = RUN_LANGUAGES.has(language) ? 'run' : 'replace';
  }
  return { kind, language, title: (attrs.title ?? '').trim(), content };
}

/**
 * Every closing tag of `body` by lower-cased name, found in one pass, so finding the closer of
 * each child costs a binary search instead of a scan to the end (a block full of unclosed
 * `<issue ` openers stays linear).
 */
function closingTags(body: string): { next(name: string, from: number): { index: number; end: number } | undefined } {
  const byName = new Map<string, Array<{ index: number; end: number }>>();
  CHILD_CLOSE_RE.lastIndex = 0;
  for (let m = CHILD_CLOSE_RE.exec(body); m; m = CHILD_CLOSE_RE.exec(body)) {
    const name = m[1].toLowerCase();
    const list = byName.get(name) ?? [];
    list.push({ index: m.index, end: m.index + m[0].length });
    byName.set(name, list);
  }
  return {
    next(name, from) {
      const list = byName.get(name);
      if (!list) {
        return undefined;
      }
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].index < from) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return list[lo];
    },
  };
}

/** Parses a complete block `raw` (opener line through `</finding>`); undefined when malformed. */
export function parseFindingBlock(raw: string): Finding | undefined {
  const start = raw.indexOf('<finding');
  if (start === -1 || !raw.endsWith('</finding>')) {
    return undefined;
  }
  const tag = parseTagAttributes(raw, start + '<finding'.length);
  if (tag === undefined || tag.end > raw.length - '</finding>'.length) {
    return undefined;
  }
  const attrs = tag.attributes;
  const problems: string[] = [];
  const severity = parseSeverity(attrs.severity, problems);
  const [line, rangeEnd] = parseLine(attrs.line ?? attrs.start ?? attrs.startline, 'line', problems);
  let [endLine] = parseLine(attrs.end ?? attrs.endline ?? attrs['end-line'] ?? attrs.line_end, 'end', problems);
  endLine ??= rangeEnd;
  if (line !== undefined && endLine !== undefined && endLine < line) {
    problems.push(`end ${endLine} before line ${line}`);
    endLine = undefined;
  }
  const fileAttr = (attrs.file ?? attrs.path ?? '').trim();

  const body = raw.slice(tag.end, raw.length - '</finding>'.length);
  const sections: Partial<Record<SectionName, string>> = {};
  const fixes: FindingFix[] = [];
  let quote: string | undefined;
  const notes: string[] = [];
  let textFrom = 0;
  const closers = closingTags(body);
  CHILD_OPEN_RE.lastIndex = 0;
  for (;;) {
    const m = CHILD_OPEN_RE.exec(body);
    if (!m) {
      break;
    }
    const name = m[1].toLowerCase();
    const section = SECTION_ALIASES[name];
    if (section === undefined && name !== 'quote' && name !== 'fix') {
      continue; // unknown tag: stays in the notes text
    }
    const childTag = parseTagAttributes(body, m.index + m[0].length);
    if (childTag === undefined) {
      continue;
    }
    const close = closers.next(name, childTag.end);
    if (!close) {
      continue;
    }
    const content = body.slice(childTag.end, close.index);
    notes.push(body.slice(textFrom, m.index));
    textFrom = close.end;
    CHILD_OPEN_RE.lastIndex = textFrom;
    if (name === 'quote') {
      if (quote === undefined) {
        const q = cleanCode(content).content;
        quote = q === '' ? undefined : q;
      } else {
        problems.push('more than one quote; kept the first');
        notes.push(body.slice(m.index, textFrom));
      }
    } else if (name === 'fix') {
      fixes.push(parseFix(childTag.attributes, content, problems));
    } else if (section !== undefined) {
      const text = content.trim();
      sections[section] = sections[section] === undefined ? text : `${sections[section]}\n\n${text}`;
    }
  }
  notes.push(body.slice(textFrom));
  const notesText = notes.join('').trim();

  return {
    severity,
    file: fileAttr === '' ? undefined : fileAttr,
    line,
    endLine,
    title: (attrs.title ?? '').trim(),
    quote,
    sections,
    notes: notesText === '' ? undefined : notesText,
    fixes,
    attributes: attrs,
    problems,
    raw,
  };
}
