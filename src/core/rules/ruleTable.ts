/**
 * The rules, as one table (docs/rules.md, the settings in package.json and the CLI all follow it;
 * a unit test checks each against it). Each rule is one file under rules/ with its docs and cases.
 */
import { nPlusOne } from './rules/nPlusOne';
import type { Rule, RuleMeta } from './types';

export const RULES: readonly Rule[] = [nPlusOne];

export const RULE_TABLE: readonly RuleMeta[] = RULES.map((r) => r.meta);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
