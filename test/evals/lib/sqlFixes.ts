/**
 * SQL fixes on the embedded Postgres: every `<fix kind="run" lang="sql">` of an answer is applied
 * to a fresh embedded copy of the case's schema (never a real database); when the finding was
 * matched to a labelled issue with a `query`, that query is planned before and after the fix.
 *
 * The checking itself is the query planner's (src/core/sql); this module only picks the fixes
 * and the queries, behind the small SqlFixChecker interface so the scorer's tests need no
 * Postgres.
 */
import type { VerifiedFinding } from '../../../src/core/findings/verify';
import type { ReviewCase } from './evalCase';
import type { FindingVerdict, SqlFixResults, SqlFixVerdict } from './scoreReview';

export interface FixOutcome {
  readonly applied: boolean;
  /** undefined when no query was given. */
  readonly improved?: boolean;
  readonly detail: string;
}

export interface SqlFixChecker {
  /** Applies `fixSql` to a fresh copy of the schema; with `query`, compares its plan before and after. */
  check(fixSql: string, query: string | undefined): Promise<FixOutcome>;
  dispose(): Promise<void>;
}

export interface SqlFixTarget {
  readonly finding: number;
  readonly issue?: string;
  readonly query?: string;
  readonly fix: string;
}

export function isSqlRunFix(fix: { kind: string; language: string }): boolean {
  return fix.kind === 'run' && (fix.language === 'sql' || fix.language === 'postgresql' || fix.language === 'pgsql' || fix.language === 'postgres');
}

/** The SQL fixes of an answer, each with the labelled query of the issue its finding was matched to. */
export function sqlFixTargets(c: ReviewCase, findings: readonly VerifiedFinding[], verdicts: readonly FindingVerdict[]): SqlFixTarget[] {
  const targets: SqlFixTarget[] = [];
  findings.forEach((v, i) => {
    const issueId = verdicts[i]?.issue;
    const issue = issueId === undefined ? undefined : c.issues.find((x) => x.id === issueId);
    for (const fix of v.finding.fixes) {
      if (isSqlRunFix(fix)) {
        targets.push({ finding: i, issue: issue?.id, query: issue?.query, fix: fix.content });
      }
    }
  });
  return targets;
}

export async function checkSqlFixes(targets: readonly SqlFixTarget[], checker: SqlFixChecker): Promise<SqlFixResults> {
  const verdicts: SqlFixVerdict[] = [];
  for (const t of targets) {
    let outcome: FixOutcome;
    try {
      outcome = await checker.check(t.fix, t.query);
    } catch (err) {
      outcome = { applied: false, detail: `the check failed: ${(err as Error)?.message ?? String(err)}` };
    }
    verdicts.push({ finding: t.finding, issue: t.issue, fix: t.fix, applied: outcome.applied, improved: t.query === undefined ? undefined : outcome.improved === true, detail: outcome.detail });
  }
  return { kind: 'checked', verdicts };
}
