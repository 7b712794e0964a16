/**
 * Which findings a tool measured: a finding is marked when the model says so
 * (`measured="explain_query"` on its tag) AND that tool really ran without error in this answer,
 * or when a tool's facts cover it (a rule finding on the same lines, a query plan for SQL the
 * finding quotes or fixes). A claim the model makes about a tool that did not run is not marked.
 */
import type { ToolRunRecord } from '../model/toolLoop';
import type { ToolCallDetail } from './index';

export interface FindingForMark {
  readonly attributes: Readonly<Record<string, string>>;
  readonly quote?: string;
  readonly fixes: readonly { readonly content: string }[];
  /** Verified location, when there is one. */
  readonly path?: string;
  readonly startLine?: number;
  readonly endLine?: number;
}

export function measuredBy(finding: FindingForMark, runs: readonly ToolRunRecord<ToolCallDetail>[]): string | undefined {
  const ok = runs.filter((r) => !r.outcome.isError && r.outcome.detail);
  const claimed = (finding.attributes.measured ?? finding.attributes.grounded ?? '')
    .split(/[\s,]+/)
    .filter(Boolean);
  for (const name of claimed) {
    const run = [...ok].reverse().find((r) => r.call.name === name);
    if (run?.outcome.detail) {
      return run.outcome.detail.result.summary;
    }
  }
  const sqlText = normaliseSql([finding.quote ?? '', ...finding.fixes.map((f) => f.content)].join('\n'));
  for (const run of ok) {
    for (const fact of run.outcome.detail?.result.facts ?? []) {
      if (fact.kind === 'ruleFinding' && finding.path === fact.path && finding.startLine !== undefined) {
        const end = finding.endLine ?? finding.startLine;
        if (fact.line <= end && fact.endLine >= finding.startLine) {
          return `rule ${fact.ruleId}: ${fact.message}`;
        }
      }
      if ((fact.kind === 'queryPlan' || fact.kind === 'fixCheck') && sqlText !== '') {
        const sql = normaliseSql(fact.sql);
        if (sql.length >= 12 && sqlText.includes(sql)) {
          return run.outcome.detail!.result.summary;
        }
      }
    }
  }
  return undefined;
}

function normaliseSql(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/\s*;\s*$/g, '').replace(/\s*;\s*/g, ' ').trim();
}
