/**
 * The tools the architect can call while it answers (read a file, search the workspace, run the
 * rules, explain a query on the embedded Postgres, …): one ToolDefinition per file in this
 * folder, listed in TOOL_TABLE (index.ts). Every surface — the chat participant, the VS Code
 * language-model tools, the MCP server — runs the same definitions against a ToolContext it
 * implements.
 */
import type { SentFile } from '../context/sentFile';
import type { RuleFinding } from '../rules';

/** The subset of JSON Schema our tool inputs use (checked by inputCheck.ts before a tool runs). */
export interface JsonSchema {
  readonly type: 'object' | 'string' | 'integer' | 'number' | 'boolean' | 'array';
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly items?: JsonSchema;
}

/** What a tool measured, kept so findings can say what grounds them (see measured.ts). */
export type ToolFact =
  | { readonly kind: 'fileRead'; readonly path: string; readonly startLine: number; readonly endLine: number }
  | { readonly kind: 'ruleFinding'; readonly path: string; readonly line: number; readonly endLine: number; readonly ruleId: string; readonly message: string }
  | { readonly kind: 'queryPlan'; readonly sql: string; readonly rows: number; readonly summary: string }
  | { readonly kind: 'fixCheck'; readonly sql: string; readonly fixSql: string; readonly rows: number; readonly summary: string };

export interface ToolResult {
  /** What the model receives. */
  readonly content: string;
  /** The call failed or was refused; `content` says why (the model sees it and can adjust). */
  readonly isError?: boolean;
  /** One line for the user, e.g. "Read db/schema.sql lines 1-80". */
  readonly summary: string;
  /** Files (or parts) whose text went to the model: findings on them are verified like attached code. */
  readonly sentFiles?: readonly SentFile[];
  readonly facts?: readonly ToolFact[];
}

export interface ToolDefinition {
  readonly name: string;
  /** For the model: what the tool does and when to use it. */
  readonly description: string;
  readonly inputSchema: JsonSchema & { readonly type: 'object' };
  /** Needs the embedded Postgres (not offered when the surface has no query planner). */
  readonly needs?: 'rules' | 'sql';
  /** The progress line while it runs, e.g. "Reading db/schema.sql…". Input is already checked. */
  progress(input: Record<string, unknown>, ctx: ToolContext): string;
  run(input: Record<string, unknown>, ctx: ToolContext, signal: AbortSignal): Promise<ToolResult>;
}

/** A file's text as read from the workspace (raw: before redaction and budget). */
export interface WorkspaceText {
  /** Workspace-relative path with forward slashes. */
  readonly path: string;
  readonly uri: string;
  readonly text: string;
  readonly languageId: string;
}

/** Why a file may not be read; the message is shown to the model (and, in notes, to the user). */
export interface Refusal {
  readonly refused: string;
}

export interface ReadOptions {
  /** The path came from list(), which already left ignored files out: skip the per-file git check. */
  readonly listed?: boolean;
}

/** File access with the security rules applied (workspaceFiles.ts implements it on Node's fs). */
export interface WorkspaceAccess {
  readonly root: string;
  /** Reads a workspace file, or says why not (outside, symlink escape, secret-looking, ignored, binary, missing…). */
  read(path: string, signal?: AbortSignal, options?: ReadOptions): Promise<WorkspaceText | Refusal>;
  /** Workspace-relative files the tools may look at (ignored and secret-looking files left out), at most `limit`. */
  list(options: { readonly under?: string; readonly limit: number }, signal?: AbortSignal): Promise<{ readonly files: readonly string[]; readonly truncated: boolean }>;
}

/** A finding of the rules engine (src/core/rules). */
export type RuleFindingLike = RuleFinding;

/** The rules engine as the tools use it (src/core/rules runRules). */
export interface RulesAccess {
  run(files: readonly { path: string; text: string; languageId?: string }[], signal: AbortSignal): Promise<readonly RuleFindingLike[]>;
}

/** The embedded Postgres as the tools use it (src/core/sql createQueryPlanner + formatters). */
export interface SqlAccess {
  /** Synthetic rows per table when the caller gives none. */
  readonly defaultRows: number;
  /** The human summary of EXPLAIN ANALYZE on the embedded copy. */
  explain(sql: string, rows: number, signal: AbortSignal): Promise<string>;
  /** Plan before and after a fix (index, rewrite), as a human summary. */
  checkFix(sql: string, fixSql: string, rows: number, signal: AbortSignal): Promise<string>;
  /** Tables, columns, indexes and foreign keys loaded from the workspace, as text. */
  schema(signal: AbortSignal): Promise<string>;
}

export interface ToolContext {
  readonly files: WorkspaceAccess;
  /** Most characters of one file sent to the model (the context budget). */
  readonly maxFileChars: number;
  readonly redactSecrets: boolean;
  /** Undefined: the rules engine is not available on this surface (yet). */
  readonly rules?: RulesAccess;
  /** Undefined: the embedded Postgres is not available on this surface (yet). */
  readonly sql?: SqlAccess;
}
