/**
 * What the rules engine alone finds on a case (no model): the same matching as for the model's
 * findings — same file, lines within NEAR_LINES of the label, and one of the label's match terms
 * in the rule id or message — so the two figures can be compared side by side. Pure.
 */
import type { RuleFinding } from '../../../src/core/pipeline/ruleFinding';
import type { ReviewCase } from './evalCase';
import { NEAR_LINES, overlaps } from './scoreReview';

export interface RulesScore {
  readonly findings: number;
  readonly found: readonly string[];
  /** Rule findings that matched a labelled issue. */
  readonly truePositives: number;
  readonly fineHits: number;
  /** Each rule finding with the labelled issue or fine place it landed on. */
  readonly details: readonly { readonly ruleId: string; readonly file: string; readonly line: number; readonly issue?: string; readonly fine?: boolean }[];
  /** Set when the engine could not run. */
  readonly problem?: string;
}

function textOf(f: RuleFinding): string {
  return `${f.ruleId} ${f.ruleId.replace(/-/g, ' ')} ${f.message}`.toLowerCase();
}

export function scoreRules(c: ReviewCase, findings: readonly RuleFinding[], problem?: string): RulesScore {
  const found = new Set<string>();
  let truePositives = 0;
  let fineHits = 0;
  const details: RulesScore['details'][number][] = [];
  for (const f of findings) {
    const range = { start: f.line, end: Math.max(f.line, f.endLine) };
    const issue = c.issues.find(
      (i) => !found.has(i.id) && i.file === f.file && overlaps(range, { start: i.lines[0], end: i.lines[1] }, NEAR_LINES) && i.match.some((m) => textOf(f).includes(m)),
    );
    const fine = !issue && c.fine.some((p) => p.file === f.file && overlaps(range, { start: p.lines[0], end: p.lines[1] }));
    if (issue) {
      found.add(issue.id);
      truePositives++;
    } else if (fine) {
      fineHits++;
    }
    details.push({ ruleId: f.ruleId, file: f.file, line: f.line, ...(issue ? { issue: issue.id } : {}), ...(fine ? { fine: true } : {}) });
  }
  return { findings: findings.length, found: c.issues.filter((i) => found.has(i.id)).map((i) => i.id), truePositives, fineHits, details, problem };
}
