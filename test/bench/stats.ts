/** Summary statistics and the printed table of the benchmark (`npm run bench`). */

export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), p10: quantile(s, 0.1), p90: quantile(s, 0.9), min: s[0], max: s[s.length - 1] };
}

/** One row of the table. `value` is what is compared with the target (usually the median). */
export interface Row {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly value: number;
  readonly summary?: Summary;
  /** e.g. '<= 15' or '>= 20'; undefined for figures reported without a target. */
  readonly target?: { readonly op: '<=' | '>='; readonly limit: number };
  readonly note?: string;
}

export function met(row: Row): boolean | undefined {
  if (!row.target || !Number.isFinite(row.value)) {
    return undefined;
  }
  return row.target.op === '<=' ? row.value <= row.target.limit : row.value >= row.target.limit;
}

export function fmt(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) {
    return '-';
  }
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : a >= 1 ? v.toFixed(2) : v.toFixed(3);
}

export function renderTable(rows: readonly Row[]): string {
  const header = ['benchmark', 'median', 'p10–p90', 'min–max', 'n', 'unit', 'target', 'met'];
  const body = rows.map((r) => {
    const m = met(r);
    return [
      r.label,
      fmt(r.value),
      r.summary ? `${fmt(r.summary.p10)}–${fmt(r.summary.p90)}` : '',
      r.summary ? `${fmt(r.summary.min)}–${fmt(r.summary.max)}` : '',
      r.summary ? String(r.summary.n) : '',
      r.unit,
      r.target ? `${r.target.op} ${r.target.limit}` : '',
      m === undefined ? '' : m ? 'yes' : 'NO',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Times `fn` `runs` times (after `warmup` untimed runs), in milliseconds. */
export function timeSync(fn: () => void, runs: number, warmup = 2): number[] {
  for (let i = 0; i < warmup; i++) {
    fn();
  }
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}
