/**
 * Measuring on a fake session: the fix's statements, the catalog's indexes read inside the same
 * transaction (the plan after the fix is explained with them), one warm-up left out of the
 * timing, the median run shown, a budget that cuts the runs short, a rejected statement.
 */
import * as assert from 'node:assert/strict';
import { measurePlan } from '../../../src/core/sql/measure';
import { INDEXES_SQL } from '../../../src/core/sql/model';
import type { ScriptStep, SqlSession, StepResult } from '../../../src/core/sql/session';
import { bitmapScan, explainJson, ordersModel, seqScan, sort } from './planFixtures';

/** Answers each EXPLAIN with the next of `plans` (JSON with its time), the catalog with `indexes`. */
function fakeSession(plans: unknown[], indexes: Record<string, unknown>[], o: { failAt?: number; stopAfter?: number } = {}) {
  const seen: { steps: readonly ScriptStep[]; budgetMs?: number }[] = [];
  const session: SqlSession = {
    exec: async () => undefined,
    query: async () => [],
    describe: async () => [],
    script: async (steps, _rollback, budgetMs) => {
      seen.push({ steps, ...(budgetMs !== undefined ? { budgetMs } : {}) });
      const out: StepResult[] = [];
      let next = 0;
      for (const [i, s] of steps.entries()) {
        if (o.stopAfter !== undefined && i >= o.stopAfter) {
          assert.ok(s.optional, 'only optional steps may be left out');
          break;
        }
        if (i === o.failAt) {
          out.push({ error: { message: 'column "usr_id" does not exist', code: '42703' }, ms: 1 });
          break;
        }
        out.push(s.sql === INDEXES_SQL ? { rows: indexes, ms: 1 } : /^EXPLAIN/.test(s.sql) ? { rows: [{ 'QUERY PLAN': plans[next++] }], ms: 1 } : { rows: [], ms: 1 });
      }
      return out;
    },
  };
  return { session, seen };
}

const NEW_INDEX = { schema: 'public', table: 'orders', name: 'idx_o_u_c', unique: false, primary: false, method: 'btree', partial: false, def: 'CREATE INDEX idx_o_u_c ON public.orders USING btree (user_id, created_at)', cols: ['user_id', 'created_at'] };
const PKEY = { ...NEW_INDEX, name: 'orders_pkey', unique: true, primary: true, def: 'CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id)', cols: ['id'] };

describe('sql: measuring a plan (warm-up, timed runs, the catalog after the fix)', () => {
  const plan = (ms: number) => explainJson(sort(bitmapScan('idx_o_u_c', 5)), ms);

  it('times the runs after the warm-up, shows the median run, and explains with the indexes the fix created', async () => {
    const { session, seen } = fakeSession([plan(50), plan(3), plan(1), plan(2), plan(9), plan(4)], [NEW_INDEX, PKEY]);
    const { report, failure } = await measurePlan(session, ordersModel(), 'SELECT 1', [], ['CREATE INDEX idx_o_u_c ON orders (user_id, created_at)'], { warmups: 1, runs: 5, budgetMs: 1000 });
    assert.equal(failure, undefined);
    assert.deepEqual(report.timing?.runs, [3, 1, 2, 9, 4]);
    assert.equal(report.executionMs, 3);
    assert.equal(report.timing?.warmups, 1);
    assert.equal(seen[0].budgetMs, 1000);
    assert.deepEqual(seen[0].steps.map((s) => Boolean(s.optional)), [false, false, false, true, true, true, true, true]);
    const why = report.nodes.find((n) => n.nodeType === 'Sort')?.reason ?? '';
    assert.match(why, /^idx_o_u_c \(user_id, created_at\) has this order, but a Bitmap Heap Scan/, why);
  });

  it('reads no catalog when there is no fix, and uses the first run alone when the budget cut the rest', async () => {
    const { session, seen } = fakeSession([explainJson(sort(seqScan(5, 1995)), 700)], [], { stopAfter: 1 });
    const { report } = await measurePlan(session, ordersModel(), 'SELECT 1', [], [], { warmups: 1, runs: 3, budgetMs: 10 });
    assert.equal(seen[0].steps.length, 4);
    assert.deepEqual(report.timing?.runs, [700]);
    assert.equal(report.timing?.warmups, 0);
    assert.match(report.nodes.find((n) => n.nodeType === 'Sort')?.reason ?? '', /its indexes: orders_pkey \(id\)/);
  });

  it('reports the statement of the fix Postgres rejected', async () => {
    const { session } = fakeSession([], [], { failAt: 0 });
    const { report, failure } = await measurePlan(session, ordersModel(), 'SELECT 1', [], ['CREATE INDEX ON orders (usr_id)'], { warmups: 1, runs: 5 });
    assert.equal(report.ok, false);
    assert.equal(failure?.statement, 'CREATE INDEX ON orders (usr_id)');
    assert.equal(failure?.code, '42703');
  });

  it('gives an empty table the reason the data generator left it empty', async () => {
    const { session } = fakeSession([explainJson(seqScan(0, 0), 0.01), explainJson(seqScan(0, 0), 0.01)], []);
    const { report } = await measurePlan(session, ordersModel([], 0), 'SELECT 1', [], [], { warmups: 1, runs: 1, dataSkipped: [{ table: 'public.orders', reason: 'violates check constraint "c"' }] });
    assert.deepEqual(report.emptyTables, [{ table: 'public.orders', reason: 'violates check constraint "c"' }]);
  });
});
