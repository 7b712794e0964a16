/**
 * ModelClient on the Anthropic Messages API through @anthropic-ai/sdk.
 *
 * - The SDK is loaded with a dynamic import on first use, never at module load (activation cost).
 * - System prompt blocks go out as text blocks; a block marked `cache` gets
 *   `cache_control: {type: 'ephemeral'}` (prompt caching of the prefix up to it).
 * - The SDK's `timeout` only covers the wait for response headers, so an idle watchdog aborts the
 *   stream when no event arrives for `idleTimeoutMs` → ModelError 'stalled'. Note the SDK swallows
 *   `ping` events, so the watchdog sees only content events: keep the idle timeout generous.
 * - The SDK retries 408/409/429/5xx/connection errors (honouring retry-after) but not an
 *   `event: error` inside a stream. We retry a mid-stream `overloaded_error` once ourselves, only
 *   when no text was delivered yet; otherwise we reject with 'cut' carrying the partial text.
 * - The request's AbortSignal closes the HTTP request and rejects with 'cancelled'.
 * - The log callback receives metadata only: never prompts, code or keys.
 * - Tools (request.tools) go out as `tools`; `tool_use` blocks are assembled from their
 *   `input_json_delta`s and returned as `toolCalls` — input that is not valid JSON comes back
 *   with `inputError` instead of failing the round. The loop itself is in toolLoop.ts.
 */
import { toAnthropicParams } from './anthropicMessages';
import type { ModelClient, ModelRequest, ModelResult, ModelToolCall, ModelUsage } from './modelClient';
import { ModelError, toModelError, type ModelErrorKind } from './modelErrors';

type SdkModule = typeof import('@anthropic-ai/sdk');
type SdkClient = InstanceType<SdkModule['default']>;
type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface ModelLogEntry {
  readonly event: 'start' | 'retry' | 'done' | 'error';
  readonly model: string;
  readonly requestId?: string;
  /** Milliseconds from the call to the first text delta. */
  readonly firstTokenMs?: number;
  readonly durationMs?: number;
  readonly inputTokens?: number;
  readonly outputTokens?: number;
  readonly cacheCreationInputTokens?: number;
  readonly cacheReadInputTokens?: number;
  /** HTTP retries done by the SDK plus our own mid-stream retry. */
  readonly retries?: number;
  readonly stopReason?: string;
  readonly errorKind?: ModelErrorKind;
  readonly status?: number;
  /** Short reason for a retry, e.g. 'overloaded_error mid-stream'. */
  readonly reason?: string;
}

export interface AnthropicClientOptions {
  readonly apiKey: string | undefined;
  readonly baseURL?: string;
  /** HTTP retries by the SDK (429/5xx/connection). Default 2. */
  readonly maxRetries?: number;
  /** Max wait for response headers per attempt. Default 60 s. */
  readonly headersTimeoutMs?: number;
  /** Abort a stream when no event arrives for this long. */
  readonly idleTimeoutMs: number;
  readonly log?: (entry: ModelLogEntry) => void;
  /** Custom fetch (tests, proxies). Default: global fetch. */
  readonly fetch?: FetchLike;
}

export interface AnthropicModelInfo {
  readonly id: string;
  readonly displayName: string;
  readonly maxInputTokens?: number;
  readonly maxOutputTokens?: number;
}

let sdkPromise: Promise<SdkModule> | undefined;

/** Loads @anthropic-ai/sdk once, on first use. */
export function loadAnthropicSdk(): Promise<SdkModule> {
  if (!sdkPromise) {
    sdkPromise = import('@anthropic-ai/sdk');
    sdkPromise.catch(() => {
      sdkPromise = undefined;
    });
  }
  return sdkPromise;
}

interface AttemptState {
  text: string;
  delivered: boolean;
  firstTokenAt?: number;
  sdkRetries: number;
  requestId?: string;
}

function emptyUsage(): ModelUsage {
  return { inputTokens: 0, outputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0 };
}

interface RawUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}

function mergeUsage(usage: ModelUsage, raw: RawUsage | undefined | null): void {
  if (!raw) {
    return;
  }
  if (typeof raw.input_tokens === 'number') {
    usage.inputTokens = raw.input_tokens;
  }
  if (typeof raw.output_tokens === 'number') {
    usage.outputTokens = raw.output_tokens;
  }
  if (typeof raw.cache_creation_input_tokens === 'number') {
    usage.cacheCreationInputTokens = raw.cache_creation_input_tokens;
  }
  if (typeof raw.cache_read_input_tokens === 'number') {
    usage.cacheReadInputTokens = raw.cache_read_input_tokens;
  }
}

export class AnthropicModelClient implements ModelClient {
  private readonly options: AnthropicClientOptions;

  constructor(options: AnthropicClientOptions) {
    this.options = options;
  }

  async stream(request: ModelRequest, onText: (delta: string) => void): Promise<ModelResult> {
    const apiKey = this.options.apiKey?.trim();
    const secrets = apiKey ? [apiKey] : [];
    const context = { baseURL: this.options.baseURL, model: request.model, secrets, signal: request.signal };
    if (!apiKey) {
      throw new ModelError('noKey', 'No Anthropic API key is set.');
    }
    if (request.signal.aborted) {
      throw new ModelError('cancelled', 'The request was cancelled.');
    }
    const startedAt = Date.now();
    const log = (entry: Omit<ModelLogEntry, 'model'>): void => {
      try {
        this.options.log?.({ model: request.model, ...entry });
      } catch {
        // a broken logger must not break the request
      }
    };
    log({ event: 'start' });

    let sdk: SdkModule;
    try {
      sdk = await loadAnthropicSdk();
    } catch (err) {
      throw new ModelError('unknown', 'Could not load the Anthropic SDK.', { cause: err });
    }

    const state: AttemptState = { text: '', delivered: false, sdkRetries: 0 };
    let ownRetries = 0;
    for (;;) {
      try {
        const { usage, stopReason, toolCalls } = await this.attempt(sdk, apiKey, request, state, onText);
        const retries = state.sdkRetries + ownRetries;
        const firstTokenMs = state.firstTokenAt !== undefined ? state.firstTokenAt - startedAt : undefined;
        log({
          event: 'done',
          requestId: state.requestId,
          firstTokenMs,
          durationMs: Date.now() - startedAt,
          inputTokens: usage.inputTokens,
          outputTokens: usage.outputTokens,
          cacheCreationInputTokens: usage.cacheCreationInputTokens,
          cacheReadInputTokens: usage.cacheReadInputTokens,
          retries,
          stopReason,
        });
        return { text: state.text, stopReason, usage, requestId: state.requestId, firstTokenMs, retries, ...(toolCalls.length > 0 ? { toolCalls } : {}) };
      } catch (err) {
        let error = toModelError(err, { ...context, partialText: state.text || undefined });
        if (error.kind === 'overloaded' && error.midStream && !state.delivered && ownRetries < 1 && !request.signal.aborted) {
          ownRetries++;
          log({ event: 'retry', requestId: error.requestId ?? state.requestId, reason: 'overloaded_error mid-stream', retries: state.sdkRetries + ownRetries });
          continue;
        }
        if (error.midStream && state.delivered && error.kind !== 'cancelled' && error.kind !== 'stalled' && error.kind !== 'cut') {
          error = new ModelError('cut', `The answer was cut off: ${error.message}`, {
            partialText: state.text,
            requestId: error.requestId ?? state.requestId,
            apiErrorType: error.apiErrorType,
            midStream: true,
            cause: error,
          });
        }
        log({
          event: 'error',
          requestId: error.requestId ?? state.requestId,
          errorKind: error.kind,
          status: error.status,
          retries: state.sdkRetries + ownRetries,
          durationMs: Date.now() - startedAt,
        });
        throw error;
      }
    }
  }

  /**
   * The models this key can use (GET /v1/models through the SDK's models.list), with their
   * input and output limits when the API reports them. Rejects with a ModelError.
   */
  async listModels(signal?: AbortSignal): Promise<AnthropicModelInfo[]> {
    const apiKey = this.options.apiKey?.trim();
    if (!apiKey) {
      throw new ModelError('noKey', 'No Anthropic API key is set.');
    }
    const sdk = await loadAnthropicSdk();
    const client = this.makeClient(sdk, apiKey, { text: '', delivered: false, sdkRetries: 0 });
    const out: AnthropicModelInfo[] = [];
    try {
      for await (const m of client.models.list({ limit: 100 }, { signal })) {
        const raw = m as { id: string; display_name?: string; max_input_tokens?: number | null; max_tokens?: number | null };
        out.push({
          id: raw.id,
          displayName: raw.display_name || raw.id,
          ...(typeof raw.max_input_tokens === 'number' ? { maxInputTokens: raw.max_input_tokens } : {}),
          ...(typeof raw.max_tokens === 'number' ? { maxOutputTokens: raw.max_tokens } : {}),
        });
        if (out.length >= 200) {
          break;
        }
      }
    } catch (err) {
      throw toModelError(err, { baseURL: this.options.baseURL, secrets: [apiKey], signal });
    }
    return out;
  }

  private makeClient(sdk: SdkModule, apiKey: string, state: AttemptState): SdkClient {
    const baseFetch: FetchLike = this.options.fetch ?? ((input, init) => fetch(input, init));
    let attempts = 0;
    const countingFetch: FetchLike = (input, init) => {
      attempts++;
      if (attempts > 1) {
        state.sdkRetries++;
      }
      return baseFetch(input, init);
    };
    return new sdk.default({
      apiKey,
      authToken: null,
      // explicit, so ANTHROPIC_BASE_URL in the environment cannot redirect the key
      baseURL: this.options.baseURL || 'https://api.anthropic.com',
      maxRetries: this.options.maxRetries ?? 2,
      timeout: this.options.headersTimeoutMs ?? 60_000,
      fetch: countingFetch as never,
      logLevel: 'off',
    });
  }

  private async attempt(
    sdk: SdkModule,
    apiKey: string,
    request: ModelRequest,
    state: AttemptState,
    onText: (delta: string) => void,
  ): Promise<{ usage: ModelUsage; stopReason?: string; toolCalls: ModelToolCall[] }> {
    const client = this.makeClient(sdk, apiKey, state);
    const params = toAnthropicParams(request);
    const toolBlocks = new Map<number, { id: string; name: string; json: string }>();
    const toolCalls: ModelToolCall[] = [];
    const controller = new AbortController();
    let abortedBy: 'idle' | 'cancel' | undefined;
    const onCancel = (): void => {
      abortedBy ??= 'cancel';
      controller.abort();
    };
    request.signal.addEventListener('abort', onCancel, { once: true });
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const idleMs = this.options.idleTimeoutMs;
    const armIdle = (): void => {
      if (idleTimer) {
        clearTimeout(idleTimer);
      }
      idleTimer = setTimeout(() => {
        abortedBy ??= 'idle';
        controller.abort();
      }, idleMs);
    };
    const usage = emptyUsage();
    let stopReason: string | undefined;
    let sawStop = false;
    let streaming = false;
    try {
      const { data: stream, request_id } = await client.messages
        .create(
          {
            model: request.model,
            max_tokens: request.maxTokens,
            ...(params.system.length > 0 ? { system: params.system } : {}),
            messages: params.messages as never,
            ...(params.tools ? { tools: params.tools as never } : {}),
            ...(params.tool_choice ? { tool_choice: params.tool_choice } : {}),
            stream: true,
          },
          { signal: controller.signal },
        )
        .withResponse();
      state.requestId = request_id ?? state.requestId;
      streaming = true;
      armIdle();
      for await (const event of stream) {
        armIdle();
        switch (event.type) {
          case 'message_start':
            mergeUsage(usage, event.message.usage as RawUsage);
            break;
          case 'content_block_start':
            if (event.content_block.type === 'tool_use') {
              toolBlocks.set(event.index, { id: event.content_block.id, name: event.content_block.name, json: '' });
            }
            break;
          case 'content_block_stop': {
            const block = toolBlocks.get(event.index);
            if (block) {
              toolBlocks.delete(event.index);
              toolCalls.push(parseToolCall(block));
            }
            break;
          }
          case 'content_block_delta':
            if (event.delta.type === 'input_json_delta') {
              const block = toolBlocks.get(event.index);
              if (block) {
                block.json += event.delta.partial_json;
              }
            } else if (event.delta.type === 'text_delta' && event.delta.text) {
              if (state.firstTokenAt === undefined) {
                state.firstTokenAt = Date.now();
              }
              state.text += event.delta.text;
              state.delivered = true;
              onText(event.delta.text);
            }
            break;
          case 'message_delta':
            stopReason = event.delta.stop_reason ?? stopReason;
            mergeUsage(usage, event.usage as RawUsage);
            break;
          case 'message_stop':
            sawStop = true;
            break;
          default:
            break;
        }
      }
    } catch (err) {
      if (abortedBy === 'cancel' || request.signal.aborted) {
        throw new ModelError('cancelled', 'The request was cancelled.', { requestId: state.requestId, partialText: state.text || undefined, cause: err });
      }
      if (abortedBy === 'idle') {
        throw this.stalled(state);
      }
      const mapped = toModelError(err, { baseURL: this.options.baseURL, model: request.model, secrets: [apiKey] });
      // Anything failing after the response started streaming is a cut stream (socket closed, bad event…).
      if (streaming && (mapped.kind === 'network' || mapped.kind === 'unknown')) {
        const why = mapped.kind === 'network' ? 'the connection was closed' : mapped.message;
        throw new ModelError('cut', `The answer was cut off: ${why}.`, {
          partialText: state.text,
          requestId: state.requestId,
          midStream: true,
          cause: err,
        });
      }
      throw mapped;
    } finally {
      if (idleTimer) {
        clearTimeout(idleTimer);
      }
      request.signal.removeEventListener('abort', onCancel);
      if (!controller.signal.aborted && !sawStop) {
        controller.abort(); // release the connection on every early exit
      }
    }
    // The SDK's stream iterator ends quietly when its controller is aborted.
    if (abortedBy === 'cancel' || request.signal.aborted) {
      throw new ModelError('cancelled', 'The request was cancelled.', { requestId: state.requestId, partialText: state.text || undefined });
    }
    if (abortedBy === 'idle') {
      throw this.stalled(state);
    }
    if (!sawStop) {
      throw new ModelError('cut', 'The answer was cut off: the stream ended before message_stop.', {
        partialText: state.text,
        requestId: state.requestId,
        midStream: true,
      });
    }
    return { usage, stopReason, toolCalls };
  }

  private stalled(state: AttemptState): ModelError {
    const idleSeconds = Math.round(this.options.idleTimeoutMs / 100) / 10;
    return new ModelError('stalled', `No data from the API for ${idleSeconds} s.`, {
      partialText: state.text || undefined,
      requestId: state.requestId,
      idleSeconds,
    });
  }
}

/** A streamed tool_use block's accumulated JSON as a call; unparseable input is kept as an error. */
function parseToolCall(block: { id: string; name: string; json: string }): ModelToolCall {
  if (block.json.trim() === '') {
    return { id: block.id, name: block.name, input: {} };
  }
  try {
    return { id: block.id, name: block.name, input: JSON.parse(block.json) as unknown };
  } catch (err) {
    return { id: block.id, name: block.name, input: {}, inputError: `the input was not valid JSON (${(err as Error).message})` };
  }
}
