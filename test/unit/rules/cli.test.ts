/** `architect-personas rules` on a fixture folder: text, JSON and SARIF, exit codes. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { memoryIo } from '../cli/memoryIo';
import { runCli } from '../../../src/cli/main';

const FIXTURE = path.resolve(__dirname, '../../../../test/fixtures/rules/workspace');

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const m = memoryIo(argv, FIXTURE);
  const code = await runCli(m.io);
  return { code, stdout: m.out(), stderr: m.err() };
}

describe('Rules CLI: architect-personas rules', function () {
  this.timeout(30000);

  it('prints the findings as the JSON array the issue specifies and exits 0', async () => {
    const r = await cli('rules', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    const summary = rows.map((f) => `${f.file}:${f.line} ${f.ruleId}`);
    assert.deepEqual(summary, [
      'db/schema.sql:12 fk-without-index',
      'src/orders.ts:7 n-plus-one',
      'src/orders.ts:14 missing-tenant-filter',
      'src/orders.ts:18 no-timeout',
    ]);
    for (const f of rows) {
      for (const key of ['file', 'line', 'endLine', 'category', 'ruleId', 'severity', 'message']) {
        assert.ok(key in f, `${key} in ${JSON.stringify(f)}`);
      }
      assert.equal(f.category, f.ruleId);
    }
  });

  it('prints SARIF with a result per finding and the rules in the driver', async () => {
    const r = await cli('rules', 'src', '--schema', 'db', '--format', 'sarif');
    assert.equal(r.code, 0, r.stderr);
    const log = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string }[] }[] };
    assert.equal(log.version, '2.1.0');
    assert.deepEqual(log.runs[0].results.map((x) => x.ruleId), ['n-plus-one', 'missing-tenant-filter', 'no-timeout']);
    assert.ok(log.runs[0].tool.driver.rules.some((x) => x.id === 'fk-without-index'));
  });

  it('a path scopes the schema too: without --schema, src/ alone knows no tenant table', async () => {
    const r = await cli('rules', 'src', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as { ruleId: string }[]).map((f) => f.ruleId), ['n-plus-one', 'no-timeout']);
  });

  it('text output ends with a summary; --fail-on turns findings into exit 1', async () => {
    const r = await cli('rules', '--rule', 'n-plus-one');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^src\/orders\.ts:7:\d+: high \[n-plus-one\]/m);
    assert.match(r.stdout, /1 finding \(1 high\) in 2 files\.\n$/);
    assert.equal((await cli('rules', '--fail-on', 'high')).code, 1);
    assert.equal((await cli('rules', '--fail-on', 'critical')).code, 0);
  });

  it('names the fix for a usage mistake (exit 2)', async () => {
    const bad = await cli('rules', '--rule', 'no-such-rule');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown rule 'no-such-rule'; the rules are n-plus-one/);
    const missing = await cli('rules', 'nope/');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder/);
  });
});
