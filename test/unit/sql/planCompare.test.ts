/**
 * The fix check's verdict follows what the plans count (rows read, buffers, rows sorted, a sort
 * spilling), never one timing: synthetic plans with noisy timings, as a busy machine gives them.
 */
import * as assert from 'node:assert/strict';
import { compareFix, prepareFix } from '../../../src/core/sql/fixCheck';
import { judgePlans, planWork, timingOf, timingsSeparate } from '../../../src/core/sql/planCompare';
import { bitmapScan, index, ordersModel, report, seqScan, sort } from './planFixtures';

const QUERY = 'SELECT id FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT 5';
const FIX = 'CREATE INDEX idx_o_u ON orders (user_id)';

function check(before: ReturnType<typeof report>, after: ReturnType<typeof report>) {
  return compareFix(QUERY, FIX, prepareFix(FIX), before, after);
}

describe('sql: fix verdicts from the plans’ counters', () => {
  const model = ordersModel();
  const after = ordersModel([index('idx_o_u', 'orders', ['user_id'])]);
  const seqPlan = () => sort(seqScan(5, 1995));
  const bitmapPlan = () => sort(bitmapScan('idx_o_u', 5));

  it('says faster when the index reads 5 rows instead of 2,000, even when the after runs were slowed by a busy machine', () => {
    // The failure seen on a loaded box: before 0.47 ms, after 8.3 ms — the index plan had a slow run.
    const c = check(report(seqPlan(), model, [0.47, 0.45, 0.5, 0.46, 0.48]), report(bitmapPlan(), after, [8.3, 7.9, 9.1, 8.8, 8.4]));
    assert.equal(c.verdict, 'faster', c.headline);
    assert.equal(c.judgement?.decidedBy, 'counters');
    assert.match(c.headline, /rows read 2,000 → 5/);
    assert.match(c.headline, /→ Bitmap Heap Scan \+ Sort using idx_o_u /);
    assert.doesNotMatch(c.headline, /slower/);
    assert.equal(c.judgement?.access, 'orders: Seq Scan → Bitmap Heap Scan using idx_o_u');
  });

  it('says slower when the new plan reads more rows and buffers, however fast its runs were', () => {
    const c = check(report(bitmapPlan(), after, [9, 8, 10, 9, 12]), report(seqPlan(), model, [0.1, 0.1, 0.2, 0.1, 0.1]));
    assert.equal(c.verdict, 'slower', c.headline);
    assert.equal(c.judgement?.decidedBy, 'counters');
    assert.match(c.headline, /gets slower: .* — rows read 5 → 2,000, shared buffers 7 → 22/);
  });

  it('counts a sort that stops spilling to disk as faster when nothing else changed', () => {
    const spilled = sort(seqScan(5, 1995), ['created_at DESC'], { 'Sort Method': 'external merge', 'Sort Space Type': 'Disk', 'Sort Space Used': 900 });
    const j = judgePlans(report(spilled, model, [5, 50, 6, 7, 5]), report(seqPlan(), model, [40, 6, 5, 60, 5]));
    assert.equal(j.direction, 'faster');
    assert.deepEqual(j.signals, ['the sort no longer spills to disk']);
  });

  it('says no measurable difference when the plan changes but the counters do not and the timings overlap', () => {
    const other = ordersModel([index('idx_o_u2', 'orders', ['user_id'])]);
    const c = check(report(bitmapPlan(), after, [0.2, 0.9, 0.3, 0.25, 0.4]), report(sort(bitmapScan('idx_o_u2', 5)), other, [0.6, 0.2, 1.1, 0.3, 0.5]));
    assert.equal(c.verdict, 'plan-changed', c.headline);
    assert.equal(c.judgement?.decidedBy, 'none');
    assert.match(c.headline, /no measurable difference/);
  });

  it('falls back to timings only when their runs separate clearly', () => {
    const b = timingOf([10, 11, 10.5, 10.2, 10.8], 1);
    assert.equal(timingsSeparate(b, timingOf([2, 2.2, 2.1, 2.3, 2.05], 1)), 'faster');
    assert.equal(timingsSeparate(b, timingOf([2, 2.2, 25, 2.3, 2.05], 1)), 'no-difference', 'one slow run widens the spread past the gap');
    assert.equal(timingsSeparate(b, timingOf([8, 8.2, 8.1, 8.3, 8.05], 1)), 'no-difference', 'apart, but not by a factor');
    assert.equal(timingsSeparate(timingOf([10], 0), timingOf([1], 0)), 'no-difference', 'one run each is no evidence');
  });

  it('keeps the same plan doing the same work "unchanged" whatever its timings', () => {
    const c = check(report(seqPlan(), model, [0.4, 0.5, 0.4, 0.45, 0.42]), report(seqPlan(), model, [9, 8, 12, 9, 10]));
    assert.equal(c.verdict, 'unchanged', c.headline);
  });

  it('says in the fix headline when the plan is of an empty table', () => {
    const empty = ordersModel([], 0);
    const c = check(report(seqScan(0, 0, "(user_id = '1'::bigint)", 0), empty, [0.02, 0.03, 0.02]), report(bitmapScan('idx_o_u', 0, "(user_id = '1'::bigint)", 1), empty, [0.02, 0.02, 0.03]));
    assert.equal(c.verdict, 'plan-changed', c.headline);
    assert.match(c.headline, /^Checked on embedded PostgreSQL with 0 synthetic orders: .* \(the plan is of an empty table: orders has no synthetic rows\)$/);
  });

  it('counts rows over loops, the rows removed by the filter and the recheck', () => {
    const r = report(sort(seqScan(5, 1995)), model, [1]);
    assert.deepEqual(planWork(r), { rowsRead: 2000, rowsSorted: 5, buffers: 22, sortSpilled: false, mainAccess: 'Seq Scan' });
    const loops = report({ ...seqScan(2, 8), 'Actual Loops': 100 }, model, [1]);
    assert.equal(planWork(loops).rowsRead, 1000);
  });
});
