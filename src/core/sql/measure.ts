/**
 * Measuring a query on the embedded database: inside one transaction that is rolled back, a
 * fix's statements, then the indexes as the catalog now holds them (so the plan's "why" speaks
 * of the indexes after the fix, not before), then EXPLAIN (ANALYZE, BUFFERS) warmed up and run
 * k times. The run with the median time is the plan shown; all the times are kept.
 */
import { INDEXES_SQL, type IndexModel, type SchemaModel } from './model';
import type { ParamValue } from './params';
import { timingOf } from './planCompare';
import { summarisePlan, type PlanReport } from './plans';
import type { PgErrorInfo, SqlSession, StepResult } from './session';

export interface MeasureOptions {
  /** Runs before timing starts (caches, the planner's first-use work); not counted. */
  readonly warmups: number;
  /** Timed runs: the median is reported, with the spread. */
  readonly runs: number;
  /**
   * After this long the remaining runs are left out (a slow query is not run twelve times into
   * the request timeout); the first EXPLAIN always runs, and counts as the timed run when it is the only one.
   */
  readonly budgetMs?: number;
  readonly postgresVersion?: string;
  /** Tables the data generator could not fill, with why (SchemaStatus.dataSkipped). */
  readonly dataSkipped?: readonly { readonly table: string; readonly reason: string }[];
}


interface IndexRow {
  schema: string;
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  method: string;
  def: string;
  partial: boolean;
  cols: (string | null)[] | string | null;
}

/** The model with each table's indexes replaced by the catalog's rows (rows and columns kept). */
export function withIndexes(model: SchemaModel, rows: readonly Record<string, unknown>[]): SchemaModel {
  const byTable = new Map<string, IndexModel[]>();
  for (const r of rows as unknown as IndexRow[]) {
    const cols = typeof r.cols === 'string' ? (JSON.parse(r.cols) as (string | null)[]) : (r.cols ?? []);
    const list = byTable.get(`${r.schema}.${r.table}`) ?? [];
    list.push({ name: r.name, columns: cols, unique: r.unique, primary: r.primary, method: r.method, partial: r.partial, definition: r.def });
    byTable.set(`${r.schema}.${r.table}`, list);
  }
  return { tables: model.tables.map((t) => ({ ...t, indexes: byTable.get(t.qualified) ?? [] })) };
}

function failed(common: Omit<PlanReport, 'ok' | 'nodes' | 'executionMs' | 'planningMs' | 'buffers' | 'shape'>, error: PgErrorInfo): PlanReport {
  return { ...common, ok: false, error, nodes: [], executionMs: 0, planningMs: 0, buffers: { hit: 0, read: 0 }, shape: '' };
}

function planOf(r: StepResult): unknown {
  const raw = (r.rows?.[0] as Record<string, unknown> | undefined)?.['QUERY PLAN'];
  return typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
}

function executionTime(plan: unknown): number {
  const top = (Array.isArray(plan) ? plan[0] : plan) as { 'Execution Time'?: number } | undefined;
  return top?.['Execution Time'] ?? 0;
}

/** Runs `ddl`, reads the indexes when there was any, then EXPLAIN ANALYZE warmed up and timed; rolled back. */
export async function measurePlan(
  session: SqlSession,
  model: SchemaModel,
  sql: string,
  params: readonly ParamValue[],
  ddl: readonly string[],
  o: MeasureOptions,
): Promise<{ report: PlanReport; failure?: PgErrorInfo & { statement: string } }> {
  const explain = `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`;
  const values = params.map((p) => p.value);
  const catalog = ddl.length > 0 ? [{ sql: INDEXES_SQL }] : [];
  const runs = Math.max(1, o.runs);
  const explains = Array.from({ length: o.warmups + runs }, (_, i) => ({ sql: explain, params: values, ...(i > 0 ? { optional: true } : {}) }));
  const steps = [...ddl.map((d) => ({ sql: d })), ...catalog, ...explains];
  const results: StepResult[] = await session.script(steps, true, o.budgetMs);
  const failedAt = results.findIndex((r) => r.error);
  const rolledBack = !/^\s*\(?\s*(SELECT|WITH|VALUES|TABLE)\b/i.test(sql) || /\b(INSERT|UPDATE|DELETE)\b/i.test(sql.split(/\bFROM\b/i)[0] ?? '');
  const common = { query: sql, executed: sql, params, rolledBack, ...(o.postgresVersion ? { postgresVersion: o.postgresVersion } : {}) };
  if (failedAt >= 0 && failedAt < ddl.length) {
    const error = results[failedAt].error!;
    return { report: failed(common, error), failure: { ...error, statement: ddl[failedAt] } };
  }
  if (failedAt >= 0) {
    return { report: failed(common, results[failedAt].error!) };
  }
  const after = ddl.length > 0 ? withIndexes(model, results[ddl.length].rows ?? []) : model;
  const ran = results.slice(ddl.length + catalog.length);
  // Cut short by the budget: the warm-ups that ran are kept out of the timing unless nothing else ran.
  const warmups = Math.min(o.warmups, ran.length - 1);
  const timed = ran.slice(warmups).map(planOf);
  const times = timed.map(executionTime);
  const timing = timingOf(times, warmups);
  // The plan shown is the run whose time is the median (the lower middle one for an even count).
  const order = times.map((t, i) => ({ t, i })).sort((x, y) => x.t - y.t);
  const shown = timed[order[(order.length - 1) >> 1].i];
  const summary = summarisePlan(shown, after);
  const skipped = new Map((o.dataSkipped ?? []).map((d) => [d.table, d.reason]));
  const emptyTables = summary.emptyTables?.map((e) => ({ table: e.table, ...(skipped.get(e.table) ? { reason: skipped.get(e.table)! } : {}) }));
  return {
    report: { ...common, ok: true, ...summary, executionMs: timing.medianMs, timing, ...(emptyTables ? { emptyTables } : {}) },
  };
}
