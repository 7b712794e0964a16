/** The rules worker thread: same findings as in-process, folder runs with progress, cancel. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runRules } from '../../../src/core/rules';
import { RulesCancelled, RulesWorkerClient } from '../../../src/core/rules/worker/workerClient';

const FIXTURE = path.resolve(__dirname, '../../../../test/fixtures/rules/workspace');

describe('Rules: worker thread', function () {
  this.timeout(60000);
  let client: RulesWorkerClient;

  before(() => {
    client = new RulesWorkerClient();
  });
  after(async () => {
    await client.dispose();
  });

  it('finds what the in-process engine finds, with the schema of the root', async () => {
    const text = "export async function f(id: number) {\n  return pool.query('SELECT id FROM orders WHERE id = $1', [id]);\n}\n";
    const file = { path: 'src/x.ts', text };
    const inWorker = await client.run([file], { root: FIXTURE });
    assert.deepEqual(inWorker.findings.map((f) => `${f.line}:${f.ruleId}`), ['2:missing-tenant-filter']);
    assert.deepEqual(await runRules([file]), [], 'in process without the schema: no tenant table known');
  });

  it('checks a folder, reports progress, and returns many findings in slices intact', async () => {
    const progress: number[] = [];
    const r = await client.runFolder(FIXTURE, { onProgress: (done) => progress.push(done) });
    assert.equal(r.files, 2);
    assert.deepEqual(r.findings.map((f) => `${f.file}:${f.line}`), ['db/schema.sql:12', 'src/orders.ts:7', 'src/orders.ts:14', 'src/orders.ts:18']);
    assert.equal(progress.at(-1), 2);
    const many = Array.from({ length: 700 }, (_, i) => ({ path: `m${i}.sql`, text: 'SELECT * FROM t;\n' }));
    const big = await client.run(many, {});
    assert.equal(big.findings.length, 700);
    assert.equal(new Set(big.findings.map((f) => f.file)).size, 700);
  });

  it('a cancelled run rejects with RulesCancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(client.runFolder(FIXTURE, { signal: controller.signal }), RulesCancelled);
  });
});
