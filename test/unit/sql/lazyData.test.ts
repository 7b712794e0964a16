/**
 * Only the data a query needs: the tables it names and the parents their NOT NULL foreign keys
 * need are generated, the others stay empty until a query reads them; sizes from a scale file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSchemaModel } from '../../../src/core/sql/model';
import { emptyLazyState, ensureDataFor, parseScaleFile, tablesInQuery } from '../../../src/core/sql/lazyData';
import { plannedRowCounts } from '../../../src/core/sql/synth';
import { PgliteWorker } from '../../../src/core/sql/workerClient';
import { createQueryPlanner } from '../../../src/core/sql';
import * as os from 'node:os';

const REPO = path.resolve(__dirname, '../../../..');
const DDL = `
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE "Order" (id serial PRIMARY KEY, user_id int NOT NULL REFERENCES users (id), coupon_id int, total numeric(10, 2) NOT NULL);
CREATE TABLE coupons (id serial PRIMARY KEY, code text NOT NULL);
ALTER TABLE "Order" ADD FOREIGN KEY (coupon_id) REFERENCES coupons (id);
CREATE TABLE tags (id serial PRIMARY KEY, label text NOT NULL);
`;

describe('sql: synthetic data only for what the query reads', function () {
  this.timeout(120_000);

  it('finds the tables a query names, quoted or not, and not in strings', () => {
    const t = (name: string) => ({ schema: 'public', name, qualified: `public.${name}`, columns: [], primaryKey: [], uniques: [], foreignKeys: [], checks: [], indexes: [] });
    const model = { tables: [t('users'), t('Order'), t('tags')] };
    assert.deepEqual([...tablesInQuery(model, `SELECT * FROM "Order" o JOIN Users u ON u.id = o.user_id WHERE o.note = 'tags'`)], ['public.users', 'public.Order']);
    assert.deepEqual([...tablesInQuery(model, 'SELECT 1')], []);
  });

  it('reads a scale file and sizes those tables by it', () => {
    const sizes = parseScaleFile('{ "orders": 5e6, "users": 2e5 }');
    assert.deepEqual([...sizes], [['orders', 5_000_000], ['users', 200_000]]);
    assert.throws(() => parseScaleFile('{ "orders": "many" }'), /orders "many" rows/);
    const t = (name: string) => ({ schema: 'public', name, qualified: `public.${name}`, columns: [], primaryKey: [], uniques: [], foreignKeys: [], checks: [], indexes: [] });
    const counts = plannedRowCounts({ tables: [t('orders'), t('users'), t('tags')] }, { rows: 1000, sizes });
    assert.deepEqual([...counts], [['public.orders', 5_000_000], ['public.users', 200_000], ['public.tags', 1000]]);
  });

  it('generates the queried table and its required parent on first use, nothing else', async () => {
    const worker = new PgliteWorker(path.join(REPO, 'dist', 'pglite', 'worker.js'), 60_000);
    try {
      await worker.init({ extensions: [], extensionDirs: [path.join(REPO, 'dist', 'pglite')], ...(fs.existsSync(path.join(REPO, 'dist', 'pglite', 'base-datadir.tgz')) ? { dataDir: path.join(REPO, 'dist', 'pglite', 'base-datadir.tgz') } : {}) });
      await worker.exec(DDL);
      const model = await readSchemaModel(worker);
      const state = emptyLazyState();
      const options = { rows: 500, seed: 42 };
      assert.equal(await ensureDataFor(worker, model, 'SELECT 1', state, options), undefined);
      await ensureDataFor(worker, model, 'SELECT * FROM "Order" WHERE user_id = $1', state, options);
      const count = async (table: string) => (await worker.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
      assert.ok((await count('"Order"')) > 0);
      assert.ok((await count('users')) > 0, 'the NOT NULL parent');
      assert.equal(await count('coupons'), 0, 'a nullable parent is not needed');
      assert.equal(await count('tags'), 0);
      assert.equal(await count('"Order" WHERE coupon_id IS NOT NULL'), 0, 'no key into an empty table');
      // A later query reads tags: only tags is generated, the orders stay as they were.
      const before = await count('"Order"');
      const report = await ensureDataFor(worker, model, 'SELECT * FROM tags', state, options);
      assert.deepEqual([...(report?.rows.keys() ?? [])].filter((t) => !['public.Order', 'public.users'].includes(t)), ['public.tags']);
      assert.ok((await count('tags')) > 0);
      assert.equal(await count('"Order"'), before);
    } finally {
      await worker.terminate();
    }
  });

  it('the planner loads no data, then generates per query what it reads, and keeps it in the snapshot', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-lazy-'));
    const cacheDir = path.join(root, '.cache');
    fs.mkdirSync(path.join(root, 'migrations'));
    fs.writeFileSync(
      path.join(root, 'migrations', '001_init.sql'),
      'CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);\n' +
        'CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), total int NOT NULL);\n' +
        'CREATE TABLE tags (id bigserial PRIMARY KEY, label text NOT NULL);\n',
    );
    const logs: string[] = [];
    const options = { root, rows: 300, cacheDir, snapshotAfterLoad: true, log: (s: string) => logs.push(s) };
    const withRows = (rows: readonly { table: string; rows: number }[]) => rows.filter((r) => r.rows > 0).map((r) => r.table).sort();
    let planner = createQueryPlanner(options);
    try {
      const loaded = await planner.schemaStatus();
      assert.equal(loaded.tables, 3);
      assert.deepEqual(withRows(loaded.rows), [], 'no table is filled at load');
      const r = await planner.explain('SELECT o.id FROM orders o WHERE o.user_id = $1');
      assert.ok(r.ok, r.error?.message);
      assert.equal(r.params[0]?.source, 'orders.user_id', 'the parameter is taken from the generated rows');
      assert.deepEqual(withRows((await planner.schemaStatus()).rows), ['public.orders', 'public.users'], 'the table and its NOT NULL parent');
      const orders = (await planner.schemaStatus()).rows.find((x) => x.table === 'public.orders')?.rows;
      await planner.explain('SELECT count(*) FROM tags');
      const after = await planner.schemaStatus();
      assert.deepEqual(withRows(after.rows), ['public.orders', 'public.tags', 'public.users']);
      assert.equal(after.rows.find((x) => x.table === 'public.orders')?.rows, orders, 'the orders are left as they were');
    } finally {
      await planner.dispose();
    }
    // The snapshot saved at dispose holds the generated tables: the next run starts with them and
    // does not generate them again.
    planner = createQueryPlanner(options);
    try {
      const restored = await planner.schemaStatus();
      assert.equal(restored.timings.fromSnapshot, true);
      assert.deepEqual(withRows(restored.rows), ['public.orders', 'public.tags', 'public.users']);
      logs.length = 0;
      const again = await planner.explain('SELECT o.id FROM orders o JOIN users u ON u.id = o.user_id WHERE u.email = $1');
      assert.ok(again.ok, again.error?.message);
      assert.deepEqual(logs.filter((s) => /^synthetic data/.test(s)), [], 'nothing generated again');
    } finally {
      await planner.dispose();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
