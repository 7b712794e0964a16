/**
 * Query plans for a review: the queries found in the reviewed code (string literals that read
 * like SQL, and the statements of .sql files) explained on the embedded PostgreSQL loaded with
 * the repository's schema and synthetic data — never the user's database. Also the SqlAccess
 * the architect's SQL tools (explain_query, check_sql_fix, schema) run on, over the same planner.
 */
import { discoverSchema } from '../../schema';
import { createQueryPlanner, extractSqlQueries, formatFixCheck, formatPlanReport, type QueryPlanner, type SchemaModel } from '../../sql';
import type { SqlAccess } from '../../tools';
import type { ReviewTarget } from './collect';
import type { ReportQueryPlan } from './report';

export const MAX_PLANNED_QUERIES = 20;
const DEFAULT_ROWS = 100_000;

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

/** Starts a planner when the repository has a schema; explains the queries found (first MAX_PLANNED_QUERIES). */
export async function planQueries(
  root: string,
  targets: readonly ReviewTarget[],
  options: { readonly rows?: number; readonly signal?: AbortSignal; readonly step?: (detail: string) => void; readonly log?: (line: string) => void },
): Promise<QueryPlanStage> {
  const found: { file: string; line: number; sql: string }[] = [];
  for (const t of targets) {
    for (const q of extractSqlQueries(t.text, t.languageId)) {
      if (touches(t, q.line, q.sql)) {
        found.push({ file: t.path, line: q.line, sql: q.sql });
      }
    }
  }
  const sources = await discoverSchema(root);
  if (sources.files.length === 0) {
    return { plans: [], notes: found.length > 0 ? [`${found.length} quer${found.length === 1 ? 'y was' : 'ies were'} not planned: no schema (migrations, schema.sql, Prisma, …) was found in the repository.`] : [] };
  }
  const planner = createQueryPlanner({ root, rows: options.rows ?? DEFAULT_ROWS, log: options.log });
  const notes: string[] = [];
  const plans: ReportQueryPlan[] = [];
  if (found.length > MAX_PLANNED_QUERIES) {
    notes.push(`${found.length - MAX_PLANNED_QUERIES} of ${found.length} queries were not planned (first ${MAX_PLANNED_QUERIES} only); review fewer files to plan the rest.`);
  }
  const failed: string[] = [];
  for (const q of found.slice(0, MAX_PLANNED_QUERIES)) {
    if (options.signal?.aborted) {
      break;
    }
    try {
      const report = await planner.explain(q.sql, options.rows ? { rows: options.rows } : {});
      options.step?.(`${q.file}:${q.line}`);
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

/** A planner for a folder (MCP server, LM tools outside the editor): nothing starts until a tool asks. */
export function createFolderSqlAccess(root: string, log?: (line: string) => void): { readonly sql: SqlAccess; dispose(): Promise<void> } {
  const planner = createQueryPlanner({ root, rows: DEFAULT_ROWS, log });
  return { sql: plannerSqlAccess(planner), dispose: () => planner.dispose() };
}
