/**
 * The eval's SQL fix checker on the real embedded Postgres (src/core/sql): the orders case's
 * schema with synthetic rows; the missing index is a fix that applies and lowers the planner's
 * estimated cost, a fix naming a table that does not exist does not apply, and a fix that only
 * adds an unrelated index applies without improving the labelled query.
 */
import * as assert from 'node:assert/strict';
import { loadReviewCase } from '../../evals/lib/evalCase';
import { sqlFixCheckerFor, totalCost } from '../../evals/lib/planner';
import type { SqlFixChecker } from '../../evals/lib/sqlFixes';

describe('eval SQL fix checker (embedded Postgres)', function () {
  this.timeout(120000);
  const c = loadReviewCase('orders-service');
  const query = c.issues.find((i) => i.id === 'orders-customer-fk-unindexed')!.query!;
  let checker: SqlFixChecker;

  before(async () => {
    const found = await sqlFixCheckerFor(c);
    assert.ok('checker' in found, 'reason' in found ? found.reason : '');
    checker = found.checker;
  });
  after(() => checker?.dispose());

  it('the index on orders.customer_id applies and improves the history query', async () => {
    const r = await checker.check('CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_created_idx ON orders (customer_id, created_at DESC);', query);
    assert.equal(r.applied, true, r.detail);
    assert.equal(r.improved, true, r.detail);
    assert.match(r.detail, /estimated cost [\d.]+ → [\d.]+/);
  });

  it('a fix on a table that does not exist does not apply', async () => {
    const r = await checker.check('CREATE INDEX ON order_history (customer_id);', query);
    assert.equal(r.applied, false);
    assert.match(r.detail, /order_history/);
  });

  it('an unrelated index applies but does not improve the query', async () => {
    const r = await checker.check('CREATE INDEX ON products (title);', query);
    assert.equal(r.applied, true, r.detail);
    assert.equal(r.improved, false, r.detail);
  });

  it('reads the estimated cost from EXPLAIN JSON in either shape', () => {
    assert.equal(totalCost([{ Plan: { 'Total Cost': 12.5 } }]), 12.5);
    assert.equal(totalCost({ Plan: { 'Total Cost': 3 } }), 3);
    assert.equal(totalCost(undefined), undefined);
  });
});
