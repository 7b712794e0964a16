import * as assert from 'node:assert/strict';
import { extractSqlQueries, normalisePlaceholders, parseScale } from '../../../src/core/sql';
import { prepareFix } from '../../../src/core/sql/fixCheck';
import { plannedRowCounts } from '../../../src/core/sql/synth';
import type { SchemaModel, TableModel } from '../../../src/core/sql';

describe('sql: queries in code, placeholders, scale', () => {
  it('finds SQL in TypeScript template literals, turning ${…} into $n', () => {
    const code = 'const rows = await db.query(`\n  SELECT * FROM orders\n  WHERE user_id = ${userId} AND status = ${s}\n`);\nconst label = "SELECT a label";';
    assert.deepEqual(extractSqlQueries(code, 'typescript'), [{ sql: 'SELECT * FROM orders\n  WHERE user_id = $1 AND status = $2', line: 1 }]);
  });

  it('joins Java string concatenation and keeps ? placeholders for later', () => {
    const code = 'String q = "SELECT id FROM invoice " +\n    "WHERE customer_id = ? ORDER BY issued_on";';
    assert.deepEqual(extractSqlQueries(code, 'java'), [{ sql: 'SELECT id FROM invoice WHERE customer_id = ? ORDER BY issued_on', line: 1 }]);
  });

  it('reads Python triple-quoted strings and SQL files', () => {
    const py = 'cur.execute("""\n    UPDATE accounts SET plan = %s WHERE id = %s\n""", (plan, id))';
    assert.equal(extractSqlQueries(py, 'python')[0].sql, 'UPDATE accounts SET plan = %s WHERE id = %s');
    const sql = 'CREATE INDEX i ON t (a);\nSELECT * FROM t WHERE a = 1;\n';
    assert.deepEqual(extractSqlQueries(sql, 'sql'), [{ sql: 'SELECT * FROM t WHERE a = 1', line: 2 }]);
  });

  it('rewrites driver placeholders to $n outside quotes and casts', () => {
    assert.equal(normalisePlaceholders("SELECT * FROM t WHERE a = ? AND b = '?' AND c::text = ?"), "SELECT * FROM t WHERE a = $1 AND b = '?' AND c::text = $2");
    assert.equal(normalisePlaceholders('SELECT * FROM t WHERE a = :id OR b = :id OR c = :other'), 'SELECT * FROM t WHERE a = $1 OR b = $1 OR c = $2');
    assert.equal(normalisePlaceholders('UPDATE t SET a = %(plan)s WHERE id = %s'), 'UPDATE t SET a = $1 WHERE id = $2');
  });

  it('reads the scale from a question', () => {
    assert.deepEqual(parseScale('how does this hold up at 100k users?'), { rows: 100_000, table: 'users' });
    assert.deepEqual(parseScale('with 2.5M orders'), { rows: 2_500_000, table: 'orders' });
    assert.deepEqual(parseScale('we have 10 million rows'), { rows: 10_000_000 });
    assert.equal(parseScale('p99 is 200 ms at 500 rps'), undefined);
  });

  it('prepares a fix: CONCURRENTLY and VACUUM rewritten with a note, a SELECT replaces the query', () => {
    const p = prepareFix('BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (lower(email));\nVACUUM ANALYZE t;\nCOMMIT;\nSELECT id FROM t WHERE lower(email) = $1;');
    assert.deepEqual(p.ddl, ['CREATE INDEX i ON t (lower(email))', 'ANALYZE t', 'ANALYZE t']);
    assert.equal(p.replacementQuery, 'SELECT id FROM t WHERE lower(email) = $1');
    assert.equal(p.rewrites.length, 2);
  });

  it('sizes tables by their place in the foreign-key tree, capped at the requested rows', () => {
    const table = (name: string, refs: string[] = []): TableModel => ({
      schema: 'public', name, qualified: `public.${name}`, columns: [], primaryKey: ['id'], uniques: [], checks: [], indexes: [],
      foreignKeys: refs.map((r) => ({ name: `${name}_${r}_fk`, columns: [`${r}_id`], refTable: `public.${r}`, refColumns: ['id'] })),
    });
    const model: SchemaModel = { tables: [table('tenants'), table('users', ['tenants']), table('orders', ['users']), table('items', ['orders'])] };
    const counts = plannedRowCounts(model, { rows: 100_000 });
    assert.deepEqual([...counts.values()], [800, 4_000, 20_000, 100_000]);
    const anchored = plannedRowCounts(model, { rows: 10_000, anchorTable: 'public.users' });
    assert.equal(anchored.get('public.users'), 10_000);
    assert.equal(anchored.get('public.tenants'), 2_000);
    assert.equal(anchored.get('public.items'), 10_000);
  });
});
