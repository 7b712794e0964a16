/**
 * What a review of changes attaches for one file: each hunk (with its context lines) as its own
 * range, never one span from the first hunk to the last, and a new untracked file whole. Pure.
 *
 * VS Code 1.139's chat keeps one attachment per file and range text, and ranges passed by an
 * extension all print alike, so a second range of the same file would be dropped. Each hunk is
 * therefore attached under the file's URI with a fragment naming the hunk (`#architect-hunk-2`),
 * which the context stage removes again (withoutHunkFragment) before it opens the document.
 */
import { hunkSpan, mergeSpans, type FileDiff, type LineSpan } from './hunks';

export const HUNK_FRAGMENT_PREFIX = 'architect-hunk-';

/** The hunks of `file` as separate new-side spans (hunks that overlap or touch are merged). */
export function hunkAttachmentSpans(file: FileDiff, totalLines: number): LineSpan[] {
  return mergeSpans(file.hunks.map((h) => hunkSpan(h, 0, totalLines)));
}

/** The fragment that keeps the n-th range of a file a separate attachment (0: none needed). */
export function hunkFragment(index: number): string {
  return index === 0 ? '' : `${HUNK_FRAGMENT_PREFIX}${index + 1}`;
}

/** True for a fragment written by hunkFragment. */
export function isHunkFragment(fragment: string): boolean {
  return fragment.startsWith(HUNK_FRAGMENT_PREFIX) && /^\d+$/.test(fragment.slice(HUNK_FRAGMENT_PREFIX.length));
}

/** A FileDiff for an untracked file: everything in it is added. */
export function untrackedFileDiff(path: string, lineCount: number): FileDiff {
  const lines = Math.max(1, lineCount);
  return {
    newPath: path,
    binary: false,
    hunks: [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: lines, addedLines: Array.from({ length: lines }, (_, i) => i + 1), removedNear: [] }],
  };
}
