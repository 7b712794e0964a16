import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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
    assert.match(headline, /^Checked on embedded PostgreSQL with 2,000 synthetic orders: Seq Scan \+ Sort [\d.]+ ms → (Index Scan|Bitmap Heap Scan)\b[^—]* using orders_user_id_created_at_idx\b.* — rows read 2,000 → \d{1,3}(?!\d|,\d)/);
    assert.doesNotMatch(headline, /slower|no measurable/);
    assert.match(text.out(), /Decided by what the plans count/);
    const json = io(['--schema', 'shop', '--rows', '2000', '--format', 'json', 'SELECT count(*) FROM users']);
    assert.equal(await explainCommand.run(json.io), 0);
    const parsed = JSON.parse(json.out()) as { status: { summary: string }; report: { ok: boolean; plan: unknown } };
    assert.equal(parsed.status.summary, 'Schema: 2 tables from db/migrations (1 file, 0 statements skipped)');
    assert.ok(parsed.report.ok && parsed.report.plan);
  });

  it('says in the text headline when a table the plan reads has no synthetic rows', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-explain-empty-'));
    try {
      fs.mkdirSync(path.join(root, 'migrations'));
      // A CHECK no row can pass: the generator leaves the table empty and says why (SchemaStatus.dataSkipped).
      fs.writeFileSync(path.join(root, 'migrations', '001_init.sql'), 'CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);\nCREATE TABLE coupons (code text PRIMARY KEY, user_id bigint REFERENCES users (id), CHECK (false));\n');
      const text = io(['--schema', root, '--rows', '200', 'SELECT c.code FROM coupons c JOIN users u ON u.id = c.user_id WHERE u.email = $1']);
      assert.equal(await explainCommand.run(text.io), 0);
      const headline = text.out().split('\n')[0];
      assert.match(headline, /^Plan on embedded PostgreSQL .* — the plan is of an empty table: coupons has no synthetic rows \(.*coupons_check/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses bad usage with the fix named', async () => {
    await assert.rejects(explainCommand.run(io(['SELECT 1']).io), (e: unknown) => e instanceof UsageError && /--schema <dir> is required/.test(e.message));
    await assert.rejects(explainCommand.run(io(['--schema', 'shop']).io), /give the query to explain/);
    await assert.rejects(explainCommand.run(io(['--schema', 'shop', '--rows', 'lots', 'SELECT 1']).io), /--rows must be a whole number/);
    await assert.rejects(explainCommand.run(io(['--schema', 'nowhere', 'SELECT 1']).io), /no such folder/);
  });
});
