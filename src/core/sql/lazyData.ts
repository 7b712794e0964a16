/**
 * Only the data a query needs (issue #24 point 2): the tables a query names and the parents
 * their NOT NULL foreign keys need are generated on first use, instead of every table at the full
 * row count at load (100,000 rows in each table even for `SELECT 1`). Sizes per table can come
 * from a scale file: `{ "orders": 5e6, "users": 2e5 }`.
 *
 * The planner keeps a LazyDataState beside the loaded database: load calls generateData with
 * `only: new Set()` (nothing), and each explain or fix check first calls ensureDataFor.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SchemaModel } from './model';
import type { SqlSession } from './session';
import { generateData, type SynthOptions, type SynthReport } from './synth';

export interface LazyDataState {
  /** Every table generated so far (0 when it could not be filled: not retried). */
  readonly rows: Map<string, number>;
  readonly regular: Set<string>;
  readonly skipped: { table: string; reason: string }[];
  readonly adapted: string[];
}

export function emptyLazyState(): LazyDataState {
  return { rows: new Map(), regular: new Set(), skipped: [], adapted: [] };
}

/** The model's tables a query names (bare names fold to lower case, quoted ones match exactly). */
export function tablesInQuery(model: SchemaModel, sql: string): Set<string> {
  const withoutStrings = sql.replace(/'(?:[^']|'')*'/g, "''").replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
  const quoted = new Set([...withoutStrings.matchAll(/"((?:[^"]|"")+)"/g)].map((m) => m[1].replace(/""/g, '"')));
  const bare = new Set([...withoutStrings.replace(/"(?:[^"]|"")+"/g, ' ').matchAll(/[A-Za-z_][\w$]*/g)].map((m) => m[0].toLowerCase()));
  return new Set(model.tables.filter((t) => quoted.has(t.name) || bare.has(t.name)).map((t) => t.qualified));
}

/**
 * Generates the tables `sql` needs that are not generated yet (with their required parents), and
 * records them in `state`. Returns the generator's report, or undefined when nothing was missing.
 */
export async function ensureDataFor(
  session: SqlSession,
  model: SchemaModel,
  sql: string,
  state: LazyDataState,
  options: SynthOptions,
  log?: (s: string) => void,
): Promise<SynthReport | undefined> {
  const missing = new Set([...tablesInQuery(model, sql)].filter((t) => !state.rows.has(t) && !options.exclude?.has(t)));
  if (missing.size === 0) {
    return undefined;
  }
  const report = await generateData(session, model, { ...options, only: missing, filled: state.rows, regular: state.regular }, log);
  for (const [t, n] of report.rows) {
    state.rows.set(t, n);
  }
  report.regular.forEach((t) => state.regular.add(t));
  state.skipped.push(...report.skipped);
  state.adapted.push(...report.adapted);
  return report;
}

/** `{ "orders": 5e6, "users": 2e5 }`: table -> rows; an error names what is wrong. */
export function parseScaleFile(text: string): Map<string, number> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`the scale file is not JSON: ${(err as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error('the scale file must be an object of table names to row counts, e.g. { "orders": 5e6, "users": 2e5 }');
  }
  const sizes = new Map<string, number>();
  for (const [table, rows] of Object.entries(data)) {
    if (typeof rows !== 'number' || !Number.isFinite(rows) || rows < 0 || rows > 1e9) {
      throw new Error(`the scale file gives ${table} ${JSON.stringify(rows)} rows: a number from 0 to 1e9 is needed`);
    }
    sizes.set(table, Math.round(rows));
  }
  return sizes;
}

/** The scale file of a workspace, if there is one: `.architect-personas/scale.json`. */
export const SCALE_FILE = path.join('.architect-personas', 'scale.json');

export function readScaleFile(root: string): Map<string, number> | undefined {
  const file = path.join(root, SCALE_FILE);
  return fs.existsSync(file) ? parseScaleFile(fs.readFileSync(file, 'utf8')) : undefined;
}
