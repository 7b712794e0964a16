import * as assert from 'node:assert/strict';
import type { ToolRunRecord } from '../../../src/core/model/toolLoop';
import type { ToolCallDetail, ToolResult } from '../../../src/core/tools';
import { measuredBy, type FindingForMark } from '../../../src/core/tools/measured';

function run(name: string, result: Partial<ToolResult> & { summary: string }, isError = false): ToolRunRecord<ToolCallDetail> {
  const full: ToolResult = { content: 'x', ...result, ...(isError ? { isError: true } : {}) };
  return { round: 1, call: { id: name, name, input: {} }, outcome: { content: 'x', isError, detail: { tool: name, result: full } } };
}

const finding = (over: Partial<FindingForMark> = {}): FindingForMark => ({ attributes: {}, fixes: [], ...over });
const plan = run('explain_query', {
  summary: 'Explained the orders query on 100,000 synthetic rows (embedded Postgres)',
  facts: [{ kind: 'queryPlan', sql: 'SELECT * FROM orders WHERE user_id = $1', rows: 100_000, summary: 'Seq Scan' }],
});

describe('Measured findings', () => {
  it('marks a finding that names a tool which ran', () => {
    assert.equal(measuredBy(finding({ attributes: { measured: 'explain_query' } }), [plan]), plan.outcome.detail!.result.summary);
  });

  it('does not mark a claim about a tool that did not run or failed', () => {
    assert.equal(measuredBy(finding({ attributes: { measured: 'explain_query' } }), []), undefined);
    const failed = run('explain_query', { summary: 'explain_query failed' }, true);
    assert.equal(measuredBy(finding({ attributes: { measured: 'explain_query' } }), [failed]), undefined);
  });

  it('marks a finding whose quote or fix holds the SQL a plan was measured for', () => {
    const f = finding({ quote: "const r = await db.query(`SELECT *\n  FROM orders\n  WHERE user_id = $1`, [id]);" });
    assert.equal(measuredBy(f, [plan]), plan.outcome.detail!.result.summary);
    assert.equal(measuredBy(finding({ quote: 'SELECT * FROM users' }), [plan]), undefined);
  });

  it('marks a finding on the lines a rule reported', () => {
    const rules = run('run_rules', {
      summary: 'Ran the rules',
      facts: [{ kind: 'ruleFinding', path: 'src/db/users.ts', line: 15, endLine: 15, ruleId: 'n-plus-one', message: 'query per iteration' }],
    });
    assert.equal(measuredBy(finding({ path: 'src/db/users.ts', startLine: 14, endLine: 17 }), [rules]), 'rule n-plus-one: query per iteration');
    assert.equal(measuredBy(finding({ path: 'src/db/users.ts', startLine: 20, endLine: 22 }), [rules]), undefined);
    assert.equal(measuredBy(finding({ path: 'src/db/orders.ts', startLine: 14, endLine: 17 }), [rules]), undefined);
  });

  it('reading a file is not a measurement', () => {
    const read = run('read_file', { summary: 'Read db/schema.sql', facts: [{ kind: 'fileRead', path: 'db/schema.sql', startLine: 1, endLine: 9 }] });
    assert.equal(measuredBy(finding({ path: 'db/schema.sql', startLine: 3, endLine: 3 }), [read]), undefined);
  });
});
