/**
 * The scale curve (issue #24 point 7): how a query's work grows with the data — "that works at
 * 100 users; at 10k we refactor". The query is measured at several sizes; the growth is
 * classified from what EXPLAIN ANALYZE counts (rows read by the scans first, shared buffers
 * second), which is the same on every run, and from the timings only when nothing was counted.
 * The basis is the slope of a least-squares line through log(rows read) against log(size):
 * 0 is constant, 1 linear, 2 quadratic; a slope near 0 whose values still grow clearly over the
 * range is logarithmic (log n has a log-log slope of 1 / ln n, about 0.1 at these sizes).
 */
import { planWork } from './planCompare';
import { planLabel, type PlanReport } from './plans';

export type GrowthClass = 'constant' | 'logarithmic' | 'sublinear' | 'linear' | 'worse';

export interface Growth {
  /** undefined: fewer than two sizes measured, or nothing to classify. */
  readonly class?: GrowthClass;
  /** The log-log least-squares slope: value ∝ size^exponent. */
  readonly exponent: number;
  /** The fitted value at the largest size over the fitted value at the smallest. */
  readonly factor: number;
  readonly first: number;
  readonly last: number;
}

/** Slope thresholds of the log-log fit. */
const WORSE = 1.3;
const LINEAR = 0.75;
const SUBLINEAR = 0.35;
/** Below SUBLINEAR: growth over the range under this factor, or under `floor` in absolute terms, is constant. */
const LOG_FACTOR = 1.3;

function fit(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number } {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/**
 * Classifies how `values` grow with `sizes` (both in measuring order, sizes increasing).
 * `floor`: an absolute growth below it is constant whatever the ratio (1 → 3 rows read is noise
 * of the synthetic data, not a trend); 20 rows and 4 buffers, as the fix verdicts use.
 * `unit`: the smallest value that counts (a zero is taken as this): one row or buffer; 1 µs for times in ms.
 */
export function classifyGrowth(sizes: readonly number[], values: readonly number[], floor = 0, unit = 1): Growth {
  const pairs = sizes.map((s, i) => ({ s, v: values[i] })).filter((p) => p.s > 0 && Number.isFinite(p.v) && p.v >= 0);
  const first = pairs[0]?.v ?? 0;
  const last = pairs[pairs.length - 1]?.v ?? 0;
  if (pairs.length < 2 || pairs.every((p) => p.v === 0)) {
    return { exponent: 0, factor: 1, first, last };
  }
  // Zero counts (an empty result) as one, so a logarithm exists; the floor keeps such noise constant.
  const { slope, intercept } = fit(
    pairs.map((p) => Math.log(p.s)),
    pairs.map((p) => Math.log(Math.max(p.v, unit))),
  );
  const span = pairs[pairs.length - 1].s / pairs[0].s;
  const factor = span ** slope;
  const base = { exponent: slope, factor, first, last };
  // What the fit says was added over the range, in the counter's own unit.
  const fittedGrowth = Math.exp(intercept) * pairs[0].s ** slope * (factor - 1);
  if (fittedGrowth < floor) {
    return { ...base, class: 'constant' };
  }
  if (slope >= WORSE) {
    return { ...base, class: 'worse' };
  }
  if (slope >= LINEAR) {
    return { ...base, class: 'linear' };
  }
  if (slope >= SUBLINEAR) {
    return { ...base, class: 'sublinear' };
  }
  return { ...base, class: factor >= LOG_FACTOR ? 'logarithmic' : 'constant' };
}

/**
 * The value at `at`, by the class: constant stays at the last value; logarithmic follows a
 * least-squares line of value against ln(size); the others continue the slope of the last two
 * sizes (the tail, where a plan that changed with the size has settled). An estimate, never a measurement.
 */
export function extrapolate(sizes: readonly number[], values: readonly number[], growth: Growth, at: number, unit = 1): number {
  const n = sizes.length;
  const last = values[n - 1] ?? 0;
  if (n < 2 || !growth.class || growth.class === 'constant') {
    return last;
  }
  if (growth.class === 'logarithmic') {
    const { slope, intercept } = fit(sizes.map(Math.log), values);
    return Math.max(0, intercept + slope * Math.log(at));
  }
  const prev = Math.max(values[n - 2], unit);
  const tail = Math.log(Math.max(last, unit) / prev) / Math.log(sizes[n - 1] / sizes[n - 2]);
  const exponent = Math.min(3, Math.max(0, Number.isFinite(tail) ? tail : growth.exponent));
  return Math.max(last, unit) * (at / sizes[n - 1]) ** exponent;
}

/** One size measured. */
export interface ScalePoint {
  /** Rows in the anchor table (the largest table the query reads). */
  readonly size: number;
  /** Rows of each table the query reads at this size. */
  readonly tables: readonly { readonly table: string; readonly rows: number }[];
  readonly ok: boolean;
  readonly error?: string;
  /** "Seq Scan", "Index Scan using users_pkey". */
  readonly plan: string;
  readonly rowsRead: number;
  readonly buffers: number;
  readonly rowsSorted: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

export interface ScaleEstimate {
  readonly at: number;
  readonly rowsRead: number;
  readonly buffers: number;
  readonly ms: number;
  /** The plan differs between the two largest sizes: the slope continued is of two plans. */
  readonly planChangedAtTail?: boolean;
}

/** One side (the query, or the query after the fix) over every size. */
export interface ScaleSeries {
  readonly points: readonly ScalePoint[];
  /** The verdict: from rows read, or buffers when no scan read a row, or the timings when neither counted anything. */
  readonly growth: Growth;
  readonly basis: 'rows read' | 'buffers' | 'time';
  readonly rowsRead: Growth;
  readonly buffers: Growth;
  /** From the timings alone: noisy at small sizes (fixed costs), shown beside the counters, never deciding. */
  readonly time: Growth;
  /** The plan changed between sizes ("Seq Scan at 100 → Index Scan using users_pkey at 1,000"). */
  readonly planChanges: readonly string[];
  readonly estimate?: ScaleEstimate;
}

export const ROWS_FLOOR = 20;
export const BUFFERS_FLOOR = 4;

export function failedPoint(size: number, tables: ScalePoint['tables'], error: string): ScalePoint {
  return { size, tables, ok: false, error, plan: '', rowsRead: 0, buffers: 0, rowsSorted: 0, medianMs: 0, minMs: 0, maxMs: 0, runs: 0 };
}

export function pointOf(size: number, tables: ScalePoint['tables'], r: PlanReport): ScalePoint {
  if (!r.ok) {
    return failedPoint(size, tables, r.error?.message ?? 'unknown error');
  }
  const w = planWork(r);
  const t = r.timing;
  return {
    size,
    tables,
    ok: true,
    plan: planLabel(r),
    rowsRead: w.rowsRead,
    buffers: w.buffers,
    rowsSorted: w.rowsSorted,
    medianMs: t?.medianMs ?? r.executionMs,
    minMs: t?.minMs ?? r.executionMs,
    maxMs: t?.maxMs ?? r.executionMs,
    runs: t?.runs.length ?? 1,
  };
}

/** The growth of one side from its points (the failed sizes left out), with the estimate at `at`. */
export function seriesOf(all: readonly ScalePoint[], at?: number): ScaleSeries {
  const points = all.filter((p) => p.ok);
  const sizes = points.map((p) => p.size);
  const rowsRead = classifyGrowth(sizes, points.map((p) => p.rowsRead), ROWS_FLOOR);
  const buffers = classifyGrowth(sizes, points.map((p) => p.buffers), BUFFERS_FLOOR);
  const time = classifyGrowth(sizes, points.map((p) => p.medianMs), 0, 0.001);
  const basis = rowsRead.class ? 'rows read' : buffers.class ? 'buffers' : 'time';
  const growth = basis === 'rows read' ? rowsRead : basis === 'buffers' ? buffers : time;
  const planChanges: string[] = [];
  for (let i = 1; i < points.length; i++) {
    if (points[i].plan !== points[i - 1].plan) {
      planChanges.push(`${points[i - 1].plan} at ${fmtSize(points[i - 1].size)} → ${points[i].plan} at ${fmtSize(points[i].size)}`);
    }
  }
  const series: ScaleSeries = { points: all, growth, basis, rowsRead, buffers, time, planChanges };
  if (at === undefined || points.length < 2) {
    return series;
  }
  const estRows = extrapolate(sizes, points.map((p) => p.rowsRead), rowsRead, at);
  const estBuffers = extrapolate(sizes, points.map((p) => p.buffers), buffers, at);
  // Time follows the counters from the largest size measured: the work grows, the time with it.
  const last = points[points.length - 1];
  const ratio = basis === 'rows read' ? estRows / Math.max(last.rowsRead, 1) : basis === 'buffers' ? estBuffers / Math.max(last.buffers, 1) : undefined;
  const ms = ratio !== undefined ? last.medianMs * Math.max(ratio, 1) : extrapolate(sizes, points.map((p) => p.medianMs), time, at, 0.001);
  const tailChanged = points[points.length - 2].plan !== last.plan;
  return { ...series, estimate: { at, rowsRead: estRows, buffers: estBuffers, ms, ...(tailChanged ? { planChangedAtTail: true } : {}) } };
}

/** 1e3 → "1,000"; the sizes as the user reads them. */
export function fmtSize(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** "1e3,1e4,100k,1M" → [1000, 10000, 100000, 1000000], sorted, duplicates dropped; an error names the bad entry. */
export function parseSizes(text: string): number[] {
  const out = new Set<number>();
  for (const raw of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const n = parseSize(raw);
    if (n === undefined) {
      throw new Error(`'${raw}' is not a row count (write 1000, 1e4, 100k or 1M)`);
    }
    out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

export function parseSize(raw: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?(?:e\d+)?)\s*([kKmM]?)$/.exec(raw.trim().replace(/_/g, ''));
  if (!m) {
    return undefined;
  }
  const n = Number(m[1]) * (m[2] === '' ? 1 : /k/i.test(m[2]) ? 1e3 : 1e6);
  return Number.isFinite(n) ? Math.round(n) : undefined;
}

/** The chat's curve is measured up to this size (about 15 s of generation); larger scales are estimated. */
export const CHAT_CURVE_MAX = 100_000;

/**
 * The sizes the chat measures for a question that names a scale ("at 10M orders"): three
 * decades ending at the named size or CHAT_CURVE_MAX, whichever is smaller (none under 100), and
 * the named size as the estimate's target.
 */
export function chatCurvePlan(rows: number): { sizes: number[]; at: number } {
  const top = Math.min(rows, CHAT_CURVE_MAX);
  const sizes = [...new Set([top / 100, top / 10, top].map((n) => Math.round(n)).filter((n) => n >= 100))];
  return { sizes: sizes.length >= 2 ? sizes : [100, 1000], at: rows };
}
