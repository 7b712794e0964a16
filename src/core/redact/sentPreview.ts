/**
 * "What will be sent", for the Preview What Will Be Sent command and `architect-personas redact`:
 * the context builder's output for a document (whole-document redaction, then the budget
 * window), with every placeholder's position in the sent text so a surface can highlight it.
 */
import { buildSentFile, type BuildOptions, type ContextNotice, type DocumentInput } from '../context/contextBuilder';
import { lastLineOf, type SentFile } from '../context/sentFile';
import { PLACEHOLDER_PATTERN } from './redactor';
import type { Redaction } from './types';

export interface PlaceholderMark {
  /** 1-based line in the sent text (add SentFile.firstLine - 1 for the document line). */
  readonly line: number;
  /** 0-based columns [start, end) in that line. */
  readonly startColumn: number;
  readonly endColumn: number;
  readonly kind: string;
}

export interface SentPreview {
  readonly file?: SentFile;
  readonly notices: readonly ContextNotice[];
  readonly marks: readonly PlaceholderMark[];
  /** Counts of what was replaced inside the window sent. */
  readonly redactions: readonly Redaction[];
}

/** Placeholders in a sent text, with their lines and columns. */
export function placeholderMarks(text: string): PlaceholderMark[] {
  const marks: PlaceholderMark[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  const re = new RegExp(PLACEHOLDER_PATTERN.source, 'g');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = m.index;
    marks.push({ line, startColumn: m.index - lineStart, endColumn: m.index - lineStart + m[0].length, kind: m[1] });
  }
  return marks;
}

export function previewSent(input: DocumentInput, options: BuildOptions): SentPreview {
  const built = buildSentFile(input, options);
  const redacted = built.notices.find((n) => n.kind === 'redacted');
  return {
    file: built.file,
    notices: built.notices,
    marks: built.file && options.redactSecrets ? placeholderMarks(built.file.text) : [],
    redactions: redacted?.redactions ?? [],
  };
}

/** "lines 1-120 of 4000" or "all 120 lines". */
export function describeWindow(file: SentFile, totalLines: number): string {
  const last = lastLineOf(file);
  return file.firstLine === 1 && last === totalLines ? `all ${totalLines} lines` : `lines ${file.firstLine}-${last} of ${totalLines}`;
}

export function describeRedactions(redactions: readonly Redaction[]): string {
  if (redactions.length === 0) {
    return 'no secrets found';
  }
  const total = redactions.reduce((n, r) => n + r.count, 0);
  return `${total} secret${total === 1 ? '' : 's'} replaced: ${redactions.map((r) => `${r.count} ${r.kind}`).join(', ')}`;
}
