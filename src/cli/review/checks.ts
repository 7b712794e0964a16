/**
 * The deterministic checks a review runs before (or instead of) the model: the rules engine
 * on the full text of each file, and, in a diff review, only the rule findings that touch a
 * changed line are kept.
 */
import type { RuleFinding, RuleMetaLike } from '../../core/pipeline/ruleFinding';
import type { ReviewTarget } from './collect';

export interface RuleCheckResult {
  readonly findings: readonly RuleFinding[];
  readonly rules: readonly RuleMetaLike[];
  /** Set when the engine could not run (the review goes on without it). */
  readonly problem?: string;
}

/** Whether a finding overlaps one of the changed spans of its file (no spans: the whole file counts). */
export function touchesChange(finding: RuleFinding, target: ReviewTarget | undefined): boolean {
  if (!target?.changed) {
    return true;
  }
  return target.changed.some((s) => finding.line <= s.endLine && finding.endLine >= s.startLine);
}

export async function runRuleChecks(targets: readonly ReviewTarget[]): Promise<RuleCheckResult> {
  void targets;
  return { findings: [], rules: [], problem: 'the rules engine is not part of this build yet' };
}
