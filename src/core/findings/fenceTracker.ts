/**
 * Tracks whether a line of Markdown prose is inside a fenced code block, CommonMark-style, with
 * list items as containers: a fence written inside a list item may be indented by the item's
 * content indentation plus up to three spaces (`1. text` then `    ```xml`), and it ends when
 * its item ends. Pure; fed one complete line at a time.
 *
 * Deliberately lenient where the model's Markdown is sloppy: a closing fence is accepted at any
 * indentation up to three columns past its container, so an unbalanced indent never leaves the
 * rest of the answer inside a code block.
 */

interface OpenFence {
  readonly ch: string;
  readonly len: number;
  /** Content indentation (columns) of the container the fence was opened in; 0 at the top level. */
  readonly base: number;
}

const LIST_MARKER_RE = /^([-+*]|\d{1,9}[.)])([ \t]+|$)/;
const FENCE_OPEN_RE = /^(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE_RE = /^(`{3,}|~{3,})[ \t]*$/;

/** Columns of leading whitespace (tabs to the next multiple of 4) and where the text starts. */
function indentOf(line: string): { cols: number; at: number } {
  let cols = 0;
  let at = 0;
  for (; at < line.length; at++) {
    const c = line.charCodeAt(at);
    if (c === 32) {
      cols++;
    } else if (c === 9) {
      cols += 4 - (cols % 4);
    } else {
      break;
    }
  }
  return { cols, at };
}

export class MarkdownFenceTracker {
  private fence: OpenFence | undefined;
  /** Content indentation of each open list item, innermost last. */
  private readonly lists: number[] = [];

  get inFence(): boolean {
    return this.fence !== undefined;
  }

  /** Feeds one complete line (without its line break; a trailing CR is ignored). */
  line(raw: string): void {
    const line = raw.length > 0 && raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    const { cols, at } = indentOf(line);
    const text = line.slice(at);
    if (this.fence !== undefined) {
      const fence = this.fence;
      if (text === '') {
        return;
      }
      const close = FENCE_CLOSE_RE.exec(text);
      if (close && close[1][0] === fence.ch && close[1].length >= fence.len && cols <= fence.base + 3) {
        this.fence = undefined;
        return;
      }
      if (cols < fence.base) {
        // Outdented below its list item: the item ends, and the fence with it.
        this.fence = undefined;
        this.container(cols, text);
      }
      return;
    }
    if (text === '') {
      return;
    }
    this.container(cols, text);
  }

  /** A line outside any fence: closes list items it is outdented from, opens items and fences. */
  private container(cols: number, text: string): void {
    while (this.lists.length > 0 && cols < this.lists[this.lists.length - 1]) {
      this.lists.pop();
    }
    const base = this.lists.length > 0 ? this.lists[this.lists.length - 1] : 0;
    if (cols - base > 3) {
      return; // an indented code block (or a continuation): neither a marker nor a fence
    }
    const marker = LIST_MARKER_RE.exec(text);
    if (marker) {
      const spaces = marker[2].replace(/\t/g, '    ').length;
      const rest = text.slice(marker[0].length);
      // CommonMark: content starts after the marker and 1–4 spaces (one when the item is blank or starts with code).
      const contentIndent = cols + marker[1].length + (rest === '' || spaces > 4 ? 1 : spaces);
      this.lists.push(contentIndent);
      if (rest !== '') {
        this.openFence(rest, contentIndent);
      }
      return;
    }
    this.openFence(text, base);
  }

  private openFence(text: string, base: number): void {
    const m = FENCE_OPEN_RE.exec(text);
    if (m && !(m[1][0] === '`' && m[2].includes('`'))) {
      this.fence = { ch: m[1][0], len: m[1].length, base };
    }
  }
}
