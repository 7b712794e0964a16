/**
 * Keeps a diagnostic's line range in step with edits (pure; no vscode import).
 *
 * Positions are 0-based (line, character) like VS Code's; a text change replaces
 * [start, end) of the document *before* the change with `text`. Changes of one
 * onDidChangeTextDocument event are applied one after another, in the order given.
 */

export interface Pos {
  readonly line: number;
  readonly character: number;
}

export interface TextChange {
  readonly start: Pos;
  readonly end: Pos;
  /** The inserted text ('' for a deletion). */
  readonly text: string;
}

/** 0-based inclusive line range. */
export interface LineRange {
  readonly startLine: number;
  readonly endLine: number;
}

export type ShiftResult =
  /** The change did not touch the range's lines; `range` is where they are now. */
  | { readonly kind: 'moved'; readonly range: LineRange }
  /** The change edited lines inside the range: the quote must be checked again; `range` is a best guess. */
  | { readonly kind: 'touched'; readonly range: LineRange };

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) {
    n++;
  }
  return n;
}

/** How many lines the change adds (negative: removes). */
export function lineDelta(change: TextChange): number {
  return countNewlines(change.text) - (change.end.line - change.start.line);
}

/**
 * Where `range` is after `change`. A change that ends at or before column 0 of the range's
 * first line (lines inserted or removed above) moves the range; a change that starts after the
 * range's last line leaves it; anything else edits the range's lines and is reported as touched.
 */
export function shiftRange(range: LineRange, change: TextChange): ShiftResult {
  const delta = lineDelta(change);
  // Ending at column 0 of the first line leaves that line intact only when what precedes it
  // still ends with a line break: inserted text ending in '\n', or whole lines removed.
  const endsAtFirstLine = change.end.line === range.startLine && change.end.character === 0;
  const keepsFirstLine = change.text === '' ? change.start.character === 0 : change.text.endsWith('\n');
  const above = change.end.line < range.startLine || (endsAtFirstLine && keepsFirstLine);
  if (above) {
    return { kind: 'moved', range: { startLine: range.startLine + delta, endLine: range.endLine + delta } };
  }
  if (change.start.line > range.endLine) {
    return { kind: 'moved', range };
  }
  // Overlap: the start stays unless the change began above it; the end follows the delta.
  const startLine = Math.min(range.startLine, change.start.line);
  const endLine = Math.max(startLine, range.endLine + delta);
  return { kind: 'touched', range: { startLine, endLine } };
}

/** Applies the changes of one event in order; touched if any of them touched the range. */
export function shiftRangeAll(range: LineRange, changes: readonly TextChange[]): ShiftResult {
  let current = range;
  let touched = false;
  for (const c of changes) {
    const r = shiftRange(current, c);
    current = r.range;
    touched ||= r.kind === 'touched';
  }
  return { kind: touched ? 'touched' : 'moved', range: current };
}
