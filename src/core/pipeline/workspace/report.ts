/** Everything one `architect-personas review` run found, from which every output format is rendered. */
import type { Severity } from '../../findings/types';
import type { VerifiedFinding } from '../../findings/verify';
import type { ModelUsage } from '../../model/modelClient';
import type { RuleFinding, RuleMeta } from '../ruleFinding';
import { severityRank } from '../../review/reviewModel';
import type { ReviewCoverage } from './coverage';

export interface ReportNotice {
  readonly level: 'note' | 'warning' | 'error';
  readonly message: string;
}

/** A query plan the embedded Postgres measured for a query found in the code. */
export interface ReportQueryPlan {
  readonly file: string;
  readonly line: number;
  readonly sql: string;
  /** The planner's human summary. */
  readonly summary: string;
}

export interface ReviewReport {
  readonly tool: { readonly name: string; readonly version: string };
  readonly root: string;
  readonly mode: 'model' | 'offline';
  /** Why no model was asked: --offline, or no ANTHROPIC_API_KEY. */
  readonly offlineReason?: 'flag' | 'no-key';
  readonly persona?: { readonly id: string; readonly name: string; readonly title: string };
  readonly command?: string;
  readonly model?: string;
  readonly diff?: { readonly base: string; readonly mergeBase: string };
  readonly files: readonly string[];
  /** What was covered and what was not (skipped files, default excludes, files sent to the model). */
  readonly coverage: ReviewCoverage;
  /** Set with --baseline: the findings of the baseline were left out of this report. */
  readonly baseline?: { readonly file: string; readonly known: number };
  readonly rules: readonly RuleMeta[];
  readonly ruleFindings: readonly RuleFinding[];
  readonly modelFindings: readonly VerifiedFinding[];
  /** Per model finding (same index): the tool measurement that grounds it, when one does. */
  readonly measured: readonly (string | undefined)[];
  /** The tools the persona called, in order. */
  readonly toolCalls: readonly { readonly tool: string; readonly summary: string; readonly isError: boolean }[];
  /** The persona's prose outside finding blocks, per model request. */
  readonly prose: readonly string[];
  /** The raw answers, per model request (the model's words are never lost). */
  readonly answers: readonly string[];
  readonly queryPlans: readonly ReportQueryPlan[];
  readonly notices: readonly ReportNotice[];
  readonly usage?: ModelUsage & { readonly requests: number };
  readonly error?: { readonly kind: string; readonly message: string };
  /** Full file texts by path (regions, snippets). */
  readonly sources: ReadonlyMap<string, string>;
  readonly startedAt: Date;
  readonly endedAt: Date;
}

/** One row of any listing: a rule or model finding in a common shape, most severe first. */
export interface ReportRow {
  readonly source: 'rules' | 'model';
  readonly ruleId: string;
  readonly severity: Severity;
  readonly file?: string;
  readonly line?: number;
  readonly endLine?: number;
  readonly column?: number;
  readonly title: string;
  readonly verified: boolean;
}

export function reportRows(report: ReviewReport, modelRuleId: (f: VerifiedFinding) => string): ReportRow[] {
  const rows: ReportRow[] = [
    ...report.ruleFindings.map((f): ReportRow => ({
      source: 'rules',
      ruleId: f.ruleId,
      severity: f.severity,
      file: f.file,
      line: f.line,
      endLine: f.endLine,
      column: f.column,
      title: f.message,
      verified: true,
    })),
    ...report.modelFindings.map((v): ReportRow => ({
      source: 'model',
      ruleId: modelRuleId(v),
      severity: v.finding.severity,
      file: v.location?.path ?? v.file?.path,
      line: v.location?.startLine ?? v.claimedLine,
      endLine: v.location?.endLine ?? v.claimedEndLine,
      title: v.finding.title || 'Architect finding',
      verified: v.status !== 'unverified',
    })),
  ];
  return rows.sort(
    (a, b) =>
      (a.file ?? '\uffff').localeCompare(b.file ?? '\uffff') || (a.line ?? 0) - (b.line ?? 0) || severityRank(a.severity) - severityRank(b.severity),
  );
}

/** Findings that count for --fail-on: rule findings and model findings whose location was verified. */
export function failingCount(report: ReviewReport, failOn: Severity | undefined): number {
  if (!failOn) {
    return 0;
  }
  const limit = severityRank(failOn);
  const rules = report.ruleFindings.filter((f) => severityRank(f.severity) <= limit).length;
  const model = report.modelFindings.filter((v) => v.status !== 'unverified' && severityRank(v.finding.severity) <= limit).length;
  return rules + model;
}

export function severityCounts(rows: readonly ReportRow[]): string {
  const counts = new Map<Severity, number>();
  for (const r of rows) {
    counts.set(r.severity, (counts.get(r.severity) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => severityRank(a[0]) - severityRank(b[0]))
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
}
