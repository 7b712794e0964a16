/** Messages between the extension (or the bench) and the rules worker thread. */
import type { Severity } from '../../findings/types';
import type { RuleFinding, SourceFile } from '../types';

export interface WorkerRunOptions {
  readonly enabled?: readonly string[];
  readonly severity?: Readonly<Record<string, Severity>>;
  /** Every rule in test files too (default: the test-file policy). */
  readonly includeTests?: boolean;
}

export type WorkerRequest =
  /** Check these files; the schema comes from `root`'s .sql files (cached in the worker) plus the files themselves. */
  | { readonly type: 'run'; readonly id: number; readonly files: readonly SourceFile[]; readonly root?: string; readonly options: WorkerRunOptions }
  /** Read and check the file set of `root` (src/core/fileSet). */
  | { readonly type: 'runFolder'; readonly id: number; readonly root: string; readonly maxFiles: number; readonly options: WorkerRunOptions }
  | { readonly type: 'cancel'; readonly id: number }
  /** A .sql file changed: rebuild the schema of `root` on next use. */
  | { readonly type: 'invalidateSchema'; readonly root?: string };

export type WorkerResponse =
  | { readonly type: 'result'; readonly id: number; readonly findings: RuleFinding[]; readonly files: number; readonly skipped: number }
  /** A slice of the findings of a large result; the 'result' message carries the last slice. */
  | { readonly type: 'findings'; readonly id: number; readonly findings: RuleFinding[] }
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number; readonly file: string }
  | { readonly type: 'error'; readonly id: number; readonly message: string; readonly cancelled?: boolean };
