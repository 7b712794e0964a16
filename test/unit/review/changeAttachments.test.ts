import * as assert from 'node:assert/strict';
import { hunkAttachmentSpans, hunkFragment, isHunkFragment, untrackedFileDiff } from '../../../src/core/review/changeAttachments';
import { parseUnifiedDiff } from '../../../src/core/review/hunks';
import { changesReviewPrompt } from '../../../src/core/review/reviewModel';

const TWO_HUNKS = [
  'diff --git a/src/orders.ts b/src/orders.ts',
  'index 1111111..2222222 100644',
  '--- a/src/orders.ts',
  '+++ b/src/orders.ts',
  '@@ -3,7 +3,7 @@ const pool = new Pool();',
  ' ',
  ' export async function getOrder(id: number, tenantId: number) {',
  '-  return pool.query(a);',
  '+  return pool.query(b);',
  ' }',
  ' ',
  ' export const padding0 = 0;',
  '@@ -40,6 +40,6 @@ export const padding29 = 29;',
  ' ',
  ' export function farAwayUnchangedHelper(): string {',
  "-  return 'far away';",
  "+  return 'changed';",
  ' }',
  ' ',
  '',
].join('\n');

describe('Review of changes (issue #17)', () => {
  it('Review Uncommitted Changes sends each hunk, not one span from the first hunk to the last', () => {
    const [file] = parseUnifiedDiff(TWO_HUNKS);
    assert.deepEqual(hunkAttachmentSpans(file, 60), [
      { startLine: 3, endLine: 9 },
      { startLine: 40, endLine: 45 },
    ]);
    // Each range after the first is kept apart in the chat by a fragment the context stage removes.
    assert.equal(hunkFragment(0), '');
    assert.ok(isHunkFragment(hunkFragment(1)));
    assert.ok(!isHunkFragment('L10') && !isHunkFragment(''));
  });

  it('Review Uncommitted Changes includes untracked files, whole, and says so in the prompt', () => {
    const [tracked] = parseUnifiedDiff(TWO_HUNKS);
    const prompt = changesReviewPrompt(
      [
        { path: 'src/orders.ts', diff: tracked },
        { path: 'src/new/report.ts', diff: untrackedFileDiff('src/new/report.ts', 12), untracked: true },
      ],
      { kind: 'uncommitted' },
    );
    assert.match(prompt, /untracked files included/);
    assert.match(prompt, /`src\/orders\.ts` \(changed lines 5, 42\)/);
    assert.match(prompt, /`src\/new\/report\.ts` \(new, untracked: all of it\)/);
    assert.deepEqual(hunkAttachmentSpans(untrackedFileDiff('x', 12), 12), [{ startLine: 1, endLine: 12 }]);
  });

  it('Review Branch Changes names the base branch and the merge base', () => {
    const [tracked] = parseUnifiedDiff(TWO_HUNKS);
    const prompt = changesReviewPrompt([{ path: 'src/orders.ts', diff: tracked }], { kind: 'branch', base: 'main', mergeBase: '0123456789abcdef0123' });
    assert.match(prompt, /against `main` \(working tree against their merge base 0123456789ab/);
  });
});
