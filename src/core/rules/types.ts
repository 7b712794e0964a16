/**
 * Plain data of the rules engine: what a rule is, what it is given, what it reports.
 * Pure TypeScript; the parsers behind `CodeFacts`/`SqlFacts` load on first use (engine/parsers.ts).
 */
import type { Severity } from '../findings/types';
import type { Node } from './engine/treeSitter';
import type { SchemaModel } from './sql/schemaModel';
import type { SqlStatement } from './sql/sqlText';
import type { CodeFile } from './engine/codeFile';

export interface SourceFile {
  /** Workspace-relative, forward slashes (absolute paths are accepted and reported as given). */
  readonly path: string;
  readonly text: string;
  /** VS Code language id when known (`typescript`, `python`, `sql`, ...); else taken from the extension. */
  readonly languageId?: string;
  /**
   * A test file (the test-file policy applies, engine/testFiles.ts). The file set sets it from the
   * path relative to the scope; absent: judged from `path`.
   */
  readonly test?: boolean;
}

export interface RuleFix {
  readonly title: string;
  /** Whole-line replacements, 1-based inclusive lines; `text` replaces lines line..endLine (no trailing newline). */
  readonly edits: readonly { readonly line: number; readonly endLine: number; readonly text: string }[];
}

export interface RuleFinding {
  readonly ruleId: string;
  /** The rule id (kept as its own field for SARIF/JSON consumers). */
  readonly category: string;
  readonly severity: Severity;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly endLine: number;
  /** 1-based, when known. */
  readonly column?: number;
  readonly endColumn?: number;
  readonly message: string;
  /** The matched code, at most a few lines. */
  readonly snippet: string;
  readonly fix?: RuleFix;
}

export type RuleLanguage = 'typescript' | 'javascript' | 'python' | 'sql';

/** The documentation each rule carries; docs/rules.md is generated from it. */
export interface RuleDocs {
  /** What the rule reports, one paragraph. */
  readonly what: string;
  /** Why it is bad, one paragraph. */
  readonly why: string;
  /** A short example that the rule reports. */
  readonly example: { readonly language: string; readonly code: string };
  /** What to write instead: prose plus an example. */
  readonly insteadText: string;
  readonly instead: { readonly language: string; readonly code: string };
  /** The fix hint shown with each finding. */
  readonly fixHint: string;
}

export interface RuleMeta {
  readonly id: string;
  readonly category: string;
  readonly defaultSeverity: Severity;
  /** One line. */
  readonly summary: string;
  readonly languages: readonly RuleLanguage[];
  /** True when the rule reads the workspace schema (all .sql files), not only the file itself. */
  readonly needsSchema?: boolean;
  /**
   * Set for a rule that is off unless asked for (a setting, `--rule <id>`): why it cannot be
   * precise enough on real code to run in every build (docs/rules.md says so).
   */
  readonly optIn?: string;
  readonly docs: RuleDocs;
}

/** One valid/invalid case (RuleTester style). `invalid` cases list the 1-based lines reported. */
export interface RuleCase {
  readonly name?: string;
  readonly path: string;
  readonly code: string;
  /** Extra files (schema) the case needs. */
  readonly schema?: readonly SourceFile[];
  /** Lines expected to be reported (invalid cases); absent or empty for valid ones. */
  readonly lines?: readonly number[];
}

export interface RuleTests {
  readonly valid: readonly RuleCase[];
  readonly invalid: readonly RuleCase[];
}

/** A match a rule reports; the engine adds rule id, severity, file and snippet. */
export interface RuleReport {
  readonly node?: Node;
  /** For SQL and text matches: 0-based offsets into the file text. */
  readonly start?: number;
  readonly end?: number;
  readonly message: string;
  readonly fix?: RuleFix;
  /** Replaces the matched lines as the snippet (e.g. with a secret masked). */
  readonly snippet?: string;
}

export interface CodeRuleContext {
  readonly file: CodeFile;
  readonly schema: SchemaModel;
  report(r: RuleReport): void;
}

export interface SqlRuleContext {
  readonly path: string;
  readonly text: string;
  /** Statements parsed from this file (a .sql file, or SQL strings found in code). */
  readonly statements: readonly SqlStatement[];
  /** True for a .sql file, false for SQL found in a code string. */
  readonly isSqlFile: boolean;
  readonly schema: SchemaModel;
  /** Code file facts, when the SQL came from a code string. */
  readonly code?: CodeFile;
  report(r: RuleReport): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  /** Runs on each code file (TypeScript/JavaScript/Python). */
  checkCode?(ctx: CodeRuleContext): void;
  /** Runs on the SQL of each file (a .sql file's statements, or SQL strings in code). */
  checkSql?(ctx: SqlRuleContext): void;
  /** Runs on the raw text of any file. */
  checkText?(ctx: { readonly path: string; readonly text: string; report(r: RuleReport): void }): void;
  readonly tests: RuleTests;
}

export interface RunRulesOptions {
  /** Rule ids to run; default all. */
  readonly enabled?: ReadonlySet<string> | readonly string[];
  /** Severity overrides per rule id. */
  readonly severity?: Readonly<Record<string, Severity>>;
  /** Extra files read for the schema model only (not reported on), e.g. the workspace's migrations. */
  readonly schemaFiles?: readonly SourceFile[];
  /** A schema model already built (wins over schemaFiles). */
  readonly schema?: SchemaModel;
  /** Where the .wasm files are; default next to the bundle, else node_modules. */
  readonly wasmDir?: string;
  readonly signal?: AbortSignal;
  /** Called after each file (progress). */
  readonly onFile?: (path: string, done: number, total: number) => void;
  /**
   * Keep each file's syntax tree and reparse the next version of the same path from it
   * (incrementally). For the editor's runs on open and saved files; not for a workspace run.
   */
  readonly reuseTrees?: boolean;
  /** Run every rule in test files as elsewhere (default: the test-file policy, engine/testFiles.ts). */
  readonly includeTests?: boolean;
}
