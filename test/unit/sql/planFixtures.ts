/** Synthetic EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) output and schema models for the plan unit tests. */
import type { IndexModel, SchemaModel, TableModel } from '../../../src/core/sql';
import { summarisePlan, type PlanReport } from '../../../src/core/sql/plans';
import { timingOf } from '../../../src/core/sql/planCompare';

export type Raw = Record<string, unknown> & { 'Node Type': string; Plans?: Raw[] };

export function index(name: string, table: string, columns: (string | null)[], extra: Partial<IndexModel> = {}): IndexModel {
  const cols = extra.definition ? '' : columns.map((c) => c ?? 'lower(email)').join(', ');
  return { name, columns, unique: false, primary: false, method: 'btree', partial: false, definition: `CREATE INDEX ${name} ON public.${table} USING btree (${cols})`, ...extra };
}

export function table(name: string, columns: string[], indexes: IndexModel[], rows: number): TableModel {
  return {
    schema: 'public',
    name,
    qualified: `public.${name}`,
    columns: columns.map((c) => ({ name: c, type: c === 'code' ? 'character varying(20)' : 'bigint', baseType: c === 'code' ? 'varchar' : 'int8', category: c === 'code' ? 'S' : 'N', notNull: true, generated: false })),
    primaryKey: ['id'],
    uniques: [],
    foreignKeys: [],
    checks: [],
    indexes,
    rows,
  };
}

export const PKEY = index('orders_pkey', 'orders', ['id'], { unique: true, primary: true });

export function ordersModel(extra: IndexModel[] = [], rows = 2000): SchemaModel {
  return { tables: [table('orders', ['id', 'user_id', 'status', 'created_at', 'code', 'total'], [PKEY, ...extra], rows)] };
}

export function seqScan(rows: number, removed: number, filter = "(user_id = '42'::bigint)", buffers = 22): Raw {
  return { 'Node Type': 'Seq Scan', 'Relation Name': 'orders', Alias: 'orders', 'Actual Rows': rows, 'Actual Loops': 1, 'Actual Total Time': 0.3, Filter: filter, 'Rows Removed by Filter': removed, 'Shared Hit Blocks': buffers, 'Shared Read Blocks': 0 };
}

export function bitmapScan(indexName: string, rows: number, cond = "(user_id = '42'::bigint)", buffers = 7): Raw {
  return {
    'Node Type': 'Bitmap Heap Scan', 'Relation Name': 'orders', Alias: 'orders', 'Actual Rows': rows, 'Actual Loops': 1, 'Actual Total Time': 0.05, 'Recheck Cond': cond,
    'Rows Removed by Index Recheck': 0, 'Shared Hit Blocks': buffers - 2, 'Shared Read Blocks': 2,
    Plans: [{ 'Node Type': 'Bitmap Index Scan', 'Index Name': indexName, 'Actual Rows': rows, 'Actual Loops': 1, 'Index Cond': cond, 'Index Searches': 1, 'Shared Hit Blocks': 0, 'Shared Read Blocks': 2 }],
  };
}

export function sort(input: Raw, key = ['created_at DESC'], extra: Record<string, unknown> = {}): Raw {
  const rows = input['Actual Rows'] as number;
  return {
    'Node Type': 'Sort', 'Actual Rows': rows, 'Actual Loops': 1, 'Actual Total Time': 0.4, 'Sort Key': key, 'Sort Method': 'quicksort', 'Sort Space Used': 25, 'Sort Space Type': 'Memory',
    'Shared Hit Blocks': input['Shared Hit Blocks'], 'Shared Read Blocks': input['Shared Read Blocks'], Plans: [input], ...extra,
  };
}

export function explainJson(plan: Raw, executionMs: number): unknown {
  return [{ Plan: plan, 'Planning Time': 0.1, 'Execution Time': executionMs }];
}

/** A PlanReport as the planner builds it, with the given timed runs (ms). */
export function report(plan: Raw, model: SchemaModel, runs: number[]): PlanReport {
  const timing = timingOf(runs, 1);
  const s = summarisePlan(explainJson(plan, timing.medianMs), model);
  return { query: 'q', executed: 'q', params: [], ok: true, rolledBack: false, ...s, executionMs: timing.medianMs, timing };
}
