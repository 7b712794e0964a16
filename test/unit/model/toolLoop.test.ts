import * as assert from 'node:assert/strict';
import type { ModelRequest, ModelToolCall } from '../../../src/core/model/modelClient';
import { ModelError } from '../../../src/core/model/modelErrors';
import { runToolLoop, type ToolRunner, type ToolRunOutcome } from '../../../src/core/model/toolLoop';
import type { RecordedContentBlock } from '../../fakeServer/fakeAnthropic';
import { useFakeServerClient } from './fakeServerClient';

const SPECS = [
  { name: 'read_file', description: 'Read a file', inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } },
  { name: 'explain_query', description: 'Explain a query', inputSchema: { type: 'object', properties: { sql: { type: 'string' } }, required: ['sql'] } },
];


function request(signal = new AbortController().signal): ModelRequest {
  return {
    model: 'claude-test-model',
    system: [{ text: 'You are a seasoned backend architect. '.repeat(20), cache: true }, { text: 'Review the code.' }],
    messages: [{ role: 'user', content: 'Why is listOrders slow?' }],
    maxTokens: 1024,
    signal,
  };
}

/** A runner that records calls and answers from a table (or waits until aborted). */
function runner(answers: Record<string, (call: ModelToolCall, signal: AbortSignal) => Promise<ToolRunOutcome>>): ToolRunner & { calls: ModelToolCall[] } {
  const calls: ModelToolCall[] = [];
  return {
    specs: SPECS,
    calls,
    run(call, signal) {
      calls.push(call);
      const answer = answers[call.name];
      return answer ? answer(call, signal) : Promise.resolve({ content: `ran ${call.name}` });
    },
  };
}

describe('Tool loop against the fake Anthropic server', function () {
  this.timeout(15000);
  const fake = useFakeServerClient();

  function userContent(index: number): RecordedContentBlock[] {
    const messages = fake.server.requests[index].body!.messages!;
    return messages[messages.length - 1].content as RecordedContentBlock[];
  }

  it('round trip: streams tool_use, runs the tool, sends tool_result and streams the answer', async () => {
    fake.server.script(
      { kind: 'reply', text: 'Let me read the schema.', toolUses: [{ id: 'toolu_1', name: 'read_file', input: { path: 'db/schema.sql' }, chunkSize: 5 }] },
      { kind: 'reply', text: 'orders has no index on user_id.' },
    );
    const tools = runner({ read_file: async () => ({ content: 'CREATE TABLE orders (id int, user_id int);' }) });
    const deltas: string[] = [];
    const result = await runToolLoop(fake.client, request(), (d) => deltas.push(d), { runner: tools });

    assert.equal(result.rounds, 2);
    assert.equal(result.stopped, undefined);
    assert.equal(result.stopReason, 'end_turn');
    assert.equal(result.text, 'Let me read the schema.\n\norders has no index on user_id.');
    assert.equal(deltas.join(''), result.text);
    assert.deepEqual(tools.calls, [{ id: 'toolu_1', name: 'read_file', input: { path: 'db/schema.sql' } }]);

    const first = fake.server.requests[0].body!;
    assert.deepEqual(first.tools?.map((t) => t.name), ['read_file', 'explain_query'], 'the tools are offered');
    const second = fake.server.requests[1].body!;
    const assistant = second.messages!.at(-2)!;
    assert.equal(assistant.role, 'assistant');
    assert.deepEqual(assistant.content, [
      { type: 'text', text: 'Let me read the schema.' },
      { type: 'tool_use', id: 'toolu_1', name: 'read_file', input: { path: 'db/schema.sql' } },
    ]);
    const results = userContent(1);
    assert.equal(results[0].type, 'tool_result');
    assert.equal(results[0].tool_use_id, 'toolu_1');
    assert.equal(results[0].content, 'CREATE TABLE orders (id int, user_id int);');
    assert.deepEqual(results[0].cache_control, { type: 'ephemeral' }, 'the last tool result is a cache breakpoint');
  });

  it('keeps the persona prefix cached: tools + system are identical across rounds, the second round reads the cache', async () => {
    fake.server.script({ kind: 'reply', toolUses: [{ name: 'read_file', input: { path: 'a.ts' } }] }, { kind: 'reply', text: 'Done.' });
    const result = await runToolLoop(fake.client, request(), () => undefined, { runner: runner({}) });
    const [a, b] = fake.server.requests.map((r) => r.body!);
    assert.deepEqual(a.tools, b.tools);
    assert.deepEqual(a.system, b.system);
    assert.deepEqual((a.system as RecordedContentBlock[])[0].cache_control, { type: 'ephemeral' });
    assert.ok(result.usage!.cacheCreationInputTokens > 0, 'round 1 writes the cache');
    assert.ok(result.usage!.cacheReadInputTokens > 0, 'round 2 reads the persona prefix from the cache');
  });

  it('parallel tool calls run together and their results go back in call order', async () => {
    fake.server.script(
      {
        kind: 'reply',
        toolUses: [
          { id: 'toolu_a', name: 'read_file', input: { path: 'slow.sql' } },
          { id: 'toolu_b', name: 'explain_query', input: { sql: 'SELECT 1' } },
        ],
      },
      { kind: 'reply', text: 'Both checked.' },
    );
    let running = 0;
    let maxRunning = 0;
    const slow = (content: string, ms: number) => async (): Promise<ToolRunOutcome> => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return { content };
    };
    const result = await runToolLoop(fake.client, request(), () => undefined, { runner: runner({ read_file: slow('file', 60), explain_query: slow('plan', 5) }) });
    assert.equal(maxRunning, 2, 'both tools ran at the same time');
    assert.deepEqual(
      userContent(1).map((c) => [c.tool_use_id, c.content]),
      [
        ['toolu_a', 'file'],
        ['toolu_b', 'plan'],
      ],
    );
    assert.equal(result.runs.length, 2);
  });

  it('malformed tool input: the tool is not run and the model sees an error result', async () => {
    fake.server.script({ kind: 'reply', toolUses: [{ id: 'toolu_bad', name: 'read_file', rawInput: '{"path": "db/sch' }] }, { kind: 'reply', text: 'Sorry.' });
    const tools = runner({});
    const result = await runToolLoop(fake.client, request(), () => undefined, { runner: tools });
    assert.equal(tools.calls.length, 0, 'nothing ran');
    const [r] = userContent(1);
    assert.equal(r.tool_use_id, 'toolu_bad');
    assert.equal(r.is_error, true);
    assert.match(r.content!, /not valid JSON/);
    const assistant = fake.server.requests[1].body!.messages!.at(-2)!.content as RecordedContentBlock[];
    assert.deepEqual(assistant.at(-1), { type: 'tool_use', id: 'toolu_bad', name: 'read_file', input: {} }, 'replayed with an empty input');
    assert.equal(result.text, 'Sorry.');
  });

  it('unknown tool name: an error result lists the tools that exist', async () => {
    fake.server.script({ kind: 'reply', toolUses: [{ id: 'toolu_x', name: 'drop_database', input: {} }] }, { kind: 'reply', text: 'OK.' });
    const tools = runner({});
    await runToolLoop(fake.client, request(), () => undefined, { runner: tools });
    assert.equal(tools.calls.length, 0);
    const [r] = userContent(1);
    assert.equal(r.is_error, true);
    assert.match(r.content!, /Unknown tool "drop_database".*read_file, explain_query/);
  });

  it('a model that never stops calling tools hits the round cap: stopped, with the answer so far', async () => {
    fake.server.setDefault({ kind: 'reply', text: 'Checking again.', toolUses: [{ name: 'explain_query', input: { sql: 'SELECT 1' } }] });
    const tools = runner({});
    const result = await runToolLoop(fake.client, request(), () => undefined, { runner: tools, maxRounds: 3 });
    assert.equal(result.stopped, 'rounds');
    assert.equal(result.rounds, 3);
    assert.equal(fake.server.requests.length, 3, 'no request after the cap');
    assert.equal(tools.calls.length, 2, 'the calls of the last round are not run');
    assert.equal(result.text, 'Checking again.\n\nChecking again.\n\nChecking again.');
  });

  it('caps the total tool output: later results are cut and say so', async () => {
    fake.server.script(
      { kind: 'reply', toolUses: [{ id: 't1', name: 'read_file', input: { path: 'a' } }, { id: 't2', name: 'read_file', input: { path: 'b' } }] },
      { kind: 'reply', text: 'ok' },
    );
    await runToolLoop(fake.client, request(), () => undefined, { runner: runner({ read_file: async () => ({ content: 'x'.repeat(80) }) }), maxToolOutputChars: 100 });
    const [a, b] = userContent(1);
    assert.equal(a.content, 'x'.repeat(80));
    assert.equal(b.is_error, true);
    assert.match(b.content!, /^x{20}\n\[cut: the tool output budget/);
  });

  it('cancel during a tool run rejects with cancelled and the text so far, without another request', async () => {
    fake.server.script({ kind: 'reply', text: 'Let me explain the query.', toolUses: [{ name: 'explain_query', input: { sql: 'SELECT 1' } }] });
    const controller = new AbortController();
    let toolSignal: AbortSignal | undefined;
    const tools = runner({
      explain_query: (_call, signal) => {
        toolSignal = signal;
        setTimeout(() => controller.abort(), 20);
        return new Promise<ToolRunOutcome>(() => undefined); // a tool that hangs
      },
    });
    await assert.rejects(runToolLoop(fake.client, request(controller.signal), () => undefined, { runner: tools }), (err: unknown) => {
      assert.ok(err instanceof ModelError);
      assert.equal(err.kind, 'cancelled');
      assert.equal(err.partialText, 'Let me explain the query.');
      return true;
    });
    assert.equal(toolSignal?.aborted, true, 'the tool saw the abort');
    assert.equal(fake.server.requests.length, 1);
  });

  it('a throwing tool becomes an error result, not a failed answer', async () => {
    fake.server.script({ kind: 'reply', toolUses: [{ id: 't', name: 'explain_query', input: { sql: 'SELEC' } }] }, { kind: 'reply', text: 'The SQL did not parse.' });
    const result = await runToolLoop(fake.client, request(), () => undefined, {
      runner: runner({ explain_query: () => Promise.reject(new Error('syntax error at or near "SELEC"')) }),
    });
    const [r] = userContent(1);
    assert.equal(r.is_error, true);
    assert.match(r.content!, /explain_query failed: syntax error/);
    assert.equal(result.text, 'The SQL did not parse.');
  });
});
