import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_FAKE_MODELS, type FakeAnthropicServer, type RecordedContentBlock } from '../fakeServer/fakeAnthropic';
import { api, askInChat, chatPanelText, hasChatDom, openFixture, screenshot, useFakeAnthropic, waitFor, waitForChatText, waitForTurnDone, workspaceRoot } from './support';


const SCHEMA = 'CREATE TABLE orders (\n  id bigserial PRIMARY KEY,\n  user_id bigint NOT NULL,\n  total_cents int NOT NULL\n);\n';

/** The answer after the tools ran: a finding on the file the model read itself. */
const FINDING_ON_READ_FILE = [
  'The schema confirms it.',
  '',
  '<finding severity="high" file="db/schema.sql" line="3" end="3" title="No index on orders.user_id" measured="explain_query">',
  '<quote>',
  '  user_id bigint NOT NULL,',
  '</quote>',
  '<issue>Every per-user orders lookup scans the table.</issue>',
  '<cause>orders.user_id has no index.</cause>',
  '<impact>A sequential scan per user.</impact>',
  '<recommendation>Index orders.user_id.</recommendation>',
  '<tradeoff>Slightly slower inserts.</tradeoff>',
  '<fix kind="run" lang="sql" title="Index the foreign key">',
  'CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);',
  '</fix>',
  '</finding>',
  '',
  'Add the index first.',
].join('\n');

const schemaPath = (): string => path.join(workspaceRoot(), 'db', 'schema.sql');

/** Hooks of a suite that needs the orders schema at db/schema.sql of the workspace. */
function withOrdersSchema(): void {
  before(() => {
    fs.mkdirSync(path.dirname(schemaPath()), { recursive: true });
    fs.writeFileSync(schemaPath(), SCHEMA);
  });
  after(() => {
    fs.rmSync(path.dirname(schemaPath()), { recursive: true, force: true });
  });
}

function lastUserBlocks(server: FakeAnthropicServer, index: number): RecordedContentBlock[] {
  const messages = server.requests[index].body!.messages!;
  return messages[messages.length - 1].content as RecordedContentBlock[];
}

describe('Tools: the architect calls tools mid-answer in the real chat panel', () => {
  let server: FakeAnthropicServer;
  withOrdersSchema();
  before(() => fs.writeFileSync(path.join(workspaceRoot(), '.env'), 'STRIPE_SECRET_KEY=sk_live_51HxQ2bC3dE4fG5hI6jK7lM8n\n'));
  after(() => fs.rmSync(path.join(workspaceRoot(), '.env'), { force: true }));
  afterEach(async () => {
    await server?.close();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('@backend reads a file, runs the rules and explains a query mid-answer, with progress lines, a measured finding and a closing note', async () => {
    server = await useFakeAnthropic();
    server.script(
      {
        kind: 'reply',
        text: 'Let me look at the schema and run the rules on the data layer.',
        toolUses: [
          { id: 'toolu_read', name: 'read_file', input: { path: 'db/schema.sql' } },
          { id: 'toolu_rules', name: 'run_rules', input: { path: 'src/db' } },
          { id: 'toolu_env', name: 'read_file', input: { path: '.env' } },
        ],
      },
      {
        kind: 'reply',
        text: 'Now the query plan.',
        delayMs: 1500, // the progress lines of round 1 stay on screen a while
        toolUses: [{ id: 'toolu_explain', name: 'explain_query', input: { sql: 'SELECT * FROM orders WHERE user_id = $1', rows: 20000 } }],
      },
      // firstDelayMs: the explain_query progress line stays on screen even when the planner is warm
      { kind: 'reply', text: FINDING_ON_READ_FILE, chunkSize: 20, delayMs: 30, firstDelayMs: 1500 },
    );
    await openFixture('src/db/users.ts', { startLine: 11, endLine: 19 });
    await askInChat('@backend /optimize why is this slow?');
    if (hasChatDom) {
      // While the answer streams, the tool calls show as progress lines (once the turn is done,
      // VS Code folds them into "Completed N steps").
      // VS Code folds earlier steps as the next round starts, so each round's lines are awaited in turn.
      const round1 = await waitFor('the progress lines of round 1', async () => {
        const text = await chatPanelText();
        return text.includes('Reading db/schema.sql') && text.includes('Running the rules on src/db') ? text : undefined;
      });
      await screenshot('chat-tools-progress');
      const round2 = await waitFor('the progress line of explain_query', async () => {
        const text = await chatPanelText();
        return text.includes('Explaining the orders query on 20,000 rows') ? text : undefined;
      });
      for (const during of [round1, round2]) {
        assert.doesNotMatch(during, /Add the index first/, 'seen while the answer was still streaming');
      }
    }
    await waitForChatText('Add the index first.');
    await waitForTurnDone();
    await screenshot('chat-tools-answer');

    assert.equal(server.requests.length, 3, 'two tool rounds, then the answer');
    const first = server.requests[0].body!;
    assert.deepEqual(first.tools?.map((t) => t.name), ['read_file', 'find_in_workspace', 'run_rules', 'explain_query', 'check_sql_fix', 'schema']);
    assert.deepEqual(server.requests[2].body!.tools, first.tools, 'the tool list is stable across rounds (cached prefix)');
    assert.match(JSON.stringify(first.system), /# Tools/, 'the model is told about its tools');
    const results = [...lastUserBlocks(server, 1), ...lastUserBlocks(server, 2)];
    const byId = new Map(results.map((r) => [r.tool_use_id, r]));
    assert.match(byId.get('toolu_explain')!.content!, /Seq Scan/i, `the plan was measured on the embedded Postgres: ${byId.get('toolu_explain')!.content}`);
    assert.match(byId.get('toolu_read')!.content!, / {3}3 \| {3}user_id bigint NOT NULL,/, 'the file went back numbered');
    assert.match(byId.get('toolu_rules')!.content!, /src\/db\/users\.ts:\d+.*n-plus-one/, 'the rules engine found the N+1 loop');
    assert.equal(byId.get('toolu_env')!.is_error, true, '.env is refused');
    assert.doesNotMatch(JSON.stringify(server.requests[1].body), /sk_live_51HxQ2bC3dE4fG5hI6jK7lM8n/, 'the secret never left');

    const { transcript } = await api();
    const markdown = transcript.last()!.markdown;
    assert.match(markdown, /db\/schema\.sql:3/, 'the finding on the file the model read is anchored (verified)');
    assert.match(markdown, /🔬 _Measured: Explained the orders query on 20,000 synthetic rows \(embedded Postgres\)_/, 'the finding is marked as measured');
    assert.match(markdown, /Tools the architect ran\*\* \(4\)/);
    assert.match(markdown, /✓ `run_rules` — Ran the rules on src\/db/);
    assert.match(markdown, /✗ `read_file` — Refused to read \.env/);
    if (hasChatDom) {
      const text = await chatPanelText();
      assert.match(text, /Completed \d+ steps/, 'the tool steps are folded once the answer is done');
      for (const line of ['No index on orders.user_id', 'Measured: Explained the orders query on 20,000 synthetic rows', 'Add the index first.']) {
        assert.ok(text.includes(line), `the answer stays visible after the folded steps: "${line}"\n${text}`);
      }
    }
  });

  it('the round cap stops a model that never stops calling tools, with a clear note', async () => {
    server = await useFakeAnthropic();
    await vscode.workspace.getConfiguration('architectPersonas').update('tools.maxRounds', 2, vscode.ConfigurationTarget.Global);
    try {
      server.setDefault({ kind: 'reply', text: 'One more look.', toolUses: [{ name: 'find_in_workspace', input: { query: 'orders' } }] });
      await openFixture('src/db/users.ts');
      await askInChat('@backend /scale will this hold?');
      await waitForChatText('still wanted to call tools after 2 rounds');
      await waitForTurnDone();
      assert.equal(server.requests.length, 2);
    } finally {
      await vscode.workspace.getConfiguration('architectPersonas').update('tools.maxRounds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('with architectPersonas.tools.enabled off, no tools are offered', async () => {
    server = await useFakeAnthropic();
    await vscode.workspace.getConfiguration('architectPersonas').update('tools.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      server.script({ kind: 'reply', text: 'Answer without tools.' });
      await openFixture('src/db/users.ts');
      await askInChat('@backend /debug why?');
      await waitForChatText('Answer without tools.');
      await waitForTurnDone();
      assert.equal(server.requests[0].body!.tools, undefined);
    } finally {
      await vscode.workspace.getConfiguration('architectPersonas').update('tools.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

describe('Tools: language-model tools and our provider with tools', () => {
  let server: FakeAnthropicServer;
  afterEach(async () => {
    await server?.close();
  });

  it('architect_rules and architect_explain_query are registered and run through vscode.lm.invokeTool', async () => {
    await api();
    const names = vscode.lm.tools.map((t) => t.name);
    for (const name of ['architect_review', 'architect_rules', 'architect_explain_query']) {
      assert.ok(names.includes(name), `${name} is registered (${names.join(', ')})`);
    }
    const rules = await vscode.lm.invokeTool('architect_rules', { input: { path: 'src/db/users.ts' }, toolInvocationToken: undefined });
    const text = rules.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    assert.match(text, /src\/db\/users\.ts:\d+.*n-plus-one/);
    const env = await vscode.lm.invokeTool('architect_rules', { input: { path: '../../etc' }, toolInvocationToken: undefined });
    assert.match(env.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join(''), /outside the workspace/);
  });

  it('architect_review reviews a file through the fake Anthropic server and returns the findings', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: FINDING_ON_READ_FILE.replace('db/schema.sql', 'src/db/users.ts').replace('line="3" end="3"', 'line="15" end="15"').replace('  user_id bigint NOT NULL,', "    const orders = await pool.query('SELECT * FROM orders WHERE user_id = $1', [user.id]);") });
    const result = await vscode.lm.invokeTool('architect_review', { input: { path: 'src/db/users.ts', command: 'optimize' }, toolInvocationToken: undefined });
    const text = result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    assert.match(text, /reviewed src\/db\/users\.ts: 1 finding/);
    assert.match(text, /1\. \[high\] No index on orders\.user_id — src\/db\/users\.ts:15/);
    assert.match(JSON.stringify(server.requests[0].body!.messages), /for \(const user of users\.rows\)/, 'the file was sent');
  });

  it('our provider lists the models of the key and returns a tool call for a request with tools', async () => {
    server = await useFakeAnthropic();
    server.models = DEFAULT_FAKE_MODELS;
    // a settings change makes the provider list again
    const config = vscode.workspace.getConfiguration('architectPersonas');
    await config.update('maxOutputTokens', 4096, vscode.ConfigurationTarget.Global);
    await config.update('maxOutputTokens', undefined, vscode.ConfigurationTarget.Global);
    const models = await waitFor('our models from models.list', async () => {
      const m = await vscode.lm.selectChatModels({ vendor: 'architect-personas' });
      return m.some((x) => x.id === 'claude-fake-large') ? m : undefined;
    });
    const large = models.find((m) => m.id === 'claude-fake-large')!;
    assert.equal(large.maxInputTokens, 1_000_000, 'the real input limit from models.list');

    server.script(
      { kind: 'reply', text: 'Checking.', toolUses: [{ id: 'toolu_agent', name: 'get_weather', input: { city: 'Oslo' } }] },
      { kind: 'reply', text: 'It is sunny.' },
    );
    const tools: vscode.LanguageModelChatTool[] = [{ name: 'get_weather', description: 'Weather for a city', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } }];
    const first = await large.sendRequest([vscode.LanguageModelChatMessage.User('Weather in Oslo?')], { tools });
    const calls: vscode.LanguageModelToolCallPart[] = [];
    let said = '';
    for await (const part of first.stream) {
      if (part instanceof vscode.LanguageModelToolCallPart) {
        calls.push(part);
      } else if (part instanceof vscode.LanguageModelTextPart) {
        said += part.value;
      }
    }
    assert.equal(said, 'Checking.');
    assert.deepEqual(calls.map((c) => [c.callId, c.name, c.input]), [['toolu_agent', 'get_weather', { city: 'Oslo' }]]);
    assert.deepEqual(server.requests[0].body!.tools, [{ name: 'get_weather', description: 'Weather for a city', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }]);

    const second = await large.sendRequest(
      [
        vscode.LanguageModelChatMessage.User('Weather in Oslo?'),
        vscode.LanguageModelChatMessage.Assistant([new vscode.LanguageModelTextPart('Checking.'), calls[0]]),
        vscode.LanguageModelChatMessage.User([new vscode.LanguageModelToolResultPart('toolu_agent', [new vscode.LanguageModelTextPart('sunny, 21°C')])]),
      ],
      { tools },
    );
    let answer = '';
    for await (const chunk of second.text) {
      answer += chunk;
    }
    assert.equal(answer, 'It is sunny.');
    const messages = server.requests[1].body!.messages!;
    assert.deepEqual(messages[1].content, [
      { type: 'text', text: 'Checking.' },
      { type: 'tool_use', id: 'toolu_agent', name: 'get_weather', input: { city: 'Oslo' } },
    ]);
    assert.deepEqual(messages[2].content, [{ type: 'tool_result', tool_use_id: 'toolu_agent', content: 'sunny, 21°C' }]);
  });
});

// Last in this file: the cancelled explain_query keeps loading its rows in the planner's worker
// for a while, and nothing after it here needs the planner.
describe('Tools: cancelling while a tool runs', () => {
  let server: FakeAnthropicServer;
  withOrdersSchema();
  after(() => server?.close());

  it('stops the loop at once: no next round is sent, the text so far stays, and the note says which tool was stopped', async () => {
    server = await useFakeAnthropic();
    server.script(
      {
        kind: 'reply',
        text: 'Let me measure it on half a million rows.',
        // 500,000 fresh synthetic rows take the embedded Postgres seconds to load: the cancel lands while it runs.
        toolUses: [{ id: 'toolu_slow', name: 'explain_query', input: { sql: 'SELECT * FROM orders WHERE total_cents > $1', rows: 500_000 } }],
      },
      { kind: 'reply', text: 'This round must never be asked for.' },
    );
    await openFixture('src/db/users.ts');
    await askInChat('@backend /optimize how does this scale?');
    const { transcript } = await api();
    await waitFor('the explain_query call to start', () => transcript.last()?.progress.includes('Explaining the orders query on 500,000 rows…') || undefined);
    await vscode.commands.executeCommand('workbench.action.chat.cancel');
    await waitForTurnDone();
    const markdown = await waitFor('the closing note of the cancelled answer', () => {
      const m = transcript.last()?.markdown ?? '';
      return /Tools the architect ran/.test(m) ? m : undefined;
    });
    assert.match(markdown, /Let me measure it on half a million rows\./, 'the text of the first round is kept');
    assert.match(markdown, /⏹ `explain_query` — stopped before it finished: Explaining the orders query on 500,000 rows/, markdown);
    assert.doesNotMatch(markdown, /must never be asked for/);
    assert.equal(server.requests.length, 1, 'the loop sent no next round after the cancel');
  });
});
