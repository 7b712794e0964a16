/**
 * Turns parsed events and verified findings into ChatPart[] (pure; no vscode import).
 */
import type { SentFile } from '../context/sentFile';
import type { FindingFix, ParsedEvent, SectionName, Severity } from '../findings/types';
import { SECTION_NAMES } from '../findings/types';
import { FindingsStreamParser } from '../findings/parser';
import type { VerifiedFinding } from '../findings/verify';
import { verifyFinding } from '../findings/verify';
import type { ChatPart, CopyFixArgs, OpenFixArgs, PreviewAndApplyFixArgs } from './chatParts';
import { FINDING_COMMANDS } from './chatParts';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  critical: '🔴 Critical',
  high: '🟠 High',
  medium: '🟡 Medium',
  low: '🔵 Low',
  info: '⚪ Info',
};

export const SECTION_LABELS: Readonly<Record<SectionName, string>> = {
  issue: 'Issue',
  cause: 'Root cause',
  impact: 'Impact',
  recommendation: 'Recommendation',
  tradeoff: 'Trade-off',
};

const SQL_LANGUAGES = new Set(['sql', 'psql', 'pgsql', 'plpgsql', 'mysql', 'sqlite']);

/** A fence longer than any backtick run in `content`. */
export function fenceFor(content: string): string {
  let longest = 0;
  for (const m of content.matchAll(/`+/g)) {
    longest = Math.max(longest, m[0].length);
  }
  return '`'.repeat(Math.max(3, longest + 1));
}

export function codeBlock(content: string, language: string): string {
  const fence = fenceFor(content);
  const info = /^[A-Za-z0-9_+#.-]*$/.test(language) ? language : '';
  return `${fence}${info}\n${content}\n${fence}\n`;
}

/** Escapes text for use inside Markdown inline content (titles, paths). */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|~!]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function sectionMarkdown(name: SectionName, text: string): string {
  const label = SECTION_LABELS[name];
  if (text === '') {
    return '';
  }
  // Single paragraph of plain text: inline after the label; otherwise as a block below it.
  const simple = !/\n\s*\n/.test(text) && !/^\s*([-*+]\s|\d+[.)]\s|#|>|```|~~~|\|)/m.test(text);
  return simple ? `**${label}:** ${text}\n\n` : `**${label}:**\n\n${text}\n\n`;
}

function unverifiedNote(v: VerifiedFinding): string {
  const f = v.finding;
  const claimed = f.file === undefined ? '' : ` (claimed \`${f.file.replace(/`/g, "'")}${f.line !== undefined ? `:${f.line}` : ''}\`)`;
  switch (v.reason) {
    case 'no-file':
      return '';
    case 'unsafe-path':
      return `_Not linked: the path is outside the workspace${claimed}._\n\n`;
    case 'file-not-sent':
      return `_Not linked: that file was not part of what was sent${claimed}._\n\n`;
    case 'ambiguous-file':
      return `_Not linked: the path matches several files that were sent${claimed}._\n\n`;
    case 'no-quote':
      return `_Unverified: no quote given to check the location${claimed}._\n\n`;
    case 'quote-not-found':
    default:
      return `_Unverified: quote not found in what was sent${claimed}._\n\n`;
  }
}

/** Unknown `<tag>text</tag>` pairs in notes become `**Tag:** text` so no chat sanitizer drops them. */
export function notesMarkdown(notes: string): string {
  return notes.replace(/<([A-Za-z][\w-]*)(?:\s[^<>]*)?>([\s\S]*?)<\/\1\s*>/g, (_m, name: string, text: string) => {
    const label = name.replace(/[-_]+/g, ' ');
    return `**${label.charAt(0).toUpperCase()}${label.slice(1)}:** ${text.trim()}`;
  });
}

function locationTitle(path: string, startLine: number, endLine: number): string {
  return startLine === endLine ? `${path}:${startLine}` : `${path}:${startLine}-${endLine}`;
}

/** What the location line says about how the quote was found (line corrected, approximate, ambiguous). */
export function locationNotes(v: VerifiedFinding): string[] {
  const notes: string[] = [];
  const loc = v.location;
  if (!loc) {
    return notes;
  }
  const claimedRange = (line: number, end: number | undefined) => (end === undefined || end === line ? `${line}` : `${line}-${end}`);
  if (v.claimedLine !== undefined && (v.status === 'relocated' || v.status === 'approximate')) {
    if (v.claimedLine !== loc.startLine || (v.claimedEndLine !== undefined && v.claimedEndLine !== loc.endLine)) {
      notes.push(`line corrected from ${claimedRange(v.claimedLine, v.claimedEndLine)}`);
    }
  }
  if (v.status === 'approximate') {
    notes.push(`approximate match: the quoted code is not in the file as written (${Math.round((v.match?.score ?? 0) * 100)}% similar)`);
  }
  if (v.ambiguous && v.ambiguous.length > 0) {
    const others = v.ambiguous.map((a) => (a.path === loc.path ? '' : `${a.path}:`) + claimedRange(a.startLine, a.endLine));
    notes.push(`ambiguous: the same code is also at line${others.length > 1 ? 's' : ''} ${others.join(', ')}`);
  }
  return notes;
}

function fixButtons(fix: FindingFix, v: VerifiedFinding): ChatPart[] {
  const copy: CopyFixArgs = { content: fix.content, title: fix.title || undefined };
  const copyButton: ChatPart = { kind: 'button', command: FINDING_COMMANDS.copyFix, title: 'Copy', arguments: [copy] };
  if (fix.kind === 'run') {
    const open: OpenFixArgs = { language: fix.language || 'plaintext', content: fix.content };
    const title = SQL_LANGUAGES.has(fix.language) ? 'Open in SQL Editor' : 'Open in Editor';
    return [{ kind: 'button', command: FINDING_COMMANDS.openFixInEditor, title, arguments: [open] }, copyButton];
  }
  const quote = v.finding.quote;
  // Apply only where the quoted text itself was found (exactly or up to whitespace), never on similar code.
  if (v.location && v.status !== 'approximate' && v.match?.method !== 'fuzzy' && quote !== undefined && fix.content !== '') {
    const args: PreviewAndApplyFixArgs = {
      uri: v.location.uri,
      path: v.location.path,
      quote,
      replacement: fix.content,
      line: v.location.startLine,
      language: fix.language || v.location.languageId,
      title: fix.title || v.finding.title,
    };
    return [{ kind: 'button', command: FINDING_COMMANDS.previewAndApplyFix, title: 'Preview & Apply', arguments: [args] }];
  }
  // Nowhere verified to apply it: offer copying only.
  return [copyButton];
}

/**
 * Renders one verified finding. Shape: heading (severity marker + title), location (anchor, or
 * a note when unverified / not linked; the quote is shown as code only when there is no anchor),
 * the five sections in order, notes (text outside known tags), then each fix as a fenced code
 * block followed by its buttons.
 */
export function renderFinding(v: VerifiedFinding): ChatPart[] {
  const f = v.finding;
  const parts: ChatPart[] = [];
  let md = '';
  const flush = () => {
    if (md !== '') {
      parts.push({ kind: 'markdown', value: md });
      md = '';
    }
  };
  md += `\n\n#### ${SEVERITY_LABELS[f.severity]} · ${escapeMarkdown(f.title || 'Finding')}\n\n`;
  if (v.location) {
    const loc = v.location;
    flush();
    const notes = locationNotes(v);
    parts.push({
      kind: 'anchor',
      uri: loc.uri,
      range: { startLine: loc.startLine, endLine: loc.endLine },
      title: locationTitle(loc.path, loc.startLine, loc.endLine),
      ...(f.quote !== undefined ? { quote: f.quote } : {}),
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    });
  } else {
    md += unverifiedNote(v);
    if (f.quote !== undefined) {
      md += codeBlock(f.quote, v.file?.languageId ?? '') + '\n';
    }
  }
  for (const name of SECTION_NAMES) {
    const text = f.sections[name];
    if (text !== undefined) {
      md += sectionMarkdown(name, text);
    }
  }
  if (f.notes !== undefined) {
    md += `${notesMarkdown(f.notes)}\n\n`;
  }
  for (const fix of f.fixes) {
    const label = fix.kind === 'run' ? 'Run' : 'Fix';
    md += `**${label}${fix.title ? `: ${escapeMarkdown(fix.title)}` : ''}**\n\n`;
    md += codeBlock(fix.content, fix.language);
    flush();
    parts.push(...fixButtons(fix, v));
    md += '\n';
  }
  flush();
  return parts;
}

export interface RenderOptions {
  /** Progress text shown while a block is being buffered; '' to show none. */
  readonly progressText?: string;
}

const DEFAULT_PROGRESS = 'Writing a finding…';

/** Renders parsed events (verifying each finding against `sentFiles`). */
export function renderEvents(events: readonly ParsedEvent[], sentFiles: readonly SentFile[], options: RenderOptions = {}): ChatPart[] {
  return renderEventsWith(events, sentFiles, options, () => undefined);
}

function renderEventsWith(
  events: readonly ParsedEvent[],
  sentFiles: readonly SentFile[],
  options: RenderOptions,
  onFinding: (v: VerifiedFinding) => void,
): ChatPart[] {
  const progress = options.progressText ?? DEFAULT_PROGRESS;
  const parts: ChatPart[] = [];
  for (const e of events) {
    if (e.kind === 'markdown') {
      if (e.text !== '') {
        parts.push({ kind: 'markdown', value: e.text });
      }
    } else if (e.kind === 'findingStart') {
      if (progress !== '') {
        parts.push({ kind: 'progress', value: progress });
      }
    } else {
      const v = verifyFinding(e.finding, sentFiles);
      onFinding(v);
      parts.push(...renderFinding(v));
    }
  }
  return parts;
}

/**
 * Parser + verification + render plan for one answer: feed model text deltas with push(),
 * call end() once, and send each returned ChatPart[] to the chat stream in order.
 */
export class FindingsChatRenderer {
  private readonly parser = new FindingsStreamParser();
  private readonly verified: VerifiedFinding[] = [];

  constructor(
    private readonly sentFiles: readonly SentFile[],
    private readonly options: RenderOptions = {},
  ) {}

  push(chunk: string): ChatPart[] {
    return this.render(this.parser.push(chunk));
  }

  end(): ChatPart[] {
    return this.render(this.parser.end());
  }

  /** The findings rendered so far, in order (e.g. for a summary or telemetry). */
  get findings(): readonly VerifiedFinding[] {
    return this.verified;
  }

  private render(events: readonly ParsedEvent[]): ChatPart[] {
    return renderEventsWith(events, this.sentFiles, this.options, (v) => this.verified.push(v));
  }
}
