/**
 * Plans on synthetic data in a real PGlite worker: a missing index shows as a Seq Scan with its
 * reason, the index fix turns it into an Index Scan, a wrong fix is refused with Postgres's
 * message, and nothing a check does survives it.
 */
import * as assert from 'node:assert/strict';
import { formatFixCheck, formatPlanReport, type QueryPlanner } from '../../../src/core/sql';
import { fixturePlanner } from './helpers';

const QUERY = 'SELECT id, total FROM orders WHERE user_id = ? ORDER BY created_at DESC LIMIT 20';

describe('sql: query plans and fix checks on synthetic data', function () {
  this.timeout(180_000);
  let planner: QueryPlanner;
  let cleanup: () => Promise<void>;
  const logs: string[] = [];

  before(() => {
    ({ planner, cleanup } = fixturePlanner('shop', { rows: 50_000, log: (s) => logs.push(s) }));
  });
  after(async () => cleanup());

  it('loads the schema and generates rows in proportion, respecting the checks', async () => {
    // No data at load: the tables a query names (and their NOT NULL parents) get theirs on first use.
    assert.deepEqual((await planner.schemaStatus()).rows, []);
    assert.ok((await planner.explain('SELECT count(*) FROM orders')).ok);
    const status = await planner.schemaStatus();
    assert.equal(status.summary, 'Schema: 2 tables from db/migrations (1 file, 0 statements skipped)');
    assert.deepEqual(status.rows, [
      { table: 'public.orders', rows: 50_000 },
      { table: 'public.users', rows: 10_000 },
    ]);
    assert.deepEqual(status.dataSkipped, []);
  });

  it('explains a query with a ? parameter filled from the data, and says why it is a Seq Scan', async () => {
    const r = await planner.explain(QUERY);
    assert.ok(r.ok, r.error?.message);
    assert.equal(r.executed, 'SELECT id, total FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT 20');
    assert.equal(r.params.length, 1);
    assert.equal(r.params[0].source, 'orders.user_id');
    assert.equal(r.shape, 'Seq Scan + Sort');
    const scan = r.nodes.find((n) => n.nodeType === 'Seq Scan');
    assert.match(scan?.reason ?? '', /no index on orders\(user_id\)/);
    assert.equal(r.mainTable?.rows, 50_000);
    const text = formatPlanReport(r);
    assert.match(text, /^Plan on embedded PostgreSQL \S+ with 50,000 synthetic orders: Seq Scan \+ Sort/);
    assert.match(text, /Why:\n- Sort: no index on orders returns rows in the order created_at DESC \(none has created_at as its next column after the columns fixed by = \(user_id\); its indexes: orders_pkey \(id\)\)/);
  });

  it('checks the index fix: CONCURRENTLY dropped for the check and said so, Seq Scan → Index Scan', async () => {
    const c = await planner.checkFix(QUERY, 'CREATE INDEX CONCURRENTLY orders_user_created_idx ON orders (user_id, created_at DESC);');
    assert.equal(c.applies, true);
    assert.equal(c.verdict, 'faster', c.headline);
    assert.equal(c.before.shape, 'Seq Scan + Sort');
    assert.ok(c.after?.nodes.some((n) => /Index Scan/.test(n.nodeType) && n.index === 'orders_user_created_idx'), formatFixCheck(c));
    assert.ok(!c.after?.nodes.some((n) => n.nodeType === 'Seq Scan'), formatFixCheck(c));
    assert.match(c.headline, /^Checked on embedded PostgreSQL with 50,000 synthetic orders: Seq Scan \+ Sort [\d.]+ ms → (Index Scan|Bitmap Heap Scan)\b.* using orders_user_created_idx [\d.]+ ms — rows read 50,000 → \d+\b/);
    assert.equal(c.judgement?.decidedBy, 'counters');
    // The after plan's why speaks of the index the fix created (read from the catalog inside the fix's transaction).
    const after = formatFixCheck(c).split('After:')[1] ?? '';
    assert.doesNotMatch(after, /no index on orders\(user_id\)/);
    if (c.after?.nodes.some((n) => n.nodeType === 'Sort')) {
      assert.match(after, /Sort: orders_user_created_idx \(user_id, created_at\)/);
    }
    assert.ok(c.rewrites.some((r) => /CONCURRENTLY/.test(r)));
    assert.match(formatFixCheck(c), /applies cleanly/);
  });

  it('rolls the fix back: the next plan is a Seq Scan again', async () => {
    const r = await planner.explain(QUERY);
    assert.equal(r.shape, 'Seq Scan + Sort');
    const model = await planner.schema();
    assert.ok(!model.tables.find((t) => t.name === 'orders')?.indexes.some((i) => i.name === 'orders_user_created_idx'));
  });

  it("refuses a fix with a wrong column with Postgres's own message", async () => {
    const c = await planner.checkFix(QUERY, 'CREATE INDEX orders_user_idx ON orders (usr_id);');
    assert.equal(c.applies, false);
    assert.equal(c.verdict, 'fix-failed');
    assert.equal(c.error?.message, 'column "usr_id" does not exist');
    assert.equal(c.error?.code, '42703');
    assert.equal(c.after, undefined);
    assert.match(c.headline, /^The fix does not apply on embedded PostgreSQL with 50,000 synthetic orders: column "usr_id" does not exist/);
  });

  it('says plainly when a fix changes nothing in the plan', async () => {
    const c = await planner.checkFix(QUERY, 'CREATE INDEX orders_total_idx ON orders (total);');
    assert.equal(c.applies, true);
    assert.equal(c.verdict, 'unchanged', c.headline);
    assert.match(c.headline, /the fix applies cleanly but does not change the plan \(Seq Scan \+ Sort/);
  });

  it('runs a data-changing statement inside a transaction that is rolled back', async () => {
    const u = await planner.explain('UPDATE orders SET total = 0 WHERE id = 1');
    assert.ok(u.ok && u.rolledBack);
    const r = await planner.explain('SELECT id FROM orders WHERE id = 1 AND total = 0');
    assert.equal(r.nodes[0].actualRows, 0);
  });

  it("reports a query Postgres rejects with Postgres's message", async () => {
    const r = await planner.explain('SELECT nope FROM orders');
    assert.equal(r.ok, false);
    assert.equal(r.error?.message, 'column "nope" does not exist');
    assert.match(formatPlanReport(r), /^The query failed on embedded PostgreSQL: column "nope" does not exist/);
  });

  it('regenerates the data at the scale a question names', async () => {
    await planner.explain('SELECT count(*) FROM users', { rows: 2_000, table: 'users' });
    const status = await planner.schemaStatus();
    assert.deepEqual(status.rows.find((r) => r.table === 'public.users'), { table: 'public.users', rows: 2_000 });
  });
});

describe('sql: idle shutdown and the loaded snapshot', function () {
  this.timeout(180_000);

  it('stops the worker after idle and restarts from the saved snapshot instead of replaying the schema', async () => {
    let stopped: () => void = () => undefined;
    const stoppedOnce = new Promise<void>((r) => (stopped = r));
    const { planner, cleanup } = fixturePlanner('plain', {
      idleMs: 300,
      log: (s) => s.includes('embedded database stopped') && stopped(),
    });
    try {
      const first = await planner.schemaStatus();
      assert.equal(first.timings.fromSnapshot, false);
      await stoppedOnce;
      const again = await planner.schemaStatus();
      assert.equal(again.timings.fromSnapshot, true);
      assert.equal(again.summary, first.summary);
      assert.deepEqual(again.skipped, first.skipped);
    } finally {
      await cleanup();
    }
  });
});

describe('sql: reloading when the schema files change', function () {
  this.timeout(180_000);

  it('notices an edited migration by itself and a new one after invalidate()', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { createQueryPlanner } = await import('../../../src/core/sql');
    const { SCHEMA_FIXTURES } = await import('./helpers');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-pg-reload-'));
    fs.cpSync(path.join(SCHEMA_FIXTURES, 'shop'), root, { recursive: true });
    const planner = createQueryPlanner({ root, rows: 100, cacheDir: path.join(root, '.cache') });
    try {
      assert.equal((await planner.schemaStatus()).tables, 2);
      const file = path.join(root, 'db', 'migrations', '001_shop.sql');
      fs.appendFileSync(file, '\nCREATE TABLE coupons (code text PRIMARY KEY);\n');
      assert.equal((await planner.schemaStatus()).tables, 3, 'an edited file is seen without invalidate()');
      fs.writeFileSync(path.join(root, 'db', 'migrations', '002_refunds.sql'), 'CREATE TABLE refunds (id bigserial PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id));\n');
      planner.invalidate();
      const status = await planner.schemaStatus();
      assert.equal(status.tables, 4);
      assert.equal(status.files, 2);
    } finally {
      await planner.dispose();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
