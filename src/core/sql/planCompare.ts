/**
 * Is the plan after a fix faster than before? Decided first from what EXPLAIN ANALYZE counts —
 * rows the scans read, shared buffers touched, rows sorted, a sort spilling to disk — which are
 * the same on every run and on any machine; and from timings only when their runs separate
 * clearly (the medians differ by more than both spreads together, and by a factor). A busy
 * machine makes a run slow; it does not make a scan read more rows.
 */
import { fmtInt } from './planReasons';
import { fmtMs, type PlanReport, type PlanTiming } from './plans';

export interface PlanWork {
  /** Rows the table scans read (kept + removed by filter + removed by recheck), over all loops. */
  readonly rowsRead: number;
  /** Rows that went into sorts. */
  readonly rowsSorted: number;
  /** Shared buffers hit + read by the whole plan. */
  readonly buffers: number;
  readonly sortSpilled: boolean;
  /** How the main (largest) table is read, e.g. "Seq Scan", "Index Scan using idx". */
  readonly mainAccess?: string;
}

export type Direction = 'faster' | 'slower' | 'no-difference';

export interface Judgement {
  readonly direction: Direction;
  /** What decided it: the counters, the timings, or nothing measurable. */
  readonly decidedBy: 'counters' | 'timings' | 'none';
  /** The counters that changed clearly, e.g. "rows read 2,000 → 5". */
  readonly signals: readonly string[];
  /** Counters pointing in opposite directions, when they do. */
  readonly mixed: boolean;
  /** "median 0.47 ms (0.41–0.62 ms, 5 runs) → 0.30 ms (…)", and whether they separate. */
  readonly timings: string;
  readonly timingsSeparate: boolean;
  /** How the main table is read, when that changed: "orders: Seq Scan → Index Scan using idx". */
  readonly access?: string;
}

/** A change counts when the larger is at least FACTOR × the smaller and differs by at least `floor`. */
const FACTOR = 1.5;

export function planWork(r: Pick<PlanReport, 'nodes' | 'buffers' | 'mainTable'>): PlanWork {
  let rowsRead = 0;
  let rowsSorted = 0;
  let sortSpilled = false;
  let mainAccess: string | undefined;
  for (const n of r.nodes) {
    if (n.relation) {
      rowsRead += (n.actualRows + (n.rowsRemoved ?? 0) + (n.rowsRemovedByRecheck ?? 0)) * n.loops;
      if (n.relation === r.mainTable?.name && mainAccess === undefined) {
        const used = n.indexes ?? (n.index ? [n.index] : []);
        mainAccess = `${n.nodeType}${used.length ? ` using ${used.join(' and ')}` : ''}`;
      }
    }
    if (n.sortedRows !== undefined) {
      rowsSorted += n.sortedRows;
    }
    sortSpilled ||= n.sortSpaceType === 'Disk' || /external/i.test(n.sortMethod ?? '');
  }
  return { rowsRead, rowsSorted, buffers: r.buffers.hit + r.buffers.read, sortSpilled, ...(mainAccess ? { mainAccess } : {}) };
}

function change(label: string, b: number, a: number, floor: number): { dir: -1 | 0 | 1; text: string } {
  const lo = Math.max(Math.min(a, b), 1);
  const hi = Math.max(a, b, 1);
  const clear = hi / lo >= FACTOR && Math.abs(a - b) >= floor;
  return { dir: clear ? (a < b ? -1 : 1) : 0, text: `${label} ${fmtInt(b)} → ${fmtInt(a)}` };
}

export function timingOf(runs: readonly number[], warmups: number): PlanTiming {
  const sorted = [...runs].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { runs: [...runs], warmups, medianMs, minMs: sorted[0] ?? 0, maxMs: sorted[sorted.length - 1] ?? 0 };
}

function timingsOf(r: PlanReport): PlanTiming {
  return r.timing ?? timingOf([r.executionMs], 0);
}

/** Medians apart by more than both spreads (max − min) together, by FACTOR, and by 0.05 ms; at least 3 runs each. */
export function timingsSeparate(b: PlanTiming, a: PlanTiming): Direction {
  if (b.runs.length < 3 || a.runs.length < 3) {
    return 'no-difference';
  }
  const gap = Math.abs(a.medianMs - b.medianMs);
  const spreads = b.maxMs - b.minMs + (a.maxMs - a.minMs);
  const ratio = Math.max(a.medianMs, b.medianMs) / Math.max(Math.min(a.medianMs, b.medianMs), 1e-6);
  if (gap > spreads && ratio >= FACTOR && gap > 0.05) {
    return a.medianMs < b.medianMs ? 'faster' : 'slower';
  }
  return 'no-difference';
}

function describeTiming(t: PlanTiming): string {
  return t.runs.length > 1 ? `${fmtMs(t.medianMs)} (${fmtMs(t.minMs)}–${fmtMs(t.maxMs)}, ${t.runs.length} runs)` : fmtMs(t.medianMs);
}

export function judgePlans(before: PlanReport, after: PlanReport): Judgement {
  const wb = planWork(before);
  const wa = planWork(after);
  const counters = [
    change('rows read', wb.rowsRead, wa.rowsRead, 20),
    change('shared buffers', wb.buffers, wa.buffers, 4),
    change('rows sorted', wb.rowsSorted, wa.rowsSorted, 20),
  ];
  if (wb.sortSpilled !== wa.sortSpilled) {
    counters.push({ dir: wa.sortSpilled ? 1 : -1, text: wa.sortSpilled ? 'the sort now spills to disk' : 'the sort no longer spills to disk' });
  }
  const clear = counters.filter((c) => c.dir !== 0);
  const down = clear.some((c) => c.dir < 0);
  const up = clear.some((c) => c.dir > 0);
  const tb = timingsOf(before);
  const ta = timingsOf(after);
  const byTime = timingsSeparate(tb, ta);
  const timings = `median ${describeTiming(tb)} → ${describeTiming(ta)}`;
  const main = after.mainTable?.name ?? before.mainTable?.name;
  const access = wb.mainAccess !== wa.mainAccess && main ? { access: `${main}: ${wb.mainAccess ?? 'not read'} → ${wa.mainAccess ?? 'not read'}` } : {};
  const base = { signals: clear.map((c) => c.text), mixed: down && up, timings, timingsSeparate: byTime !== 'no-difference', ...access };
  if (down !== up) {
    return { ...base, direction: down ? 'faster' : 'slower', decidedBy: 'counters' };
  }
  if (byTime !== 'no-difference') {
    return { ...base, direction: byTime, decidedBy: 'timings' };
  }
  return { ...base, direction: 'no-difference', decidedBy: 'none' };
}
