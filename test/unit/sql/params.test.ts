/**
 * Parameters: the two ends of a range get two values of the column, low below high (the same
 * sample twice was the plan of an empty range); a single comparison keeps one value.
 */
import * as assert from 'node:assert/strict';
import { rangeBounds, sampleParameters } from '../../../src/core/sql/params';
import type { SqlSession } from '../../../src/core/sql/session';
import { ordersModel } from './planFixtures';

/** A session answering describe() with the given type OIDs and percentile/offset queries from `values`. */
function fakeSession(oids: number[], values: string[]): SqlSession & { queries: string[] } {
  const queries: string[] = [];
  const sorted = [...values].sort();
  return {
    queries,
    exec: async () => undefined,
    describe: async () => oids,
    script: async () => [],
    query: async <T>(sql: string) => {
      queries.push(sql);
      if (/percentile_disc/.test(sql)) {
        const at = [0.4, 0.45, 0.6, 0.8, 1.0].map((p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]);
        return [{ v: at }] as T[];
      }
      return [{ v: values[Math.floor(values.length * 0.37)] }] as T[];
    },
  };
}

describe('sql: parameters for ranges', () => {
  it('finds the ends of BETWEEN, NOT BETWEEN and >= … < pairs, either way round', () => {
    assert.deepEqual([...rangeBounds('SELECT id FROM orders WHERE user_id = $1 AND created_at BETWEEN $2 AND $3')], [
      [2, { column: 'created_at', bound: 'low', other: 3 }],
      [3, { column: 'created_at', bound: 'high', other: 2 }],
    ]);
    assert.equal(rangeBounds('SELECT 1 FROM t WHERE o.total NOT BETWEEN SYMMETRIC $1 AND $2').get(2)?.bound, 'high');
    const pair = rangeBounds('SELECT 1 FROM orders WHERE created_at >= $1 AND created_at < $2');
    assert.equal(pair.get(1)?.bound, 'low');
    assert.equal(pair.get(2)?.bound, 'high');
    const reversed = rangeBounds('SELECT 1 FROM orders WHERE $2 > created_at AND $1 <= created_at');
    assert.equal(reversed.get(1)?.bound, 'low');
    assert.equal(reversed.get(2)?.bound, 'high');
    assert.equal(rangeBounds('SELECT 1 FROM orders WHERE created_at >= $1 AND total < $2').size, 0, 'two columns are no range');
  });

  it('gives BETWEEN $2 AND $3 two values of the column, ordered, and one query for both', async () => {
    const days = Array.from({ length: 100 }, (_, i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')} 00:00:00+00`);
    const session = fakeSession([20, 1184, 1184], days);
    const params = await sampleParameters(session, 'SELECT id FROM orders WHERE user_id = $1 AND created_at BETWEEN $2 AND $3', ordersModel());
    const [, low, high] = params;
    assert.ok(low.value !== null && high.value !== null);
    assert.ok(low.value < high.value, `${low.value} < ${high.value}`);
    assert.match(low.source, /orders\.created_at, low end of a range/);
    assert.match(high.source, /high end/);
    assert.equal(session.queries.filter((q) => /percentile_disc/.test(q)).length, 1);
    assert.equal(params[0].source, 'orders.user_id');
  });

  it('takes the next higher percentile when the column repeats a value (never an empty range)', async () => {
    const skewed = [...Array(60).fill('10'), ...Array(40).fill('20')];
    const params = await sampleParameters(fakeSession([20, 20], skewed), 'SELECT 1 FROM orders WHERE total > $1 AND total < $2', ordersModel());
    assert.deepEqual(params.map((p) => p.value), ['10', '20']);
  });
});
