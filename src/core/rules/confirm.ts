/**
 * Which rule finding a model finding confirms: the model names the rule (`rule="n-plus-one"` on
 * its <finding> tag) and points at the same file and, when both have lines, overlapping lines
 * (give or take a few, since a model quotes whole statements). Rule findings no model finding
 * confirmed are still shown, as "found by rules".
 */
import type { VerifiedFinding } from '../findings/verify';
import type { RuleFinding } from './types';

const LINE_SLACK = 3;

function ruleAttribute(v: VerifiedFinding): string | undefined {
  const raw = v.finding.attributes.rule ?? v.finding.attributes['rule-id'] ?? v.finding.attributes.ruleid;
  return raw?.trim().toLowerCase() || undefined;
}

export function confirmedRuleFinding(v: VerifiedFinding, ruleFindings: readonly RuleFinding[]): RuleFinding | undefined {
  const id = ruleAttribute(v);
  if (!id) {
    return undefined;
  }
  const path = v.location?.path ?? v.file?.path ?? v.finding.file;
  const start = v.location?.startLine ?? v.claimedLine ?? v.finding.line;
  const end = v.location?.endLine ?? v.claimedEndLine ?? v.finding.endLine ?? start;
  const candidates = ruleFindings.filter((r) => r.ruleId === id && (!path || r.file === path));
  if (start === undefined || end === undefined) {
    return candidates[0];
  }
  return candidates.find((r) => r.line <= end + LINE_SLACK && r.endLine >= start - LINE_SLACK);
}

/** The rule id a finding names, whether or not a rule finding backs it. */
export function namedRule(v: VerifiedFinding): string | undefined {
  return ruleAttribute(v);
}

export function unconfirmedRuleFindings(ruleFindings: readonly RuleFinding[], verified: readonly VerifiedFinding[]): RuleFinding[] {
  const confirmed = new Set<RuleFinding>();
  for (const v of verified) {
    const r = confirmedRuleFinding(v, ruleFindings);
    if (r) {
      confirmed.add(r);
    }
  }
  return ruleFindings.filter((r) => !confirmed.has(r));
}
