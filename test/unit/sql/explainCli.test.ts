import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { explainCommand } from '../../../src/cli/commands/explain';
import { UsageError } from '../../../src/cli/io';
import { SCHEMA_FIXTURES } from './helpers';

function io(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  return { io: { argv, cwd: SCHEMA_FIXTURES, env: {}, stdout, stderr, stdin: new PassThrough() }, out: () => out };
}

describe('sql: architect-personas explain', function () {
  this.timeout(180_000);

  it('prints the fix check for a schema folder, and JSON with --format json', async () => {
    const text = io(['--schema', 'shop', '--rows', '2000', 'SELECT id FROM orders WHERE user_id = ? ORDER BY created_at DESC LIMIT 5', '--fix', 'CREATE INDEX ON orders (user_id, created_at)']);
    assert.equal(await explainCommand.run(text.io), 0);
    // The verdict rests on what the plans count (2,000 rows read → a handful), not on one timing,
    // so it holds on a busy machine.
    const headline = text.out().split('\n')[0];
    assert.match(headline, /^Checked on embedded PostgreSQL with 2,000 synthetic orders: Seq Scan \+ Sort [\d.]+ ms → (Index Scan|Bitmap Heap Scan)\b[^—]* using orders_user_id_created_at_idx\b.* — rows read 2,000 → \d\b/);
    assert.doesNotMatch(headline, /slower|no measurable/);
    assert.match(text.out(), /Decided by what the plans count/);
    const json = io(['--schema', 'shop', '--rows', '2000', '--format', 'json', 'SELECT count(*) FROM users']);
    assert.equal(await explainCommand.run(json.io), 0);
    const parsed = JSON.parse(json.out()) as { status: { summary: string }; report: { ok: boolean; plan: unknown } };
    assert.equal(parsed.status.summary, 'Schema: 2 tables from db/migrations (1 file, 0 statements skipped)');
    assert.ok(parsed.report.ok && parsed.report.plan);
  });

  it('refuses bad usage with the fix named', async () => {
    await assert.rejects(explainCommand.run(io(['SELECT 1']).io), (e: unknown) => e instanceof UsageError && /--schema <dir> is required/.test(e.message));
    await assert.rejects(explainCommand.run(io(['--schema', 'shop']).io), /give the query to explain/);
    await assert.rejects(explainCommand.run(io(['--schema', 'shop', '--rows', 'lots', 'SELECT 1']).io), /--rows must be a whole number/);
    await assert.rejects(explainCommand.run(io(['--schema', 'nowhere', 'SELECT 1']).io), /no such folder/);
  });
});
