/**
 * Context budget: cuts a too-large document to a window of whole lines around the selection (or
 * from the top when there is none) and says which lines were sent ("lines 1200-1650 of 5000").
 * Works on line-start offsets found with indexOf, so a 10 MB file costs one linear scan.
 */

export interface BudgetOptions {
  /** 1-based inclusive line range to keep (and centre the window on). */
  readonly selection?: { readonly startLine: number; readonly endLine: number };
  /** Budget in characters. */
  readonly maxChars?: number;
  /** Budget in tokens, estimated as 4 characters per token; used when maxChars is not given. */
  readonly maxTokensEstimate?: number;
}

export interface BudgetResult {
  /** The lines kept, joined with '\n' (CRLF normalised to LF). */
  readonly text: string;
  /** 1-based line numbers of the first and last line kept. */
  readonly firstLine: number;
  readonly lastLine: number;
  readonly totalLines: number;
  readonly truncated: boolean;
  /** Set when truncated, e.g. "lines 1200-1650 of 5000". */
  readonly truncationNote?: string;
  /** True when the selection itself did not fit and was cut. */
  readonly selectionCut: boolean;
}

const CHARS_PER_TOKEN = 4;
const DEFAULT_MAX_CHARS = 100_000;

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

function normalise(slice: string): string {
  if (!slice.includes('\r')) {
    return slice;
  }
  const lf = slice.replace(/\r\n/g, '\n');
  return lf.endsWith('\r') ? lf.slice(0, -1) : lf;
}

export function budgetContext(text: string, options: BudgetOptions = {}): BudgetResult {
  const maxChars = Math.max(
    1,
    Math.floor(options.maxChars ?? (options.maxTokensEstimate !== undefined ? options.maxTokensEstimate * CHARS_PER_TOKEN : DEFAULT_MAX_CHARS)),
  );
  const starts = lineStarts(text);
  const total = starts.length;
  /** End offset (exclusive, without the '\n') of 0-based line i. */
  const endOf = (i: number): number => (i + 1 < total ? starts[i + 1] - 1 : text.length);
  const size = (a: number, b: number): number => endOf(b) - starts[a];

  let a: number;
  let b: number;
  let selectionCut = false;
  if (options.selection) {
    a = Math.min(Math.max(0, options.selection.startLine - 1), total - 1);
    b = Math.min(Math.max(a, options.selection.endLine - 1), total - 1);
  } else {
    a = 0;
    b = 0;
  }

  if (size(a, b) > maxChars) {
    // The selection (or the first line) alone is over budget: keep its top.
    if (a === b || size(a, a) > maxChars) {
      const lineText = normalise(text.slice(starts[a], Math.min(endOf(a), starts[a] + maxChars)));
      return {
        text: lineText,
        firstLine: a + 1,
        lastLine: a + 1,
        totalLines: total,
        truncated: true,
        truncationNote: `first ${lineText.length} characters of line ${a + 1} of ${total}`,
        selectionCut: options.selection !== undefined,
      };
    }
    let lo = a;
    let hi = b;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (size(a, mid) <= maxChars) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    b = lo;
    selectionCut = true;
  } else if (!options.selection) {
    // From the top: the largest b with size(0, b) <= maxChars (binary search on offsets).
    let lo = 0;
    let hi = total - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (size(0, mid) <= maxChars) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    b = lo;
  } else {
    // Grow around the selection, one line above then one below, while it fits.
    let grew = true;
    while (grew) {
      grew = false;
      if (a > 0 && size(a - 1, b) <= maxChars) {
        a--;
        grew = true;
      }
      if (b < total - 1 && size(a, b + 1) <= maxChars) {
        b++;
        grew = true;
      }
    }
  }

  const truncated = a > 0 || b < total - 1;
  return {
    text: normalise(text.slice(starts[a], endOf(b))),
    firstLine: a + 1,
    lastLine: b + 1,
    totalLines: total,
    truncated,
    truncationNote: truncated ? `lines ${a + 1}-${b + 1} of ${total}` : undefined,
    selectionCut,
  };
}
