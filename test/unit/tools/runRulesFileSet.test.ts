/**
 * run_rules (the MCP server's and the architect's tool) reads the file set `rules` reads: a
 * folder's fixtures and dependencies are left out, and the schema rules know the project's
 * schema even when the tool is given one file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createWorkspaceAccess } from '../../../src/core/tools';
import { createRulesAccess } from '../../../src/core/tools/engines';
import { runRulesTool } from '../../../src/core/tools/runRules';

const FIXTURE = path.resolve(__dirname, '../../../../test/fixtures/rules/workspace');
const LOOP = "export async function f(pool: any, ids: number[]) {\n  for (const id of ids) {\n    await pool.query('SELECT id FROM items WHERE id = $1', [id]);\n  }\n}\n";

describe('run_rules: the same file set as `rules`', function () {
  this.timeout(60000);
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-runrules-'));
    fs.cpSync(FIXTURE, root, { recursive: true });
    for (const rel of ['fixtures/loop.ts', 'node_modules/dep/loop.js', 'src/loop.test.ts']) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), LOOP);
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const ctx = () => ({ files: createWorkspaceAccess({ root }), maxFileChars: 100_000, redactSecrets: true, rules: createRulesAccess({ root }) });

  it('a folder: fixtures, dependencies and the test-file policy as in the command line', async () => {
    const result = await runRulesTool.run({ path: '.' }, ctx(), new AbortController().signal);
    const files = new Set((result.facts ?? []).map((f) => ('path' in f ? f.path : '')));
    assert.deepEqual([...files].sort(), ['db/schema.sql', 'src/orders.ts'], result.content);
  });

  it('one file: the schema rules read the project schema', async () => {
    const result = await runRulesTool.run({ path: 'src/orders.ts' }, ctx(), new AbortController().signal);
    assert.match(result.content, /src\/orders\.ts:14 \[\w+\] missing-tenant-filter/);
  });
});
