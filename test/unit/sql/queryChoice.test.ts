/**
 * Which queries a review plans: the application's, not the schema's history (migrations) and
 * not another database's SQL (ClickHouse, MySQL, …); SELECTs of application code first.
 */
import * as assert from 'node:assert/strict';
import { chooseQueries, isMigrationFile, type FoundSql } from '../../../src/core/pipeline/workspace/queryChoice';
import { fileDialect, otherDialect } from '../../../src/core/sql/dialect';
import { extractSqlQueries } from '../../../src/core/sql/extractQueries';
import { LoadReporter, worthALine, type LoadProgress } from '../../../src/core/sql/loadProgress';

const q = (file: string, sql: string, extra: Partial<FoundSql> = {}): FoundSql => ({ file, line: 1, sql, ...extra });

describe('sql: the queries a review plans', () => {
  it('knows migration files and folders of the usual tools', () => {
    for (const f of [
      'db/migrate/20190101000000_backfill_totals.rb',
      'app/orders/migrations/0007_fill_status.py',
      'prisma/migrations/20240101_init/migration.sql',
      'database/migrations/2024_01_01_000000_create_users_table.php',
      'alembic/versions/3f2a_add_index.py',
      'src/migration/1700000000000-AddUsers.ts',
      'sql/V1_2__backfill.sql',
      'db/000012_orders.up.sql',
      'schema/0003_orders.sql',
      'src/dispatch/database/revisions/tenant/versions/2021-08-03_b0b00d3e8330.py',
    ]) {
      assert.equal(isMigrationFile(f), true, f);
    }
    for (const f of ['src/db/orders.ts', 'app/models/order.rb', 'queries/orders.sql', 'src/migrations-guide.md/x.ts', 'lib/migrator.py']) {
      assert.equal(isMigrationFile(f), false, f);
    }
  });

  it('skips statements in migration files and the schema files, with one note saying how many and where', () => {
    const choice = chooseQueries(
      [
        q('db/migrate/20190101_backfill.rb', 'UPDATE orders SET total = 0 WHERE total IS NULL'),
        q('db/migrate/20190102_backfill.rb', 'UPDATE users SET tenant_id = 1 WHERE tenant_id IS NULL'),
        q('structure.sql', "SELECT pg_catalog.set_config('search_path', '', false)", { absolutePath: '/repo/structure.sql', languageId: 'sql' }),
        q('src/orders.ts', 'SELECT id FROM orders WHERE user_id = $1'),
      ],
      { max: 20, schemaFiles: new Set(['/repo/structure.sql']) },
    );
    assert.deepEqual(choice.chosen.map((c) => c.file), ['src/orders.ts']);
    assert.equal(choice.migrations.length, 3);
    assert.deepEqual(choice.notes, [
      "3 statements in migration files were not planned (the schema's history, not the application's queries): db/migrate/20190101_backfill.rb, db/migrate/20190102_backfill.rb, structure.sql.",
    ]);
  });

  it('names another dialect by the sign that gave it away, and leaves PostgreSQL alone', () => {
    assert.deepEqual(otherDialect('CREATE TABLE events (id UInt64) ENGINE = MergeTree ORDER BY id'), { dialect: 'ClickHouse', sign: 'ENGINE =' });
    assert.equal(otherDialect('SELECT count() FROM events FINAL WHERE ts > now()')?.dialect, 'ClickHouse');
    assert.equal(otherDialect('SELECT toStartOfDay(ts) AS d, uniqExact(user_id) FROM events GROUP BY d')?.dialect, 'ClickHouse');
    assert.equal(otherDialect('SELECT * FROM events WHERE user_id = {user_id:UInt64}')?.dialect, 'ClickHouse');
    assert.equal(otherDialect('SELECT * FROM events PREWHERE ts > 0')?.dialect, 'ClickHouse');
    assert.deepEqual(otherDialect('SELECT `id`, `name` FROM `users` WHERE `id` = ?'), { dialect: 'MySQL', sign: 'backtick identifiers' });
    assert.equal(otherDialect('INSERT INTO users (id) VALUES (?) ON DUPLICATE KEY UPDATE id = id')?.dialect, 'MySQL');
    assert.equal(otherDialect('SELECT id FROM users LIMIT 10, 20')?.dialect, 'MySQL');
    assert.equal(otherDialect('SELECT TOP 10 id FROM users')?.dialect, 'SQL Server');
    assert.equal(otherDialect('INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)')?.dialect, 'SQLite');
    for (const pg of [
      'SELECT id FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT 20 OFFSET 40',
      "SELECT date_trunc('day', created_at), count(*) FROM orders WHERE created_at > now() - INTERVAL '1 day' GROUP BY 1",
      'INSERT INTO users (email) VALUES ($1) ON CONFLICT (email) DO UPDATE SET email = excluded.email RETURNING id',
      'SELECT tags[1], format(\'%s\', name) FROM items AS final WHERE id = ANY($1)',
      'UPDATE users SET settings = $1 WHERE id = $2',
      'WITH t AS (SELECT * FROM orders) SELECT to_char(created_at, \'YYYY\') FROM t',
    ]) {
      assert.equal(otherDialect(pg), undefined, pg);
    }
  });

  it('takes a whole file as another dialect when it imports that database client and no PostgreSQL one', () => {
    assert.deepEqual(fileDialect('src/analytics.ts', "import { createClient } from '@clickhouse/client';\n"), { dialect: 'ClickHouse', sign: 'imports a ClickHouse client' });
    assert.equal(fileDialect('app/stats.py', 'import clickhouse_connect\n')?.dialect, 'ClickHouse');
    assert.equal(fileDialect('src/legacy.js', "const mysql = require('mysql2/promise');\n")?.dialect, 'MySQL');
    assert.equal(fileDialect('src/clickhouse/queries.ts', '')?.dialect, 'ClickHouse');
    assert.equal(fileDialect('src/db.ts', "import { Pool } from 'pg';\nimport mysql from 'mysql2';\n"), undefined);
    assert.equal(fileDialect('src/orders.ts', "import { sql } from 'drizzle-orm';\n"), undefined);
  });

  it('skips other dialects with a note of how many and why, by dialect', () => {
    const choice = chooseQueries(
      [
        q('src/analytics.ts', 'SELECT count() FROM events WHERE ts > now()'),
        q('src/analytics.ts', 'SELECT event, count() FROM events GROUP BY event'),
        q('src/legacy.py', 'SELECT `id` FROM `users`'),
        q('src/orders.ts', 'SELECT id FROM orders'),
      ],
      { max: 20, fileTexts: new Map([['src/analytics.ts', "import { createClient } from '@clickhouse/client';"]]) },
    );
    assert.deepEqual(choice.chosen.map((c) => c.file), ['src/orders.ts']);
    assert.deepEqual(choice.notes, [
      '3 queries in another SQL dialect were not planned (the embedded database is PostgreSQL): ClickHouse 2 (imports a ClickHouse client); MySQL 1 (backtick identifiers) — src/analytics.ts, src/legacy.py.',
    ]);
  });

  it('plans SELECTs of application code first, then its writes, then .sql files, then seeds and tests; the rest counted', () => {
    const found = [
      q('queries/report.sql', 'SELECT 1 FROM orders', { languageId: 'sql' }),
      q('src/orders.ts', 'UPDATE orders SET status = $1 WHERE id = $2'),
      q('test/orders.test.ts', 'SELECT id FROM orders', { test: true }),
      q('db/seeds/users.ts', 'SELECT id FROM users'),
      q('src/orders.ts', 'SELECT id FROM orders WHERE user_id = $1'),
      q('src/users.ts', 'WITH u AS (SELECT id FROM users) SELECT * FROM u'),
      q('src/users.ts', 'WITH gone AS (DELETE FROM users WHERE id = $1 RETURNING id) SELECT * FROM gone'),
    ];
    const all = chooseQueries(found, { max: 20 });
    assert.deepEqual(
      all.chosen.map((c) => `${c.file} ${c.sql.split(' ')[0]}`),
      ['src/orders.ts SELECT', 'src/users.ts WITH', 'src/orders.ts UPDATE', 'src/users.ts WITH', 'queries/report.sql SELECT', 'test/orders.test.ts SELECT', 'db/seeds/users.ts SELECT'],
    );
    const three = chooseQueries(found, { max: 3 });
    assert.equal(three.chosen.length, 3);
    assert.equal(three.leftOver, 4);
    assert.deepEqual(three.notes, ['4 of 7 queries were not planned (first 3 only, SELECTs of application code first); review fewer files to plan the rest.']);
  });
});

describe('sql: a query around a fragment built at run time', () => {
  it('plans the rest of the query, the fragment named in a comment; a hole where a value stands stays a parameter', () => {
    const code =
      'const rows = await this.prisma.$queryRaw`\n  SELECT id FROM "Build" b\n  WHERE b."createdAt" >= ${startDate}\n    AND b."createdAt" <= ${endDate}\n    ${this.projectIdsFilter(projectIds)}\n  GROUP BY id`;';
    assert.equal(
      extractSqlQueries(code, 'typescript')[0].sql,
      'SELECT id FROM "Build" b\n  WHERE b."createdAt" >= $1\n    AND b."createdAt" <= $2\n    /* left out (SQL built at run time) this.projectIdsFilter(projectIds) */\n  GROUP BY id',
    );
    const inList = 'db.query(`SELECT id FROM t WHERE id IN (\n  ${ids}\n)`)';
    assert.equal(extractSqlQueries(inList, 'typescript')[0].sql, 'SELECT id FROM t WHERE id IN (\n  $1\n)');
    const afterWhere = 'db.query(`SELECT id FROM t\n  WHERE\n  ${cond}`)';
    assert.equal(extractSqlQueries(afterWhere, 'typescript')[0].sql, 'SELECT id FROM t\n  WHERE\n  $1');
  });

  it('takes prose that starts like a statement for prose, not SQL', () => {
    const prose = [
      '"""Select the current OAuth account from its signed cookie."""',
      "summary='Update Checkout Session from Client'",
      '"""Update a member.\n\n    Args:\n        session: Database session\n    """',
      "it('with \\'top\\' sort, includes tagged posts from the viewer', () => {})",
      "help_text = 'Select a pre-defined rack type, or set physical characteristics below.'",
    ];
    for (const p of prose) {
      assert.deepEqual(extractSqlQueries(p, 'python'), [], p);
    }
    const sql = [
      "q = 'SELECT x IS NOT NULL AS present FROM t'",
      "q = 'select id, name from dispatch_core.organization'",
      "q = 'UPDATE orders o SET status = $1 WHERE o.id = $2'",
      "q = 'WITH recent AS (SELECT id FROM orders) SELECT count(*) FROM recent'",
      "q = 'SELECT CASE WHEN count(user_id) > 0 THEN TRUE ELSE FALSE END AS favorited FROM favorites'",
    ];
    for (const s of sql) {
      assert.equal(extractSqlQueries(s, 'python').length, 1, s);
    }
  });
});

describe('sql: schema load progress', () => {
  it('reports each phase with a step that always increases, counting the tables data generation names', () => {
    const seen: LoadProgress[] = [];
    const r = new LoadReporter((p) => seen.push(p), true);
    const logged: string[] = [];
    r.starting(3, false);
    r.started(false, 3, 1200);
    r.schemaApplied(['public.users', 'public.orders'], 800);
    const log = r.dataLog((s) => logged.push(s));
    log('synthetic data: 200 rows in public.users (10 ms)');
    log('synthetic data for public.orders: check failed — retrying: fewer rows');
    log('synthetic data: 1000 rows in public.orders (20 ms)');
    log('sequences moved');
    r.dataDone(40);
    r.snapshotSaving();
    r.ready(false, true);
    assert.equal(logged.length, 4, 'the log still gets every line');
    assert.deepEqual(
      seen.map((p) => [p.phase, p.step, p.total ?? null, p.tablesFilled ?? null]),
      [
        ['starting', 1, null, null],
        ['started', 2, null, null],
        ['schema', 3, 8, 0],
        ['data', 4, 8, 1],
        ['data', 5, 8, 2],
        ['data', 6, 8, 2],
        ['snapshot', 7, 8, null],
        ['ready', 8, 8, 2],
      ],
    );
    assert.match(seen[seen.length - 1].message, /^loaded in [\d.]+ s, snapshot saved$/);
    assert.equal(LoadReporter.describe(seen[4]).replace(/[\d.]+ s/, 'T'), '2 of 2 tables filled, T so far');
    assert.equal(LoadReporter.describe({ ...seen[0], elapsedMs: 100 }, 44_900), 'starting the embedded PostgreSQL to apply 3 schema files, 45 s so far');
  });

  it('from a snapshot: started then ready; a log shows about ten data lines', () => {
    const seen: LoadProgress[] = [];
    const r = new LoadReporter((p) => seen.push(p));
    r.started(true, 1, 900);
    r.ready(true, false);
    assert.deepEqual(seen.map((p) => [p.phase, p.step, p.total]), [['started', 2, 3], ['ready', 3, 3]]);
    assert.match(seen[1].message, /^schema snapshot reused \(ready in [\d.]+ s\)$/);
    const lines = Array.from({ length: 95 }, (_, i) => ({ phase: 'data', tablesFilled: i + 1, tablesTotal: 95 }) as LoadProgress).filter(worthALine);
    assert.equal(lines.length, 10);
    assert.equal(lines[lines.length - 1].tablesFilled, 95);
  });
});
