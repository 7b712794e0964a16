/**
 * Streaming parser for the output contract (docs/output-contract.md).
 *
 * Invariant: concatenating the `text` of markdown events and the `raw` of finding events, in
 * order, gives back exactly the input. Nothing is dropped: anything that is not a complete,
 * well-formed block is passed through as markdown.
 *
 * Cost is linear in the answer length and one chunk costs time linear in the chunk: a buffered
 * block is scanned by BlockEndScanner (./blockScanner.ts), which examines each character a
 * bounded number of times however large the block grows; prose keeps only a short held-back
 * line start. Code fences in prose (also inside list items) are tracked by ./fenceTracker.ts.
 */
import { parseFindingBlock } from './block';
import { BlockEndScanner } from './blockScanner';
import { MarkdownFenceTracker } from './fenceTracker';
import { openerAt } from './opener';
import type { ParsedEvent } from './types';

export { MAX_BLOCK_CHARS } from './blockScanner';
export { openerAt, type OpenerState } from './opener';

export class FindingsStreamParser {
  /** Prose mode: unprocessed text (only ever a short held-back line start between calls). */
  private buf = '';
  /** Prose mode: text of the current line processed so far (for fence detection). */
  private lineText = '';
  private atLineStart = true;
  private readonly fences = new MarkdownFenceTracker();

  /** Block mode when defined: the block text from the start of its opener line. */
  private block: BlockEndScanner | undefined;
  /** The block's scan result of the last push, for processBlock. */
  private blockEnd: ReturnType<BlockEndScanner['append']> | undefined;

  private out: ParsedEvent[] = [];
  private pendingMarkdown = '';
  private ended = false;

  push(chunk: string): ParsedEvent[] {
    if (this.ended) {
      throw new Error('FindingsStreamParser: push() after end()');
    }
    if (chunk.length > 0) {
      if (this.block !== undefined) {
        this.blockEnd = this.block.append(chunk);
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
      if (this.atLineStart && !this.fences.inFence) {
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

  /** Track Markdown code fences in prose (``` or ~~~; inside list items too). */
  private endLine(line: string): void {
    this.fences.line(line);
  }

  private enterBlock(text: string): void {
    this.block = new BlockEndScanner();
    this.blockEnd = this.block.append(text);
    this.flushMarkdown();
    this.out.push({ kind: 'findingStart' });
  }

  /** Returns true when it left block mode (caller loops), false when it needs more input. */
  private processBlock(final: boolean): boolean {
    const scanner = this.block as BlockEndScanner;
    let end = this.blockEnd ?? { kind: 'more' as const };
    if (end.kind === 'more' && final) {
      end = scanner.append('', true);
    }
    if (end.kind === 'more') {
      return false;
    }
    const text = scanner.text();
    const closeAt = end.kind === 'closed' ? end.end : end.fallbackEnd;
    const finding = closeAt === undefined ? undefined : parseFindingBlock(text.slice(0, closeAt));
    if (finding === undefined || closeAt === undefined) {
      this.abandonBlock(text);
      return true;
    }
    this.flushMarkdown();
    this.out.push({ kind: 'finding', finding });
    this.leaveBlock(text.slice(closeAt));
    this.lineText = '';
    this.atLineStart = true;
    return true;
  }

  private leaveBlock(rest: string): void {
    this.block = undefined;
    this.blockEnd = undefined;
    this.buf = rest;
  }

  /**
   * Give up on the current block: its opener line is shown as markdown and the rest goes back
   * through prose processing (so code fences and later openers are handled as prose).
   */
  private abandonBlock(block: string): void {
    const nl = block.indexOf('\n');
    const lineEnd = nl === -1 ? block.length : nl + 1;
    const opener = block.slice(0, lineEnd);
    this.markdown(opener);
    this.leaveBlock(block.slice(lineEnd));
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
