/**
 * Scores one review answer against its case's labels. Pure: the caller runs the model, the
 * pipeline (parse + verify) and the SQL checks; this only counts.
 *
 * Matching. A finding counts as a labelled issue when it names the issue's file, its title or
 * sections mention one of the issue's `match` terms, and its lines — the verified anchor when the
 * quote was found, else the lines the model claimed — lie within NEAR_LINES of the labelled range.
 * Each finding and each issue is matched at most once, overlapping pairs first.
 *
 * - recall: matched issues / labelled issues;
 * - precision: matched findings / findings that name a file, sent or not (design-level findings
 *   without a file are not counted either way);
 * - anchors on the right lines: matched findings whose anchor (what the user clicks) overlaps the
 *   labelled range / matched findings; a finding with a quote that was not found has no anchor;
 * - fine-place hits: unmatched findings whose lines overlap a place labelled fine (false alarms).
 */
import type { Severity } from '../../../src/core/findings/types';
import { SEVERITIES } from '../../../src/core/findings/types';
import type { VerifiedFinding } from '../../../src/core/findings/verify';
import type { LabelledIssue, ReviewCase } from './evalCase';
import type { ParseCheck } from './parseCheck';

/** How far (in lines) a finding may sit from the labelled range and still be about that issue. */
export const NEAR_LINES = 3;

export interface Range {
  readonly start: number;
  readonly end: number;
}

/** The outcome of checking one SQL fix on the embedded Postgres. */
export interface SqlFixVerdict {
  /** Index of the finding in the answer. */
  readonly finding: number;
  /** The labelled issue whose query was planned before and after, when there was one. */
  readonly issue?: string;
  readonly fix: string;
  /** The fix ran on the embedded copy of the schema without an error. */
  readonly applied: boolean;
  /** The labelled query's plan got cheaper (undefined: no labelled query to compare). */
  readonly improved?: boolean;
  readonly detail: string;
}

/** SQL fix checks: verdicts, or why none could be made (no embedded Postgres in this build, …). */
export type SqlFixResults = { readonly kind: 'checked'; readonly verdicts: readonly SqlFixVerdict[] } | { readonly kind: 'n/a'; readonly reason: string };

export interface FindingVerdict {
  readonly index: number;
  readonly title: string;
  readonly severity: Severity;
  readonly file?: string;
  readonly status: VerifiedFinding['status'];
  /** The verified anchor (document lines), when the quote was found. */
  readonly anchor?: Range;
  /** The lines the model claimed. */
  readonly claimed?: Range;
  /** The labelled issue this finding was matched to. */
  readonly issue?: string;
  readonly anchorOnTarget?: boolean;
  readonly claimOnTarget?: boolean;
  /** Severity within one step of the label's. */
  readonly severityClose?: boolean;
  /** Set when the finding sits on a place labelled fine: the label's reason. */
  readonly fineHit?: string;
}

export interface ReviewScore {
  readonly caseId: string;
  readonly issues: number;
  readonly found: readonly string[];
  readonly missed: readonly string[];
  /** Findings that name a file (sent or not). */
  readonly inCode: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly fineHits: number;
  /** undefined when the case has no labelled issues. */
  readonly recall?: number;
  /** undefined when no finding names a file. */
  readonly precision?: number;
  readonly anchorsOnTarget: number;
  readonly claimsOnTarget: number;
  readonly severityClose: number;
  readonly parse: ParseCheck;
  readonly sqlFixes: SqlFixResults;
  readonly findings: readonly FindingVerdict[];
}

export function overlaps(a: Range, b: Range, slack = 0): boolean {
  return a.start <= b.end + slack && b.start <= a.end + slack;
}

function labelRange(lines: readonly [number, number]): Range {
  return { start: lines[0], end: lines[1] };
}

export function claimedRange(v: VerifiedFinding): Range | undefined {
  const line = v.claimedLine ?? v.finding.line;
  if (line === undefined) {
    return undefined;
  }
  const end = v.claimedEndLine ?? v.finding.endLine ?? line;
  return { start: line, end: Math.max(line, end) };
}

function anchorRange(v: VerifiedFinding): Range | undefined {
  return v.location ? { start: v.location.startLine, end: v.location.endLine } : undefined;
}

/** The path a finding is about: the sent file it resolved to, else the claimed path as written. */
function fileOf(v: VerifiedFinding): string | undefined {
  return v.file?.path ?? v.location?.path ?? v.finding.file?.replace(/\\/g, '/').replace(/^\.\//, '');
}

export function findingText(v: VerifiedFinding): string {
  const f = v.finding;
  return [f.title, ...Object.values(f.sections), f.notes ?? ''].join('\n').toLowerCase();
}

export function mentions(v: VerifiedFinding, issue: LabelledIssue): boolean {
  const text = findingText(v);
  return issue.match.some((m) => text.includes(m));
}

function severityDistance(a: Severity, b: Severity): number {
  return Math.abs(SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b));
}

interface Pair {
  readonly finding: number;
  readonly issue: number;
  /** 2: overlapping lines, 1: near. */
  readonly rank: number;
  readonly distance: number;
}

function distance(a: Range, b: Range): number {
  if (overlaps(a, b)) {
    return 0;
  }
  return a.end < b.start ? b.start - a.end : a.start - b.end;
}

export function scoreReview(c: ReviewCase, findings: readonly VerifiedFinding[], parse: ParseCheck, sqlFixes: SqlFixResults): ReviewScore {
  const pairs: Pair[] = [];
  findings.forEach((v, fi) => {
    const file = fileOf(v);
    const range = anchorRange(v) ?? claimedRange(v);
    if (!file || !range) {
      return;
    }
    c.issues.forEach((issue, ii) => {
      if (issue.file !== file || !mentions(v, issue)) {
        return;
      }
      const target = labelRange(issue.lines);
      if (!overlaps(range, target, NEAR_LINES)) {
        return;
      }
      pairs.push({ finding: fi, issue: ii, rank: overlaps(range, target) ? 2 : 1, distance: distance(range, target) });
    });
  });
  pairs.sort((a, b) => b.rank - a.rank || a.distance - b.distance || a.finding - b.finding || a.issue - b.issue);
  const issueOf = new Map<number, number>();
  const taken = new Set<number>();
  for (const p of pairs) {
    if (issueOf.has(p.finding) || taken.has(p.issue)) {
      continue;
    }
    issueOf.set(p.finding, p.issue);
    taken.add(p.issue);
  }

  const verdicts: FindingVerdict[] = findings.map((v, index) => {
    const anchor = anchorRange(v);
    const claimed = claimedRange(v);
    const file = fileOf(v);
    const base = { index, title: v.finding.title, severity: v.finding.severity, file, status: v.status, anchor, claimed };
    const ii = issueOf.get(index);
    if (ii !== undefined) {
      const issue = c.issues[ii];
      const target = labelRange(issue.lines);
      return {
        ...base,
        issue: issue.id,
        anchorOnTarget: anchor !== undefined && overlaps(anchor, target),
        claimOnTarget: claimed !== undefined && overlaps(claimed, target),
        severityClose: severityDistance(v.finding.severity, issue.severity) <= 1,
      };
    }
    const range = anchor ?? claimed;
    const fine = file && range ? c.fine.find((p) => p.file === file && overlaps(range, labelRange(p.lines))) : undefined;
    return fine ? { ...base, fineHit: fine.why } : base;
  });

  const matched = verdicts.filter((v) => v.issue !== undefined);
  const inCode = verdicts.filter((v) => v.file !== undefined).length;
  const found = c.issues.filter((_, i) => taken.has(i)).map((i) => i.id);
  const missed = c.issues.filter((_, i) => !taken.has(i)).map((i) => i.id);
  return {
    caseId: c.id,
    issues: c.issues.length,
    found,
    missed,
    inCode,
    truePositives: matched.length,
    falsePositives: inCode - matched.length,
    fineHits: verdicts.filter((v) => v.fineHit !== undefined).length,
    recall: c.issues.length === 0 ? undefined : found.length / c.issues.length,
    precision: inCode === 0 ? undefined : matched.length / inCode,
    anchorsOnTarget: matched.filter((v) => v.anchorOnTarget).length,
    claimsOnTarget: matched.filter((v) => v.claimOnTarget).length,
    severityClose: matched.filter((v) => v.severityClose).length,
    parse,
    sqlFixes,
    findings: verdicts,
  };
}
