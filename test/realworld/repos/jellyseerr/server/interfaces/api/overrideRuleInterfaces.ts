import type OverrideRule from '@server/entity/OverrideRule';

export type OverrideRuleResultsResponse = OverrideRule[];
