/**
 * The SQL fix checker of a case: the embedded Postgres query planner (src/core/sql) loaded with the
 * case's schema and synthetic rows. Until that planner is part of the build, every case reports
 * "n/a" with the reason, never a made-up figure.
 */
import type { ReviewCase } from './evalCase';
import type { SqlFixChecker } from './sqlFixes';

export type CheckerOrReason = { readonly checker: SqlFixChecker } | { readonly reason: string };

export const NO_PLANNER = 'no embedded Postgres planner in this build (src/core/sql createQueryPlanner)';

export async function sqlFixCheckerFor(c: ReviewCase): Promise<CheckerOrReason> {
  if (!c.schemaDir) {
    return { reason: `case ${c.id} names no schemaDir` };
  }
  return { reason: NO_PLANNER };
}
