/**
 * Embedded PostgreSQL query plans: the workspace schema in PGlite (a worker thread) with
 * synthetic data, EXPLAIN ANALYZE summaries, and fixes checked before and after. Never the
 * user's database: nothing here reads a connection string or opens a connection.
 */
import { formatFixCheck as formatFixCheckWith, type FixCheck } from './fixCheck';
import { formatPlanReport } from './plans';

export { createQueryPlanner, statusSummary } from './planner';
export type { ExplainOptions, QueryPlanner, QueryPlannerOptions, SchemaStatus } from './planner';
export type { PlanNode, PlanReport } from './plans';
export { formatPlanReport, planShape } from './plans';
export type { FixCheck } from './fixCheck';
export type { ColumnModel, ForeignKeyModel, IndexModel, SchemaModel, TableModel } from './model';
export type { SkippedStatement, Adaptation } from './schemaLoad';
export { extractSqlQueries, type FoundQuery } from './extractQueries';
export { normalisePlaceholders } from './params';
export { parseScale, type Scale } from './scale';
export { bundledExtensionNames } from './extensions';
export { dataStatusLine } from './dataStatus';
export { LoadReporter, worthALine, type LoadPhase, type LoadProgress } from './loadProgress';

/** The human summary of a fix check: the one-line verdict, notes, and both plans. */
export function formatFixCheck(c: FixCheck): string {
  return formatFixCheckWith(c, formatPlanReport);
}
