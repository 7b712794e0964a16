/**
 * Finds where a buffered `<finding …>` block ends, one chunk at a time, in time linear in the
 * chunk: the block is kept as a list of chunks (never re-concatenated or re-searched while it
 * grows), and each completed line is examined once.
 *
 * The block ends at the first `</finding>` that is not code: not inside an inline code span on
 * its line and not inside a fenced block within the block. A `</finding>` that was skipped as
 * code is remembered: if the block would otherwise be given up (a new opener, the size limit,
 * the end of the answer), it closes there after all, so an odd backtick never loses a finding.
 */
import { openerAt } from './opener';

export const CLOSE_TAG = '</finding>';
/** A block whose `</finding>` does not end within this many characters is given up on (shown as markdown). */
export const MAX_BLOCK_CHARS = 100_000;

export type BlockEnd =
  /** Needs more input. */
  | { readonly kind: 'more' }
  /** The block is the text up to `end` (just after `</finding>`). */
  | { readonly kind: 'closed'; readonly end: number }
  /**
   * No usable close: a new opener starts a line at `at`, or the limit or the end of the answer
   * was reached (`at` undefined). `fallbackEnd` is the end of a `</finding>` skipped as code.
   */
  | { readonly kind: 'abandoned'; readonly at?: number; readonly fallbackEnd?: number };

const FENCE_RE = /^[ \t]*(`{3,}|~{3,})(.*)$/;

/**
 * Code-span ranges on one line, CommonMark-style: a run of n backticks opens a span closed by
 * the next run of exactly n; a run with no such partner is literal. Linear in the line.
 */
export function codeSpans(line: string): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = line.indexOf('`'); i !== -1; i = line.indexOf('`', i)) {
    let j = i;
    while (j < line.length && line.charCodeAt(j) === 96) {
      j++;
    }
    runs.push([i, j - i]);
    i = j;
  }
  // next[k]: index of the next run with the same length as run k.
  const next = new Array<number>(runs.length).fill(-1);
  const lastOfLen = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) {
    next[k] = lastOfLen.get(runs[k][1]) ?? -1;
    lastOfLen.set(runs[k][1], k);
  }
  const spans: Array<[number, number]> = [];
  for (let k = 0; k < runs.length; k++) {
    const partner = next[k];
    if (partner !== -1) {
      spans.push([runs[k][0], runs[partner][0] + runs[partner][1]]);
      k = partner;
    }
  }
  return spans;
}

export class BlockEndScanner {
  private readonly parts: string[] = [];
  private length = 0;
  /** The current (incomplete) line, as pieces. */
  private lineParts: string[] = [];
  private lineStart = 0;
  private lineNo = 0;
  private fence: { readonly ch: string; readonly len: number } | undefined;
  private fallbackEnd: number | undefined;
  private result: BlockEnd | undefined;
  /** Characters looked at so far (work done), for tests of the linear cost. */
  charsExamined = 0;

  /** Adds text and reports whether the block has ended. After an end, further text is only stored. */
  append(chunk: string, final = false): BlockEnd {
    if (chunk.length > 0) {
      this.parts.push(chunk);
      const offset = this.length;
      this.length += chunk.length;
      if (this.result === undefined) {
        this.scan(chunk, offset);
      }
    }
    if (this.result === undefined && (final || this.length >= MAX_BLOCK_CHARS)) {
      const partial = this.lineParts.join('');
      this.charsExamined += partial.length;
      if (partial.length > 0) {
        this.line(partial, this.lineStart);
      }
      this.result ??= { kind: 'abandoned', ...(this.fallbackEnd !== undefined ? { fallbackEnd: this.fallbackEnd } : {}) };
    }
    return this.result ?? { kind: 'more' };
  }

  /** The whole block text appended so far (joined once). */
  text(): string {
    const joined = this.parts.join('');
    this.parts.length = 0;
    this.parts.push(joined);
    return joined;
  }

  private scan(chunk: string, offset: number): void {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', from)) {
      this.charsExamined += nl + 1 - from;
      this.lineParts.push(chunk.slice(from, nl));
      const line = this.lineParts.join('');
      this.charsExamined += line.length;
      this.lineParts = [];
      this.line(line, this.lineStart);
      this.lineStart = offset + nl + 1;
      this.lineNo++;
      from = nl + 1;
      if (this.result !== undefined) {
        return;
      }
    }
    this.charsExamined += chunk.length - from;
    if (from < chunk.length) {
      this.lineParts.push(chunk.slice(from));
    }
  }

  /** Examines one line (complete, or the last unterminated one) starting at block offset `start`. */
  private line(line: string, start: number): void {
    const text = line.length > 0 && line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
    if (this.lineNo > 0) {
      const fence = FENCE_RE.exec(text);
      if (this.fence !== undefined) {
        if (fence && fence[1][0] === this.fence.ch && fence[1].length >= this.fence.len && fence[2].trim() === '') {
          this.fence = undefined;
        } else {
          this.skipCloses(text, start);
        }
        return;
      }
      if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
        this.fence = { ch: fence[1][0], len: fence[1].length };
        return;
      }
      if (openerAt(text.length > 40 ? text.slice(0, 40) : `${text}\n`, 0) === 'yes') {
        this.result = { kind: 'abandoned', at: start, ...(this.fallbackEnd !== undefined ? { fallbackEnd: this.fallbackEnd } : {}) };
        return;
      }
    }
    let spans: Array<[number, number]> | undefined;
    for (let i = text.indexOf(CLOSE_TAG); i !== -1; i = text.indexOf(CLOSE_TAG, i + 1)) {
      const end = start + i + CLOSE_TAG.length;
      if (end > MAX_BLOCK_CHARS) {
        return;
      }
      spans ??= text.includes('`') ? codeSpans(text) : [];
      if (!spans.some(([a, b]) => a < i && i < b)) {
        this.result = { kind: 'closed', end };
        return;
      }
      this.fallbackEnd ??= end;
    }
  }

  private skipCloses(text: string, start: number): void {
    const i = text.indexOf(CLOSE_TAG);
    if (i !== -1 && start + i + CLOSE_TAG.length <= MAX_BLOCK_CHARS) {
      this.fallbackEnd ??= start + i + CLOSE_TAG.length;
    }
  }
}
