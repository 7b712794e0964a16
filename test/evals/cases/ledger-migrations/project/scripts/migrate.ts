/**
 * Applies migrations/NNNN_*.sql in order, once each. Run by the deploy pipeline before the new
 * release starts: `node dist/scripts/migrate.js`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

const DIR = join(__dirname, '..', '..', 'migrations');

async function main(): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = new Map((await client.query('SELECT name, checksum FROM schema_migrations')).rows.map((r) => [r.name, r.checksum]));
  for (const name of readdirSync(DIR).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort()) {
    const sql = readFileSync(join(DIR, name), 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex');
    if (applied.has(name)) {
      if (applied.get(name) !== checksum) {
        throw new Error(`${name} was edited after it was applied`);
      }
      continue;
    }
    await client.query('BEGIN');
    try {
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [name, checksum]);
      await client.query('COMMIT');
      console.log(`applied ${name}`);
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  }
  await client.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
