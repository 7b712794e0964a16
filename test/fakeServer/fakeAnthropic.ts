/**
 * A fake Anthropic Messages API server for tests. It speaks the real wire format
 * (POST /v1/messages, JSON or `text/event-stream` with `event:` + `data:` lines, a `request-id`
 * header, the real error body `{type:'error', error:{type, message}}`) and is scripted per test
 * with a queue of behaviours. Every request is recorded (parsed body, headers, how it
 * authenticated) so tests can assert on the system prompt, messages and cache_control.
 *
 * The same control is exposed over HTTP under /__control/ for tests that run in another process
 * (the VS Code extension host):
 *   POST /__control/script    body: Behaviour | Behaviour[] | {behaviours: Behaviour[]}  → queue them
 *   POST /__control/default   body: Behaviour   → what to do when the queue is empty
 *   POST /__control/reset     → clear queue, recorded requests and the default
 *   GET  /__control/requests  → RecordedRequest[] (JSON)
 *   GET  /__control/state     → { queued: number, requests: number }
 *   POST /__control/models    body: FakeModel[] | null → what GET /v1/models lists (default: 404)
 *
 * Tool use: a `reply` with `toolUses` streams, after its text, one `tool_use` content block per
 * entry (content_block_start with empty input, the input JSON as `input_json_delta` pieces,
 * content_block_stop) and stops with `tool_use`. `rawInput` sends text that is not valid JSON on
 * purpose. A default behaviour with `toolUses` is a model that never stops calling tools.
 *
 * Facts about @anthropic-ai/sdk 1.12 this server mirrors: the SDK sends `apiKey` (and
 * `authToken`) as `Authorization: Bearer <key>`; older SDKs sent `x-api-key`. Both are recorded.
 * The SDK skips `ping` events and SSE events without an `event:` line, turns `event: error` into
 * an APIError (never retried), and its `timeout` covers only the wait for response headers.
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeUsage {
  inputTokens?: number;
  outputTokens?: number;
  cacheCreationInputTokens?: number;
  cacheReadInputTokens?: number;
}

interface StreamOptions {
  /** The answer text. Default: "Hello from the fake Anthropic server." */
  text?: string;
  /** Explicit chunks (each becomes one text_delta); overrides `text`/`chunkSize`. */
  chunks?: string[];
  /** Characters per text_delta when splitting `text`. Default 16. */
  chunkSize?: number;
  /** Delay before each text_delta, ms. Default 0. */
  delayMs?: number;
  /** Extra delay before the first text_delta, ms (a model that thinks before it writes). Default 0. */
  firstDelayMs?: number;
  /** Usage to report. Without it the server simulates prompt caching (see `simulateUsage`). */
  usage?: FakeUsage;
  stopReason?: string;
  model?: string;
  /** Tool calls streamed after the text; the stop reason becomes `tool_use`. */
  toolUses?: FakeToolUse[];
}

export interface FakeToolUse {
  /** Default: toolu_fake_<n>. */
  id?: string;
  name: string;
  input?: unknown;
  /** Sent verbatim as the input JSON (e.g. malformed JSON); overrides `input`. */
  rawInput?: string;
  /** Characters per input_json_delta. Default 12. */
  chunkSize?: number;
}

/** An entry of GET /v1/models. */
export interface FakeModel {
  id: string;
  display_name?: string;
  max_input_tokens?: number | null;
  max_tokens?: number | null;
}

export const DEFAULT_FAKE_MODELS: readonly FakeModel[] = [
  { id: 'claude-fake-large', display_name: 'Claude Fake Large', max_input_tokens: 1_000_000, max_tokens: 64_000 },
  { id: 'claude-fake-small', display_name: 'Claude Fake Small', max_input_tokens: 200_000, max_tokens: 8_192 },
];

/** What the server does with one POST /v1/messages. All fields are JSON-serialisable. */
export type Behaviour =
  | ({ kind: 'reply' } & StreamOptions)
  | {
      kind: 'error';
      status: number;
      /** Defaults from status: 400 invalid_request_error, 401 authentication_error, 403 permission_error, 404 not_found_error, 413 request_too_large, 429 rate_limit_error, 500 api_error, 529 overloaded_error. */
      errorType?: string;
      message?: string;
      /** Value of the `retry-after` header (seconds). */
      retryAfter?: number | string;
      /** Extra response headers, e.g. `{'x-should-retry': 'false'}`. */
      headers?: Record<string, string>;
    }
  | ({ kind: 'midStreamError'; errorType?: string; message?: string } & StreamOptions)
  | ({ kind: 'stall' } & StreamOptions)
  | ({ kind: 'cut'; mode?: 'destroy' | 'end' } & StreamOptions);

export interface RecordedRequest {
  readonly index: number;
  readonly method: string;
  readonly path: string;
  /** Lower-cased request headers, with `authorization` and `x-api-key` removed (see `auth`). */
  readonly headers: Record<string, string>;
  /** How the request authenticated, with the credential's value for assertions. */
  readonly auth: { readonly scheme: 'bearer' | 'x-api-key' | 'none'; readonly value?: string };
  /** Parsed JSON body (undefined when the body was not JSON). */
  readonly body: MessagesBody | undefined;
  readonly behaviour: Behaviour['kind'];
  readonly requestId: string;
  readonly receivedAt: number;
  /** True once the client closed the connection before the server finished the response. */
  clientClosed: boolean;
  /** True once the server finished (or deliberately cut) the response. */
  finished: boolean;
}

/** A content block of a recorded request (text, tool_use, tool_result), as tests read it back. */
export interface RecordedContentBlock {
  type: string;
  text?: string;
  id?: string;
  name?: string;
  input?: unknown;
  tool_use_id?: string;
  content?: string;
  is_error?: boolean;
  cache_control?: unknown;
}

export interface MessagesBody {
  model?: string;
  max_tokens?: number;
  stream?: boolean;
  system?: string | Array<{ type: string; text: string; cache_control?: { type: string } }>;
  messages?: Array<{ role: string; content: unknown }>;
  tools?: Array<{ name: string; description?: string; input_schema?: unknown }>;
  [key: string]: unknown;
}

const DEFAULT_TEXT = 'Hello from the fake Anthropic server.';

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

const ERROR_MESSAGES: Record<string, string> = {
  invalid_request_error: 'Invalid request.',
  authentication_error: 'invalid x-api-key',
  permission_error: 'Your API key does not have permission to use the specified resource.',
  not_found_error: 'model: not-a-model',
  request_too_large: 'Request exceeds the maximum allowed number of bytes.',
  rate_limit_error: 'Number of request tokens has exceeded your per-minute rate limit.',
  api_error: 'Internal server error',
  overloaded_error: 'Overloaded',
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function chunksOf(options: StreamOptions): string[] {
  if (options.chunks) {
    return options.chunks;
  }
  // A reply that only calls tools has no text (and no text block), like the real API's.
  const text = options.text ?? (options.toolUses?.length ? '' : DEFAULT_TEXT);
  const size = Math.max(1, options.chunkSize ?? 16);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) {
    out.push(text.slice(i, i + size));
  }
  return out;
}

function sse(type: string, data: unknown): string {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The cacheable prefix of a request, in the API's order tools → system → messages: everything up
 * to and including the last system block marked cache_control (the tools are part of it).
 */
function cachedPrefix(body: MessagesBody | undefined): string | undefined {
  if (!body || !Array.isArray(body.system)) {
    return undefined;
  }
  let last = -1;
  body.system.forEach((block, i) => {
    if (block.cache_control) {
      last = i;
    }
  });
  if (last < 0) {
    return undefined;
  }
  return JSON.stringify([body.tools ?? [], body.system.slice(0, last + 1)]);
}

function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

export class FakeAnthropicServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: Behaviour[] = [];
  private defaultBehaviour: Behaviour = { kind: 'reply' };
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly seenPrefixes = new Set<string>();
  private counter = 0;
  private toolCounter = 0;
  private baseUrl = '';
  /**
   * What GET /v1/models lists; `undefined` (the default, so suites that do not care keep seeing
   * the one model of the setting) answers 404 like a gateway without the endpoint.
   */
  models: readonly FakeModel[] | undefined;
  /**
   * Optional timing probe (benchmarks only; unset by default, and then nothing changes): called
   * with performance.now() when a request's headers arrive, before its body is read, and just
   * before each SSE event is written.
   */
  probe?: (event: { readonly kind: 'request' } | { readonly kind: 'sse'; readonly type: string }, at: number) => void;

  get url(): string {
    return this.baseUrl;
  }

  async start(port = 0): Promise<{ url: string }> {
    const server = http.createServer((req, res) => {
      this.probe?.({ kind: 'request' }, performance.now());
      this.handle(req, res).catch(() => {
        if (!res.headersSent) {
          res.writeHead(500);
        }
        res.destroy();
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const { port: actual } = server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${actual}`;
    return { url: this.baseUrl };
  }

  /** Queue behaviours; each POST /v1/messages takes the next one (then the default). */
  script(...behaviours: Behaviour[]): void {
    this.queue.push(...behaviours);
  }

  setDefault(behaviour: Behaviour): void {
    this.defaultBehaviour = behaviour;
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Forget queued behaviours, recorded requests, simulated cache state and the default. */
  reset(): void {
    this.queue.length = 0;
    this.requests.length = 0;
    this.seenPrefixes.clear();
    this.defaultBehaviour = { kind: 'reply' };
    this.models = undefined;
  }

  /** Resolves when a recorded request matches, or rejects after `timeoutMs`. */
  async waitFor(predicate: (requests: readonly RecordedRequest[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.requests)) {
      if (Date.now() > deadline) {
        throw new Error('FakeAnthropicServer.waitFor timed out');
      }
      await sleep(10);
    }
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) {
      return;
    }
    for (const socket of this.sockets) {
      socket.destroy();
    }
    this.sockets.clear();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async readBody(req: http.IncomingMessage): Promise<string> {
    const parts: Buffer[] = [];
    for await (const part of req) {
      parts.push(part as Buffer);
    }
    return Buffer.concat(parts).toString('utf8');
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await this.readBody(req);
    if (url.pathname.startsWith('/__control/')) {
      this.handleControl(url.pathname, req.method ?? 'GET', raw, res);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/v1/models') {
      this.sendModels(res, url);
      return;
    }
    if (req.method !== 'POST' || url.pathname !== '/v1/messages') {
      this.sendError(res, 404, 'not_found_error', `${req.method} ${url.pathname} not found`, `req_fake_${++this.counter}`);
      return;
    }
    let body: MessagesBody | undefined;
    try {
      body = JSON.parse(raw) as MessagesBody;
    } catch {
      body = undefined;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name === 'authorization' || name === 'x-api-key' || value === undefined) {
        continue;
      }
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const authorization = req.headers['authorization'];
    const xApiKey = req.headers['x-api-key'];
    const auth: RecordedRequest['auth'] =
      typeof authorization === 'string' && /^bearer /i.test(authorization)
        ? { scheme: 'bearer', value: authorization.slice(7) }
        : typeof xApiKey === 'string'
          ? { scheme: 'x-api-key', value: xApiKey }
          : { scheme: 'none' };
    const behaviour = this.queue.shift() ?? this.defaultBehaviour;
    const requestId = `req_fake_${++this.counter}`;
    const record: RecordedRequest = {
      index: this.requests.length,
      method: req.method,
      path: url.pathname,
      headers,
      auth,
      body,
      behaviour: behaviour.kind,
      requestId,
      receivedAt: Date.now(),
      clientClosed: false,
      finished: false,
    };
    this.requests.push(record);
    res.on('close', () => {
      if (!record.finished) {
        record.clientClosed = true;
      }
    });

    if (body === undefined) {
      record.finished = true;
      this.sendError(res, 400, 'invalid_request_error', 'Request body is not valid JSON.', requestId);
      return;
    }
    if (behaviour.kind === 'error') {
      record.finished = true;
      const type = behaviour.errorType ?? ERROR_TYPES[behaviour.status] ?? 'api_error';
      const extra: Record<string, string> = { ...(behaviour.headers ?? {}) };
      if (behaviour.retryAfter !== undefined) {
        extra['retry-after'] = String(behaviour.retryAfter);
      }
      this.sendError(res, behaviour.status, type, behaviour.message ?? ERROR_MESSAGES[type] ?? 'Error', requestId, extra);
      return;
    }
    const usage = this.usageFor(body, behaviour.usage);
    const model = behaviour.model ?? body.model ?? 'claude-fake';
    if (!body.stream) {
      record.finished = true;
      this.sendJsonMessage(res, behaviour, model, usage, requestId);
      return;
    }
    await this.sendStream(res, record, behaviour, model, usage);
  }

  /** Reported usage: scripted, or simulated caching (a prefix seen before is a cache read, else a write). */
  private usageFor(body: MessagesBody, scripted: FakeUsage | undefined): Required<FakeUsage> {
    const prefix = cachedPrefix(body);
    const totalChars = JSON.stringify(body.system ?? '').length + JSON.stringify(body.messages ?? []).length;
    let cacheCreationInputTokens = 0;
    let cacheReadInputTokens = 0;
    if (prefix !== undefined) {
      const tokens = estimateTokens(prefix);
      if (this.seenPrefixes.has(prefix)) {
        cacheReadInputTokens = tokens;
      } else {
        cacheCreationInputTokens = tokens;
        this.seenPrefixes.add(prefix);
      }
    }
    const simulated = {
      inputTokens: Math.max(1, estimateTokens(' '.repeat(totalChars)) - cacheCreationInputTokens - cacheReadInputTokens),
      outputTokens: 0,
      cacheCreationInputTokens,
      cacheReadInputTokens,
    };
    return { ...simulated, ...(scripted ?? {}) };
  }

  private sendModels(res: http.ServerResponse, url: URL): void {
    const requestId = `req_fake_${++this.counter}`;
    if (!this.models) {
      this.sendError(res, 404, 'not_found_error', 'GET /v1/models not found', requestId);
      return;
    }
    const limit = Math.max(1, Number(url.searchParams.get('limit') ?? 20) || 20);
    const data = this.models.slice(0, limit).map((m) => ({
      type: 'model',
      id: m.id,
      display_name: m.display_name ?? m.id,
      created_at: '2026-01-01T00:00:00Z',
      max_input_tokens: m.max_input_tokens ?? null,
      max_tokens: m.max_tokens ?? null,
    }));
    const payload = JSON.stringify({ data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
    res.writeHead(200, { 'content-type': 'application/json', 'request-id': requestId, 'content-length': Buffer.byteLength(payload) });
    res.end(payload);
  }

  private sendError(
    res: http.ServerResponse,
    status: number,
    type: string,
    message: string,
    requestId: string,
    extra: Record<string, string> = {},
  ): void {
    const payload = JSON.stringify({ type: 'error', error: { type, message }, request_id: requestId });
    res.writeHead(status, {
      'content-type': 'application/json',
      'request-id': requestId,
      'content-length': Buffer.byteLength(payload),
      ...extra,
    });
    res.end(payload);
  }

  private sendJsonMessage(
    res: http.ServerResponse,
    behaviour: Exclude<Behaviour, { kind: 'error' }>,
    model: string,
    usage: Required<FakeUsage>,
    requestId: string,
  ): void {
    const text = chunksOf(behaviour).join('');
    const payload = JSON.stringify({
      id: `msg_fake_${this.counter}`,
      type: 'message',
      role: 'assistant',
      model,
      content: [{ type: 'text', text }],
      stop_reason: behaviour.stopReason ?? 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: usage.inputTokens,
        output_tokens: usage.outputTokens || estimateTokens(text),
        cache_creation_input_tokens: usage.cacheCreationInputTokens,
        cache_read_input_tokens: usage.cacheReadInputTokens,
      },
    });
    res.writeHead(200, { 'content-type': 'application/json', 'request-id': requestId, 'content-length': Buffer.byteLength(payload) });
    res.end(payload);
  }

  private async sendStream(
    res: http.ServerResponse,
    record: RecordedRequest,
    behaviour: Exclude<Behaviour, { kind: 'error' }>,
    model: string,
    usage: Required<FakeUsage>,
  ): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'request-id': record.requestId,
    });
    res.flushHeaders();
    const write = (type: string, data: unknown): boolean => {
      if (res.destroyed || res.writableEnded) {
        return false;
      }
      this.probe?.({ kind: 'sse', type }, performance.now());
      res.write(sse(type, data));
      return true;
    };
    const chunks = chunksOf(behaviour);
    write('message_start', {
      type: 'message_start',
      message: {
        id: `msg_fake_${this.counter}`,
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: usage.inputTokens,
          output_tokens: 1,
          cache_creation_input_tokens: usage.cacheCreationInputTokens,
          cache_read_input_tokens: usage.cacheReadInputTokens,
        },
      },
    });
    if (behaviour.kind === 'stall' && chunks.length === 0) {
      return; // headers and message_start sent, then silence until the client gives up
    }
    const toolUses = behaviour.toolUses ?? [];
    const textBlock = chunks.length > 0 || toolUses.length === 0;
    if (textBlock) {
      write('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    }
    write('ping', { type: 'ping' });
    let sent = '';
    if (behaviour.firstDelayMs && chunks.length > 0) {
      await sleep(behaviour.firstDelayMs);
    }
    for (const chunk of chunks) {
      if (behaviour.delayMs) {
        await sleep(behaviour.delayMs);
      }
      if (!write('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: chunk } })) {
        return; // client went away
      }
      sent += chunk;
    }
    switch (behaviour.kind) {
      case 'stall':
        return; // some text, then silence
      case 'cut':
        record.finished = true;
        await sleep(30); // let the text already written reach the client first
        if (behaviour.mode === 'end') {
          res.end(); // a clean end of the HTTP response without message_stop
        } else {
          res.socket?.destroy();
          res.destroy();
        }
        return;
      case 'midStreamError': {
        const type = behaviour.errorType ?? 'overloaded_error';
        write('error', { type: 'error', error: { type, message: behaviour.message ?? ERROR_MESSAGES[type] ?? 'Error' } });
        record.finished = true;
        res.end();
        return;
      }
      case 'reply':
        break;
    }
    if (textBlock) {
      write('content_block_stop', { type: 'content_block_stop', index: 0 });
    }
    for (let i = 0; i < toolUses.length; i++) {
      if (!(await this.writeToolUse(write, i + (textBlock ? 1 : 0), toolUses[i], behaviour.delayMs))) {
        return;
      }
    }
    write('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: behaviour.stopReason ?? (toolUses.length > 0 ? 'tool_use' : 'end_turn'), stop_sequence: null },
      usage: { output_tokens: usage.outputTokens || estimateTokens(sent) },
    });
    write('message_stop', { type: 'message_stop' });
    record.finished = true;
    res.end();
  }

  /** One tool_use content block: start (empty input), input_json_delta pieces, stop. */
  private async writeToolUse(write: (type: string, data: unknown) => boolean, index: number, use: FakeToolUse, delayMs?: number): Promise<boolean> {
    const id = use.id ?? `toolu_fake_${++this.toolCounter}`;
    if (!write('content_block_start', { type: 'content_block_start', index, content_block: { type: 'tool_use', id, name: use.name, input: {} } })) {
      return false;
    }
    const json = use.rawInput ?? JSON.stringify(use.input ?? {});
    const size = Math.max(1, use.chunkSize ?? 12);
    for (let i = 0; i < json.length; i += size) {
      if (delayMs) {
        await sleep(delayMs);
      }
      if (!write('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: json.slice(i, i + size) } })) {
        return false;
      }
    }
    return write('content_block_stop', { type: 'content_block_stop', index });
  }

  private handleControl(path: string, method: string, raw: string, res: http.ServerResponse): void {
    const json = (status: number, value: unknown): void => {
      const payload = JSON.stringify(value);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
      res.end(payload);
    };
    try {
      if (path === '/__control/requests' && method === 'GET') {
        json(200, this.requests);
      } else if (path === '/__control/state' && method === 'GET') {
        json(200, { queued: this.queue.length, requests: this.requests.length, url: this.baseUrl });
      } else if (path === '/__control/reset' && method === 'POST') {
        this.reset();
        json(200, { ok: true });
      } else if (path === '/__control/script' && method === 'POST') {
        const parsed = JSON.parse(raw) as Behaviour | Behaviour[] | { behaviours: Behaviour[] };
        const list = Array.isArray(parsed) ? parsed : 'behaviours' in parsed ? parsed.behaviours : [parsed];
        this.script(...list);
        json(200, { ok: true, queued: this.queue.length });
      } else if (path === '/__control/models' && method === 'POST') {
        this.models = JSON.parse(raw) as FakeModel[] | undefined ?? undefined;
        json(200, { ok: true });
      } else if (path === '/__control/default' && method === 'POST') {
        this.setDefault(JSON.parse(raw) as Behaviour);
        json(200, { ok: true });
      } else {
        json(404, { ok: false, error: `unknown control ${method} ${path}` });
      }
    } catch (err) {
      json(400, { ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  }
}

/** Starts a fake server on a free port. */
export async function startFakeAnthropic(): Promise<FakeAnthropicServer> {
  const server = new FakeAnthropicServer();
  await server.start();
  return server;
}
