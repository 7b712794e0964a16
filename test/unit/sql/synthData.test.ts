/**
 * Synthetic data on the schema shapes that left real tables empty: rows the migrations insert
 * with explicit ids, NOT NULL generated columns over JSON, regular-expression CHECKs, domains,
 * enums, composite, self-referencing and cyclic foreign keys, partial and expression unique
 * indexes. Every table must get rows; what cannot be filled is named in the text summary.
 */
import * as assert from 'node:assert/strict';
import { fillAllTables, fixturePlanner } from './helpers';

describe('sql: synthetic data satisfies the real schema', function () {
  this.timeout(180_000);

  it('fills every table of the hard shapes, keeps the seeded rows and continues keys after them', async () => {
    const { planner, cleanup } = fixturePlanner('data-hard', { rows: 2_000 });
    try {
      await fillAllTables(planner);
      const status = await planner.schemaStatus();
      assert.deepEqual(status.dataSkipped, [], status.summary);
      const model = await planner.schema();
      const empty = model.tables.filter((t) => !t.qualified.endsWith('schema_migrations') && !(t.rows && t.rows > 0)).map((t) => t.qualified);
      assert.deepEqual(empty, []);
      assert.doesNotMatch(status.summary, /without data/);
      // The seeded users are still there, with their own values.
      const seeded = await planner.explain("SELECT * FROM users WHERE id = 1 AND username = 'admin'");
      assert.ok(seeded.ok);
      assert.equal(seeded.nodes[0]?.actualRows, 1, JSON.stringify(seeded.nodes[0]));
      // Generated columns over JSON have values (the NOT NULL ones could not be NULL anyway).
      const versions = await planner.explain('SELECT * FROM settings WHERE version IS NOT NULL AND kind IS NOT NULL');
      assert.ok((versions.nodes[0]?.actualRows ?? 0) > 0);
      // The cycle's nullable side is filled once both tables have rows.
      const managed = await planner.explain('SELECT * FROM departments WHERE manager_id IS NOT NULL');
      assert.ok((managed.nodes[0]?.actualRows ?? 0) > 0, 'departments.manager_id filled after employees');
      // The sequence moved past the generated ids: an INSERT with the default key is accepted.
      // (Random names: the planner may run the statement more than once in its transaction.)
      const insert = await planner.explain(
        "INSERT INTO users (username, handle, email, country_code, tags) SELECT 'u' || h, h, 'u' || h || '@example.com', 'FR', '{x}' FROM md5(random()::text) h",
      );
      assert.ok(insert.ok, insert.error?.message);
    } finally {
      await cleanup();
    }
  });

  it('names the tables it cannot fill, with Postgres\'s reason, in the summary text', async () => {
    const { planner, cleanup } = fixturePlanner('data-unfillable');
    try {
      await fillAllTables(planner);
      const status = await planner.schemaStatus();
      assert.deepEqual(status.dataSkipped.map((d) => d.table).sort(), ['public.impossible', 'public.impossible_children']);
      assert.match(status.dataSkipped.find((d) => d.table === 'public.impossible')?.reason ?? '', /check constraint "impossible_n_check"/);
      assert.match(status.dataSkipped.find((d) => d.table === 'public.impossible_children')?.reason ?? '', /public\.impossible is empty/);
      assert.match(status.summary, /; 2 tables left without data: impossible \(.*impossible_n_check.*\), impossible_children \(public\.impossible is empty\)$/);
      assert.ok((status.rows.find((r) => r.table === 'public.accounts')?.rows ?? 0) > 0);
    } finally {
      await cleanup();
    }
  });
});
