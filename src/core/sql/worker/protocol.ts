/** Messages between the query planner (main thread) and the PGlite worker thread. */

export interface PgErrorInfo {
  readonly message: string;
  /** SQLSTATE, e.g. 42703 undefined_column. */
  readonly code?: string;
  /** 1-based character offset into the statement, as Postgres reports it. */
  readonly position?: number;
  readonly detail?: string;
  readonly hint?: string;
}

export interface InitRequest {
  readonly op: 'init';
  /** Extension names (CREATE EXTENSION spelling) to load with PGlite. */
  readonly extensions: readonly string[];
  /** Folders to look for `<bundle>.tar.gz` in, first match wins. */
  readonly extensionDirs: readonly string[];
  /** A gzipped data-directory tarball to start from (prebuilt base or a cached snapshot). */
  readonly dataDir?: string;
}

export interface ScriptStep {
  readonly sql: string;
  readonly params?: readonly unknown[];
  /** Left out (with every step after it) once the script has run longer than its budgetMs. */
  readonly optional?: boolean;
}

export type WorkerRequest =
  | InitRequest
  | { readonly op: 'exec'; readonly sql: string }
  | { readonly op: 'query'; readonly sql: string; readonly params?: readonly unknown[] }
  | { readonly op: 'describe'; readonly sql: string }
  /** Runs the steps in one transaction, stopping at the first error; rolled back when asked. */
  | { readonly op: 'script'; readonly steps: readonly ScriptStep[]; readonly rollback: boolean; readonly budgetMs?: number }
  | { readonly op: 'dump'; readonly file: string }
  | { readonly op: 'close' };

export interface StepResult {
  readonly rows?: readonly Record<string, unknown>[];
  readonly error?: PgErrorInfo;
  readonly ms: number;
}

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: PgErrorInfo };
