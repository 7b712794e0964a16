import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverSchema } from '../../../src/core/schema';
import { compareVersions } from '../../../src/core/schema/layouts';

export const SCHEMA_FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/schema');

const names = (files: readonly { rel: string }[]) => files.map((f) => f.rel);

describe('schema: discovery by layout markers', () => {
  it('finds a pg_dump structure.sql', async () => {
    const s = await discoverSchema(path.join(SCHEMA_FIXTURES, 'pgdump'));
    assert.equal(s.tool, 'pg_dump');
    assert.deepEqual(names(s.files), ['db/structure.sql']);
  });

  it('orders Prisma migrations by folder name and names the tracking table', async () => {
    const s = await discoverSchema(path.join(SCHEMA_FIXTURES, 'prisma'));
    assert.equal(s.tool, 'prisma');
    assert.equal(s.location, 'prisma/migrations');
    assert.deepEqual(names(s.files), [
      'prisma/migrations/20240110083000_init/migration.sql',
      'prisma/migrations/20240215120000_orders/migration.sql',
      'prisma/migrations/20240301090000_order_status/migration.sql',
    ]);
    assert.equal(s.trackingTable, '_prisma_migrations');
  });

  it('follows Drizzle\'s journal and never applies a file missing from it', async () => {
    const s = await discoverSchema(path.join(SCHEMA_FIXTURES, 'drizzle'));
    assert.equal(s.tool, 'drizzle');
    assert.deepEqual(names(s.files), ['drizzle/0000_brave_wolverine.sql', 'drizzle/0001_clever_storm.sql']);
    assert.ok(s.files.every((f) => f.breakpoints));
    assert.ok(s.notes.some((n) => n.includes('0002_unapplied_draft.sql')), s.notes.join('\n'));
  });

  it('sorts Flyway versions numerically (V1_9 before V1_10), repeatables last, undo files out', async () => {
    const s = await discoverSchema(path.join(SCHEMA_FIXTURES, 'flyway'));
    assert.equal(s.tool, 'flyway');
    assert.equal(s.location, 'src/main/resources/db/migration');
    assert.deepEqual(
      s.files.map((f) => path.basename(f.path)),
      ['V1__create_customers.sql', 'V1_9__create_invoices.sql', 'V1_10__invoice_due_date.sql', 'V2__flyway_history_comment.sql', 'R__invoice_totals_view.sql'],
    );
    assert.ok(s.notes.some((n) => /undo/.test(n)));
    assert.equal(compareVersions('1.9', '1_10'), -1);
    assert.equal(compareVersions('2', '2.0'), 0);
  });

  it('takes golang-migrate .up.sql files in version order, never .down.sql', async () => {
    const s = await discoverSchema(path.join(SCHEMA_FIXTURES, 'golang-migrate'));
    assert.equal(s.tool, 'golang-migrate');
    assert.deepEqual(
      s.files.map((f) => path.basename(f.path)),
      ['000001_create_bookings.up.sql', '000002_bookings_room_idx.up.sql', '000010_room_capacity.up.sql'],
    );
  });

  it('recognises dbmate files by their -- migrate:up marker', async () => {
    const s = await discoverSchema(path.join(SCHEMA_FIXTURES, 'dbmate'));
    assert.equal(s.tool, 'dbmate');
    assert.equal(s.files.length, 2);
    assert.ok(s.files.every((f) => f.upSection));
  });

  it('finds plain numbered migrations deep in a monorepo, in natural order', async () => {
    const s = await discoverSchema(path.join(SCHEMA_FIXTURES, 'plain'));
    assert.equal(s.tool, 'plain');
    assert.equal(s.location, 'packages/db/migrations');
    assert.deepEqual(s.files.map((f) => path.basename(f.path)), ['001_init.sql', '002_sessions.sql', '010_event_kind_idx.sql']);
  });

  it('prefers a tool layout over a loose folder, lists the others, and obeys an override', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-discover-'));
    try {
      fs.cpSync(path.join(SCHEMA_FIXTURES, 'prisma'), root, { recursive: true });
      fs.mkdirSync(path.join(root, 'sql'));
      fs.writeFileSync(path.join(root, 'sql', '01_extra.sql'), 'CREATE TABLE extra (id int);\n');
      fs.mkdirSync(path.join(root, 'node_modules', 'pkg', 'migrations'), { recursive: true });
      fs.writeFileSync(path.join(root, 'node_modules', 'pkg', 'migrations', '1.up.sql'), 'CREATE TABLE nope (id int);\n');
      const found = await discoverSchema(root);
      assert.equal(found.tool, 'prisma');
      assert.ok(found.notes.some((n) => n.includes('sql (plain, 1 file)')), found.notes.join('\n'));
      assert.ok(!found.candidates.some((c) => c.location.includes('node_modules')));
      const overridden = await discoverSchema(root, { override: 'sql' });
      assert.equal(overridden.tool, 'plain');
      assert.deepEqual(names(overridden.files), ['sql/01_extra.sql']);
      const missing = await discoverSchema(root, { override: 'nowhere' });
      assert.equal(missing.tool, undefined);
      assert.match(missing.notes.join(' '), /does not exist/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('says so when a workspace has no schema', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-discover-'));
    try {
      fs.writeFileSync(path.join(root, 'index.ts'), 'export {};\n');
      const s = await discoverSchema(root);
      assert.equal(s.tool, undefined);
      assert.equal(s.files.length, 0);
      assert.match(s.notes.join(' '), /no schema found/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
