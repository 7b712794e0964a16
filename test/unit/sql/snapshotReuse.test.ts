/**
 * A command-line process never idles, so the planner saves the loaded schema's snapshot right
 * after the load there: the next `explain` (or review) with the same schema files and rows
 * starts from it. Asserted on the status flag and the stderr line, never on a timing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { memoryIo } from '../cli/memoryIo';
import { explainCommand } from '../../../src/cli/commands/explain';
import type { ReviewTarget } from '../../../src/core/pipeline/workspace/collect';
import { planQueries } from '../../../src/core/pipeline/workspace/queryPlans';
import { SCHEMA_FIXTURES } from './helpers';

function run(argv: string[], env: Record<string, string>) {
  return memoryIo(argv, SCHEMA_FIXTURES, env);
}

function target(root: string, rel: string, text: string, languageId: string): ReviewTarget {
  return { path: rel, absolutePath: path.join(root, rel), languageId, text };
}

describe('sql: the schema snapshot in the command line', function () {
  this.timeout(180_000);
  const dirs: string[] = [];
  const tempDir = (prefix: string) => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('explain saves the snapshot after the load, and the next run reuses it', async () => {
    const env = { ARCHITECT_PERSONAS_CACHE_DIR: tempDir('ap-snap-cli-') };
    const argv = ['--schema', 'shop', '--rows', '300', '--format', 'json', 'SELECT id FROM orders WHERE user_id = $1'];
    const first = run(argv, env);
    assert.equal(await explainCommand.run(first.io), 0);
    const a = JSON.parse(first.out()) as { status: { timings: { fromSnapshot: boolean } }; report: { ok: boolean } };
    assert.equal(a.status.timings.fromSnapshot, false);
    assert.ok(a.report.ok);
    // No table is filled at load: the query's tables are generated when it is planned (and saved at dispose).
    assert.match(first.err(), /schema applied in [\d.]+ s: 2 tables, synthetic data generated for the tables each query reads/);
    assert.match(first.err(), /Schema: 2 tables from db\/migrations .* — loaded in [\d.]+ s, snapshot saved\n/);
    assert.ok(fs.readdirSync(env.ARCHITECT_PERSONAS_CACHE_DIR).some((f) => f.endsWith('.tgz')), 'a snapshot file is written');

    const second = run(argv, env);
    assert.equal(await explainCommand.run(second.io), 0);
    const b = JSON.parse(second.out()) as { status: { timings: { fromSnapshot: boolean }; summary: string }; report: { ok: boolean; shape: string } };
    assert.equal(b.status.timings.fromSnapshot, true);
    assert.ok(b.report.ok);
    assert.match(second.err(), / — schema snapshot reused \(ready in [\d.]+ s\)\n/);
    assert.doesNotMatch(second.err(), /filling tables/);

    // A snapshot this PGlite cannot open (another version, a damaged file) is loaded afresh, not an error.
    const tgz = fs.readdirSync(env.ARCHITECT_PERSONAS_CACHE_DIR).find((f) => f.endsWith('.tgz')) ?? '';
    fs.writeFileSync(path.join(env.ARCHITECT_PERSONAS_CACHE_DIR, tgz), Buffer.from('not a gzip file'));
    const damaged = run(argv, env);
    assert.equal(await explainCommand.run(damaged.io), 0);
    const c = JSON.parse(damaged.out()) as { status: { timings: { fromSnapshot: boolean } }; report: { ok: boolean } };
    assert.equal(c.status.timings.fromSnapshot, false);
    assert.ok(c.report.ok);
    assert.match(damaged.err(), /snapshot saved\n/);
  });

  it('review plans the application query with progress lines, skips the migration, and reuses the snapshot next time', async () => {
    const root = path.join(SCHEMA_FIXTURES, 'shop');
    const cacheDir = tempDir('ap-snap-review-');
    const targets = [
      target(root, 'db/migrations/001_shop.sql', fs.readFileSync(path.join(root, 'db/migrations/001_shop.sql'), 'utf8') + '\nUPDATE orders SET total = 0 WHERE total IS NULL;\n', 'sql'),
      target(root, 'src/orders.ts', 'export const q = "SELECT id, total FROM orders WHERE user_id = $1";\n', 'typescript'),
    ];
    const runOnce = async () => {
      const steps: string[] = [];
      const stage = await planQueries(root, targets, { rows: 300, cacheDir, step: (s) => steps.push(s) });
      await stage.planner?.dispose();
      return { stage, steps };
    };
    const first = await runOnce();
    assert.deepEqual(
      first.stage.plans.map((p) => `${p.file}:${p.line}`),
      ['src/orders.ts:1'],
    );
    assert.match(first.stage.notes.join('\n'), /^1 statement in migration files was not planned \(the schema's history, not the application's queries\): db\/migrations\/001_shop\.sql\.$/m);
    assert.equal(first.steps[0], '1 query to plan; loading the schema into embedded PostgreSQL (1 file)');
    assert.ok(first.steps.some((s) => /synthetic data generated for the tables each query reads$/.test(s)), first.steps.join('\n'));
    assert.ok(first.steps.some((s) => /^loaded in [\d.]+ s, snapshot saved$/.test(s)), first.steps.join('\n'));
    assert.equal(first.steps[first.steps.length - 1], '1/1 src/orders.ts:1');
    const second = await runOnce();
    assert.equal(second.stage.plans.length, 1);
    assert.ok(second.steps.some((s) => /^schema snapshot reused/.test(s)), second.steps.join('\n'));
    assert.ok(!second.steps.some((s) => /filling tables/.test(s)), second.steps.join('\n'));
  });
});
