/**
 * Query plans for a review: the queries found in the reviewed code (string literals that read
 * like SQL, and the statements of .sql files) explained on the embedded PostgreSQL loaded with
 * the repository's schema and synthetic data — never the user's database. Also the SqlAccess
 * the architect's SQL tools (explain_query, check_sql_fix, schema) run on, over the same planner.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverSchema } from '../../schema';
import { createQueryPlanner, dataStatusLine, extractSqlQueries, formatFixCheck, formatPlanReport, worthALine, type LoadProgress, type QueryPlanner, type SchemaModel } from '../../sql';
import type { SqlAccess } from '../../tools';
import type { ReviewTarget } from './collect';
import { chooseQueries, type FoundSql } from './queryChoice';
import type { ReportQueryPlan } from './report';

export const MAX_PLANNED_QUERIES = 20;
const DEFAULT_ROWS = 100_000;

/** Where the command line and the MCP server keep schema snapshots: ARCHITECT_PERSONAS_CACHE_DIR, else the temp folder. */
export function snapshotCacheDir(env: Readonly<Record<string, string | undefined>> = {}): string {
  return env.ARCHITECT_PERSONAS_CACHE_DIR?.trim() || path.join(os.tmpdir(), 'architect-personas-pg');
}

export interface QueryPlanStage {
  readonly plans: readonly ReportQueryPlan[];
  readonly notes: readonly string[];
  /** Undefined when the repository has no schema to load. */
  readonly planner?: QueryPlanner;
}

function touches(target: ReviewTarget, line: number, sql: string): boolean {
  if (!target.changed) {
    return true;
  }
  const end = line + sql.split('\n').length - 1;
  return target.changed.some((s) => line <= s.endLine && end >= s.startLine);
}

/**
 * Starts a planner when the repository has a schema; explains the application's queries found
 * (see queryChoice.ts: no migrations, no other dialects, SELECTs of application code first; at
 * most MAX_PLANNED_QUERIES). `step` hears each phase of the schema load and each query planned.
 */
export async function planQueries(
  root: string,
  targets: readonly ReviewTarget[],
  options: {
    readonly rows?: number;
    readonly signal?: AbortSignal;
    readonly step?: (detail: string) => void;
    readonly log?: (line: string) => void;
    /** Where snapshots are kept (default: the temp folder). */
    readonly cacheDir?: string;
  },
): Promise<QueryPlanStage> {
  const found: FoundSql[] = [];
  for (const t of targets) {
    for (const q of extractSqlQueries(t.text, t.languageId)) {
      if (touches(t, q.line, q.sql)) {
        found.push({ file: t.path, absolutePath: t.absolutePath, line: q.line, sql: q.sql, languageId: t.languageId, ...(t.test ? { test: true } : {}) });
      }
    }
  }
  const sources = await discoverSchema(root);
  const choice = chooseQueries(found, {
    max: MAX_PLANNED_QUERIES,
    fileTexts: new Map(targets.map((t) => [t.path, t.text])),
    schemaFiles: new Set(sources.files.map((f) => path.resolve(f.path))),
  });
  const notes: string[] = [...choice.notes];
  if (sources.files.length === 0) {
    const n = choice.chosen.length + choice.leftOver;
    return { plans: [], notes: n > 0 ? [...notes, `${n} quer${n === 1 ? 'y was' : 'ies were'} not planned: no schema (migrations, schema.sql, Prisma, …) was found in the repository.`] : notes };
  }
  if (choice.chosen.length === 0) {
    return { plans: [], notes };
  }
  const say = (line: string) => options.step?.(line);
  say(`${choice.chosen.length} quer${choice.chosen.length === 1 ? 'y' : 'ies'} to plan; loading the schema into embedded PostgreSQL (${sources.files.length} file${sources.files.length === 1 ? '' : 's'})`);
  const planner = createQueryPlanner({
    root,
    rows: options.rows ?? DEFAULT_ROWS,
    ...(options.log ? { log: options.log } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    snapshotAfterLoad: true,
    progress: (p: LoadProgress) => worthALine(p) && say(p.message),
  });
  const plans: ReportQueryPlan[] = [];
  const failed: string[] = [];
  let done = 0;
  for (const q of choice.chosen) {
    if (options.signal?.aborted) {
      break;
    }
    try {
      const report = await planner.explain(q.sql, options.rows ? { rows: options.rows } : {});
      say(`${++done}/${choice.chosen.length} ${q.file}:${q.line}`);
      if (report.ok) {
        plans.push({ file: q.file, line: q.line, sql: q.sql, summary: formatPlanReport(report) });
      } else {
        failed.push(`${q.file}:${q.line} (${report.error?.message ?? 'failed'})`);
      }
    } catch (err) {
      notes.push(`query plans stopped: ${(err as Error)?.message ?? String(err)}`);
      break;
    }
  }
  if (plans.length > 0) {
    // Plans over tables the synthetic data left empty say little: the review text names them.
    const data = dataStatusLine((await planner.schemaStatus().catch(() => undefined))?.dataSkipped ?? []);
    if (data) {
      notes.push(`synthetic data: ${data}.`);
    }
  }
  if (failed.length > 0) {
    const shown = failed.slice(0, 5).join('; ');
    notes.push(`not planned, the embedded PostgreSQL refused ${failed.length === 1 ? 'the query' : `${failed.length} queries`} at ${shown}${failed.length > 5 ? '; …' : ''}.`);
  }
  return { plans, notes, planner };
}

/** The schema model as the `schema` tool shows it: one block per table. */
export function describeSchema(model: SchemaModel): string {
  if (model.tables.length === 0) {
    return 'No tables were loaded from the workspace schema.';
  }
  return model.tables
    .map((t) => {
      const cols = t.columns.map((c) => `  ${c.name} ${c.type}${c.notNull ? ' NOT NULL' : ''}${c.default ? ` DEFAULT ${c.default}` : ''}`);
      const keys = t.primaryKey.length > 0 ? [`  PRIMARY KEY (${t.primaryKey.join(', ')})`] : [];
      const fks = t.foreignKeys.map((f) => `  FOREIGN KEY (${f.columns.join(', ')}) REFERENCES ${f.refTable} (${f.refColumns.join(', ')})`);
      const idx = t.indexes.filter((i) => !i.primary).map((i) => `  index: ${i.definition}`);
      return [`${t.qualified}`, ...cols, ...keys, ...fks, ...idx].join('\n');
    })
    .join('\n\n');
}

/** The SQL tools' access to a planner (started lazily by the planner itself on first use). */
export function plannerSqlAccess(planner: QueryPlanner, defaultRows = DEFAULT_ROWS): SqlAccess {
  return {
    defaultRows,
    async explain(sql, rows) {
      return formatPlanReport(await planner.explain(sql, { rows }));
    },
    async checkFix(sql, fixSql, rows) {
      return formatFixCheck(await planner.checkFix(sql, fixSql, { rows }));
    },
    async schema() {
      return describeSchema(await planner.schema());
    },
  };
}

/**
 * A planner for a folder (MCP server, LM tools outside the editor): nothing starts until a tool
 * asks; the snapshot is saved right after a load, so the next process starts from it.
 */
export function createFolderSqlAccess(
  root: string,
  log?: (line: string) => void,
  options: { readonly cacheDir?: string; readonly progress?: (p: LoadProgress) => void } = {},
): { readonly sql: SqlAccess; readonly planner: QueryPlanner; dispose(): Promise<void> } {
  const planner = createQueryPlanner({ root, rows: DEFAULT_ROWS, snapshotAfterLoad: true, ...(log ? { log } : {}), ...options });
  return { sql: plannerSqlAccess(planner), planner, dispose: () => planner.dispose() };
}
