import { Pool } from 'pg';

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
  statement_timeout: 5_000,
});

pool.on('error', (err) => {
  console.error('idle pg client error', err);
});
