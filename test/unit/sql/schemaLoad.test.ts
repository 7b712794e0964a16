/**
 * Each supported layout loaded into the embedded database (a real PGlite worker), with what had
 * to be skipped or adapted reported at file:line with Postgres's own message.
 */
import * as assert from 'node:assert/strict';
import type { SchemaStatus } from '../../../src/core/sql';
import { fillAllTables, fixturePlanner } from './helpers';

async function load(layout: string): Promise<{ status: SchemaStatus; tables: string[]; columns: (table: string) => string[]; indexes: string[] }> {
  const { planner, cleanup } = fixturePlanner(layout);
  try {
    await fillAllTables(planner);
    const status = await planner.schemaStatus();
    const model = await planner.schema();
    return {
      status,
      tables: model.tables.map((t) => t.qualified).sort(),
      columns: (table) => model.tables.find((t) => t.name === table)?.columns.map((c) => c.name) ?? [],
      indexes: model.tables.flatMap((t) => t.indexes.map((i) => i.name)).sort(),
    };
  } finally {
    await cleanup();
  }
}

const where = (s: { file: string; line: number }) => `${s.file}:${s.line}`;

describe('sql: loading each schema layout into the embedded database', function () {
  this.timeout(180_000);

  it('pg_dump: loads pg_trgm, creates the roles it grants to, skips PostGIS and only its echoes', async () => {
    const { status, tables, indexes } = await load('pgdump');
    assert.equal(status.summary, 'Schema: 2 tables from db/structure.sql (1 file, 4 statements skipped)');
    assert.deepEqual(tables, ['public.accounts', 'public.projects', 'public.schema_migrations']);
    assert.ok(indexes.includes('index_projects_on_title_trgm'), 'the pg_trgm index was created');
    const roots = status.skipped.filter((s) => s.kind === 'extension' || s.kind === 'error');
    assert.deepEqual(roots.map((s) => [where(s), s.kind]), [['db/structure.sql:32', 'extension']]);
    assert.match(roots[0].reason, /postgis.*not shipped/i);
    const echoes = status.skipped.filter((s) => s.kind === 'cascade');
    assert.equal(echoes.length, 3);
    assert.ok(echoes.every((s) => s.causedBy === 'extension postgis'));
    assert.match(echoes[0].reason, /type "public.geography" does not exist/);
    assert.deepEqual(status.skipped.filter((s) => s.kind === 'meta').map(where), ['db/structure.sql:1', 'db/structure.sql:164']);
    assert.ok(status.skipped.some((s) => s.kind === 'copy-data'));
    assert.ok(status.adapted.some((a) => a.what.includes('app_owner, readonly')));
    assert.deepEqual(status.extensionsLoaded, ['pg_trgm']);
    assert.deepEqual(status.extensionsMissing, ['postgis']);
  });

  it('Prisma: loads citext and reports the hand-edited index on a missing column with Postgres\'s message', async () => {
    const { status, columns } = await load('prisma');
    assert.equal(status.summary, 'Schema: 2 tables from prisma/migrations (3 files, 1 statement skipped)');
    assert.equal(status.skipped.length, 1);
    const [skip] = status.skipped;
    assert.equal(where(skip), 'prisma/migrations/20240301090000_order_status/migration.sql:8');
    assert.equal(skip.kind, 'error');
    assert.equal(skip.reason, 'column "customerId" does not exist');
    assert.equal(skip.code, '42703');
    assert.ok(columns('Order').includes('status'), 'the later migration in the same file still ran');
    assert.ok(status.adapted.some((a) => a.what.includes('_prisma_migrations')));
  });

  it('Drizzle: statement breakpoints and DO blocks load; a file missing from the journal does not', async () => {
    const { status, tables, columns } = await load('drizzle');
    assert.equal(status.statementsSkipped, 0, JSON.stringify(status.skipped));
    assert.ok(!tables.includes('public.drafts'));
    assert.ok(columns('members').includes('role'));
    assert.ok(status.notes.some((n) => n.includes('0002_unapplied_draft.sql')));
  });

  it('Flyway: V1_10 runs after V1_9, and a migration may touch flyway_schema_history', async () => {
    const { status, columns } = await load('flyway');
    assert.equal(status.statementsSkipped, 0, JSON.stringify(status.skipped));
    assert.ok(columns('invoice').includes('due_on'));
    assert.ok(status.rows.some((r) => r.table === 'public.invoice' && r.rows > 0), 'the date check (due_on >= issued_on) holds for generated rows');
  });

  it('golang-migrate: btree_gist for an exclusion constraint, CONCURRENTLY, and the tool table altered', async () => {
    const { status, columns, indexes } = await load('golang-migrate');
    assert.equal(status.statementsSkipped, 0, JSON.stringify(status.skipped));
    assert.deepEqual(status.extensionsLoaded, ['btree_gist']);
    assert.ok(indexes.includes('bookings_room_id_idx'));
    assert.ok(columns('schema_migrations').includes('applied_at'));
    assert.ok((status.rows.find((r) => r.table === 'public.bookings')?.rows ?? 0) > 0, 'non-overlapping ranges satisfy the exclusion constraint');
  });

  it('dbmate: only the up sections run', async () => {
    const { status, tables, columns } = await load('dbmate');
    assert.equal(status.statementsSkipped, 0, JSON.stringify(status.skipped));
    assert.ok(tables.includes('public.authors') && tables.includes('public.articles'), 'the down sections (DROP TABLE) did not run');
    assert.ok(columns('articles').includes('tags'));
  });

  it('plain: a typo is the one root cause; the statement depending on it is its echo', async () => {
    const { status } = await load('plain');
    assert.equal(status.summary, 'Schema: 3 tables from packages/db/migrations (3 files, 2 statements skipped)');
    const [root, echo] = status.skipped;
    assert.equal(where(root), 'packages/db/migrations/002_sessions.sql:8');
    assert.equal(root.kind, 'error');
    assert.equal(root.reason, 'relation "session" does not exist');
    assert.equal(echo.kind, 'cascade');
    assert.equal(echo.causedBy, 'packages/db/migrations/002_sessions.sql:8');
    assert.ok(status.adapted.some((a) => a.what.includes('app, app_reader, app_writer')));
  });
});
