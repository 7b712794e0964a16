/**
 * The rules engine's types as the pipeline, SARIF and the CLI use them (one definition: the
 * engine's own, src/core/rules).
 */
export type { RuleFinding, RuleMeta, SourceFile } from '../rules';
