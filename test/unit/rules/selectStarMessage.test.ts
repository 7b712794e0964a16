/**
 * select-star names the table whose columns the star expands: `t.*` → t's table, a bare `*` →
 * every table of FROM, a function in FROM by its name, an interpolated name by its code.
 */
import * as assert from 'node:assert/strict';
import { runRules } from '../../../src/core/rules';

async function messageOf(path: string, text: string): Promise<string> {
  const found = await runRules([{ path, text }], { enabled: ['select-star'] });
  assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
  return found[0].message;
}

describe('Rules: select-star message names the expanded table', function () {
  this.timeout(30000);
  it('t.* over a join: only t', async () => {
    const m = await messageOf('q.sql', 'SELECT c.*, t.subject FROM campaigns c JOIN templates t ON t.id = c.template_id;\n');
    assert.match(m, /every column of `campaigns`;/);
  });
  it('bare * over a join: every table', async () => {
    assert.match(await messageOf('q.sql', 'SELECT * FROM campaigns c JOIN templates t ON t.id = c.template_id;\n'), /every column of `campaigns`, `templates`;/);
  });
  it('a function in FROM', async () => {
    assert.match(await messageOf('q.sql', "SELECT * FROM jobs_api.add_job('send', '{}');\n"), /every column of `add_job\(\)`;/);
  });
  it('an interpolated table name', async () => {
    assert.match(await messageOf('a.ts', 'const r = await db.query(`SELECT * FROM ${schema}.${table} WHERE id = $1`, [id]);'), /every column of `\$\{table\}`;/);
  });
  it('a reserved word as table name (SQLite `user`)', async () => {
    const found = await runRules([{ path: 'a.ts', text: 'const row = db.prepare("SELECT * FROM user WHERE id = ?").get(id);' }], { enabled: ['select-star'] });
    assert.ok(found.every((f) => !/every column;/.test(f.message)), JSON.stringify(found.map((f) => f.message)));
  });
  it('count(*) and EXISTS (SELECT * …) in code strings are not reported', async () => {
    const found = await runRules(
      [{ path: 'a.ts', text: "await db.query('SELECT count(*) FROM orders');\nawait db.query('SELECT id FROM users u WHERE EXISTS (SELECT * FROM orders o WHERE o.user_id = u.id)');" }],
      { enabled: ['select-star'] },
    );
    assert.deepEqual(found, []);
  });
});
