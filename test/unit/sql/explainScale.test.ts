import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { memoryIo } from '../cli/memoryIo';
import { explainCommand } from '../../../src/cli/commands/explain';
import { chatCurvePlan } from '../../../src/core/sql/scaleCurve';
import { runScaleCurve, type ScaleCurve } from '../../../src/core/sql/scaleRun';
import { scaleCurveMarkdown } from '../../../src/core/sql/scaleText';
import { fixturePlanner, SCHEMA_FIXTURES } from './helpers';

function io(argv: string[], cacheDir: string) {
  return memoryIo(argv, SCHEMA_FIXTURES, { ARCHITECT_PERSONAS_CACHE_DIR: cacheDir });
}

describe('sql: architect-personas explain --scale (the scale curve)', function () {
  this.timeout(300_000);
  let cacheDir: string;
  before(() => (cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-scale-test-'))));
  after(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  it('classifies a sequential scan as linear and a primary-key lookup as constant, from the counters', async () => {
    const seq = io(['--schema', 'shop', '--scale', '100,1000,10000', '--format', 'json', "SELECT id FROM orders WHERE status = 'new' AND total > $1"], cacheDir);
    assert.equal(await explainCommand.run(seq.io), 0);
    const curve = (JSON.parse(seq.out()) as { curve: ScaleCurve }).curve;
    assert.equal(curve.anchor, 'orders');
    assert.deepEqual(curve.sizes, [100, 1000, 10000]);
    assert.deepEqual(curve.before.points.map((p) => p.tables.find((t) => t.table === 'orders')?.rows), [100, 1000, 10000]);
    // A Seq Scan reads every row at every size: exactly the table, whatever the machine's load.
    assert.deepEqual(curve.before.points.map((p) => p.rowsRead), [100, 1000, 10000]);
    assert.equal(curve.before.basis, 'rows read');
    assert.equal(curve.before.growth.class, 'linear');
    assert.equal(curve.at, 100_000);
    assert.equal(Math.round(curve.before.estimate!.rowsRead), 100_000);
    assert.match(seq.err(), /scale 3\/3: 10,000 rows in orders/);

    const pk = io(['--schema', 'shop', '--scale', '100,1000,10000', '--at', '2e7', 'SELECT email FROM users WHERE id = $1'], cacheDir);
    assert.equal(await explainCommand.run(pk.io), 0);
    const text = pk.out();
    assert.match(text, /^Scale curve on embedded PostgreSQL: the query at 100, 1,000, 10,000 rows in users\b/);
    assert.match(text, /^ +users +plan +rows read +buffers +time \(median, spread\)$/m);
    assert.match(text, /^ +10,000 +Index Scan using users_pkey +1 +\d+ +[\d.]+ m?s/m);
    assert.match(text, /^Growth: (constant|logarithmic) — rows read/m);
    assert.match(text, /^Estimate at 20,000,000 rows in users — extrapolated from the sizes above, not measured: rows read ≈ 1,/m);
  });

  it('measures the query before and after a fix at each size', async () => {
    const run = io(['--schema', 'shop', '--scale', '1000,10000', '--format', 'json', '--fix', 'CREATE INDEX ON orders (user_id)', 'SELECT id FROM orders WHERE user_id = $1'], cacheDir);
    assert.equal(await explainCommand.run(run.io), 0);
    const curve = (JSON.parse(run.out()) as { curve: ScaleCurve }).curve;
    assert.deepEqual(curve.before.points.map((p) => p.rowsRead), [1000, 10000]);
    assert.equal(curve.before.growth.class, 'linear');
    // A tiny table may still be read whole after the fix; at 10,000 rows the index is used.
    assert.ok(curve.after && curve.after.points.every((p) => p.ok) && /orders_user_id_idx/.test(curve.after.points[1].plan), JSON.stringify(curve.after?.points));
    // Two sizes are too few to classify the few rows one user has (the sampled user differs per
    // size); that the index keeps the reads far below the table's size is what holds.
    assert.ok(curve.after.points[1].rowsRead * 10 < curve.before.points[1].rowsRead, `${curve.after.points[1].rowsRead} rows read after the fix`);
    assert.deepEqual(curve.verdicts?.map((v) => v.verdict), ['faster', 'faster']);
  });

  it('refuses bad sizes with the fix named', async () => {
    const sql = 'SELECT 1';
    await assert.rejects(explainCommand.run(io(['--schema', 'shop', '--scale', '1000', sql], cacheDir).io), /--scale needs two to eight sizes/);
    await assert.rejects(explainCommand.run(io(['--schema', 'shop', '--scale', '1000,lots', sql], cacheDir).io), /'lots' is not a row count/);
    await assert.rejects(explainCommand.run(io(['--schema', 'shop', '--scale', '1,1000', sql], cacheDir).io), /from 10 to 10,000,000/);
    await assert.rejects(explainCommand.run(io(['--schema', 'shop', '--at', '1e7', sql], cacheDir).io), /give --scale too/);
    await assert.rejects(explainCommand.run(io(['--schema', 'shop', '--rows', '100', '--scale', '100,1000', sql], cacheDir).io), /give one/);
  });
});

describe('sql: the scale curve on a planner (the chat\'s /scale)', function () {
  this.timeout(300_000);

  it('sizes the table the question names when the query reads it ("at 10M users")', async () => {
    const { planner, cleanup } = fixturePlanner('shop', { rows: 1000 });
    try {
      const plan = chatCurvePlan(1e7);
      const curve = await runScaleCurve(planner, 'SELECT o.id FROM orders o JOIN users u ON u.id = o.user_id WHERE u.email = $1', { sizes: [1000, 10000], at: plan.at, table: 'users' });
      assert.equal(curve.anchor, 'users');
      assert.deepEqual(curve.before.points.map((p) => p.tables.find((t) => t.table === 'users')?.rows), [1000, 10000]);
      // The join reads the orders whole (no index on user_id): the work grows with the data.
      assert.ok(curve.before.points.every((p) => p.ok && p.rowsRead >= p.size), JSON.stringify(curve.before.points));
      assert.equal(curve.before.growth.class, 'linear');
      assert.match(scaleCurveMarkdown(curve), /_Estimate at 10,000,000 rows in users \(extrapolated, not measured\)/);
    } finally {
      await cleanup();
    }
  });
});
