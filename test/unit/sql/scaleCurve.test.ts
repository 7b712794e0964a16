import * as assert from 'node:assert/strict';
import { chatCurvePlan, classifyGrowth, extrapolate, parseSizes, ROWS_FLOOR, seriesOf, type ScalePoint } from '../../../src/core/sql/scaleCurve';
import { scaleCurveMarkdown } from '../../../src/core/sql/scaleText';

const SIZES = [1e3, 1e4, 1e5, 1e6];

function point(size: number, rowsRead: number, buffers: number, medianMs: number, plan = 'Seq Scan'): ScalePoint {
  return { size, tables: [], ok: true, plan, rowsRead, buffers, rowsSorted: 0, medianMs, minMs: medianMs, maxMs: medianMs, runs: 3 };
}

describe('sql: the scale curve — classifying growth from counter series', () => {
  it('tells constant, logarithmic, linear and worse apart on synthetic series', () => {
    assert.equal(classifyGrowth(SIZES, [1, 1, 1, 1], ROWS_FLOOR).class, 'constant');
    // Noise of the synthetic data (a handful of rows per key) is not a trend.
    assert.equal(classifyGrowth(SIZES, [4, 7, 5, 6], ROWS_FLOOR).class, 'constant');
    const log = classifyGrowth(SIZES, SIZES.map((n) => Math.round(40 * Math.log2(n))), ROWS_FLOOR);
    assert.equal(log.class, 'logarithmic');
    assert.ok(log.exponent > 0 && log.exponent < 0.2, `log-log slope ${log.exponent}`);
    const linear = classifyGrowth(SIZES, SIZES.map((n) => n + 50), ROWS_FLOOR);
    assert.equal(linear.class, 'linear');
    assert.ok(Math.abs(linear.exponent - 1) < 0.05);
    // n log n is still linear in shape (a sort over the rows read).
    assert.equal(classifyGrowth(SIZES, SIZES.map((n) => n * Math.log2(n)), ROWS_FLOOR).class, 'linear');
    const quadratic = classifyGrowth(SIZES, SIZES.map((n) => (n * n) / 100), ROWS_FLOOR);
    assert.equal(quadratic.class, 'worse');
    assert.ok(Math.abs(quadratic.exponent - 2) < 0.05);
    assert.equal(classifyGrowth(SIZES, SIZES.map((n) => Math.round(Math.sqrt(n) * 10)), ROWS_FLOOR).class, 'sublinear');
  });

  it('reads a plan that gets cheaper with the size as constant, and one size as no class', () => {
    // A small table is read whole (Seq Scan), a larger one through its primary key.
    assert.equal(classifyGrowth([100, 1000, 10000], [100, 1, 1], ROWS_FLOOR).class, 'constant');
    assert.equal(classifyGrowth([1000], [1000]).class, undefined);
    assert.equal(classifyGrowth(SIZES, [0, 0, 0, 0]).class, undefined);
  });

  it('extrapolates by the class, from the tail for power growth', () => {
    const linear = SIZES.map((n) => n);
    assert.equal(Math.round(extrapolate(SIZES, linear, classifyGrowth(SIZES, linear, ROWS_FLOOR), 2e7)), 2e7);
    const flat = [3, 3, 3, 3];
    assert.equal(extrapolate(SIZES, flat, classifyGrowth(SIZES, flat, ROWS_FLOOR), 1e9), 3);
    const quadratic = SIZES.map((n) => (n * n) / 100);
    assert.equal(Math.round(extrapolate(SIZES, quadratic, classifyGrowth(SIZES, quadratic, ROWS_FLOOR), 1e7)), 1e12);
    const log = SIZES.map((n) => 40 * Math.log2(n));
    assert.ok(Math.abs(extrapolate(SIZES, log, classifyGrowth(SIZES, log, ROWS_FLOOR), 1e9) - 40 * Math.log2(1e9)) < 1);
  });

  it('decides from rows read, not from the timings, and estimates time from the counters', () => {
    // Times that look constant (fixed costs dominate) do not override counters that grow linearly.
    const s = seriesOf(SIZES.map((n) => point(n, n, n / 100, 5)), 1e7);
    assert.equal(s.basis, 'rows read');
    assert.equal(s.growth.class, 'linear');
    assert.equal(s.time.class, 'constant');
    // Times under a millisecond are classified as they are (not taken as one).
    assert.equal(seriesOf(SIZES.map((n) => point(n, n, n / 100, n / 1e5))).time.class, 'linear');
    assert.equal(Math.round(s.estimate!.rowsRead), 1e7);
    assert.equal(Math.round(s.estimate!.ms), 50);
    // No scan read a row: buffers decide.
    assert.equal(seriesOf(SIZES.map((n) => point(n, 0, n / 10, 1))).basis, 'buffers');
    const flip = seriesOf([point(100, 100, 1, 0.1), point(1000, 1, 2, 0.1, 'Index Scan using users_pkey')]);
    assert.deepEqual(flip.planChanges, ['Seq Scan at 100 → Index Scan using users_pkey at 1,000']);
    assert.equal(seriesOf(flip.points, 1e5).estimate?.planChangedAtTail, true);
    assert.equal(s.estimate?.planChangedAtTail, undefined);
  });

  it('parses sizes as written', () => {
    assert.deepEqual(parseSizes('1e3,1e4, 100k,1M,1e4'), [1e3, 1e4, 1e5, 1e6]);
    assert.throws(() => parseSizes('1e3,lots'), /'lots' is not a row count/);
  });
});

describe('sql: the scale curve in the chat', () => {
  it('measures three decades up to the named scale (at most 100,000) and estimates at the named scale', () => {
    assert.deepEqual(chatCurvePlan(1e5), { sizes: [1000, 10000, 100000], at: 1e5 });
    assert.deepEqual(chatCurvePlan(1e7), { sizes: [1000, 10000, 100000], at: 1e7 });
    assert.deepEqual(chatCurvePlan(5000), { sizes: [500, 5000], at: 5000 });
    assert.deepEqual(chatCurvePlan(50), { sizes: [100, 1000], at: 50 });
  });

  it('renders a Markdown table with the growth and the labelled estimate', () => {
    const before = seriesOf(SIZES.map((n) => point(n, n, n / 100, n / 1000)), 2e7);
    const md = scaleCurveMarkdown({ query: 'SELECT 1', anchor: 'orders', sizes: SIZES, before, at: 2e7, seconds: [] });
    const lines = md.split('\n');
    assert.equal(lines[0], '**Scale curve** (rows in orders; embedded PostgreSQL, synthetic data)');
    assert.match(md, /^\| size \| plan \| rows read \| buffers \| time \(median, spread\) \|$/m);
    assert.match(md, /^\| 1,000,000 \| Seq Scan \| 1,000,000 \| 10,000 \| 1\.0 s \(1\.0 s–1\.0 s, 3 runs\) \|$/m);
    assert.match(md, /^Growth: \*\*linear\*\*/m);
    assert.match(md, /^_Estimate at 20,000,000 rows in orders \(extrapolated, not measured\): rows read ≈ 20,000,000/m);
  });
});
