/**
 * Plans told truthfully: every index a plan uses is named (a Bitmap Heap Scan's too), a skip scan
 * says so, each "why" is derived from the plan and the indexes present (after a fix), string
 * literals are not columns, and an empty table is said in the headline.
 */
import * as assert from 'node:assert/strict';
import { formatPlanReport } from '../../../src/core/sql';
import { columnRefs, conjuncts, equalityColumns, sortKeyColumn } from '../../../src/core/sql/planExpr';
import { bitmapScan, index, ordersModel, report, seqScan, sort, type Raw } from './planFixtures';

describe('sql: reading plan expressions', () => {
  it('reads literals as literals and casts as casts', () => {
    assert.deepEqual(columnRefs("((code)::text = 'id-411'::text)"), [{ column: 'code', wrappedBy: { kind: 'cast', type: 'text' } }]);
    assert.deepEqual(columnRefs("(created_at > (now() - '1 day'::interval))").map((r) => r.column), ['created_at']);
    assert.deepEqual(columnRefs("(note = 'it''s id, user_id'::character varying(40))").map((r) => r.column), ['note']);
    assert.deepEqual(columnRefs("(ts >= '2024-01-01 00:00:00+00'::timestamp with time zone)"), [{ column: 'ts' }]);
    assert.deepEqual(columnRefs("(lower(o.email) = 'a@b.c'::text)"), [{ qualifier: 'o', column: 'email', wrappedBy: { kind: 'function', name: 'lower' } }]);
    assert.deepEqual(columnRefs("(status = ANY ('{new,paid}'::text[]))").map((r) => r.column), ['status']);
    assert.deepEqual(columnRefs('(("Order"."userId" = 1) AND (x IS NULL))').map((r) => r.column), ['userId', 'x']);
  });

  it('splits conditions and finds the columns fixed by =', () => {
    assert.deepEqual(conjuncts("((status = 'paid'::text) AND (user_id = '42'::bigint))"), ["status = 'paid'::text", "user_id = '42'::bigint"]);
    assert.deepEqual(equalityColumns("((status = 'a = b'::text) AND (user_id = '42'::bigint) AND (total >= 5) AND (a.x = b.y))"), ['status', 'user_id']);
    assert.deepEqual(sortKeyColumn('o.created_at DESC'), { column: 'created_at', desc: true, expression: 'o.created_at' });
    assert.equal(sortKeyColumn('(lower(email))').column, undefined);
  });
});

describe('sql: plans told truthfully', () => {
  it('names the index under a Bitmap Heap Scan in the headline and the tree', () => {
    const text = formatPlanReport(report(sort(bitmapScan('idx_o_u', 5)), ordersModel([index('idx_o_u', 'orders', ['user_id'])]), [0.3, 0.2, 0.4]));
    assert.match(text, /: Bitmap Heap Scan \+ Sort using idx_o_u, 0\.30 ms \(median of 3 runs, 0\.20 ms–0\.40 ms\)/);
    assert.match(text, /Bitmap Heap Scan on orders using idx_o_u — cond/);
  });

  it('names both indexes of a BitmapAnd', () => {
    const a = bitmapScan('idx_a', 5);
    const b = bitmapScan('idx_b', 9);
    const and: Raw = { ...a, Plans: [{ 'Node Type': 'BitmapAnd', 'Actual Rows': 0, Plans: [a.Plans![0], b.Plans![0]] }] };
    assert.match(formatPlanReport(report(and, ordersModel(), [1])), /Bitmap Heap Scan on orders using idx_a and idx_b/);
  });

  it('says when PostgreSQL 18 skips through an index whose leading column the condition does not fix', () => {
    const model = ordersModel([index('idx_o_s_c', 'orders', ['status', 'created_at'])]);
    const scan: Raw = { 'Node Type': 'Index Scan', 'Relation Name': 'orders', Alias: 'orders', 'Index Name': 'idx_o_s_c', 'Index Cond': "(created_at > '2024-01-01'::date)", 'Index Searches': 4, 'Actual Rows': 30, 'Actual Loops': 1 };
    const text = formatPlanReport(report(scan, model, [1]));
    assert.match(text, /using idx_o_s_c \(skip scan\)/);
    assert.match(text, /Index Scan on orders using idx_o_s_c \(skip scan, 4 index searches\)/);
    assert.match(text, /skip scan: the condition does not constrain idx_o_s_c's leading column status/);
    const list = formatPlanReport(report({ ...scan, 'Index Cond': "(status = ANY ('{a,b}'::text[]))" }, model, [1]));
    assert.doesNotMatch(list, /skip scan/);
    assert.match(list, /searched 4 times \(one search per value/);
     // Under a Bitmap Heap Scan (as PGlite plans it): the heap line says it, the hidden Bitmap Index Scan gives the why.
    const heap = bitmapScan('idx_o_s_c', 1001, "(created_at >= '2024-01-01'::date)");
    heap.Plans![0]['Index Searches'] = 9;
    const bitmap = formatPlanReport(report(heap, model, [1]));
    assert.match(bitmap, /Bitmap Heap Scan on orders using idx_o_s_c \(skip scan, 9 index searches\)/);
    assert.match(bitmap, /- Bitmap Index Scan using idx_o_s_c: skip scan: .*leading column status/);
  });

  it('derives the Sort\'s why from the indexes present after the fix, not a fixed sentence', () => {
    const none = formatPlanReport(report(sort(bitmapScan('idx_o_u', 5)), ordersModel([index('idx_o_u', 'orders', ['user_id'])]), [1]));
    assert.match(none, /Sort: no index on orders returns rows in the order created_at DESC \(none has created_at as its next column after the columns fixed by = \(user_id\); its indexes: orders_pkey \(id\), idx_o_u \(user_id\)\)/);
    const ordered = ordersModel([index('idx_o_u_c', 'orders', ['user_id', 'created_at'])]);
    const viaBitmap = formatPlanReport(report(sort(bitmapScan('idx_o_u_c', 5)), ordered, [1]));
    assert.match(viaBitmap, /Sort: idx_o_u_c \(user_id, created_at\) has this order, but a Bitmap Heap Scan returns rows in table order/);
    assert.doesNotMatch(viaBitmap, /no index/);
    const viaSeq = formatPlanReport(report(sort(seqScan(5, 1995)), ordered, [1]));
    assert.match(viaSeq, /idx_o_u_c \(user_id, created_at\) could return rows in the order created_at DESC, but the planner read orders by a Seq Scan/);
    const mixed = formatPlanReport(report(sort(seqScan(5, 1995, "(status = 'paid'::text)"), ['user_id', 'created_at DESC']), ordered, [1]));
    assert.match(mixed, /has these columns, but not in the directions/);
    // With user_id fixed by =, the same index read backwards returns (user_id, created_at DESC).
    const fixed = formatPlanReport(report(sort(seqScan(5, 1995), ['user_id', 'created_at DESC']), ordered, [1]));
    assert.match(fixed, /idx_o_u_c \(user_id, created_at\) could return rows in the order user_id, created_at DESC/);
  });

  it('reads a string literal in the filter as a literal, not as the primary key column', () => {
    const model = ordersModel();
    const text = formatPlanReport(report(seqScan(1, 1999, "((code)::text = 'id-411'::text)"), model, [1]));
    assert.doesNotMatch(text, /orders_pkey/);
    assert.match(text, /no index on orders\(code\) matches the filter/);
    // varchar → text is no cast that hides an index; lower() is.
    const withIx = ordersModel([index('idx_code', 'orders', ['code'])]);
    assert.match(formatPlanReport(report(seqScan(1, 1999, "((code)::text = 'id-411'::text)"), withIx, [1])), /an index exists \(idx_code\) but the planner did not use it/);
    assert.match(formatPlanReport(report(seqScan(1, 1999, "(lower((code)::text) = 'id-411'::text)"), withIx, [1])), /wraps the column in the function lower\(\)/);
  });

  it('says in the headline when a table the plan reads has no synthetic rows', () => {
    const text = formatPlanReport(report(seqScan(0, 0, "(user_id = '1'::bigint)", 0), ordersModel([], 0), [0.01]));
    assert.match(text.split('\n')[0], /the plan is of an empty table: orders has no synthetic rows/);
  });
});
