/**
 * The eval report: per-case rows, totals, the printed tables and the JSON written to
 * eval-results/. Totals are micro-averages (sums over cases), so a case with more labelled issues
 * weighs more; shares whose denominator is zero are `null` ("n/a"), never 0 or 100 %.
 */
import type { ModelUsage } from '../../../src/core/model/modelClient';
import type { DesignScore } from './scoreDesign';
import type { ReviewScore } from './scoreReview';
import type { RulesScore } from './scoreRules';

export interface UsageFigures {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadInputTokens: number;
  readonly cacheCreationInputTokens: number;
  /** `api`: reported by the API (live or recorded); `estimated`: ~4 characters per token, for answers without usage. */
  readonly source: 'api' | 'estimated';
  /** USD at list prices (src/core/model/pricing.ts); null when the model has no price. */
  readonly costUsd: number | null;
}

export interface CaseReport {
  readonly kind: 'review';
  readonly id: string;
  readonly persona: string;
  readonly score: ReviewScore;
  /** The rules engine on its own, before the model. */
  readonly rules: RulesScore;
  readonly usage: UsageFigures;
  readonly stopReason?: string;
  readonly error?: string;
  /** The recorded answer was produced by a different prompt than the current code builds. */
  readonly stalePrompt?: boolean;
}

export interface DesignReport {
  readonly kind: 'design';
  readonly id: string;
  readonly persona: string;
  readonly score: DesignScore;
  readonly usage: UsageFigures;
  readonly stopReason?: string;
  readonly error?: string;
  readonly stalePrompt?: boolean;
}

export interface Share {
  readonly n: number;
  readonly of: number;
  /** n / of, or null when `of` is 0. */
  readonly value: number | null;
}

export interface Totals {
  readonly recall: Share;
  readonly precision: Share;
  readonly anchorsOnTarget: Share;
  readonly claimsOnTarget: Share;
  readonly lossless: Share;
  readonly sqlFixesApplied: Share;
  readonly sqlFixesImproved: Share;
  /** Why no SQL fix was checked, when none was (e.g. no embedded Postgres). */
  readonly sqlFixesNote?: string;
  readonly fineHits: number;
  /** The rules engine alone: labelled issues it flags, and its findings that are labelled issues. */
  readonly rulesRecall: Share;
  readonly rulesPrecision: Share;
  readonly signatures: Share;
  readonly signaturesByPersona: Readonly<Record<string, Share>>;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number | null;
}

export interface EvalReport {
  readonly version: 1;
  readonly mode: 'replay' | 'live';
  /** Model the answers came from; null for hand-written replays. */
  readonly model: string | null;
  /** Model used for the estimated cost of answers without usage. */
  readonly priceModel: string;
  readonly transcripts: { readonly set: string; readonly source: 'api' | 'hand-written'; readonly date: string };
  readonly ranAt: string;
  readonly commit?: string;
  readonly totals: Totals;
  readonly cases: readonly CaseReport[];
  readonly designs: readonly DesignReport[];
}

export function share(n: number, of: number): Share {
  return { n, of, value: of === 0 ? null : n / of };
}

export function usageFigures(usage: ModelUsage | undefined, estimate: { inputChars: number; outputChars: number }, cost: (u: ModelUsage) => number | undefined): UsageFigures {
  const u: ModelUsage = usage ?? {
    inputTokens: Math.ceil(estimate.inputChars / 4),
    outputTokens: Math.ceil(estimate.outputChars / 4),
    cacheCreationInputTokens: 0,
    cacheReadInputTokens: 0,
  };
  return { ...u, source: usage ? 'api' : 'estimated', costUsd: cost(u) ?? null };
}

export function totalsOf(cases: readonly CaseReport[], designs: readonly DesignReport[]): Totals {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const scores = cases.map((c) => c.score);
  const checked = scores.flatMap((s) => (s.sqlFixes.kind === 'checked' ? s.sqlFixes.verdicts : []));
  const withQuery = checked.filter((v) => v.improved !== undefined);
  const notes = [...new Set(scores.flatMap((s) => (s.sqlFixes.kind === 'n/a' ? [s.sqlFixes.reason] : [])))];
  const byPersona: Record<string, Share> = {};
  for (const d of designs) {
    const prev = byPersona[d.persona] ?? share(0, 0);
    byPersona[d.persona] = share(prev.n + d.score.present, prev.of + d.score.total);
  }
  const all = [...cases, ...designs];
  const costs = all.map((r) => r.usage.costUsd);
  return {
    recall: share(sum(scores.map((s) => s.found.length)), sum(scores.map((s) => s.issues))),
    precision: share(sum(scores.map((s) => s.truePositives)), sum(scores.map((s) => s.inCode))),
    anchorsOnTarget: share(sum(scores.map((s) => s.anchorsOnTarget)), sum(scores.map((s) => s.truePositives))),
    claimsOnTarget: share(sum(scores.map((s) => s.claimsOnTarget)), sum(scores.map((s) => s.truePositives))),
    lossless: share(all.filter((r) => r.score.parse.lossless).length, all.length),
    sqlFixesApplied: share(checked.filter((v) => v.applied).length, checked.length),
    sqlFixesImproved: share(withQuery.filter((v) => v.improved).length, withQuery.length),
    sqlFixesNote: checked.length === 0 && notes.length > 0 ? notes.join('; ') : undefined,
    fineHits: sum(scores.map((s) => s.fineHits)),
    rulesRecall: share(sum(cases.map((c) => c.rules.found.length)), sum(scores.map((s) => s.issues))),
    rulesPrecision: share(sum(cases.map((c) => c.rules.truePositives)), sum(cases.map((c) => c.rules.findings))),
    signatures: share(sum(designs.map((d) => d.score.present)), sum(designs.map((d) => d.score.total))),
    signaturesByPersona: byPersona,
    inputTokens: sum(all.map((r) => r.usage.inputTokens + r.usage.cacheReadInputTokens + r.usage.cacheCreationInputTokens)),
    outputTokens: sum(all.map((r) => r.usage.outputTokens)),
    costUsd: costs.some((c) => c === null) ? null : sum(costs as number[]),
  };
}

// ---------------------------------------------------------------------------------------------
// Text

export function pct(s: Share): string {
  return s.value === null ? 'n/a' : `${Math.round(s.value * 100)}%`;
}

function frac(s: Share): string {
  return s.of === 0 ? 'n/a' : `${s.n}/${s.of}`;
}

function usd(v: number | null, estimated: boolean): string {
  if (v === null) {
    return 'n/a';
  }
  return `${estimated ? '~' : ''}$${v.toFixed(v < 0.1 ? 4 : 2)}`;
}

function tokens(u: UsageFigures): string {
  const input = u.inputTokens + u.cacheReadInputTokens + u.cacheCreationInputTokens;
  return `${u.source === 'estimated' ? '~' : ''}${input}/${u.outputTokens}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function sqlCell(s: ReviewScore): string {
  if (s.sqlFixes.kind === 'n/a') {
    return 'n/a';
  }
  const v = s.sqlFixes.verdicts;
  if (v.length === 0) {
    return '-';
  }
  const q = v.filter((x) => x.improved !== undefined);
  return `${v.filter((x) => x.applied).length}/${v.length} ok` + (q.length ? `, ${q.filter((x) => x.improved).length}/${q.length} better plan` : '');
}

function flags(r: CaseReport | DesignReport): string {
  const out: string[] = [];
  if (r.error) {
    out.push(`error: ${r.error}`);
  }
  if (r.stopReason && r.stopReason !== 'end_turn') {
    out.push(`stop: ${r.stopReason}`);
  }
  if (r.stalePrompt) {
    out.push('prompt changed since recording');
  }
  return out.join('; ');
}

export function formatReport(report: EvalReport): string {
  const where =
    report.mode === 'live'
      ? `live, model ${report.model}`
      : report.transcripts.source === 'hand-written'
        ? `replay of HAND-WRITTEN transcripts (${report.transcripts.set}, ${report.transcripts.date}); not a model's figures`
        : `replay of ${report.transcripts.set}, recorded from ${report.model} on ${report.transcripts.date}`;
  const est = report.cases.some((c) => c.usage.source === 'estimated') || report.designs.some((d) => d.usage.source === 'estimated');
  const reviewRows = report.cases.map((c) => {
    const s = c.score;
    return [
      c.id,
      c.persona,
      s.recall === undefined ? 'n/a' : `${s.found.length}/${s.issues}`,
      s.precision === undefined ? 'n/a' : `${s.truePositives}/${s.inCode}`,
      s.truePositives === 0 ? 'n/a' : `${s.anchorsOnTarget}/${s.truePositives}`,
      String(s.fineHits),
      s.parse.lossless ? 'yes' : `NO (${s.parse.lostBlocks} lost)`,
      sqlCell(s),
      c.rules.problem ? 'failed' : `${c.rules.found.length}/${s.issues} (${c.rules.findings})`,
      tokens(c.usage),
      usd(c.usage.costUsd, c.usage.source === 'estimated'),
      flags(c),
    ];
  });
  const designRows = report.designs.map((d) => [
    d.id,
    d.persona,
    `${d.score.present}/${d.score.total}`,
    d.score.checks.filter((c) => !c.ok).map((c) => c.id).join(', ') || '-',
    d.score.parse.lossless ? 'yes' : `NO (${d.score.parse.lostBlocks} lost)`,
    tokens(d.usage),
    usd(d.usage.costUsd, d.usage.source === 'estimated'),
    flags(d),
  ]);
  const t = report.totals;
  const lines = [
    `Architect Personas evals — ${where}`,
    '',
    table(['review case', 'persona', 'recall', 'precision', 'anchors', 'fine hits', 'lossless', 'SQL fixes', 'rules alone', 'tokens in/out', 'cost', 'notes'], reviewRows),
    '',
    table(['design brief', 'persona', 'signatures', 'missing', 'lossless', 'tokens in/out', 'cost', 'notes'], designRows),
    '',
    `recall ${pct(t.recall)} (${frac(t.recall)}) · precision ${pct(t.precision)} (${frac(t.precision)}) · anchors on the right lines ${pct(t.anchorsOnTarget)} (${frac(t.anchorsOnTarget)}; claimed lines ${pct(t.claimsOnTarget)}) · fine-place hits ${t.fineHits}`,
    `answers parsed without loss ${pct(t.lossless)} (${frac(t.lossless)}) · SQL fixes applied ${pct(t.sqlFixesApplied)} (${frac(t.sqlFixesApplied)}), plan improved ${pct(t.sqlFixesImproved)} (${frac(t.sqlFixesImproved)})${t.sqlFixesNote ? ` — ${t.sqlFixesNote}` : ''}`,
    `rules engine alone (no model): recall ${pct(t.rulesRecall)} (${frac(t.rulesRecall)}) · precision ${pct(t.rulesPrecision)} (${frac(t.rulesPrecision)})`,
    `signature elements ${pct(t.signatures)} (${frac(t.signatures)}): ${Object.entries(t.signaturesByPersona)
      .map(([p, s]) => `${p} ${frac(s)}`)
      .join(', ')}`,
    `tokens ${est ? '~' : ''}${t.inputTokens} in / ${t.outputTokens} out · cost ${usd(t.costUsd, est)}${est ? ` (estimated at ~4 chars/token, ${report.priceModel} list prices)` : ''}`,
  ];
  return lines.join('\n');
}

const COMPARED: readonly [keyof Totals, string][] = [
  ['recall', 'recall'],
  ['precision', 'precision'],
  ['anchorsOnTarget', 'anchors'],
  ['lossless', 'lossless'],
  ['sqlFixesApplied', 'SQL applied'],
  ['sqlFixesImproved', 'SQL better plan'],
  ['rulesRecall', 'rules recall'],
  ['signatures', 'signatures'],
];

/** One line per total that moved since `previous` (same mode and transcript set), or a line saying nothing moved. */
export function formatComparison(previous: EvalReport, current: EvalReport): string {
  const moved: string[] = [];
  for (const [key, label] of COMPARED) {
    const was = previous.totals[key] as Share | undefined;
    const now = current.totals[key] as Share;
    if (!was || (was.n === now.n && was.of === now.of)) {
      continue;
    }
    const delta = was.value !== null && now.value !== null ? ` (${now.value >= was.value ? '+' : ''}${Math.round((now.value - was.value) * 100)} pts)` : '';
    moved.push(`${label} ${pct(was)} → ${pct(now)}${delta}`);
  }
  const when = `${previous.ranAt.slice(0, 16).replace('T', ' ')}${previous.commit ? ` at ${previous.commit}` : ''}${previous.model ? `, ${previous.model}` : ''}`;
  return moved.length === 0 ? `Same totals as the previous run (${when}).` : `Since the previous run (${when}): ${moved.join(' · ')}`;
}
