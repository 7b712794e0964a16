/**
 * The rule-finding shape the pipeline and SARIF consume, as agreed for src/core/rules (TEAM
 * interface). Kept here as a structural type until the rules engine lands; then this file
 * re-exports the engine's own types so both stay one definition.
 */
import type { Severity } from '../findings/types';

export interface RuleFinding {
  readonly ruleId: string;
  readonly category: string;
  readonly severity: Severity;
  /** Workspace-relative, forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly endLine: number;
  readonly column?: number;
  readonly endColumn?: number;
  readonly message: string;
  /** The matched code. */
  readonly snippet: string;
  readonly fix?: { readonly title: string; readonly edits: readonly { readonly line: number; readonly endLine: number; readonly text: string }[] };
}

/** What SARIF needs to know about a rule (a subset of the engine's RuleMeta). */
export interface RuleMetaLike {
  readonly id: string;
  readonly category?: string;
  readonly defaultSeverity: Severity;
  readonly summary: string;
  /** The rule's documentation (Markdown): what it does, why it is bad, what to use instead. */
  readonly docs?: string;
}
