/**
 * The deterministic checks a review runs before (or instead of) the model: the rules engine on
 * the full text of each file, with the .sql files of the named paths as the schema (and the
 * test-file policy unless includeTests); in a diff review
 * only the rule findings that touch a changed line are kept.
 */
import { RULE_TABLE, runRules } from '../../rules';
import type { RuleFinding, RuleMeta, SourceFile } from '../ruleFinding';
import type { ReviewTarget } from './collect';

export interface RuleCheckResult {
  readonly findings: readonly RuleFinding[];
  readonly rules: readonly RuleMeta[];
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

export async function runRuleChecks(
  targets: readonly ReviewTarget[],
  schemaFiles: readonly SourceFile[],
  onFile?: (path: string, done: number, total: number) => void,
  includeTests = false,
): Promise<RuleCheckResult> {
  try {
    const findings = await runRules(
      targets.map((t) => ({ path: t.path, text: t.text, languageId: t.languageId, ...(t.test !== undefined ? { test: t.test } : {}) })),
      { schemaFiles, onFile, includeTests },
    );
    const byPath = new Map(targets.map((t) => [t.path, t]));
    return { findings: findings.filter((f) => touchesChange(f, byPath.get(f.file))), rules: RULE_TABLE };
  } catch (err) {
    return { findings: [], rules: RULE_TABLE, problem: `the rules engine failed: ${(err as Error)?.message ?? String(err)}` };
  }
}
