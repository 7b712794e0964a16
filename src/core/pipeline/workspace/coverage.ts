/**
 * What a review covered, said in every format: the files the rules and query plans read (all of
 * the file set, unless --max-files), what was skipped and why, what the default excludes left
 * out, and — with a model — which files were sent to it (at most --max-model-files, chosen by
 * what the rules found, not by path order).
 */
import type { SkippedFile } from '../../fileSet/fileSet';
import type { Severity } from '../../findings/types';
import { extractSqlQueries } from '../../sql';
import { severityRank } from '../../review/reviewModel';
import type { RuleFinding } from '../ruleFinding';
import type { ReviewTarget } from './collect';

export interface ModelCoverage {
  /** Most files sent to the model (--max-model-files). */
  readonly budget: number;
  readonly sent: readonly string[];
  readonly notSent: readonly string[];
}

export interface ReviewCoverage {
  /** Files the rules (and query plans) read. */
  readonly files: number;
  /** Of which test files, where the test-file policy applied (unless includeTests). */
  readonly testFiles: number;
  readonly includeTests: boolean;
  readonly skipped: readonly SkippedFile[];
  /** What the default excludes left out, one line. */
  readonly excluded?: string;
  readonly maxFiles?: number;
  readonly model?: ModelCoverage;
}

export const MODEL_ORDER = 'files with rule findings first (most severe first), then files with SQL queries, then the rest; test files last';

/**
 * The files for the model when there are more than the budget: files the rules flagged (most
 * severe, then most findings), then files with SQL in them, then the others; test files last;
 * ties in path order.
 */
export function chooseModelFiles(targets: readonly ReviewTarget[], findings: readonly RuleFinding[], budget: number): { sent: ReviewTarget[]; notSent: ReviewTarget[] } {
  if (targets.length <= budget) {
    return { sent: [...targets], notSent: [] };
  }
  const worst = new Map<string, Severity>();
  const count = new Map<string, number>();
  for (const f of findings) {
    const w = worst.get(f.file);
    if (!w || severityRank(f.severity) < severityRank(w)) {
      worst.set(f.file, f.severity);
    }
    count.set(f.file, (count.get(f.file) ?? 0) + 1);
  }
  const scored = targets.map((t, index) => {
    const severity = worst.get(t.path);
    const hasSql = !severity && extractSqlQueries(t.text, t.languageId).length > 0;
    return { t, index, test: t.test ? 1 : 0, tier: severity ? 0 : hasSql ? 1 : 2, rank: severity ? severityRank(severity) : 0, n: count.get(t.path) ?? 0 };
  });
  scored.sort((a, b) => a.test - b.test || a.tier - b.tier || a.rank - b.rank || b.n - a.n || a.index - b.index);
  const chosen = new Set(scored.slice(0, budget).map((s) => s.t));
  return { sent: targets.filter((t) => chosen.has(t)), notSent: targets.filter((t) => !chosen.has(t)) };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Skipped files grouped by reason ("3 larger than 1 MB, 2 generated"), the generated marker left out. */
export function skippedSummary(skipped: readonly SkippedFile[]): string {
  const by = new Map<string, number>();
  for (const s of skipped) {
    const reason = s.reason.replace(/ \(.*$/, '');
    by.set(reason, (by.get(reason) ?? 0) + 1);
  }
  return [...by.entries()].map(([reason, n]) => `${n} ${reason}`).join(', ');
}

/** The coverage as sentences, for the text and Markdown reports. */
export function coverageLines(c: ReviewCoverage): string[] {
  const lines: string[] = [];
  const tests = c.testFiles > 0 ? ` (${plural(c.testFiles, 'test file')}${c.includeTests ? ', all rules' : ' under the test-file policy'})` : '';
  lines.push(`Rules and query plans covered ${c.skipped.length === 0 ? 'all ' : ''}${plural(c.files, 'file')}${tests}.`);
  if (c.skipped.length > 0) {
    const shown = c.skipped.slice(0, 5).map((s) => s.path).join(', ');
    lines.push(`Not covered: ${plural(c.skipped.length, 'file')} (${skippedSummary(c.skipped)}): ${shown}${c.skipped.length > 5 ? ', …' : ''}.`);
  }
  if (c.excluded) {
    lines.push(`${c.excluded} (see "Which files" in docs/cli.md).`);
  }
  if (c.model) {
    lines.push(
      c.model.notSent.length === 0
        ? `The model was sent all ${plural(c.model.sent.length, 'file')}.`
        : `The model was sent ${c.model.sent.length} of ${c.files} files (--max-model-files ${c.model.budget}; ${MODEL_ORDER}); ${c.model.notSent.length} were checked by the rules only.`,
    );
  }
  return lines;
}
