/**
 * The SQL fix checker of a case: the product's embedded Postgres query planner (src/core/sql,
 * PGlite in a worker thread) loaded with the case's schema folder and synthetic rows — never a
 * real database. Each fix runs inside a rolled-back transaction on that copy; with a labelled
 * query the plan before and after is compared ("faster" counts as improved).
 */
import * as path from 'node:path';
import { createQueryPlanner } from '../../../src/core/sql';
import type { ReviewCase } from './evalCase';
import type { SqlFixChecker } from './sqlFixes';

export type CheckerOrReason = { readonly checker: SqlFixChecker } | { readonly reason: string };

/** Rows in the largest table: enough for an index to beat a sequential scan, small enough to load in a second or two. */
export const EVAL_ROWS = 10_000;

/**
 * "Improves the plan": Postgres's own estimated total cost of the query falls to 80 % or less. The
 * estimate is deterministic for the seeded synthetic data, unlike sub-millisecond timings, so the
 * same replay scores the same on a busy CI machine.
 */
export const IMPROVED_COST_SHARE = 0.8;

/** The root node's "Total Cost" from EXPLAIN (FORMAT JSON) output. */
export function totalCost(plan: unknown): number | undefined {
  const root = Array.isArray(plan) ? plan[0] : plan;
  const node = (root as { Plan?: { 'Total Cost'?: unknown } } | undefined)?.Plan;
  const cost = node?.['Total Cost'];
  return typeof cost === 'number' ? cost : undefined;
}

/** Answers a fix without a labelled query is checked against, so "applies" is still measured. */
const NO_QUERY = 'SELECT 1';

export async function sqlFixCheckerFor(c: ReviewCase): Promise<CheckerOrReason> {
  if (!c.schemaDir) {
    return { reason: `case ${c.id} names no schemaDir` };
  }
  let planner: ReturnType<typeof createQueryPlanner>;
  try {
    planner = createQueryPlanner({ root: c.root, schemaDir: path.join(c.root, c.schemaDir), rows: EVAL_ROWS });
  } catch (err) {
    return { reason: `the embedded Postgres could not start: ${(err as Error)?.message ?? String(err)}` };
  }
  // Start it once up front: a missing build (no dist/pglite) or a schema that does not load is
  // "n/a" with the reason, not a row of failed fixes.
  try {
    const status = await planner.schemaStatus();
    if (!status.ok) {
      await planner.dispose();
      return { reason: `the schema of ${c.id} did not load on the embedded Postgres: ${status.summary}` };
    }
  } catch (err) {
    await planner.dispose().catch(() => undefined);
    return { reason: `the embedded Postgres is not available (${(err as Error)?.message ?? String(err)}); run npm run build first` };
  }
  return {
    checker: {
      async check(fixSql, query) {
        const result = await planner.checkFix(query ?? NO_QUERY, fixSql, { rows: EVAL_ROWS });
        const before = totalCost(result.before.plan);
        const after = totalCost(result.after?.plan);
        const improved = before !== undefined && after !== undefined && after <= before * IMPROVED_COST_SHARE;
        const costs = before !== undefined && after !== undefined ? ` (estimated cost ${before.toFixed(1)} → ${after.toFixed(1)})` : '';
        return {
          applied: result.applies,
          improved: query === undefined ? undefined : improved,
          detail: result.error ? `${result.error.statement}: ${result.error.message}` : `${result.headline}${costs}`,
        };
      },
      dispose: () => planner.dispose(),
    },
  };
}
