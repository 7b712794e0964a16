/** What the schema loader, data generator and planner need from a database connection. */
import type { PgErrorInfo, ScriptStep, StepResult } from './worker/protocol';

export type { PgErrorInfo, ScriptStep, StepResult };

/** A statement Postgres rejected, with its own message. */
export class SqlFailure extends Error {
  constructor(readonly pg: PgErrorInfo) {
    super(pg.message);
    this.name = 'SqlFailure';
  }
}

export interface SqlSession {
  /** Runs one or more statements (simple protocol); throws SqlFailure. */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Parameter type OIDs of a statement with $n placeholders. */
  describe(sql: string): Promise<number[]>;
  /** Steps in one transaction, stopping at the first error (and at an optional step once past budgetMs). */
  script(steps: readonly ScriptStep[], rollback: boolean, budgetMs?: number): Promise<StepResult[]>;
}

/** Postgres's message with its detail and hint, as one line. */
export function pgMessage(e: PgErrorInfo): string {
  return [e.message, e.detail ? `(${e.detail})` : '', e.hint ? `Hint: ${e.hint}` : ''].filter(Boolean).join(' ');
}
