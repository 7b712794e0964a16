/**
 * explain_query, check_sql_fix and schema: the embedded Postgres (PGlite) loaded with the
 * workspace's schema and synthetic rows — never the user's database. One file per tool would be
 * three copies of the same "not available" and row handling, so the three share this file.
 */
import type { SqlAccess, ToolDefinition, ToolResult } from './types';

const ROWS = { type: 'integer', minimum: 1, maximum: 5_000_000, description: 'Synthetic rows in the largest table, related tables in proportion. Default: the setting architectPersonas.queryPlans.rows (100,000).' } as const;

export const explainQueryTool: ToolDefinition = {
  name: 'explain_query',
  description:
    'Run EXPLAIN ANALYZE for a SQL query on an embedded PostgreSQL loaded with the workspace schema and synthetic data ' +
    '(never the user\'s database). Returns the plan summary: scans, indexes used, estimated vs actual rows, time. ' +
    'Use it before claiming a query is slow or uses a sequential scan. Use $1, $2… or literals for parameters.',
  inputSchema: {
    type: 'object',
    properties: { sql: { type: 'string', minLength: 1, maxLength: 20_000, description: 'One SQL statement' }, rows: ROWS },
    required: ['sql'],
    additionalProperties: false,
  },
  needs: 'sql',
  progress: (input, ctx) => `Explaining the ${tableOf(String(input.sql))}query on ${rowsOf(input, ctx.sql).toLocaleString('en-US')} rows…`,
  async run(input, ctx, signal) {
    const sql = String(input.sql);
    if (!ctx.sql) {
      return notAvailable('explain_query');
    }
    const rows = rowsOf(input, ctx.sql);
    const summary = await ctx.sql.explain(sql, rows, signal);
    return {
      content: summary,
      summary: `Explained the ${tableOf(sql)}query on ${rows.toLocaleString('en-US')} synthetic rows (embedded Postgres)`,
      facts: [{ kind: 'queryPlan', sql, rows, summary }],
    };
  },
};

export const checkSqlFixTool: ToolDefinition = {
  name: 'check_sql_fix',
  description:
    'Check a fix for a slow query on the embedded PostgreSQL: runs EXPLAIN ANALYZE on the query, applies the fix ' +
    '(CREATE INDEX, a rewritten query, …) to the embedded copy, runs it again, and reports before/after. ' +
    'Use it to verify a recommended index or rewrite before recommending it.',
  inputSchema: {
    type: 'object',
    properties: {
      sql: { type: 'string', minLength: 1, maxLength: 20_000, description: 'The query as it is today' },
      fixSql: { type: 'string', minLength: 1, maxLength: 20_000, description: 'The fix: DDL such as CREATE INDEX, or the rewritten query' },
      rows: ROWS,
    },
    required: ['sql', 'fixSql'],
    additionalProperties: false,
  },
  needs: 'sql',
  progress: (input, ctx) => `Checking the fix for the ${tableOf(String(input.sql))}query on ${rowsOf(input, ctx.sql).toLocaleString('en-US')} rows…`,
  async run(input, ctx, signal) {
    const sql = String(input.sql);
    const fixSql = String(input.fixSql);
    if (!ctx.sql) {
      return notAvailable('check_sql_fix');
    }
    const rows = rowsOf(input, ctx.sql);
    const summary = await ctx.sql.checkFix(sql, fixSql, rows, signal);
    return {
      content: summary,
      summary: `Checked a fix for the ${tableOf(sql)}query before/after on ${rows.toLocaleString('en-US')} synthetic rows (embedded Postgres)`,
      facts: [{ kind: 'fixCheck', sql, fixSql, rows, summary }],
    };
  },
};

export const schemaTool: ToolDefinition = {
  name: 'schema',
  description:
    'The database schema found in the workspace (migrations, schema.sql, ORM models) as loaded into the embedded ' +
    'PostgreSQL: tables, columns with types, indexes and foreign keys. Use it before recommending an index or a join.',
  inputSchema: { type: 'object', properties: {}, additionalProperties: false },
  needs: 'sql',
  progress: () => 'Loading the schema from the workspace…',
  async run(_input, ctx, signal) {
    if (!ctx.sql) {
      return notAvailable('schema');
    }
    const text = await ctx.sql.schema(signal);
    return { content: text, summary: 'Loaded the workspace schema into the embedded Postgres' };
  },
};

function rowsOf(input: Record<string, unknown>, sql: SqlAccess | undefined): number {
  return typeof input.rows === 'number' ? input.rows : (sql?.defaultRows ?? 100_000);
}

/** "orders " for `SELECT … FROM orders …`, '' when no table is recognisable. */
export function tableOf(sql: string): string {
  const m = /\b(?:from|update|into|join)\s+(?:only\s+)?(?:"?[\w$]+"?\.)?"?([\w$]+)"?/i.exec(sql);
  return m ? `${m[1]} ` : '';
}

function notAvailable(tool: string): ToolResult {
  const why = 'the embedded Postgres is not available in this version of the extension';
  return {
    isError: true,
    content: `Not run: ${why}. Do not claim measured plans; reason from the code and say the plan is unmeasured.`,
    summary: `${tool} not run: ${why}`,
  };
}
