/**
 * The scale curve for people: a table of sizes with what each run counted and how long it took,
 * the growth class and what decided it, and the estimate at a larger size — labelled an estimate.
 * Text for the command line, Markdown for the chat.
 */
import { fmtMs as fmtMsShort } from './plans';

/** Milliseconds below a second, seconds and minutes above (an estimate of 7,926 ms reads 7.9 s). */
function fmtMs(ms: number): string {
  if (ms >= 60_000) {
    return `${(ms / 60_000).toFixed(1)} min`;
  }
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : fmtMsShort(ms);
}
import { fmtSize, type Growth, type ScaleSeries } from './scaleCurve';
import type { ScaleCurve } from './scaleRun';

function exponent(g: Growth): string {
  return `size^${g.exponent.toFixed(2)}`;
}

/** "linear (rows read grow as size^1.00: 100 → 10,000)". */
export function growthText(g: Growth, what: string): string {
  if (!g.class) {
    return `not classified (${what}: nothing measured at two sizes)`;
  }
  return `${g.class} (${exponent(g)}: ${fmtSize(g.first)} → ${fmtSize(g.last)})`;
}

function timeText(g: Growth): string {
  return g.class ? `${g.class} (${exponent(g)}; from timings, which fixed costs and a busy machine blur)` : 'not classified';
}

/** The verdict line of one side: the class, its basis, and the other counters beside it. */
export function seriesVerdict(s: ScaleSeries): string {
  const g = s.growth;
  const range = `${fmtSize(g.first)} → ${fmtSize(g.last)}`;
  const how = g.exponent <= 0 ? `do not grow (${exponent(g)}: ${range})` : `grow as ${exponent(g)} (${range})`;
  const main = g.class ? `${g.class} — ${s.basis} ${how}` : `not classified (${s.basis}: nothing measured at two sizes)`;
  const others = [s.basis !== 'buffers' ? `buffers ${growthText(s.buffers, 'buffers')}` : '', s.basis !== 'time' ? `time ${timeText(s.time)}` : ''].filter(Boolean);
  return `${main}; ${others.join('; ')}`;
}

function columns(c: ScaleCurve): string[] {
  const first = c.before.points[0];
  const names = first ? first.tables.map((t) => t.table) : [];
  return c.anchor && names.includes(c.anchor) ? [c.anchor, ...names.filter((n) => n !== c.anchor)] : names;
}

function rowsOf(s: ScaleSeries, tables: readonly string[], verdicts?: ScaleCurve['verdicts']): string[][] {
  return s.points.map((p) => {
    const sizes = tables.length > 0 ? tables.map((t) => fmtSize(p.tables.find((x) => x.table === t)?.rows ?? 0)) : [fmtSize(p.size)];
    const verdict = verdicts ? [verdicts.find((v) => v.size === p.size)?.verdict ?? ''] : [];
    if (!p.ok) {
      return [...sizes, `failed: ${p.error ?? ''}`, '', '', '', ...verdict];
    }
    const spread = p.runs > 1 ? ` (${fmtMs(p.minMs)}–${fmtMs(p.maxMs)}, ${p.runs} runs)` : '';
    return [...sizes, p.plan, fmtSize(p.rowsRead), fmtSize(p.buffers), `${fmtMs(p.medianMs)}${spread}`, ...verdict];
  });
}

function header(c: ScaleCurve, verdicts: boolean): string[] {
  const tables = columns(c);
  return [...(tables.length > 0 ? tables : ['size']), 'plan', 'rows read', 'buffers', 'time (median, spread)', ...(verdicts ? ['fix verdict'] : [])];
}

function textTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = (i: number) => !/^(plan|time|fix verdict)/.test(head[i] ?? '');
  const line = (r: string[]) => `  ${r.map((x, i) => (numeric(i) ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  ').trimEnd()}`;
  return [line(head), ...rows.map(line)].join('\n');
}

function sizeNoun(c: ScaleCurve): string {
  return c.anchor ? `rows in ${c.anchor}` : 'rows in the largest table';
}

function estimateText(s: ScaleSeries): string | undefined {
  const e = s.estimate;
  if (!e) {
    return undefined;
  }
  const rough = e.planChangedAtTail ? ' (rough: the plan changed between the two largest sizes)' : '';
  return `rows read ≈ ${fmtSize(e.rowsRead)}, buffers ≈ ${fmtSize(e.buffers)}, time ≈ ${fmtMs(e.ms)}${rough}`;
}

export function formatScaleCurve(c: ScaleCurve): string {
  const out: string[] = [];
  out.push(`Scale curve on embedded PostgreSQL: the query at ${c.sizes.map(fmtSize).join(', ')} ${sizeNoun(c)}${c.anchor ? ' (the tables it references in the usual proportions: five times fewer rows per level up the foreign keys)' : ''}.`);
  const verdicts = c.after !== undefined;
  out.push('', verdicts ? 'Before the fix:' : 'Measured:', textTable(header(c, false), rowsOf(c.before, columns(c))));
  out.push(`Growth: ${seriesVerdict(c.before)}`);
  for (const change of c.before.planChanges) {
    out.push(`The plan changes with the size: ${change}`);
  }
  if (c.after) {
    out.push('', `After the fix (${oneLine(c.fix ?? '')}):`, textTable(header(c, true), rowsOf(c.after, columns(c), c.verdicts)));
    out.push(`Growth: ${seriesVerdict(c.after)}`);
    for (const change of c.after.planChanges) {
      out.push(`The plan changes with the size: ${change}`);
    }
  }
  if (c.at !== undefined) {
    const before = estimateText(c.before);
    const after = c.after ? estimateText(c.after) : undefined;
    if (before) {
      out.push('', `Estimate at ${fmtSize(c.at)} ${sizeNoun(c)} — extrapolated from the sizes above, not measured: ${after ? `before the fix ${before}; after the fix ${after}` : before}.`);
    }
  }
  out.push('', `The growth is classified from the rows the scans read (then buffers), which are the same on every run; the times are medians with their spread and only support it.`);
  return out.join('\n');
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 79)}…` : t;
}

/** A small Markdown table for the chat's /scale answer. */
export function scaleCurveMarkdown(c: ScaleCurve): string {
  const md = (head: string[], rows: string[][]) => [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 || /rows read|buffers/.test(head[i]) ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`)].join('\n');
  const out: string[] = [`**Scale curve** (${sizeNoun(c)}; embedded PostgreSQL, synthetic data)`, '', md(header(c, false), rowsOf(c.before, columns(c))), '', `Growth: **${c.before.growth.class ?? 'not classified'}** — ${growthText(c.before.growth, c.before.basis)}`];
  if (c.after) {
    out.push('', `After the fix \`${oneLine(c.fix ?? '')}\`:`, '', md(header(c, true), rowsOf(c.after, columns(c), c.verdicts)), '', `Growth: **${c.after.growth.class ?? 'not classified'}** — ${growthText(c.after.growth, c.after.basis)}`);
  }
  const e = c.at !== undefined ? estimateText(c.before) : undefined;
  if (e && c.at !== undefined) {
    const a = c.after ? estimateText(c.after) : undefined;
    out.push('', `_Estimate at ${fmtSize(c.at)} ${sizeNoun(c)} (extrapolated, not measured): ${a ? `before ${e}; after ${a}` : e}._`);
  }
  return out.join('\n');
}
