/**
 * The rules, as one table (docs/rules.md, the settings in package.json and the CLI all follow it;
 * a unit test checks each against it). Each rule is one file under rules/ with its docs and cases.
 */
import { fkWithoutIndex } from './rules/fkWithoutIndex';
import { hardcodedCredential } from './rules/hardcodedCredential';
import { missingTenantFilter } from './rules/missingTenantFilter';
import { noTimeout } from './rules/noTimeout';
import { nPlusOne } from './rules/nPlusOne';
import { selectStar } from './rules/selectStar';
import { sqlInjection } from './rules/sqlInjection';
import { unboundedList } from './rules/unboundedList';
import { unsafeMigration } from './rules/unsafeMigration';
import type { Rule, RuleMeta } from './types';

export const RULES: readonly Rule[] = [
  nPlusOne,
  sqlInjection,
  selectStar,
  unboundedList,
  noTimeout,
  hardcodedCredential,
  fkWithoutIndex,
  unsafeMigration,
  missingTenantFilter,
];

export const RULE_TABLE: readonly RuleMeta[] = RULES.map((r) => r.meta);

/** The rules that run when none are named: every rule but the opt-in ones. */
export const DEFAULT_RULE_IDS: readonly string[] = RULE_TABLE.filter((r) => !r.optIn).map((r) => r.id);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
