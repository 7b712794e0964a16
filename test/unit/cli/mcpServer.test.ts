import * as assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ProgressNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { assertBuilt, CLI, cliEnv, fixtureCopy, removeTempDirs, runCli, tempDir } from './cliProcess';

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
    assert.deepEqual(Object.keys(review?.inputSchema.properties ?? {}).sort(), ['command', 'diff', 'format', 'includeTests', 'maxFiles', 'maxModelFiles', 'offline', 'paths', 'persona', 'prompt', 'queryPlans', 'untracked']);
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

describe('architect-personas mcp: the schema load behind the SQL tools', function () {
  this.timeout(180_000);
  const clients: Client[] = [];
  let repo: string;
  let cacheDir: string;
  const QUERY = { sql: 'SELECT id FROM orders WHERE user_id = $1', rows: 2000 };

  /** A server on the fixture; `until` resolves when its stderr has shown a line matching the pattern. */
  async function serve(env: Record<string, string>) {
    let stderr = '';
    const waiting: { re: RegExp; resolve: () => void }[] = [];
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--root', repo], env: cliEnv(env) as Record<string, string>, stderr: 'pipe' });
    transport.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      for (const w of waiting.filter((x) => x.re.test(stderr))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    });
    const client = new Client({ name: 'architect-personas-test', version: '1.0.0' });
    clients.push(client);
    await client.connect(transport);
    const until = (re: RegExp) => (re.test(stderr) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ re, resolve })));
    return { client, stderr: () => stderr, until };
  }

  before(() => {
    assertBuilt();
    repo = fixtureCopy('shop-api', { git: false });
    cacheDir = tempDir('ap-mcp-snapshots-');
  });
  after(async () => {
    for (const c of clients) {
      await c.close();
    }
    removeTempDirs();
  });

  it('sends notifications/progress with the request\'s progressToken while the first explain_query loads, and saves the snapshot', async () => {
    const { client, stderr } = await serve({ ARCHITECT_PERSONAS_CACHE_DIR: cacheDir });
    const seen: { progressToken: string | number; progress: number; total?: number; message?: string }[] = [];
    client.setNotificationHandler(ProgressNotificationSchema, (n) => {
      seen.push(n.params);
    });
    const result = await client.callTool({ name: 'explain_query', arguments: QUERY, _meta: { progressToken: 'load-1' } }, undefined, { timeout: 170_000 });
    assert.ok(!(result as TextResult).isError, textOf(result));
    assert.match(textOf(result), /Seq Scan on orders/);
    assert.ok(seen.length >= 5, JSON.stringify(seen));
    assert.ok(seen.every((p) => p.progressToken === 'load-1'), JSON.stringify(seen));
    assert.ok(seen.every((p, i) => i === 0 || p.progress > seen[i - 1].progress), `progress increases: ${seen.map((p) => p.progress).join(', ')}`);
    const messages = seen.map((p) => p.message ?? '');
    // No table is filled at load (each query's tables are generated when it is planned).
    assert.ok(messages.some((m) => /: 2 tables, synthetic data generated for the tables each query reads$/.test(m)), messages.join('\n'));
    assert.match(messages[messages.length - 1], /^loaded in [\d.]+ s, snapshot saved$/);
    assert.equal(seen[seen.length - 1].progress, seen[seen.length - 1].total);
    assert.match(stderr(), /postgres: loaded in [\d.]+ s, snapshot saved/);
    // Loaded: the next call neither waits nor reports a load.
    const count = seen.length;
    assert.ok(!(await client.callTool({ name: 'schema', arguments: {}, _meta: { progressToken: 'load-2' } })).isError);
    assert.equal(seen.length, count);
  });

  it('answers "still loading … call again" when the load outlasts the wait; the load goes on and the next call is answered (from the saved snapshot)', async () => {
    // A wait of 0 ms: the first call never waits for the load, whatever the machine's speed.
    const { client, until } = await serve({ ARCHITECT_PERSONAS_CACHE_DIR: cacheDir, ARCHITECT_PERSONAS_MCP_LOAD_WAIT_MS: '0' });
    const first = await client.callTool({ name: 'explain_query', arguments: QUERY });
    assert.equal((first as TextResult).isError, true);
    assert.match(textOf(first), /^Still loading the schema into the embedded PostgreSQL \(.+\); nothing was planned yet\. The load goes on in the background: call explain_query again in a few seconds/);
    await until(/postgres: schema snapshot reused/);
    const second = await client.callTool({ name: 'explain_query', arguments: QUERY });
    assert.ok(!(second as TextResult).isError, textOf(second));
    assert.match(textOf(second), /Seq Scan on orders/);
  });
});
