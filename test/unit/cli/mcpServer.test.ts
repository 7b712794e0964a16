import * as assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { assertBuilt, CLI, cliEnv, fixtureCopy, removeTempDirs, runCli } from './cliProcess';

interface TextResult {
  content: { type: string; text: string }[];
  isError?: boolean;
}

function textOf(result: unknown): string {
  return (result as TextResult).content.map((c) => c.text).join('\n');
}

describe('architect-personas mcp (stdio, the SDK client)', function () {
  this.timeout(60_000);
  let client: Client;
  let repo: string;
  let stderr = '';

  before(async () => {
    assertBuilt();
    repo = fixtureCopy('shop-api', { git: true });
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'mcp', '--root', repo],
      env: cliEnv() as Record<string, string>,
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    client = new Client({ name: 'architect-personas-test', version: '1.0.0' });
    await client.connect(transport);
  });
  after(async () => {
    await client?.close();
    removeTempDirs();
  });

  it('lists review and the core tools, each with an object input schema', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    assert.deepEqual(names, ['review', 'run_rules', 'explain_query', 'check_sql_fix', 'schema']);
    for (const t of tools) {
      assert.equal(t.inputSchema.type, 'object', t.name);
      assert.ok((t.description ?? '').length > 40, t.name);
    }
    const review = tools.find((t) => t.name === 'review');
    assert.deepEqual(Object.keys(review?.inputSchema.properties ?? {}).sort(), ['command', 'diff', 'format', 'maxFiles', 'offline', 'paths', 'persona', 'prompt', 'queryPlans', 'untracked']);
    assert.ok(!names.includes('read_file'), 'the agent reads files itself');
  });

  it('tools/call run_rules returns the rule findings of a folder', async () => {
    const result = await client.callTool({ name: 'run_rules', arguments: { path: 'src/db' } });
    assert.ok(!(result as TextResult).isError, textOf(result));
    const text = textOf(result);
    assert.match(text, /src\/db\/orders\.ts:13 \[high\] n-plus-one/);
    assert.match(text, /src\/db\/orders\.ts:20 \[critical\] sql-injection/);
  });

  it('tools/call review (no key) answers with the Markdown report', async () => {
    const result = await client.callTool({ name: 'review', arguments: { paths: ['src'], format: 'markdown', queryPlans: false } });
    const text = textOf(result);
    assert.ok(!(result as TextResult).isError, text);
    assert.match(text, /^## Architect review: \d+ findings/);
    assert.match(text, /`sql-injection`/);
    assert.match(text, /no `ANTHROPIC_API_KEY`/);
  });

  it('tools/call explain_query runs the query on the embedded PostgreSQL with the project schema', async () => {
    const result = await client.callTool({ name: 'explain_query', arguments: { sql: 'SELECT id FROM orders WHERE user_id = $1', rows: 2000 } });
    const text = textOf(result);
    assert.ok(!(result as TextResult).isError, text);
    assert.match(text, /Seq Scan on orders/);
    const schema = textOf(await client.callTool({ name: 'schema', arguments: {} }));
    assert.match(schema, /orders/);
    assert.match(schema, /user_id bigint NOT NULL/);
  });

  it('bad input and unknown tools are error results, and the server keeps serving', async () => {
    const bad = await client.callTool({ name: 'review', arguments: { paths: 'src' } });
    assert.equal((bad as TextResult).isError, true);
    assert.match(textOf(bad), /Not run: .*paths/);
    const missing = await client.callTool({ name: 'review', arguments: { diff: 'origin/nowhere' } });
    assert.equal((missing as TextResult).isError, true);
    assert.match(textOf(missing), /not a revision/);
    const unknown = await client.callTool({ name: 'drop_database', arguments: {} });
    assert.equal((unknown as TextResult).isError, true);
    assert.match(textOf(unknown), /Unknown tool "drop_database"/);
    assert.equal((await client.listTools()).tools[0].name, 'review');
    assert.match(stderr, /MCP server ready on stdio/);
  });

  it('mcp with a --root that is not a folder exits 2', async () => {
    const r = await runCli(['mcp', '--root', 'no-such-folder'], { cwd: repo });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is not a folder/);
  });
});
