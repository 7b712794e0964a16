import * as assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';
import { describeModelError, ModelError, parseRetryAfter, scrubSecrets, toModelError } from '../../../src/core/model/modelErrors';

const KEY = 'sk-ant-api03-secret-key-abcdefghijklmnop';

function apiError(status: number, type: string, headers: Record<string, string> = {}): Error {
  return Anthropic.APIError.generate(status, { type: 'error', error: { type, message: `boom ${KEY}` } }, undefined, new Headers({ 'request-id': 'req_1', ...headers }));
}

describe('toModelError', () => {
  const cases: Array<[number, string, string]> = [
    [400, 'invalid_request_error', 'badRequest'],
    [401, 'authentication_error', 'auth'],
    [403, 'permission_error', 'forbidden'],
    [404, 'not_found_error', 'notFound'],
    [429, 'rate_limit_error', 'rateLimited'],
    [500, 'api_error', 'server'],
    [503, 'api_error', 'server'],
    [529, 'overloaded_error', 'overloaded'],
  ];
  for (const [status, type, kind] of cases) {
    it(`maps ${status} ${type} to ${kind}`, () => {
      const err = toModelError(apiError(status, type), { secrets: [KEY] });
      assert.equal(err.kind, kind);
      assert.equal(err.status, status);
      assert.equal(err.requestId, 'req_1');
      assert.ok(!err.message.includes(KEY));
    });
  }

  it('reads retry-after on a 429', () => {
    const err = toModelError(apiError(429, 'rate_limit_error', { 'retry-after': '17' }));
    assert.equal(err.retryAfterSeconds, 17);
  });

  it('maps SDK connection, timeout and abort errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' });
    const conn = new Anthropic.APIConnectionError({ cause: Object.assign(new TypeError('fetch failed'), { cause: refused }) });
    const mapped = toModelError(conn, { baseURL: 'https://gateway.example.com/anthropic' });
    assert.equal(mapped.kind, 'network');
    assert.equal(mapped.networkCause, 'refused');
    assert.equal(mapped.host, 'gateway.example.com');
    const dns = new Anthropic.APIConnectionError({ cause: Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' }) });
    assert.equal(toModelError(dns).networkCause, 'dns');
    const proxy = new Anthropic.APIConnectionError({ cause: new Error('Proxy response (407) !== 200 when HTTP Tunneling') });
    assert.equal(toModelError(proxy).networkCause, 'proxy');
    assert.equal(toModelError(new Anthropic.APIConnectionTimeoutError()).networkCause, 'timeout');
    assert.equal(toModelError(new Anthropic.APIUserAbortError()).kind, 'cancelled');
  });

  it('maps a mid-stream error event (no status) by its type', () => {
    const err = new Anthropic.APIError(undefined, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, undefined, undefined, 'overloaded_error');
    const mapped = toModelError(err);
    assert.equal(mapped.kind, 'overloaded');
    assert.equal(mapped.midStream, true);
  });

  it('passes a ModelError through and maps anything else to unknown', () => {
    const own = new ModelError('stalled', 'x', { idleSeconds: 3 });
    assert.equal(toModelError(own), own);
    assert.equal(toModelError('weird').kind, 'unknown');
  });
});

describe('describeModelError', () => {
  it('points no key and 401 at Set API Key', () => {
    assert.equal(describeModelError(new ModelError('noKey', 'x')).action, 'setApiKey');
    assert.equal(describeModelError(apiError(401, 'authentication_error')).action, 'setApiKey');
  });

  it('403 mentions the key and architectPersonas.baseUrl', () => {
    const d = describeModelError(apiError(403, 'permission_error'));
    assert.match(d.message, /architectPersonas\.baseUrl/);
    assert.equal(d.action, 'openSettings:architectPersonas.baseUrl');
  });

  it('404 points at architectPersonas.model and names the model', () => {
    const d = describeModelError(new ModelError('notFound', 'x', { model: 'claude-nope' }));
    assert.match(d.message, /claude-nope/);
    assert.equal(d.action, 'openSettings:architectPersonas.model');
  });

  it('429 says when to retry', () => {
    const d = describeModelError(new ModelError('rateLimited', 'x', { retryAfterSeconds: 12 }));
    assert.match(d.message, /retry in 12 seconds/i);
    assert.equal(d.action, 'retry');
  });

  it('overloaded and 5xx say retry later', () => {
    assert.match(describeModelError(new ModelError('overloaded', 'x')).message, /overloaded/i);
    assert.match(describeModelError(new ModelError('server', 'x', { status: 500 })).message, /retry later/i);
  });

  it('stalled names the idle timeout and the setting', () => {
    const d = describeModelError(new ModelError('stalled', 'x', { idleSeconds: 45 }));
    assert.match(d.message, /45 s/);
    assert.match(d.message, /architectPersonas\.idleTimeoutSeconds/);
  });

  it('network names the host and the cause', () => {
    const d = describeModelError(new ModelError('network', 'x', { host: 'api.example.com', networkCause: 'dns' }));
    assert.match(d.message, /api\.example\.com/);
    assert.match(d.message, /DNS/);
  });

  it('never includes the API key', () => {
    const err = new ModelError('badRequest', `bad header x-api-key: ${KEY}`, { status: 400 });
    const d = describeModelError(err, [KEY]);
    assert.ok(!d.message.includes(KEY));
    const anyKey = describeModelError(new ModelError('unknown', 'leaked sk-ant-api03-AAAAAAAAAAAAAAAAAAAA here'));
    assert.ok(!anyKey.message.includes('sk-ant-api03-AAAA'));
  });
});

describe('helpers', () => {
  it('scrubSecrets removes given secrets and bearer values', () => {
    assert.equal(scrubSecrets(`key=${KEY}`, [KEY]), 'key=[REDACTED]');
    assert.equal(scrubSecrets('Authorization: Bearer abc.def'), 'Authorization: Bearer [REDACTED]');
  });

  it('parseRetryAfter reads seconds, milliseconds and HTTP dates', () => {
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': '3' })), 3);
    assert.equal(parseRetryAfter(new Headers({ 'retry-after-ms': '1500' })), 2);
    const now = Date.parse('2025-01-01T00:00:00Z');
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' }), now), 30);
    assert.equal(parseRetryAfter(new Headers({})), undefined);
  });
});
