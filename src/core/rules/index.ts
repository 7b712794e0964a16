/**
 * The rules engine's public API: deterministic checks on real parsers (tree-sitter for code,
 * libpg_query for SQL), run offline, no model. See docs/rules.md (generated from the rule files).
 */
export { runRules, buildSchema, isRuleFile } from './engine/runner';
export { DEFAULT_RULE_IDS, RULE_TABLE, RULES, ruleById } from './ruleTable';
export { ruleFactsSection, RULE_FACTS_TITLE } from './facts';
export type { RuleFinding, RuleMeta, RuleFix, SourceFile, RunRulesOptions, RuleDocs, Rule, RuleCase } from './types';
export type { SchemaModel } from './sql/schemaModel';
