/**
 * Reparsing an edited file from its previous tree. tree-sitter reuses every subtree the edit did
 * not touch, so re-checking a 10,000-line file after a one-line change reparses in a few
 * milliseconds instead of a full parse. The editor's rules runs keep the last tree per file here
 * (a few files, least recently used out); a workspace run does not, it would only churn them.
 */
import type { Edit, Point } from '@vscode/tree-sitter-wasm';
import type { Tree } from './treeSitter';

/**
 * The single edit that turns `before` into `after`: the span between their common prefix and
 * common suffix. Indexes and columns are UTF-16 code units, as the wasm binding counts them.
 */
export function textEdit(before: string, after: string): Edit | undefined {
  if (before === after) {
    return undefined;
  }
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) {
    start++;
  }
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) {
    tail++;
  }
  // never split a surrogate pair: widen the edit to the whole character
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) {
    start--;
  }
  if (tail > 0 && isLowSurrogate(before.charCodeAt(before.length - tail))) {
    tail--;
  }
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  const startPosition = pointAt(before, start);
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition,
    oldEndPosition: advance(startPosition, before, start, oldEnd),
    newEndPosition: advance(startPosition, after, start, newEnd),
  };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function pointAt(text: string, index: number): Point {
  return advance({ row: 0, column: 0 }, text, 0, index);
}

/** The point `index` is at, from `from` (at offset `fromIndex` of `text`). */
function advance(from: Point, text: string, fromIndex: number, index: number): Point {
  let { row, column } = from;
  let lineStart = fromIndex - column;
  for (let i = text.indexOf('\n', fromIndex); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  column = index - lineStart;
  return { row, column };
}

interface Entry {
  text: string;
  tree: Tree;
}

/** The last tree of each of a few files, keyed by grammar and path. */
export class TreeCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 16) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * The tree of `text`: the kept one when the text is unchanged, else `parse(text, oldTree)` from
   * the kept tree edited to match (or from nothing). The cache owns the returned tree: callers
   * must not delete it, and take a `copy()` to keep using it after the next call for the same key
   * (the next call edits it, and eviction deletes it).
   */
  treeFor(key: string, text: string, parse: (text: string, old?: Tree) => Tree): Tree {
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key); // re-inserted below: most recently used last
      if (kept.text === text) {
        this.entries.set(key, kept);
        return kept.tree;
      }
      const edit = textEdit(kept.text, text)!;
      kept.tree.edit(edit);
      let tree: Tree;
      try {
        tree = parse(text, kept.tree);
      } finally {
        kept.tree.delete();
      }
      this.entries.set(key, { text, tree });
      return tree;
    }
    const tree = parse(text);
    this.entries.set(key, { text, tree });
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.capacity) {
        break;
      }
      entry.tree.delete();
      this.entries.delete(oldest);
    }
    return tree;
  }

  /** Frees every kept tree. */
  clear(): void {
    for (const entry of this.entries.values()) {
      entry.tree.delete();
    }
    this.entries.clear();
  }
}
