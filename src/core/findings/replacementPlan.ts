/**
 * Plans the text edit that replaces a re-located quote by a fix. Pure: no vscode import.
 */
import { relocateQuote, type MatchMethod } from './quoteRelocation';

export interface ReplacementPlan {
  /** Offsets in the document text to replace [startOffset, endOffset). */
  readonly startOffset: number;
  readonly endOffset: number;
  readonly newText: string;
  /** 1-based lines of the replaced range. */
  readonly startLine: number;
  readonly endLine: number;
  readonly method: MatchMethod;
}

function leadingWhitespace(s: string): string {
  return /^[ \t]*/.exec(s)?.[0] ?? '';
}

/**
 * Plans replacing `quote` (re-located in the current `documentText` near `hintLine`) by
 * `replacement`. When the match covers whole lines (up to indentation), whole lines are
 * replaced and the replacement is re-indented from its own first-line indentation to the
 * document's; a match in the middle of a line replaces exactly the quoted characters.
 * Line ends follow the document (CRLF kept). Undefined when the quote cannot be found exactly or
 * up to whitespace (a fuzzy match is never replaced).
 */
export function planReplacement(documentText: string, quote: string, replacement: string, hintLine?: number): ReplacementPlan | undefined {
  const loc = relocateQuote(documentText, quote, hintLine);
  if (!loc || loc.method === 'fuzzy') {
    return undefined; // a fix is applied only where the quoted text itself is, never on similar code
  }
  let startOffset = loc.startOffset;
  let endOffset = loc.endOffset;
  let newText = replacement.replace(/\r?\n/g, '\n');
  const lineStart = documentText.lastIndexOf('\n', startOffset - 1) + 1;
  let lineEnd = documentText.indexOf('\n', endOffset);
  if (lineEnd === -1) {
    lineEnd = documentText.length;
  } else if (lineEnd > 0 && documentText.charCodeAt(lineEnd - 1) === 13) {
    lineEnd--;
  }
  const wholeLines =
    loc.method !== 'exact' || (documentText.slice(lineStart, startOffset).trim() === '' && documentText.slice(endOffset, Math.max(endOffset, lineEnd)).trim() === '');
  if (wholeLines) {
    startOffset = lineStart;
    endOffset = Math.max(endOffset, lineEnd);
    const firstDocLine = documentText.slice(lineStart, documentText.indexOf('\n', lineStart) === -1 ? undefined : documentText.indexOf('\n', lineStart));
    const target = leadingWhitespace(firstDocLine);
    const base = leadingWhitespace(newText.split('\n').find((l) => l.trim() !== '') ?? '');
    if (base !== target) {
      newText = newText
        .split('\n')
        .map((l) => (l.trim() === '' ? l : l.startsWith(base) ? target + l.slice(base.length) : l))
        .join('\n');
    }
  }
  if (documentText.includes('\r\n')) {
    newText = newText.replace(/\n/g, '\r\n');
  }
  return { startOffset, endOffset, newText, startLine: loc.startLine, endLine: loc.endLine, method: loc.method };
}
