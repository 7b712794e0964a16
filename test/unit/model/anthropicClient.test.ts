import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { AnthropicModelClient, type AnthropicClientOptions, type ModelLogEntry } from '../../../src/core/model/anthropicClient';
import type { ModelRequest } from '../../../src/core/model/modelClient';
import { ModelError } from '../../../src/core/model/modelErrors';
import { FakeAnthropicServer } from '../../fakeServer/fakeAnthropic';

const KEY = 'sk-ant-api03-unit-test-key-0123456789abcdefghij';

function request(overrides: Partial<ModelRequest> = {}): ModelRequest {
  return {
    model: 'claude-test-model',
    system: [
      { text: 'You are a seasoned backend architect.', cache: true },
      { text: 'Review the code.' },
    ],
    messages: [{ role: 'user', content: 'function slow() { return db.query("select * from users"); }' }],
    maxTokens: 1024,
    signal: new AbortController().signal,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof ModelError, `expected a ModelError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the promise to reject');
}

describe('AnthropicModelClient against the fake Anthropic server', function () {
  this.timeout(15000);
  let server: FakeAnthropicServer;
  let url: string;
  let logs: ModelLogEntry[];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };

  before(async () => {
    server = new FakeAnthropicServer();
    ({ url } = await server.start());
    process.on('unhandledRejection', onUnhandled);
  });
  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await server.close();
  });
  beforeEach(() => {
    server.reset();
    logs = [];
    unhandled.length = 0;
  });
  afterEach(async () => {
    // give any stray promise a chance to surface as an unhandled rejection
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(unhandled, [], 'no unhandled rejections');
  });

  function client(options: Partial<AnthropicClientOptions> = {}): AnthropicModelClient {
    return new AnthropicModelClient({
      apiKey: KEY,
      baseURL: url,
      idleTimeoutMs: 5000,
      maxRetries: 2,
      log: (entry) => logs.push(entry),
      ...options,
    });
  }

  it('streams the text in order and reports usage, request id and latency', async () => {
    server.script({ kind: 'reply', text: 'Add an index on users.email; the query scans.', chunkSize: 5, delayMs: 2, usage: { inputTokens: 120, outputTokens: 11 } });
    const deltas: string[] = [];
    const result = await client().stream(request(), (d) => deltas.push(d));
    assert.equal(result.text, 'Add an index on users.email; the query scans.');
    assert.equal(deltas.join(''), result.text);
    assert.ok(deltas.length > 3, 'arrived in several deltas');
    assert.equal(result.stopReason, 'end_turn');
    assert.equal(result.usage?.inputTokens, 120);
    assert.equal(result.usage?.outputTokens, 11);
    assert.equal(result.requestId, server.requests[0].requestId);
    assert.equal(result.retries, 0);
    assert.ok(typeof result.firstTokenMs === 'number' && result.firstTokenMs >= 0);

    assert.equal(server.requests.length, 1);
    const sent = server.requests[0];
    assert.equal(sent.path, '/v1/messages');
    assert.equal(sent.auth.scheme, 'bearer', 'SDK 1.12 sends apiKey as Authorization: Bearer');
    assert.equal(sent.auth.value, KEY);
    assert.equal(sent.body?.model, 'claude-test-model');
    assert.equal(sent.body?.max_tokens, 1024);
    assert.equal(sent.body?.stream, true);
    assert.deepEqual(sent.body?.system, [
      { type: 'text', text: 'You are a seasoned backend architect.', cache_control: { type: 'ephemeral' } },
      { type: 'text', text: 'Review the code.' },
    ]);
    assert.deepEqual(sent.body?.messages, [{ role: 'user', content: request().messages[0].content }]);
  });

  it('logs metadata only: never the prompt, the code or the key', async () => {
    server.script({ kind: 'reply', text: 'ok', usage: { cacheReadInputTokens: 7 } });
    await client().stream(request(), () => undefined);
    const done = logs.find((l) => l.event === 'done');
    assert.ok(done, 'a done entry');
    assert.equal(done.requestId, server.requests[0].requestId);
    assert.equal(done.cacheReadInputTokens, 7);
    assert.equal(done.model, 'claude-test-model');
    const text = JSON.stringify(logs);
    assert.ok(!text.includes(KEY), 'no key');
    assert.ok(!text.includes('seasoned backend architect'), 'no system prompt');
    assert.ok(!text.includes('select * from users'), 'no code');
  });

  it('a second request in a session carries cache_control and reports cache reads', async () => {
    // no scripted usage: the server simulates prompt caching of the cache_control prefix
    const c = client();
    const first = await c.stream(request(), () => undefined);
    const second = await c.stream(
      request({
        messages: [
          ...request().messages,
          { role: 'assistant', content: first.text },
          { role: 'user', content: 'and the writes?' },
        ],
      }),
      () => undefined,
    );
    assert.ok((first.usage?.cacheCreationInputTokens ?? 0) > 0, 'first request writes the cache');
    assert.equal(first.usage?.cacheReadInputTokens, 0);
    assert.ok((second.usage?.cacheReadInputTokens ?? 0) > 0, 'second request reads the cache');
    const system = server.requests[1].body?.system;
    assert.ok(Array.isArray(system));
    assert.deepEqual(system[0].cache_control, { type: 'ephemeral' });
    assert.equal(server.requests[1].body?.messages?.length, 3);
  });

  it('reports scripted cache reads', async () => {
    server.script({ kind: 'reply', text: 'cached', usage: { cacheReadInputTokens: 4321, cacheCreationInputTokens: 0 } });
    const result = await client().stream(request(), () => undefined);
    assert.equal(result.usage?.cacheReadInputTokens, 4321);
    const done = logs.find((e) => e.event === 'done');
    assert.equal(done?.cacheReadInputTokens, 4321, 'the cache read is logged');
  });

  it('no key → noKey without any request', async () => {
    const err = await rejection(client({ apiKey: '  ' }).stream(request(), () => undefined));
    assert.equal(err.kind, 'noKey');
    assert.equal(server.requests.length, 0);
  });

  it('401 → auth, not retried, key not in the message', async () => {
    server.script({ kind: 'error', status: 401, message: `invalid x-api-key ${KEY}` });
    const err = await rejection(client().stream(request(), () => undefined));
    assert.equal(err.kind, 'auth');
    assert.equal(err.status, 401);
    assert.equal(err.requestId, server.requests[0].requestId);
    assert.ok(!err.message.includes(KEY), 'key scrubbed from the message');
    assert.equal(server.requests.length, 1);
  });

  it('403 → forbidden', async () => {
    server.script({ kind: 'error', status: 403 });
    const err = await rejection(client().stream(request(), () => undefined));
    assert.equal(err.kind, 'forbidden');
    assert.equal(server.requests.length, 1);
  });

  it('404 → notFound with the model', async () => {
    server.script({ kind: 'error', status: 404, message: 'model: claude-test-model' });
    const err = await rejection(client().stream(request(), () => undefined));
    assert.equal(err.kind, 'notFound');
    assert.equal(err.model, 'claude-test-model');
  });

  it('429 with retry-after is retried by the SDK after the wait, then succeeds', async () => {
    server.script({ kind: 'error', status: 429, retryAfter: 1 }, { kind: 'reply', text: 'after the wait' });
    const started = Date.now();
    const result = await client().stream(request(), () => undefined);
    assert.equal(result.text, 'after the wait');
    assert.equal(result.retries, 1);
    assert.equal(server.requests.length, 2);
    const waited = server.requests[1].receivedAt - server.requests[0].receivedAt;
    assert.ok(waited >= 900, `honoured retry-after (waited ${waited} ms)`);
    assert.ok(Date.now() - started < 5000);
    assert.equal(server.requests[1].headers['x-stainless-retry-count'], '1');
  });

  it('429 exhausted → rateLimited with retryAfterSeconds', async () => {
    server.script({ kind: 'error', status: 429, retryAfter: 1 }, { kind: 'error', status: 429, retryAfter: 1 });
    const err = await rejection(client({ maxRetries: 1 }).stream(request(), () => undefined));
    assert.equal(err.kind, 'rateLimited');
    assert.equal(err.status, 429);
    assert.equal(err.retryAfterSeconds, 1);
    assert.equal(server.requests.length, 2);
  });

  it('529 overloaded is retried by the SDK, then succeeds', async () => {
    server.script({ kind: 'error', status: 529, retryAfter: 0.1 }, { kind: 'reply', text: 'recovered' });
    const result = await client().stream(request(), () => undefined);
    assert.equal(result.text, 'recovered');
    assert.equal(result.retries, 1);
    assert.equal(server.requests.length, 2);
  });

  it('529 exhausted → overloaded; 500 exhausted → server', async () => {
    server.script({ kind: 'error', status: 529, retryAfter: 0.05 }, { kind: 'error', status: 529, retryAfter: 0.05 });
    const overloaded = await rejection(client({ maxRetries: 1 }).stream(request(), () => undefined));
    assert.equal(overloaded.kind, 'overloaded');
    server.script({ kind: 'error', status: 500, retryAfter: 0.05 }, { kind: 'error', status: 500, retryAfter: 0.05 });
    const internal = await rejection(client({ maxRetries: 1 }).stream(request(), () => undefined));
    assert.equal(internal.kind, 'server');
    assert.equal(internal.status, 500);
  });

  it('mid-stream overloaded_error before any text → retried once → success', async () => {
    server.script({ kind: 'midStreamError', chunks: [] }, { kind: 'reply', text: 'second try' });
    const deltas: string[] = [];
    const result = await client().stream(request(), (d) => deltas.push(d));
    assert.equal(result.text, 'second try');
    assert.equal(deltas.join(''), 'second try');
    assert.equal(result.retries, 1);
    assert.equal(server.requests.length, 2);
    assert.ok(logs.some((l) => l.event === 'retry'));
  });

  it('mid-stream overloaded_error twice before text → overloaded (only one own retry)', async () => {
    server.script({ kind: 'midStreamError', chunks: [] }, { kind: 'midStreamError', chunks: [] }, { kind: 'reply' });
    const err = await rejection(client().stream(request(), () => undefined));
    assert.equal(err.kind, 'overloaded');
    assert.equal(server.requests.length, 2);
  });

  it('mid-stream overloaded_error after text → cut with the partial text kept, not retried', async () => {
    server.script({ kind: 'midStreamError', chunks: ['The first ', 'finding is'] }, { kind: 'reply' });
    const deltas: string[] = [];
    const err = await rejection(client().stream(request(), (d) => deltas.push(d)));
    assert.equal(err.kind, 'cut');
    assert.equal(err.partialText, 'The first finding is');
    assert.equal(deltas.join(''), 'The first finding is');
    assert.equal(server.requests.length, 1);
  });

  it('a stall after headers → stalled via the idle watchdog, and the connection is closed', async () => {
    server.script({ kind: 'stall', chunks: ['partial '] });
    const started = Date.now();
    const err = await rejection(client({ idleTimeoutMs: 300 }).stream(request(), () => undefined));
    const elapsed = Date.now() - started;
    assert.equal(err.kind, 'stalled');
    assert.equal(err.idleSeconds, 0.3);
    assert.equal(err.partialText, 'partial ');
    assert.ok(elapsed >= 280 && elapsed < 3000, `fired after ~300 ms (${elapsed} ms)`);
    await server.waitFor((r) => r[0]?.clientClosed === true, 2000);
  });

  it('a stall with no content at all → stalled', async () => {
    server.script({ kind: 'stall', chunks: [] });
    const err = await rejection(client({ idleTimeoutMs: 300 }).stream(request(), () => undefined));
    assert.equal(err.kind, 'stalled');
  });

  it('a socket cut mid-stream → cut error, not a hang', async () => {
    server.script({ kind: 'cut', chunks: ['half an ans'] });
    const err = await rejection(client({ idleTimeoutMs: 5000 }).stream(request(), () => undefined));
    assert.equal(err.kind, 'cut');
    assert.equal(err.partialText, 'half an ans');
  });

  it('a response that ends without message_stop → cut', async () => {
    server.script({ kind: 'cut', mode: 'end', chunks: ['half'] });
    const err = await rejection(client().stream(request(), () => undefined));
    assert.equal(err.kind, 'cut');
    assert.equal(err.partialText, 'half');
  });

  it('connection refused → network naming the host', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer();
      probe.listen(0, '127.0.0.1', () => {
        const p = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    const err = await rejection(client({ baseURL: `http://127.0.0.1:${port}`, maxRetries: 0 }).stream(request(), () => undefined));
    assert.equal(err.kind, 'network');
    assert.equal(err.networkCause, 'refused');
    assert.equal(err.host, `127.0.0.1:${port}`);
  });

  it('cancel mid-stream → cancelled, and the server sees the socket closed', async () => {
    server.script({ kind: 'reply', text: 'x'.repeat(400), chunkSize: 4, delayMs: 20 });
    const controller = new AbortController();
    const deltas: string[] = [];
    const promise = client().stream(request({ signal: controller.signal }), (d) => {
      deltas.push(d);
      if (deltas.length === 3) {
        controller.abort();
      }
    });
    const err = await rejection(promise);
    assert.equal(err.kind, 'cancelled');
    await server.waitFor((r) => r[0]?.clientClosed === true, 2000);
    assert.equal(server.requests[0].finished, false);
  });

  it('cancel while waiting for headers (during a retry wait) → cancelled', async () => {
    server.script({ kind: 'error', status: 429, retryAfter: 5 });
    const controller = new AbortController();
    const promise = client().stream(request({ signal: controller.signal }), () => undefined);
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const err = await rejection(promise);
    assert.equal(err.kind, 'cancelled');
    assert.ok(Date.now() - started < 2000, 'did not wait for the retry');
  });

  it('an already aborted signal → cancelled without a request', async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await rejection(client().stream(request({ signal: controller.signal }), () => undefined));
    assert.equal(err.kind, 'cancelled');
    assert.equal(server.requests.length, 0);
  });

  it('the HTTP control API scripts and reports like the in-process one', async () => {
    const scripted = await fetch(`${url}/__control/script`, {
      method: 'POST',
      body: JSON.stringify([{ kind: 'error', status: 403 }]),
    });
    assert.equal(scripted.status, 200);
    const err = await rejection(client().stream(request(), () => undefined));
    assert.equal(err.kind, 'forbidden');
    const recorded = (await (await fetch(`${url}/__control/requests`)).json()) as Array<{ body: { model: string }; behaviour: string }>;
    assert.equal(recorded.length, 1);
    assert.equal(recorded[0].body.model, 'claude-test-model');
    assert.equal(recorded[0].behaviour, 'error');
    assert.equal((await fetch(`${url}/__control/reset`, { method: 'POST' })).status, 200);
    assert.equal(server.requests.length, 0);
  });
});
