/**
 * Synthetic data on real schemas (`npm run bench`, section 7b; alone:
 * `node out/test/bench/schemasFill.js [id…] [--rows N]`): each migration set under
 * test/realworld/schemas/ loaded into the embedded PostgreSQL and filled at 20,000 rows, then a
 * join of two tables explained. Printed per schema: tables, tables filled, load + fill time, time
 * to the first plan of the join, and why the tables left empty are empty. Figures only: nothing
 * here fails on a number.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createQueryPlanner, type QueryPlannerOptions, type SchemaModel } from '../../src/core/sql';
import { REPO_ROOT } from './core';
import type { Row } from './stats';

export const SCHEMAS_ROOT = path.join(REPO_ROOT, 'test', 'realworld', 'schemas');

export interface SchemaFill {
  readonly id: string;
  readonly tables: number;
  readonly filled: number;
  readonly loadMs: number;
  readonly dataMs: number;
  readonly joinMs?: number;
  readonly join?: string;
  readonly joinError?: string;
  readonly empty: readonly { readonly table: string; readonly reason: string }[];
  readonly statementsSkipped: number;
  readonly error?: string;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A join of a child and its parent along the first foreign key between two different tables (both filled when possible). */
export function joinQuery(model: SchemaModel): string | undefined {
  const rowsOf = (q: string) => model.tables.find((t) => t.qualified === q)?.rows ?? 0;
  const pairs = model.tables.flatMap((t) => t.foreignKeys.filter((fk) => fk.refTable !== t.qualified).map((fk) => ({ t, fk })));
  pairs.sort((a, b) => Number(rowsOf(b.t.qualified) > 0 && rowsOf(b.fk.refTable) > 0) - Number(rowsOf(a.t.qualified) > 0 && rowsOf(a.fk.refTable) > 0));
  const pick = pairs[0];
  if (!pick) {
    return undefined;
  }
  const parent = pick.fk.refTable.split('.');
  const on = pick.fk.columns.map((c, i) => `c.${quote(c)} = p.${quote(pick.fk.refColumns[i])}`).join(' AND ');
  return `SELECT count(*) FROM ${quote(pick.t.schema)}.${quote(pick.t.name)} c JOIN ${quote(parent[0])}.${quote(parent.slice(1).join('.'))} p ON ${on}`;
}

export async function fillSchema(id: string, rows: number, base: Partial<QueryPlannerOptions>): Promise<SchemaFill> {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-bench-fill-'));
  const planner = createQueryPlanner({ ...base, root: path.join(SCHEMAS_ROOT, id), rows, cacheDir, timeoutMs: 600_000 });
  try {
    const status = await planner.schemaStatus();
    const model = await planner.schema();
    const filled = status.rows.filter((r) => r.rows > 0).length;
    const join = joinQuery(model);
    let joinMs: number | undefined;
    let joinError: string | undefined;
    if (join) {
      const t0 = performance.now();
      const report = await planner.explain(join);
      joinMs = performance.now() - t0;
      joinError = report.ok ? undefined : report.error?.message;
    }
    return {
      id,
      tables: status.tables,
      filled,
      loadMs: status.timings.loadMs,
      dataMs: status.timings.dataMs,
      ...(joinMs !== undefined ? { joinMs } : {}),
      ...(join ? { join } : {}),
      ...(joinError ? { joinError } : {}),
      empty: status.dataSkipped,
      statementsSkipped: status.statementsSkipped,
    };
  } catch (err) {
    return { id, tables: 0, filled: 0, loadMs: 0, dataMs: 0, empty: [], statementsSkipped: 0, error: (err as Error).message };
  } finally {
    await planner.dispose().catch(() => undefined);
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

export function corpusIds(): string[] {
  return fs.existsSync(SCHEMAS_ROOT) ? fs.readdirSync(SCHEMAS_ROOT).filter((d) => fs.statSync(path.join(SCHEMAS_ROOT, d)).isDirectory()).sort() : [];
}

export async function benchSchemasFill(ids = corpusIds(), rows = 20_000, log: (s: string) => void = console.log): Promise<{ rows: Row[]; raw: SchemaFill[] }> {
  const assetsDir = path.join(REPO_ROOT, 'dist', 'pglite');
  const base: Partial<QueryPlannerOptions> = { assetsDir, workerPath: path.join(assetsDir, 'worker.js') };
  const raw: SchemaFill[] = [];
  const out: Row[] = [];
  for (const id of ids) {
    const r = await fillSchema(id, rows, base);
    raw.push(r);
    log(
      `  ${id}: ${r.error ? `failed: ${r.error}` : `${r.filled}/${r.tables} tables filled, load ${fmtMs(r.loadMs)} + data ${fmtMs(r.dataMs)}, join plan ${r.joinMs === undefined ? '—' : fmtMs(r.joinMs)}${r.joinError ? ` (${r.joinError})` : ''}`}`,
    );
    for (const e of r.empty.slice(0, 8)) {
      log(`      empty ${e.table}: ${e.reason.slice(0, 160)}`);
    }
    if (r.empty.length > 8) {
      log(`      … and ${r.empty.length - 8} more`);
    }
    out.push(
      { id: `fill_${id}`, label: `   ${id}: tables filled of ${r.tables}`, unit: 'n', value: r.filled },
      { id: `fillMs_${id}`, label: `   ${id}: load + fill at ${rows.toLocaleString('en-US')} rows`, unit: 'ms', value: r.loadMs + r.dataMs },
    );
    if (r.joinMs !== undefined) {
      out.push({ id: `joinMs_${id}`, label: `   ${id}: first plan of a 2-table join`, unit: 'ms', value: r.joinMs });
    }
  }
  return { rows: out, raw };
}

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const rowsAt = argv.indexOf('--rows');
  const rows = rowsAt >= 0 ? Number(argv[rowsAt + 1]) : 20_000;
  const ids = argv.filter((a, i) => !a.startsWith('--') && (rowsAt < 0 || i !== rowsAt + 1));
  const label = process.env.FILL_LABEL ?? 'latest';
  void benchSchemasFill(ids.length > 0 ? ids : corpusIds(), rows).then(({ raw }) => {
    const total = raw.reduce((n, r) => n + r.tables, 0);
    const filled = raw.reduce((n, r) => n + r.filled, 0);
    console.log(`\n${filled}/${total} tables filled over ${raw.length} schemas`);
    const dir = path.join(REPO_ROOT, 'bench-results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `schemas-fill-${label}.json`), JSON.stringify(raw, null, 2));
  });
}
