/**
 * Unified-diff parsing for Review Uncommitted Changes (pure; no vscode import). Parses the
 * output of `git diff HEAD --unified=3` into files and hunks, and turns a file's hunks into the
 * new-side line ranges that are sent to the model.
 *
 * Lines are 1-based and inclusive.
 */

export interface DiffHunk {
  /** 1-based first line of the hunk on the old side (0 when the old side is empty). */
  readonly oldStart: number;
  readonly oldLines: number;
  /** 1-based first line of the hunk on the new side (0 when the new side is empty). */
  readonly newStart: number;
  readonly newLines: number;
  /** The new-side lines that were added or changed ('+' lines), 1-based. */
  readonly addedLines: readonly number[];
  /** The new-side line nearest to each removed line run (removals leave no line to point at). */
  readonly removedNear: readonly number[];
}

export interface FileDiff {
  /** Path on the old side (undefined for an added file), as git prints it (relative, '/' separators). */
  readonly oldPath?: string;
  /** Path on the new side (undefined for a deleted file). */
  readonly newPath?: string;
  readonly hunks: readonly DiffHunk[];
  readonly binary: boolean;
}

export interface LineSpan {
  readonly startLine: number;
  readonly endLine: number;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Undoes git's C-style quoting of paths with special characters ("a/t\303\251st.ts"). */
export function unquoteGitPath(p: string): string {
  if (!p.startsWith('"') || !p.endsWith('"') || p.length < 2) {
    return p;
  }
  const body = p.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const n = body[++i];
    if (n !== undefined && /[0-7]/.test(n)) {
      const oct = body.slice(i, i + 3);
      bytes.push(parseInt(oct, 8));
      i += 2;
    } else {
      const map: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
      bytes.push(n === undefined ? 92 : (map[n] ?? n.charCodeAt(0)));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripPrefix(p: string): string | undefined {
  const path = unquoteGitPath(p.trim().replace(/\t.*$/, ''));
  if (path === '/dev/null') {
    return undefined;
  }
  return path.replace(/^[ab]\//, '');
}

/** Parses a unified diff (as printed by `git diff`). Tolerates CRLF and text outside files. */
export function parseUnifiedDiff(diff: string): FileDiff[] {
  const lines = diff.split(/\r?\n/);
  const files: FileDiff[] = [];
  let current: { oldPath?: string; newPath?: string; hunks: DiffHunk[]; binary: boolean; sawHeaders: boolean } | undefined;
  const finish = () => {
    if (current) {
      files.push({ oldPath: current.oldPath, newPath: current.newPath, hunks: current.hunks, binary: current.binary });
    }
    current = undefined;
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.startsWith('diff --git ')) {
      finish();
      current = { hunks: [], binary: false, sawHeaders: false };
      // Paths from the "diff --git a/x b/x" line; refined by ---/+++ and rename headers.
      const m = /^diff --git (?:"a\/((?:[^"\\]|\\.)*)"|a\/(\S+)) (?:"b\/((?:[^"\\]|\\.)*)"|b\/(\S+))$/.exec(line);
      if (m) {
        current.oldPath = m[1] !== undefined ? unquoteGitPath(`"${m[1]}"`) : m[2];
        current.newPath = m[3] !== undefined ? unquoteGitPath(`"${m[3]}"`) : m[4];
      }
      i++;
      continue;
    }
    if (line.startsWith('--- ') && lines[i + 1]?.startsWith('+++ ')) {
      if (!current || current.sawHeaders) {
        finish();
        current = { hunks: [], binary: false, sawHeaders: false };
      }
      current.sawHeaders = true;
      current.oldPath = stripPrefix(line.slice(4));
      current.newPath = stripPrefix(lines[i + 1].slice(4));
      i += 2;
      continue;
    }
    if (current && /^Binary files .* differ$/.test(line)) {
      current.binary = true;
      i++;
      continue;
    }
    if (current && line.startsWith('new file mode')) {
      current.oldPath = undefined;
    } else if (current && line.startsWith('deleted file mode')) {
      current.newPath = undefined;
    } else if (current && line.startsWith('rename to ')) {
      current.newPath = unquoteGitPath(line.slice('rename to '.length));
    } else if (current && line.startsWith('rename from ')) {
      current.oldPath = unquoteGitPath(line.slice('rename from '.length));
    }
    const h = HUNK_HEADER.exec(line);
    if (h && current) {
      const oldStart = Number(h[1]);
      const oldLines = h[2] === undefined ? 1 : Number(h[2]);
      const newStart = Number(h[3]);
      const newLines = h[4] === undefined ? 1 : Number(h[4]);
      const addedLines: number[] = [];
      const removedNear: number[] = [];
      let oldSeen = 0;
      let newSeen = 0;
      let newLine = newStart;
      let inRemoval = false;
      i++;
      while (i < lines.length && (oldSeen < oldLines || newSeen < newLines)) {
        const l = lines[i];
        const c = l[0];
        if (c === '+') {
          addedLines.push(newLine++);
          newSeen++;
          inRemoval = false;
        } else if (c === '-') {
          if (!inRemoval) {
            removedNear.push(Math.max(1, newLine));
          }
          inRemoval = true;
          oldSeen++;
        } else if (c === ' ' || l === '') {
          newLine++;
          newSeen++;
          oldSeen++;
          inRemoval = false;
        } else if (c === '\\') {
          // "\ No newline at end of file"
        } else {
          break;
        }
        i++;
      }
      while (lines[i]?.startsWith('\\')) {
        i++;
      }
      current.hunks.push({ oldStart, oldLines, newStart, newLines, addedLines, removedNear });
      continue;
    }
    i++;
  }
  finish();
  return files;
}

/**
 * The new-side lines a hunk covers (its context lines included), widened by `extraContext`
 * lines on each side and clamped to [1, totalLines]. A pure deletion at the end of a file has
 * no new-side lines; it is anchored at the line before the removal.
 */
export function hunkSpan(hunk: DiffHunk, extraContext = 0, totalLines = Number.MAX_SAFE_INTEGER): LineSpan {
  const start = hunk.newLines === 0 ? Math.max(1, hunk.newStart) : hunk.newStart;
  const end = hunk.newLines === 0 ? start : hunk.newStart + hunk.newLines - 1;
  const last = Math.max(1, totalLines);
  return {
    startLine: Math.min(last, Math.max(1, start - extraContext)),
    endLine: Math.min(last, Math.max(1, end + extraContext)),
  };
}

/** Merges spans that overlap or touch (gap ≤ maxGap lines); the result is sorted. */
export function mergeSpans(spans: readonly LineSpan[], maxGap = 0): LineSpan[] {
  const sorted = [...spans].sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
  const out: LineSpan[] = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    if (prev && s.startLine <= prev.endLine + 1 + maxGap) {
      out[out.length - 1] = { startLine: prev.startLine, endLine: Math.max(prev.endLine, s.endLine) };
    } else {
      out.push({ ...s });
    }
  }
  return out;
}

/** Compact description of changed lines, e.g. "12-15, 40". */
export function describeLines(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) {
      j++;
    }
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** The lines a review of this file should focus on: added/changed lines and where lines were removed. */
export function changedLinesOf(file: FileDiff): number[] {
  return [...new Set(file.hunks.flatMap((h) => [...h.addedLines, ...h.removedNear]))].sort((a, b) => a - b);
}
