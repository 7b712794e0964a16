/** Engine behaviour across rules: suppression comments, options, languages, bad input. */
import * as assert from 'node:assert/strict';
import { DEFAULT_RULE_IDS, ruleById, runRules } from '../../../src/core/rules';

const N1 = "for (const o of orders) {\n  await db.query('SELECT id FROM items WHERE order_id = $1', [o.id]);\n}\n";

describe('Rules: engine', function () {
  this.timeout(30000);

  it('architect-ignore on the line, on the line above, for a list of rules or all of them', async () => {
    const same = N1.replace("[o.id]);", '[o.id]); // architect-ignore n-plus-one');
    assert.equal((await runRules([{ path: 'a.ts', text: same }])).length, 0);
    const above = N1.replace('  await', '  // architect-ignore select-star, n-plus-one -- batch of 3\n  await');
    assert.equal((await runRules([{ path: 'a.ts', text: above }])).length, 0);
    const other = N1.replace('  await', '  // architect-ignore select-star\n  await');
    assert.equal((await runRules([{ path: 'a.ts', text: other }])).length, 1);
    const py = 'for u in users:\n    # architect-ignore\n    cur.execute("SELECT id FROM t WHERE u = %s", (u,))\n';
    assert.equal((await runRules([{ path: 'a.py', text: py }])).length, 0);
    const sql = '-- architect-ignore-file select-star\nSELECT * FROM users;\n';
    assert.equal((await runRules([{ path: 'q.sql', text: sql }])).length, 0);
  });

  it('runs only the enabled rules and applies severity overrides', async () => {
    const text = "for (const o of orders) {\n  await db.query('SELECT * FROM items WHERE order_id = $1', [o.id]);\n}\n";
    const all = await runRules([{ path: 'a.ts', text }]);
    assert.deepEqual(all.map((f) => f.ruleId).sort(), ['n-plus-one', 'select-star']);
    const one = await runRules([{ path: 'a.ts', text }], { enabled: ['select-star'], severity: { 'select-star': 'info' } });
    assert.deepEqual(one.map((f) => `${f.ruleId}:${f.severity}`), ['select-star:info']);
  });

  it('leaves opt-in rules (unbounded-list) off unless they are named', async () => {
    const handler = "import express from 'express';\nconst app = express();\napp.get('/events', async (req, res) => {\n  const rows = await db.query('SELECT id, kind FROM events');\n  res.json(rows);\n});\n";
    assert.ok(ruleById('unbounded-list')?.meta.optIn, 'unbounded-list is opt-in');
    assert.ok(!DEFAULT_RULE_IDS.includes('unbounded-list'));
    const byDefault = await runRules([{ path: 'src/events.ts', text: handler }]);
    assert.deepEqual(byDefault.filter((f) => f.ruleId === 'unbounded-list'), []);
    const named = await runRules([{ path: 'src/events.ts', text: handler }], { enabled: ['unbounded-list'] });
    assert.deepEqual(named.map((f) => `${f.ruleId}:${f.line}`), ['unbounded-list:4']);
  });

  it('reads by language id as well as by extension, and skips files it does not know', async () => {
    assert.equal((await runRules([{ path: 'Untitled-1', text: N1, languageId: 'typescript' }])).length, 1);
    assert.equal((await runRules([{ path: 'README.md', text: N1 }])).length, 0);
  });

  it('survives broken code and broken SQL: no crash, findings from what parses', async () => {
    const broken = 'for (const o of orders) {\n  await db.query(`SELECT id FROM t WHERE a = ${o.id}`\n';
    const found = await runRules([{ path: 'a.ts', text: broken }, { path: 'b.sql', text: 'SELEC oops;\nSELECT * FROM t;\n' }]);
    // the unclosed call is an ERROR node to tree-sitter: nothing is claimed about it; the SQL file's good statement still counts
    assert.deepEqual(found.map((f) => `${f.file}:${f.line}:${f.ruleId}`), ['b.sql:2:select-star']);
  });

  it('reports positions in files with non-ASCII text', async () => {
    const sql = "-- Bestellübersicht für Kunden ✓\nCREATE TABLE c (id int PRIMARY KEY);\nCREATE TABLE o (id int PRIMARY KEY, c_id int REFERENCES c (id)); -- ü\n";
    const [f] = await runRules([{ path: 's.sql', text: sql }], { enabled: ['fk-without-index'] });
    assert.equal(f.line, 3);
    assert.equal(sql.split('\n')[2].slice((f.column ?? 1) - 1).startsWith('REFERENCES'), true);
  });

  it('offers a mechanical index fix for fk-without-index', async () => {
    const sql = 'CREATE TABLE c (id int PRIMARY KEY);\nCREATE TABLE o (\n  id int PRIMARY KEY,\n  c_id int REFERENCES c (id)\n);\n';
    const [f] = await runRules([{ path: 's.sql', text: sql }], { enabled: ['fk-without-index'] });
    assert.deepEqual(f.fix?.edits, [{ line: 5, endLine: 5, text: ');\nCREATE INDEX o_c_id_idx ON o (c_id);' }]);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(runRules([{ path: 'a.ts', text: N1 }], { signal: controller.signal }), /cancelled/);
  });
});
