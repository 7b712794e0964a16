/**
 * `explain --scale 1e3,1e4,1e5,1e6 [--fix "<ddl>"] [--at 2e7]`: the scale curve — the query (and
 * the fix) measured at each size on one loaded schema, the growth classified from the counters,
 * extrapolated to --at as an estimate. Progress on stderr: sizes up to 1e6 take tens of seconds.
 */
import { formatScaleCurve } from '../../core/sql/scaleText';
import { parseSize, parseSizes } from '../../core/sql/scaleCurve';
import { runScaleCurve } from '../../core/sql/scaleRun';
import type { QueryPlanner, SchemaStatus } from '../../core/sql';
import { UsageError, type CliIo } from '../io';

export const MIN_SCALE = 10;
export const MAX_SCALE = 10_000_000;
/** A size's generation is one long statement per table: 1e6 rows take tens of seconds on a busy machine. */
export const SCALE_TIMEOUT_MS = 10 * 60_000;

export interface ScaleArgs {
  readonly sizes: number[];
  readonly at?: number;
}

/** --scale and --at checked: two to eight sizes from 10 to 10,000,000. */
export function parseScaleArgs(scale: string | undefined, at: string | undefined, rows: number | undefined): ScaleArgs | undefined {
  if (scale === undefined) {
    if (at !== undefined) {
      throw new UsageError('--at extrapolates the scale curve: give --scale too, e.g. --scale 1e3,1e4,1e5 --at 1e7.');
    }
    return undefined;
  }
  if (rows !== undefined) {
    throw new UsageError('--rows and --scale both set the data size: give one (--scale 1e3,1e4,1e5 measures each).');
  }
  let sizes: number[];
  try {
    sizes = parseSizes(scale);
  } catch (err) {
    throw new UsageError(`--scale: ${(err as Error).message}.`);
  }
  if (sizes.length < 2 || sizes.length > 8) {
    throw new UsageError(`--scale needs two to eight sizes separated by commas, e.g. --scale 1e3,1e4,1e5,1e6 (got '${scale}').`);
  }
  if (sizes[0] < MIN_SCALE || sizes[sizes.length - 1] > MAX_SCALE) {
    throw new UsageError(`--scale sizes must be from ${MIN_SCALE} to ${MAX_SCALE.toLocaleString('en-US')} rows (got '${scale}').`);
  }
  const target = at === undefined ? undefined : parseSize(at);
  if (at !== undefined && (target === undefined || target < 1)) {
    throw new UsageError(`--at must be a row count, e.g. --at 2e7 (got '${at}').`);
  }
  return { sizes, ...(target !== undefined ? { at: target } : {}) };
}

export async function runScale(io: CliIo, planner: QueryPlanner, status: SchemaStatus, o: { sql: string; fix?: string; format: string; footer: string }, scale: ScaleArgs): Promise<void> {
  const t0 = Date.now();
  const curve = await runScaleCurve(planner, o.sql, {
    sizes: scale.sizes,
    ...(o.fix !== undefined ? { fix: o.fix } : {}),
    ...(scale.at !== undefined ? { at: scale.at } : {}),
    progress: (line) => io.stderr.write(`${line}\n`),
  });
  io.stderr.write(`scale curve measured in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  const last = await planner.schemaStatus().catch(() => status);
  io.stdout.write(o.format === 'json' ? `${JSON.stringify({ status: last, curve }, null, 2)}\n` : `${formatScaleCurve(curve)}\n${o.footer}`);
}
