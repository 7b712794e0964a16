/**
 * The replay baseline: the totals the shipped hand-written transcripts score today
 * (test/evals/baseline.json). Replaying the same answers through a changed parser, verifier,
 * prompt or scorer must not score lower; when a change is meant to move the figures, rerun with
 * --update-baseline and commit the new file with the change.
 */
import * as fs from 'node:fs';
import type { EvalReport, Share, Totals } from './report';

export const BASELINE_KEYS = ['recall', 'precision', 'anchorsOnTarget', 'lossless', 'sqlFixesApplied', 'sqlFixesImproved', 'signatures'] as const;
export type BaselineKey = (typeof BASELINE_KEYS)[number];

export interface Baseline {
  readonly set: string;
  readonly figures: Readonly<Record<BaselineKey, { n: number; of: number }>>;
}

export function baselineOf(report: EvalReport): Baseline {
  const figures = {} as Record<BaselineKey, { n: number; of: number }>;
  for (const key of BASELINE_KEYS) {
    const s: Share = report.totals[key as keyof Totals] as Share;
    figures[key] = { n: s.n, of: s.of };
  }
  return { set: report.transcripts.set, figures };
}

export function readBaseline(file: string): Baseline | undefined {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Baseline) : undefined;
}

export function writeBaseline(file: string, report: EvalReport): void {
  fs.writeFileSync(file, `${JSON.stringify(baselineOf(report), null, 2)}\n`);
}

/**
 * The figures that got worse than the baseline, as messages. A share whose denominator changed
 * (a case added, SQL checks now possible) is compared by value; n/a before and a value now is
 * not a regression. `skip`: figures the run deliberately left out (--no-sql).
 */
export function regressions(report: EvalReport, baseline: Baseline, skip: readonly BaselineKey[] = []): string[] {
  const out: string[] = [];
  for (const key of BASELINE_KEYS.filter((k) => !skip.includes(k))) {
    const was = baseline.figures[key];
    const now = report.totals[key as keyof Totals] as Share;
    if (!was || was.of === 0) {
      continue;
    }
    if (now.of === 0) {
      out.push(`${key}: was ${was.n}/${was.of}, now n/a`);
      continue;
    }
    if (now.n / now.of < was.n / was.of - 1e-9) {
      out.push(`${key}: was ${was.n}/${was.of}, now ${now.n}/${now.of}`);
    }
  }
  return out;
}
