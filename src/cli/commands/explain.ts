/**
 * `architect-personas explain --schema <dir> "<sql>" [--rows N] [--fix "<ddl>"] [--format text|json]`:
 * the query's plan on an embedded PostgreSQL (PGlite) holding the schema found under <dir> and
 * synthetic data; with --fix, the fix applied in a rolled-back transaction and the plan after.
 * Never the user's database: no connection string is read, nothing connects anywhere.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { snapshotCacheDir } from '../../core/pipeline/workspace/queryPlans';
import { createQueryPlanner, dataStatusLine, formatFixCheck, formatPlanReport, worthALine, type LoadProgress } from '../../core/sql';
import type { CliCommand } from '../commandTable';
import { EXIT, type ExitCode } from '../exitCodes';
import { UsageError, type CliIo } from '../io';
import { parseCommandArgs } from '../args';
import { parseScaleArgs, runScale, SCALE_TIMEOUT_MS } from './explainScale';

export const EXPLAIN_USAGE = `Usage: architect-personas explain --schema <dir> "<sql>" [options]

Runs EXPLAIN (ANALYZE, BUFFERS) of the query on an embedded PostgreSQL (PGlite) loaded with the
schema found under <dir> — a workspace root (pg_dump schema.sql/structure.sql, Prisma, Drizzle,
Flyway, golang-migrate, dbmate or migrations/*.sql, found by their markers) or a folder of SQL
files — and synthetic data. Never your database: nothing connects anywhere.

Options:
  --schema <dir>            Workspace root or folder of SQL files (required)
  --schema-path <path>      Inside <dir>: the file or folder to load instead of searching
  --rows <n>                Synthetic rows in the largest table (default 100000)
  --fix "<sql>"             Also apply this fix (rolled back) and compare the plans
  --scale <n,n,…>           The scale curve: measure at each size (rows in the largest table the
                            query reads, e.g. 1e3,1e4,1e5,1e6) and classify how the work grows
  --at <n>                  With --scale: extrapolate to this size (default ten times the largest)
  --format <text|json>      Output format (default text)
  --show-schema             Print what was loaded, skipped and adapted (text format)

$1, ? and :name parameters are filled with typed sample values from the synthetic data.
The loaded schema and data are saved as a snapshot (in the temp folder, or
ARCHITECT_PERSONAS_CACHE_DIR) that the next run with the same schema files and --rows reuses.
Exit codes: 0 it ran (the plan or Postgres's error is printed), 2 usage error or no schema found.
`;

function parse(argv: readonly string[]) {
  const parsed = parseCommandArgs('explain', argv, {
    schema: { type: 'string' },
    'schema-path': { type: 'string' },
    rows: { type: 'string' },
    fix: { type: 'string' },
    format: { type: 'string', default: 'text' },
    'show-schema': { type: 'boolean', default: false },
    scale: { type: 'string' },
    at: { type: 'string' },
  });
  const v = parsed.values;
  if (!v.schema) {
    throw new UsageError('--schema <dir> is required: the workspace root or folder of SQL files to load.');
  }
  const sql = parsed.positionals.join(' ').trim();
  if (!sql) {
    throw new UsageError('give the query to explain, e.g. architect-personas explain --schema . "SELECT * FROM orders WHERE user_id = $1"');
  }
  if (v.format !== 'text' && v.format !== 'json') {
    throw new UsageError(`--format must be text or json (got '${v.format}').`);
  }
  const rows = v.rows === undefined ? undefined : Number(v.rows);
  if (rows !== undefined && (!Number.isInteger(rows) || rows < 10 || rows > 10_000_000)) {
    throw new UsageError(`--rows must be a whole number from 10 to 10000000 (got '${v.rows}').`);
  }
  const scale = parseScaleArgs(v.scale, v.at, rows);
  return { schema: v.schema, schemaPath: v['schema-path'], sql, rows, fix: v.fix, format: v.format, showSchema: Boolean(v['show-schema']), scale };
}

async function run(io: CliIo): Promise<ExitCode> {
  const o = parse(io.argv);
  const root = path.resolve(io.cwd, o.schema);
  if (!fs.existsSync(root)) {
    throw new UsageError(`--schema ${o.schema}: no such folder.`);
  }
  let ready: LoadProgress | undefined;
  const planner = createQueryPlanner({
    root,
    ...(o.schemaPath ? { override: o.schemaPath } : {}),
    ...(o.rows ? { rows: o.rows } : {}),
    // The scale curve loads at its smallest size, then regenerates the data at each larger one.
    ...(o.scale ? { rows: o.scale.sizes[0], timeoutMs: SCALE_TIMEOUT_MS } : {}),
    cacheDir: snapshotCacheDir(io.env),
    snapshotAfterLoad: true,
    progress: (p) => {
      if (p.phase === 'ready') {
        ready = p;
      } else if (worthALine(p)) {
        io.stderr.write(`  ${p.message}\n`);
      }
    },
    log: (s) => io.env.ARCHITECT_DEBUG && io.stderr.write(`${s}\n`),
  });
  try {
    io.stderr.write('Loading the schema into embedded PostgreSQL…\n');
    const status = await planner.schemaStatus();
    if (!status.ok) {
      throw new UsageError(`no schema found under ${o.schema} (${status.notes.join('; ')}). Point --schema at it, or --schema-path inside it.`);
    }
    io.stderr.write(`${status.summary}${ready ? ` — ${ready.message}` : ''}\n`);
    // Tables the synthetic data could not fill change every plan that reads them: said in the text, not only in the JSON.
    const data = dataStatusLine(status.dataSkipped);
    const footer = `${data ? `\nSynthetic data: ${data}\n` : ''}${o.showSchema ? `\n${schemaText(status)}\n` : ''}`;
    if (o.scale) {
      await runScale(io, planner, status, { sql: o.sql, ...(o.fix !== undefined ? { fix: o.fix } : {}), format: o.format, footer }, o.scale);
    } else if (o.fix !== undefined) {
      const check = await planner.checkFix(o.sql, o.fix);
      io.stdout.write(o.format === 'json' ? `${JSON.stringify({ status, check }, null, 2)}\n` : `${formatFixCheck(check)}\n${footer}`);
    } else {
      const report = await planner.explain(o.sql);
      io.stdout.write(o.format === 'json' ? `${JSON.stringify({ status, report }, null, 2)}\n` : `${formatPlanReport(report)}\n${footer}`);
    }
    return EXIT.ok;
  } finally {
    await planner.dispose();
  }
}

function schemaText(status: Awaited<ReturnType<ReturnType<typeof createQueryPlanner>['schemaStatus']>>): string {
  const lines = [status.summary];
  for (const s of status.skipped) {
    lines.push(`  skipped ${s.file}:${s.line} [${s.kind}] ${s.reason}${s.statement ? ` — ${s.statement}` : ''}`);
  }
  for (const a of status.adapted) {
    lines.push(`  adapted ${a.file ? `${a.file}:${a.line} ` : ''}${a.what}`);
  }
  for (const r of status.rows) {
    lines.push(`  ${r.table}: ${r.rows.toLocaleString('en-US')} synthetic rows`);
  }
  for (const d of status.dataSkipped) {
    lines.push(`  ${d.table}: no synthetic rows — ${d.reason}`);
  }
  return lines.join('\n');
}

export const explainCommand: CliCommand = {
  name: 'explain',
  summary: 'Explain a query (and check a fix) on embedded PostgreSQL with your schema and synthetic data',
  usage: EXPLAIN_USAGE,
  run,
};

