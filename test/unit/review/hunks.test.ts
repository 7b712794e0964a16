import * as assert from 'node:assert/strict';
import { changedLinesOf, describeLines, hunkSpan, mergeSpans, parseUnifiedDiff, unquoteGitPath } from '../../../src/core/review/hunks';

const DIFF = [
  'diff --git a/src/db/users.ts b/src/db/users.ts',
  'index 1111111..2222222 100644',
  '--- a/src/db/users.ts',
  '+++ b/src/db/users.ts',
  '@@ -3,7 +3,8 @@ import x',
  ' const pool = new Pool();',
  ' ',
  ' export async function f() {',
  "-  return pool.query('A');",
  "+  const r = await pool.query('B');",
  '+  return r;',
  ' }',
  ' ',
  ' export const y = 1;',
  '@@ -40,4 +41,3 @@',
  ' a',
  '-b',
  ' c',
  ' d',
  'diff --git a/old.ts b/old.ts',
  'deleted file mode 100644',
  '--- a/old.ts',
  '+++ /dev/null',
  '@@ -1,2 +0,0 @@',
  '-x',
  '-y',
  'diff --git a/img.png b/img.png',
  'Binary files a/img.png and b/img.png differ',
  '',
].join('\n');

describe('review hunks', () => {
  it('parses files, hunks, added lines and removal points', () => {
    const files = parseUnifiedDiff(DIFF);
    assert.equal(files.length, 3);
    const [users, old, img] = files;
    assert.equal(users.newPath, 'src/db/users.ts');
    assert.deepEqual(
      users.hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines]),
      [[3, 7, 3, 8], [40, 4, 41, 3]],
    );
    assert.deepEqual(users.hunks[0].addedLines, [6, 7]);
    assert.deepEqual(users.hunks[0].removedNear, [6]);
    assert.deepEqual(users.hunks[1].addedLines, []);
    assert.deepEqual(users.hunks[1].removedNear, [42]);
    assert.deepEqual(changedLinesOf(users), [6, 7, 42]);
    assert.equal(old.newPath, undefined);
    assert.equal(old.oldPath, 'old.ts');
    assert.equal(img.binary, true);
  });

  it('handles CRLF, single-line hunk headers and "no newline" markers', () => {
    const diff = '--- a/a.txt\r\n+++ b/a.txt\r\n@@ -1 +1 @@\r\n-old\r\n\\ No newline at end of file\r\n+new\r\n\\ No newline at end of file\r\n';
    const [f] = parseUnifiedDiff(diff);
    assert.equal(f.newPath, 'a.txt');
    assert.deepEqual(f.hunks[0].addedLines, [1]);
    assert.equal(f.hunks[0].newLines, 1);
  });

  it('unquotes git C-style paths', () => {
    assert.equal(unquoteGitPath('"a/t\\303\\251st \\"q\\".ts"'), 'a/tést "q".ts');
    assert.equal(unquoteGitPath('plain.ts'), 'plain.ts');
  });

  it('spans and merges hunk ranges, clamped to the document', () => {
    const [users] = parseUnifiedDiff(DIFF);
    assert.deepEqual(hunkSpan(users.hunks[0]), { startLine: 3, endLine: 10 });
    assert.deepEqual(hunkSpan(users.hunks[1], 5, 43), { startLine: 36, endLine: 43 });
    assert.deepEqual(hunkSpan({ oldStart: 5, oldLines: 2, newStart: 4, newLines: 0, addedLines: [], removedNear: [5] }), { startLine: 4, endLine: 4 });
    assert.deepEqual(
      mergeSpans([{ startLine: 10, endLine: 12 }, { startLine: 1, endLine: 3 }, { startLine: 4, endLine: 5 }, { startLine: 20, endLine: 22 }]),
      [{ startLine: 1, endLine: 5 }, { startLine: 10, endLine: 12 }, { startLine: 20, endLine: 22 }],
    );
    assert.equal(describeLines([7, 3, 4, 5, 9, 9]), '3-5, 7, 9');
  });
});
