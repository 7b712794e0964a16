/**
 * Streaming parser for the output contract (docs/output-contract.md).
 *
 * Invariant: concatenating the `text` of markdown events and the `raw` of finding events, in
 * order, gives back exactly the input. Nothing is dropped: anything that is not a complete,
 * well-formed block is passed through as markdown.
 *
 * Cost is linear in the answer length: each character is examined a bounded number of times
 * (at most once while buffering a block and once as prose), and only the unconsumed tail is kept.
 */
import { parseFindingBlock } from './block';
import type { ParsedEvent } from './types';

const OPEN = '<finding';
const CLOSE = '</finding>';
/** Leading spaces/tabs allowed before `<finding` on its line. */
const MAX_INDENT = 16;
/** A block whose `</finding>` does not end within this many characters is given up on (shown as markdown). */
export const MAX_BLOCK_CHARS = 100_000;

type OpenerState = 'yes' | 'no' | 'maybe';

/**
 * Does a `<finding` opener start the line that starts at `i`? 'maybe' when `s` ends before
 * that can be decided. Examines at most MAX_INDENT + 10 characters.
 */
export function openerAt(s: string, i: number): OpenerState {
  const n = s.length;
  let j = i;
  while (j < n && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) {
    j++;
    if (j - i > MAX_INDENT) {
      return 'no';
    }
  }
  for (let k = 0; k < OPEN.length; k++) {
    if (j + k >= n) {
      return 'maybe';
    }
    if (s[j + k] !== OPEN[k]) {
      return 'no';
    }
  }
  const c = s[j + OPEN.length];
  if (c === undefined) {
    return 'maybe';
  }
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '>' ? 'yes' : 'no';
}

interface Fence {
  readonly ch: string;
  readonly len: number;
}

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

export class FindingsStreamParser {
  /** Prose mode: unprocessed text (only ever a short held-back line start between calls). */
  private buf = '';
  /** Prose mode: text of the current line processed so far (for fence detection). */
  private lineText = '';
  private atLineStart = true;
  private fence: Fence | undefined;

  /** Block mode when defined: the block text from the start of its opener line. */
  private block: string | undefined;
  /** Next index in `block` to search `</finding>` from. */
  private closeScan = 0;
  /** Next index in `block` to search a newline (followed by a new opener) from. */
  private nlScan = 0;

  private out: ParsedEvent[] = [];
  private pendingMarkdown = '';
  private ended = false;

  push(chunk: string): ParsedEvent[] {
    if (this.ended) {
      throw new Error('FindingsStreamParser: push() after end()');
    }
    if (chunk.length > 0) {
      if (this.block !== undefined) {
        this.block += chunk;
      } else {
        this.buf += chunk;
      }
      this.run(false);
    }
    return this.take();
  }

  end(): ParsedEvent[] {
    if (!this.ended) {
      this.ended = true;
      this.run(true);
      // Flush any held-back line start.
      if (this.buf.length > 0) {
        this.markdown(this.buf);
        this.buf = '';
      }
    }
    return this.take();
  }

  /** Parse a whole answer at once (same result as streaming it in any chunking). */
  static parseAll(text: string): ParsedEvent[] {
    const p = new FindingsStreamParser();
    return [...p.push(text), ...p.end()];
  }

  private take(): ParsedEvent[] {
    this.flushMarkdown();
    const out = this.out;
    this.out = [];
    return out;
  }

  private markdown(text: string): void {
    this.pendingMarkdown += text;
  }

  private flushMarkdown(): void {
    if (this.pendingMarkdown.length > 0) {
      this.out.push({ kind: 'markdown', text: this.pendingMarkdown });
      this.pendingMarkdown = '';
    }
  }

  private run(final: boolean): void {
    for (;;) {
      if (this.block !== undefined) {
        if (!this.processBlock(final)) {
          return;
        }
      } else if (!this.processProse()) {
        return;
      }
    }
  }

  /** Returns true when it switched to block mode (caller loops), false when it needs more input. */
  private processProse(): boolean {
    const buf = this.buf;
    let pos = 0;
    while (pos < buf.length) {
      if (this.atLineStart && this.fence === undefined) {
        const r = openerAt(buf, pos);
        if (r === 'maybe') {
          break;
        }
        if (r === 'yes') {
          this.markdown(buf.slice(0, pos));
          this.enterBlock(buf.slice(pos));
          this.buf = '';
          return true;
        }
      }
      const nl = buf.indexOf('\n', pos);
      if (nl === -1) {
        this.lineText += buf.slice(pos);
        this.atLineStart = false;
        pos = buf.length;
        break;
      }
      this.lineText += buf.slice(pos, nl);
      this.endLine(this.lineText);
      this.lineText = '';
      this.atLineStart = true;
      pos = nl + 1;
    }
    this.markdown(buf.slice(0, pos));
    this.buf = pos < buf.length ? buf.slice(pos) : '';
    return false;
  }

  /** Track Markdown code fences in prose (CommonMark-style: ``` or ~~~, up to 3 spaces of indent). */
  private endLine(line: string): void {
    if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) {
      line = line.slice(0, -1);
    }
    const m = FENCE_RE.exec(line);
    if (!m) {
      return;
    }
    const marker = m[1];
    const rest = m[2];
    if (this.fence === undefined) {
      if (!(marker[0] === '`' && rest.includes('`'))) {
        this.fence = { ch: marker[0], len: marker.length };
      }
    } else if (marker[0] === this.fence.ch && marker.length >= this.fence.len && rest.trim() === '') {
      this.fence = undefined;
    }
  }

  private enterBlock(text: string): void {
    this.block = text;
    this.closeScan = 0;
    this.nlScan = 0;
    this.flushMarkdown();
    this.out.push({ kind: 'findingStart' });
  }

  /** Returns true when it left block mode (caller loops), false when it needs more input. */
  private processBlock(final: boolean): boolean {
    const block = this.block as string;
    // 1. The first `</finding>` that ends within MAX_BLOCK_CHARS.
    let closeIdx = block.indexOf(CLOSE, this.closeScan);
    if (closeIdx !== -1 && closeIdx + CLOSE.length > MAX_BLOCK_CHARS) {
      closeIdx = -1;
      this.closeScan = MAX_BLOCK_CHARS;
    } else if (closeIdx === -1) {
      this.closeScan = Math.max(this.closeScan, block.length - CLOSE.length + 1);
    }
    // 2. A new opener at a line start before that (the previous block was never closed).
    const limit = closeIdx !== -1 ? closeIdx : Math.min(block.length, MAX_BLOCK_CHARS);
    let stalled = false;
    while (this.nlScan < limit) {
      const nl = block.indexOf('\n', this.nlScan);
      if (nl === -1 || nl >= limit) {
        this.nlScan = limit;
        break;
      }
      const r = openerAt(block, nl + 1);
      if (r === 'yes') {
        this.abandonBlock();
        return true;
      }
      if (r === 'maybe') {
        stalled = true;
        this.nlScan = nl;
        break;
      }
      this.nlScan = nl + 1;
    }
    if (closeIdx !== -1) {
      const end = closeIdx + CLOSE.length;
      const raw = block.slice(0, end);
      const finding = parseFindingBlock(raw);
      if (finding === undefined) {
        this.abandonBlock();
        return true;
      }
      this.flushMarkdown();
      this.out.push({ kind: 'finding', finding });
      this.block = undefined;
      this.buf = block.slice(end);
      this.lineText = '';
      this.atLineStart = true;
      return true;
    }
    if (final || (!stalled && block.length >= MAX_BLOCK_CHARS)) {
      this.abandonBlock();
      return true;
    }
    return false;
  }

  /**
   * Give up on the current block: its opener line is shown as markdown and the rest goes back
   * through prose processing (so code fences and later openers are handled as prose).
   */
  private abandonBlock(): void {
    const block = this.block as string;
    const nl = block.indexOf('\n');
    const lineEnd = nl === -1 ? block.length : nl + 1;
    const opener = block.slice(0, lineEnd);
    this.markdown(opener);
    this.block = undefined;
    this.buf = block.slice(lineEnd);
    if (nl === -1) {
      this.lineText = opener;
      this.atLineStart = false;
    } else {
      this.endLine(opener.slice(0, -1));
      this.lineText = '';
      this.atLineStart = true;
    }
  }
}
