/**
 * What a review publishes to the Problems panel, and the prompts the review commands send
 * (pure; no vscode import).
 */
import type { Severity } from '../findings/types';
import { SEVERITIES } from '../findings/types';
import type { VerifiedFinding } from '../findings/verify';
import type { FileDiff } from './hunks';
import { changedLinesOf, describeLines } from './hunks';

/** Lower is more severe. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** True when `s` is at least as severe as `minimum`. Unknown minimum → 'low'. */
export function meetsMinimum(s: Severity, minimum: string | undefined): boolean {
  const min = (SEVERITIES as readonly string[]).includes(minimum ?? '') ? (minimum as Severity) : 'low';
  return severityRank(s) <= severityRank(min);
}

export type DiagnosticLevel = 'error' | 'warning' | 'information' | 'hint';

export function diagnosticLevel(s: Severity): DiagnosticLevel {
  switch (s) {
    case 'critical':
    case 'high':
      return 'error';
    case 'medium':
      return 'warning';
    case 'low':
      return 'information';
    default:
      return 'hint';
  }
}

/** Markdown → one readable plain-text paragraph for a diagnostic message. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ReviewDiagnosticData {
  readonly uri: string;
  readonly path: string;
  /** 1-based inclusive document lines where the finding was verified. */
  readonly startLine: number;
  readonly endLine: number;
  readonly severity: Severity;
  readonly level: DiagnosticLevel;
  /** Title + issue, plain text. */
  readonly message: string;
  /** The root cause, plain text, when the finding gave one. */
  readonly cause?: string;
  readonly quote: string;
  readonly title: string;
  readonly source: string;
  readonly finding: VerifiedFinding;
}

/**
 * The diagnostics an answer yields: one per finding that was verified or relocated (never
 * unverified) and has a quote. Grouped by document URI.
 */
export function diagnosticsFromFindings(findings: readonly VerifiedFinding[], personaName: string): Map<string, ReviewDiagnosticData[]> {
  const byUri = new Map<string, ReviewDiagnosticData[]>();
  for (const v of findings) {
    if ((v.status !== 'verified' && v.status !== 'relocated') || !v.location || v.finding.quote === undefined || v.finding.quote.trim() === '') {
      continue;
    }
    const f = v.finding;
    const quote = f.quote ?? '';
    const title = f.title.trim() || 'Finding';
    const issue = f.sections.issue ? plainText(f.sections.issue) : '';
    const cause = f.sections.cause ? plainText(f.sections.cause) : undefined;
    const data: ReviewDiagnosticData = {
      uri: v.location.uri,
      path: v.location.path,
      startLine: v.location.startLine,
      endLine: v.location.endLine,
      severity: f.severity,
      level: diagnosticLevel(f.severity),
      message: issue ? `${title}: ${issue}` : title,
      cause: cause || undefined,
      quote,
      title,
      source: personaName,
      finding: v,
    };
    const list = byUri.get(data.uri) ?? [];
    list.push(data);
    byUri.set(data.uri, list);
  }
  return byUri;
}

export const REVIEW_FOCUS =
  'Review it as a senior backend architect: correctness, security, performance, reliability and maintainability. ' +
  'Report every concrete problem as a finding block with the exact quote, and include a replace fix where one is clear.';

/** The chat query for reviewing a selection of one file, or whole files. */
export function reviewPrompt(paths: string | readonly string[], selection?: { startLine: number; endLine: number }): string {
  const list = (typeof paths === 'string' ? [paths] : paths).map((p) => `\`${p}\``).join(', ');
  const what = selection ? `lines ${selection.startLine}-${selection.endLine} of ${list}` : list;
  return `Review ${what} (attached). ${REVIEW_FOCUS}`;
}

export interface ChangedFile {
  readonly path: string;
  readonly diff: FileDiff;
  /** A new file git does not track yet (sent whole). */
  readonly untracked?: boolean;
}

/** What is compared: the working tree with HEAD, or with the merge base of a branch. */
export type ChangeScope = { readonly kind: 'uncommitted' } | { readonly kind: 'branch'; readonly base: string; readonly mergeBase: string };

function changedFilesList(files: readonly ChangedFile[]): string {
  return files
    .map((f) => {
      if (f.untracked) {
        return `\`${f.path}\` (new, untracked: all of it)`;
      }
      const lines = changedLinesOf(f.diff);
      return `\`${f.path}\`${lines.length ? ` (changed lines ${describeLines(lines)})` : ''}`;
    })
    .join(', ');
}

/** The chat query for reviewing changes; names the changed lines so the review stays on them. */
export function changesReviewPrompt(files: readonly ChangedFile[], scope: ChangeScope): string {
  const what =
    scope.kind === 'uncommitted'
      ? 'Review my uncommitted changes (working tree against HEAD, untracked files included)'
      : `Review the changes of this branch against \`${scope.base}\` (working tree against their merge base ${scope.mergeBase.slice(0, 12)}: what a pull request would contain, plus uncommitted edits)`;
  return (
    `${what} in ${changedFilesList(files)}. Each changed hunk is attached separately with a few lines of context. ` +
    `Focus on the changed lines and what they break; do not review unchanged code. ${REVIEW_FOCUS}`
  );
}

/** The chat query for reviewing uncommitted changes. */
export function uncommittedReviewPrompt(files: readonly ChangedFile[]): string {
  return changesReviewPrompt(files, { kind: 'uncommitted' });
}

/** The follow-up query of "Explain in Chat" for one diagnostic. */
export function explainPrompt(d: { path: string; startLine: number; endLine: number; title: string; severity: Severity }): string {
  const where = d.startLine === d.endLine ? `line ${d.startLine}` : `lines ${d.startLine}-${d.endLine}`;
  return (
    `Explain the ${d.severity} finding "${d.title}" at ${where} of \`${d.path}\` (attached): why it is a problem, ` +
    'how it fails in production, and how to fix it step by step, with the trade-offs.'
  );
}
