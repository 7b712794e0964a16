/**
 * Errors from the model client, with one `kind` per thing the user can do something about,
 * and the user-facing text for each. Pure: recognises @anthropic-ai/sdk errors by their `name`
 * and fields (the SDK is loaded lazily, so this module must not import it at runtime).
 */

export type ModelErrorKind =
  | 'noKey'
  | 'auth'
  | 'forbidden'
  | 'notFound'
  | 'rateLimited'
  | 'overloaded'
  | 'server'
  | 'network'
  | 'stalled'
  | 'cut'
  | 'cancelled'
  | 'badRequest'
  | 'unknown';

export interface ModelErrorInit {
  status?: number;
  retryAfterSeconds?: number;
  partialText?: string;
  requestId?: string;
  /** The API's error type, e.g. 'overloaded_error'. */
  apiErrorType?: string;
  /** For 'network': the host that could not be reached. */
  host?: string;
  /** For 'network': 'refused' | 'dns' | 'proxy' | 'reset' | 'timeout' | 'tls' | 'other'. */
  networkCause?: string;
  /** For 'stalled': the idle timeout that fired, in seconds. */
  idleSeconds?: number;
  /** True when the error arrived inside an already-started SSE stream. */
  midStream?: boolean;
  /** The model id involved, for 'notFound'. */
  model?: string;
  cause?: unknown;
}

export class ModelError extends Error {
  readonly kind: ModelErrorKind;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly partialText?: string;
  readonly requestId?: string;
  readonly apiErrorType?: string;
  readonly host?: string;
  readonly networkCause?: string;
  readonly idleSeconds?: number;
  readonly midStream?: boolean;
  readonly model?: string;

  constructor(kind: ModelErrorKind, message: string, init: ModelErrorInit = {}) {
    super(message, init.cause !== undefined ? { cause: init.cause } : undefined);
    this.name = 'ModelError';
    this.kind = kind;
    this.status = init.status;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.partialText = init.partialText;
    this.requestId = init.requestId;
    this.apiErrorType = init.apiErrorType;
    this.host = init.host;
    this.networkCause = init.networkCause;
    this.idleSeconds = init.idleSeconds;
    this.midStream = init.midStream;
    this.model = init.model;
  }
}

export interface ErrorContext {
  /** Base URL requests go to, to name the host in network errors. */
  baseURL?: string;
  model?: string;
  /** Secrets to scrub from any message (the API key). */
  secrets?: readonly string[];
  partialText?: string;
  /** The request's signal: an abort while it is aborted is a cancellation. */
  signal?: AbortSignal;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  headers?: unknown;
  error?: unknown;
  type?: unknown;
  requestID?: unknown;
  code?: unknown;
  cause?: unknown;
  hostname?: unknown;
}

function asErrorLike(err: unknown): ErrorLike | undefined {
  return typeof err === 'object' && err !== null ? (err as ErrorLike) : undefined;
}

/** Replaces every occurrence of each secret (and anything that looks like an Anthropic key) with a placeholder. */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 6) {
      out = out.split(secret).join('[REDACTED]');
    }
  }
  return out
    .replace(/sk-ant-[A-Za-z0-9_-]{8,}/g, '[REDACTED]')
    .replace(/(authorization:\s*bearer\s+)\S+/gi, '$1[REDACTED]')
    .replace(/(x-api-key:\s*)\S+/gi, '$1[REDACTED]');
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') {
    return undefined;
  }
  const getter = (headers as { get?: unknown }).get;
  if (typeof getter === 'function') {
    const value: unknown = getter.call(headers, name);
    return typeof value === 'string' ? value : undefined;
  }
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** Seconds to wait from `retry-after-ms` / `retry-after` (seconds or HTTP date). */
export function parseRetryAfter(headers: unknown, now = Date.now()): number | undefined {
  const ms = headerValue(headers, 'retry-after-ms');
  if (ms !== undefined && Number.isFinite(parseFloat(ms))) {
    return Math.max(0, Math.ceil(parseFloat(ms) / 1000));
  }
  const value = headerValue(headers, 'retry-after');
  if (value === undefined) {
    return undefined;
  }
  const seconds = parseFloat(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, Math.ceil(seconds));
  }
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, Math.ceil((date - now) / 1000)) : undefined;
}

function hostOf(baseURL: string | undefined): string | undefined {
  if (!baseURL) {
    return undefined;
  }
  try {
    return new URL(baseURL).host;
  } catch {
    return undefined;
  }
}

/** Walks `cause` chains (undici wraps socket errors in `TypeError: fetch failed`). */
function causeChain(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 6; depth++) {
    const like = asErrorLike(current);
    if (!like) {
      break;
    }
    out.push(like);
    // AggregateError (happy eyeballs) keeps the real errors in `errors`
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      current = errors[0];
      continue;
    }
    current = like.cause;
  }
  return out;
}

function networkCauseOf(err: unknown): string | undefined {
  for (const link of causeChain(err)) {
    const code = typeof link.code === 'string' ? link.code : '';
    const message = typeof link.message === 'string' ? link.message : '';
    if (code === 'ECONNREFUSED') {
      return 'refused';
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      return 'dns';
    }
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') {
      return 'reset';
    }
    if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') {
      return 'timeout';
    }
    if (/proxy/i.test(message) || code === 'UND_ERR_PRX_TLS' || /^ERR_PROXY|PROXY/.test(code)) {
      return 'proxy';
    }
    if (/certificate|self[- ]signed|CERT_|SSL|TLS/i.test(code + ' ' + message)) {
      return 'tls';
    }
  }
  return undefined;
}

const STATUS_KINDS: Record<number, ModelErrorKind> = {
  400: 'badRequest',
  401: 'auth',
  403: 'forbidden',
  404: 'notFound',
  413: 'badRequest',
  429: 'rateLimited',
  529: 'overloaded',
};

const TYPE_KINDS: Record<string, ModelErrorKind> = {
  authentication_error: 'auth',
  permission_error: 'forbidden',
  not_found_error: 'notFound',
  rate_limit_error: 'rateLimited',
  overloaded_error: 'overloaded',
  api_error: 'server',
  invalid_request_error: 'badRequest',
  request_too_large: 'badRequest',
};

function apiErrorTypeOf(like: ErrorLike): string | undefined {
  if (typeof like.type === 'string') {
    return like.type;
  }
  const body = asErrorLike(like.error);
  const inner = body ? asErrorLike(body.error) : undefined;
  if (inner && typeof inner.type === 'string') {
    return inner.type;
  }
  return undefined;
}

function apiMessageOf(like: ErrorLike): string | undefined {
  const body = asErrorLike(like.error);
  const inner = body ? asErrorLike(body.error) : undefined;
  return inner && typeof inner.message === 'string' ? inner.message : undefined;
}

/** Maps anything thrown by the SDK, fetch or our own code to a ModelError (already-mapped errors pass through). */
export function toModelError(err: unknown, context: ErrorContext = {}): ModelError {
  if (err instanceof ModelError) {
    return err;
  }
  const secrets = context.secrets ?? [];
  const like = asErrorLike(err) ?? {};
  const name = typeof like.name === 'string' ? like.name : '';
  const rawMessage = scrubSecrets(typeof like.message === 'string' ? like.message : String(err), secrets);
  const requestId = typeof like.requestID === 'string' ? like.requestID : headerValue(like.headers, 'request-id');
  const host = hostOf(context.baseURL);
  const base = { cause: err, requestId, partialText: context.partialText, model: context.model };

  if (name === 'APIUserAbortError' || name === 'AbortError' || context.signal?.aborted) {
    return new ModelError('cancelled', 'The request was cancelled.', base);
  }
  if (name === 'APIConnectionTimeoutError') {
    return new ModelError('network', `Timed out waiting for ${host ?? 'the API'} to respond.`, {
      ...base,
      host,
      networkCause: 'timeout',
    });
  }
  if (name === 'APIConnectionError' || (name === 'TypeError' && /fetch failed|terminated/i.test(rawMessage))) {
    const networkCause = networkCauseOf(err) ?? 'other';
    return new ModelError('network', `Could not connect to ${host ?? 'the API'} (${networkCause}): ${rawMessage}`, {
      ...base,
      host,
      networkCause,
    });
  }
  const status = typeof like.status === 'number' ? like.status : undefined;
  const apiErrorType = apiErrorTypeOf(like);
  const apiMessage = apiMessageOf(like);
  if (status !== undefined || apiErrorType !== undefined) {
    const kind: ModelErrorKind =
      (status !== undefined ? STATUS_KINDS[status] : undefined) ??
      (apiErrorType !== undefined ? TYPE_KINDS[apiErrorType] : undefined) ??
      (status !== undefined && status >= 500 ? 'server' : 'unknown');
    const message = scrubSecrets(apiMessage ?? rawMessage, secrets);
    return new ModelError(kind, message, {
      ...base,
      status,
      apiErrorType,
      retryAfterSeconds: parseRetryAfter(like.headers),
      midStream: status === undefined,
    });
  }
  const networkCause = networkCauseOf(err);
  if (networkCause) {
    return new ModelError('network', `Could not connect to ${host ?? 'the API'} (${networkCause}): ${rawMessage}`, {
      ...base,
      host,
      networkCause,
    });
  }
  return new ModelError('unknown', rawMessage, base);
}

export type ModelErrorAction = 'setApiKey' | `openSettings:${string}` | 'retry' | 'showLog';

export interface ModelErrorDescription {
  readonly message: string;
  readonly action?: ModelErrorAction;
}

const NETWORK_TEXT: Record<string, string> = {
  refused: 'the connection was refused',
  dns: 'the host name could not be resolved (DNS)',
  proxy: 'the proxy refused or failed the connection',
  reset: 'the connection was reset',
  timeout: 'the connection timed out',
  tls: 'the TLS certificate was not accepted',
  other: 'the connection failed',
};

/** User-facing text and the next step for an error. Never contains the API key. */
export function describeModelError(err: unknown, secrets: readonly string[] = []): ModelErrorDescription {
  const e = toModelError(err, { secrets });
  const describe = (): ModelErrorDescription => {
    switch (e.kind) {
      case 'noKey':
        return { message: 'No Anthropic API key is set. Set one to use @backend.', action: 'setApiKey' };
      case 'auth':
        return { message: 'The Anthropic API rejected the API key (401). Set a valid key.', action: 'setApiKey' };
      case 'forbidden':
        return {
          message:
            'The API key lacks access to this resource (403). Check the key\'s workspace permissions, and that `architectPersonas.baseUrl` points at the Anthropic API or a gateway you trust.',
          action: 'openSettings:architectPersonas.baseUrl',
        };
      case 'notFound':
        return {
          message: `The model ${e.model ? `\`${e.model}\` ` : ''}was not found (404). Change \`architectPersonas.model\` to a model your key can use.`,
          action: 'openSettings:architectPersonas.model',
        };
      case 'rateLimited':
        return {
          message:
            e.retryAfterSeconds !== undefined
              ? `Rate limited by the Anthropic API (429). Retry in ${e.retryAfterSeconds} seconds.`
              : 'Rate limited by the Anthropic API (429). Retry in a minute.',
          action: 'retry',
        };
      case 'overloaded':
        return { message: 'The Anthropic API is overloaded right now. Retry in a little while.', action: 'retry' };
      case 'server':
        return {
          message: `The Anthropic API had an internal error${e.status ? ` (${e.status})` : ''}. Retry later.`,
          action: 'retry',
        };
      case 'network': {
        const why = NETWORK_TEXT[e.networkCause ?? 'other'] ?? NETWORK_TEXT.other;
        const where = e.host ? ` to ${e.host}` : '';
        return {
          message: `Could not reach the Anthropic API${where}: ${why}. Check your network, proxy and \`architectPersonas.baseUrl\`.`,
          action: e.networkCause === 'dns' || e.networkCause === 'refused' ? 'openSettings:architectPersonas.baseUrl' : 'retry',
        };
      }
      case 'stalled':
        return {
          message: `The answer stopped: no data for ${e.idleSeconds ?? '?'} s. Retry, or raise \`architectPersonas.idleTimeoutSeconds\`.`,
          action: 'retry',
        };
      case 'cut':
        return {
          message: 'The answer was cut off before it finished; what arrived is kept above. Retry for a complete answer.',
          action: 'retry',
        };
      case 'cancelled':
        return { message: 'Cancelled.' };
      case 'badRequest':
        return {
          message: `The Anthropic API refused the request${e.status ? ` (${e.status})` : ''}: ${e.message}`,
          action: 'showLog',
        };
      case 'unknown':
        return { message: `Unexpected error talking to the Anthropic API: ${e.message}`, action: 'showLog' };
    }
  };
  const d = describe();
  return { ...d, message: scrubSecrets(d.message, secrets) };
}
