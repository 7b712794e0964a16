import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createQueryPlanner, type QueryPlanner, type QueryPlannerOptions } from '../../../src/core/sql';

export const SCHEMA_FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/schema');

/** A planner on a fixture, with its own snapshot folder (removed by the returned cleanup). */
export function fixturePlanner(layout: string, options: Partial<QueryPlannerOptions> = {}): { planner: QueryPlanner; cacheDir: string; cleanup: () => Promise<void> } {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-pg-test-'));
  const planner = createQueryPlanner({ root: path.join(SCHEMA_FIXTURES, layout), rows: 200, cacheDir, ...options });
  return {
    planner,
    cacheDir,
    cleanup: async () => {
      await planner.dispose();
      fs.rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

/**
 * Synthetic data is generated per query (lazyData.ts): a query naming every table of the schema
 * (one cheap count each) has them all generated, for tests that look at the data of every table.
 */
export async function fillAllTables(planner: QueryPlanner): Promise<void> {
  const model = await planner.schema();
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const counts = model.tables.map((t) => `(SELECT count(*) FROM ${q(t.schema)}.${q(t.name)})`);
  if (counts.length > 0) {
    await planner.explain(`SELECT ${counts.join(', ')}`);
  }
}
