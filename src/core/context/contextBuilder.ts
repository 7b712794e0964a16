/**
 * Context stage (pure): turns one document's text (+ selection) into the SentFile the prompt
 * carries: binary refusal, budget (window around the selection), secret redaction, and the
 * notices the chat shows the user about what was cut or hidden.
 */
import { isProbablyBinary } from './binary';
import { budgetContext, lineStarts } from './budget';
import { redactSecrets, type Redaction } from './redact';
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

  let source = input.text;
  let offset = 0; // 0-based line in the document of `source`'s first line
  const starts = lineStarts(input.text);
  const totalLines = starts.length;
  if (input.selectionOnly && input.selection) {
    const start = Math.min(Math.max(0, input.selection.startLine - 1), totalLines - 1);
    const end = Math.min(Math.max(start, input.selection.endLine - 1), totalLines - 1);
    source = input.text.slice(starts[start], end + 1 < totalLines ? starts[end + 1] - 1 : input.text.length);
    offset = start;
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

  let text = budget.text;
  if (options.redactSecrets) {
    const redacted = redactSecrets(text);
    if (redacted.redactions.length > 0) {
      text = redacted.text;
      notices.push({
        kind: 'redacted',
        message: `Redacted secrets in ${input.path} before sending: ${describeRedactions(redacted.redactions)}.`,
        redactions: redacted.redactions,
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
