/**
 * Context stage (pure): turns one document's text (+ selection) into the SentFile the prompt
 * carries: binary refusal, secret redaction of the WHOLE document, then the budget (window
 * around the selection) cut from the redacted text — so a cut or a selection through the middle
 * of a private key never sends its lines — and the notices the chat shows about what was cut or
 * hidden. Redaction keeps every line, so line numbers are the document's.
 */
import { redact, type Redaction, type RedactionResult } from '../redact';
import { isProbablyBinary } from './binary';
import { budgetContext, lineStarts } from './budget';
import type { SentFile } from './sentFile';

export interface ContextNotice {
  readonly kind: 'binary' | 'truncated' | 'redacted' | 'empty' | 'unreadable';
  readonly message: string;
  /** For 'redacted': what was replaced. */
  readonly redactions?: readonly Redaction[];
}

export interface DocumentInput {
  readonly path: string;
  readonly uri: string;
  readonly languageId: string;
  readonly text: string;
  readonly version?: number;
  /** 1-based inclusive selection lines. */
  readonly selection?: { readonly startLine: number; readonly endLine: number };
  /** Send only the selected lines, not the surrounding file. */
  readonly selectionOnly?: boolean;
}

export interface BuildOptions {
  readonly maxChars: number;
  readonly redactSecrets: boolean;
}

export interface BuiltSentFile {
  readonly file?: SentFile;
  readonly notices: ContextNotice[];
}

function describeRedactions(redactions: readonly Redaction[]): string {
  return redactions.map((r) => `${r.count} ${r.kind}`).join(', ');
}

/** Counts per kind of the placeholders that start inside [from, to) of the redacted text. */
function redactionsIn(result: RedactionResult, from: number, to: number): Redaction[] {
  const counts = new Map<string, number>();
  for (const s of result.spans) {
    if (s.outEnd > from && s.outStart < to) {
      counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
    }
  }
  return [...counts].map(([kind, count]) => ({ kind, count }));
}

export function buildSentFile(input: DocumentInput, options: BuildOptions): BuiltSentFile {
  const notices: ContextNotice[] = [];
  if (isProbablyBinary(input.text)) {
    notices.push({ kind: 'binary', message: `${input.path} looks like a binary file and was not sent.` });
    return { notices };
  }
  if (input.text.trim().length === 0) {
    notices.push({ kind: 'empty', message: `${input.path} is empty; nothing was sent from it.` });
    return { notices };
  }

  // Redact first, on the whole document: the window below is cut from the redacted text.
  const redaction: RedactionResult | undefined = options.redactSecrets ? redact(input.text) : undefined;
  const docText = redaction ? redaction.text : input.text;
  let source = docText;
  let offset = 0; // 0-based line in the document of `source`'s first line
  const starts = lineStarts(docText);
  const totalLines = starts.length;
  let sourceStart = 0; // offset in docText of `source`
  if (input.selectionOnly && input.selection) {
    const start = Math.min(Math.max(0, input.selection.startLine - 1), totalLines - 1);
    const end = Math.min(Math.max(start, input.selection.endLine - 1), totalLines - 1);
    source = docText.slice(starts[start], end + 1 < totalLines ? starts[end + 1] - 1 : docText.length);
    offset = start;
    sourceStart = starts[start];
  }
  const budget = budgetContext(source, {
    selection: input.selectionOnly ? undefined : input.selection,
    maxChars: options.maxChars,
  });
  const firstLine = budget.firstLine + offset;
  const lastLine = budget.lastLine + offset;
  // The model is told whenever it sees only part of the document (budget or selection-only).
  const partial = firstLine > 1 || lastLine < totalLines;
  const truncationNote = partial
    ? budget.truncationNote?.startsWith('first ')
      ? `${budget.truncationNote.replace(/ of \d+$/, '')} of ${totalLines}`
      : `lines ${firstLine}-${lastLine} of ${totalLines}`
    : undefined;
  if (budget.truncated) {
    notices.push({
      kind: 'truncated',
      message: `${input.path} is too large for the context budget; sent ${truncationNote ?? budget.truncationNote}.`,
    });
  }

  const text = budget.text;
  if (redaction && redaction.spans.length > 0) {
    // count what is inside the window actually sent
    const sourceStarts = lineStarts(source);
    const winStart = sourceStart + sourceStarts[budget.firstLine - 1];
    const winEnd = budget.truncationNote?.startsWith('first ')
      ? winStart + text.length
      : sourceStart + (budget.lastLine < sourceStarts.length ? sourceStarts[budget.lastLine] - 1 : source.length);
    const sent = redactionsIn(redaction, winStart, winEnd);
    if (sent.length > 0) {
      notices.push({
        kind: 'redacted',
        message: `Redacted secrets in ${input.path} before sending: ${describeRedactions(sent)}.`,
        redactions: sent,
      });
    }
  }

  const file: SentFile = {
    path: input.path,
    uri: input.uri,
    languageId: input.languageId,
    text,
    firstLine,
    ...(input.version !== undefined ? { version: input.version } : {}),
    ...(input.selection ? { selection: { startLine: input.selection.startLine, endLine: input.selection.endLine } } : {}),
    ...(truncationNote ? { truncationNote } : {}),
  };
  return { file, notices };
}
