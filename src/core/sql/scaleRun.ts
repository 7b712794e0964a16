/**
 * Running the scale curve on a QueryPlanner: one loaded schema, the synthetic data regenerated at
 * each size (TRUNCATE + generate, the planner's rescale), the query — or the fix check — measured
 * at each. The size is the row count of the anchor table: of the tables the query reads, the one
 * lowest in the foreign-key tree (the one the default proportions make largest); its parents get
 * the usual proportions (five times fewer per level up), as "at 100k orders" does in the chat.
 */
import { tablesInQuery } from './lazyData';
import type { SchemaModel } from './model';
import type { QueryPlanner } from './planner';
import { failedPoint, fmtSize, pointOf, seriesOf, type ScalePoint, type ScaleSeries } from './scaleCurve';
import { nameForms } from './scale';
import { plannedRowCounts } from './synthOrder';

export interface ScaleCurve {
  readonly query: string;
  readonly fix?: string;
  /** The table whose row count is the size (bare name), or undefined: the schema's largest table. */
  readonly anchor?: string;
  readonly sizes: readonly number[];
  readonly before: ScaleSeries;
  readonly after?: ScaleSeries;
  /** The fix check's verdict at each size, when there is a fix. */
  readonly verdicts?: readonly { readonly size: number; readonly verdict: string }[];
  /** Where the estimate is for (an extrapolation, not a measurement). */
  readonly at?: number;
  /** Wall-clock seconds per size (generation and measuring): how long a next, larger size would take. */
  readonly seconds: readonly number[];
}

export interface ScaleRunOptions {
  readonly sizes: readonly number[];
  readonly fix?: string;
  /** The size to extrapolate to (default: ten times the largest size). */
  readonly at?: number;
  /** The table the sizes are about ("at 100k users"), when the query reads it; default the anchor. */
  readonly table?: string;
  /** One line per phase: "scale 2/4: 10,000 rows in orders…". */
  readonly progress?: (line: string) => void;
}

/** Of the tables `sql` reads, the one the proportions make largest (ties: the first in the schema). */
export function anchorTable(model: SchemaModel, sql: string): string | undefined {
  const read = tablesInQuery(model, sql);
  if (read.size === 0) {
    return undefined;
  }
  const counts = plannedRowCounts(model, { rows: 1_000_000 });
  let best: { name: string; rows: number } | undefined;
  for (const t of model.tables) {
    const rows = counts.get(t.qualified) ?? 0;
    if (read.has(t.qualified) && (!best || rows > best.rows)) {
      best = { name: t.name, rows };
    }
  }
  return best?.name;
}

export async function runScaleCurve(planner: QueryPlanner, sql: string, o: ScaleRunOptions): Promise<ScaleCurve> {
  const say = o.progress ?? (() => undefined);
  const model = await planner.schema();
  const read = tablesInQuery(model, sql);
  const forms = o.table ? nameForms(o.table) : [];
  const named = model.tables.find((t) => read.has(t.qualified) && forms.includes(t.name.toLowerCase()))?.name;
  const anchor = named ?? anchorTable(model, sql);
  const before: ScalePoint[] = [];
  const after: ScalePoint[] = [];
  const verdicts: { size: number; verdict: string }[] = [];
  const seconds: number[] = [];
  const at = o.at ?? Math.max(...o.sizes) * 10;
  for (const [i, size] of o.sizes.entries()) {
    say(`scale ${i + 1}/${o.sizes.length}: ${fmtSize(size)} rows in ${anchor ?? 'the largest table'} — generating the synthetic data, then measuring${o.fix ? ' before and after the fix' : ''}…`);
    const t0 = Date.now();
    const scale = { rows: size, ...(anchor ? { table: anchor } : {}) };
    let first;
    if (o.fix !== undefined) {
      const check = await planner.checkFix(sql, o.fix, scale);
      first = check.before;
      verdicts.push({ size, verdict: check.verdict });
      const status = await planner.schemaStatus();
      const tables = tablesOf(status.rows, read);
      before.push(pointOf(size, tables, check.before));
      after.push(check.after ? pointOf(size, tables, check.after) : failedPoint(size, tables, check.error?.message ?? 'the fix did not apply'));
    } else {
      first = await planner.explain(sql, scale);
      const status = await planner.schemaStatus();
      before.push(pointOf(size, tablesOf(status.rows, read), first));
    }
    seconds.push((Date.now() - t0) / 1000);
    const p = before[before.length - 1];
    say(`  ${fmtSize(size)}: ${first.ok ? `${p.plan}, rows read ${fmtSize(p.rowsRead)}` : `failed: ${p.error}`} (${seconds[i].toFixed(1)} s)`);
  }
  return {
    query: sql,
    ...(o.fix !== undefined ? { fix: o.fix } : {}),
    ...(anchor ? { anchor } : {}),
    sizes: [...o.sizes],
    before: seriesOf(before, at),
    ...(o.fix !== undefined ? { after: seriesOf(after, at), verdicts } : {}),
    at,
    seconds,
  };
}

function tablesOf(rows: readonly { table: string; rows: number }[], read: ReadonlySet<string>): ScalePoint['tables'] {
  return rows.filter((r) => read.has(r.table)).map((r) => ({ table: r.table.replace(/^public\./, ''), rows: r.rows }));
}
