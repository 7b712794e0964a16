/**
 * Whether an identifier names a secret: `DB_PASSWORD`, `apiKey`, `client_secret`,
 * `aws_secret_access_key`, `X-Auth-Token` do; `password_field`, `max_tokens`, `primaryKey`,
 * `tokenizer`, `token_url` do not.
 */

/** `keyish`: `<something> key` with an unknown qualifier (`hubspotKey`): only random-looking values count. */
export type KeyStrength = 'password' | 'secret' | 'auth-header' | 'keyish';

/** Splits an identifier into lower-case words: snake, kebab, dotted and camelCase. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode', 'pw', 'pword', 'passw', 'dbpass', 'dbpassword', 'userpassword', 'adminpassword', 'rootpassword', 'mysqlpassword', 'pgpassword']);
const SECRET_WORDS = new Set(['secret', 'secrets', 'token', 'tokens', 'credential', 'credentials', 'creds', 'apikey', 'apikeys', 'apitoken', 'authtoken', 'accesstoken', 'refreshtoken', 'secretkey', 'privatekey', 'accesskey', 'clientsecret', 'bearer', 'sessionkey', 'masterkey', 'authkey', 'appkey', 'appsecret', 'signingkey', 'encryptionkey', 'webhooksecret', 'jwtsecret', 'secretaccesskey', 'auth']);
/** Words that, before `key`, make it a secret key (`api key`, `access key`, `secret key`). */
const KEY_QUALIFIERS = new Set([
  'api', 'access', 'secret', 'private', 'auth', 'client', 'master', 'encryption', 'encrypt', 'enc', 'signing', 'sign', 'app',
  'application', 'account', 'shared', 'service', 'webhook', 'consumer', 'subscription', 'admin', 'deploy', 'session', 'cookie', 'jwt',
  'hmac', 'ssh', 'gpg', 'pgp', 'aes', 'crypto', 'cipher', 'live', 'rest', 'write', 'license', 'licence', 'server', 'management',
  'mgmt', 'storage', 'primary', 'secondary', 'root', 'user', 'developer', 'dev', 'prod', 'production', 'integration', 'partner',
  'merchant', 'publisher', 'instrumentation', 'ingest', 'ingestion', 'push', 'sdk', 'mobile', 'site', 'recaptcha', 'maps', 'google',
  'stripe', 'openai', 'anthropic', 'twilio', 'sendgrid', 'mailgun', 'algolia', 'datadog', 'aws', 'azure', 'gcp', 'firebase', 'heroku',
  'cloudflare', 'github', 'gitlab', 'slack', 'discord', 'telegram', 'shopify', 'hf', 'huggingface', 'mapbox', 'sentry', 'newrelic',
  'pusher', 'segment', 'mixpanel', 'amplitude', 'okta', 'auth0', 'vault', 'nuget', 'npm', 'pypi', 'docker', 'registry', 'bot', 'x',
]);
/** Words that mean the identifier names something about a secret, not the secret itself. */
const DENY_WORDS = new Set([
  'type', 'types', 'field', 'fields', 'label', 'name', 'names', 'length', 'len', 'min', 'max', 'maximum', 'minimum', 'placeholder',
  'hint', 'prompt', 'regex', 'regexp', 'pattern', 'policy', 'policies', 'url', 'urls', 'uri', 'endpoint', 'path', 'paths', 'file',
  'files', 'filename', 'dir', 'directory', 'id', 'ids', 'expires', 'expiry', 'expiration', 'expire', 'expired', 'ttl', 'count',
  'counts', 'enabled', 'disabled', 'header', 'headers', 'prefix', 'format', 'mode', 'algorithm', 'alg', 'version', 'strength',
  'reset', 'required', 'visible', 'visibility', 'timeout', 'limit', 'limits', 'lifetime', 'rotation', 'env', 'var', 'variable',
  'param', 'parameter', 'error', 'errors', 'message', 'msg', 'changed', 'input', 'button', 'icon', 'class', 'style', 'selector',
  'locator', 'question', 'generator', 'validator', 'validation', 'hasher', 'manager', 'provider', 'store', 'storage', 'cache',
  'scope', 'scopes', 'size', 'num', 'number', 'index', 'idx', 'position', 'pos', 'offset', 'kind', 'location', 'usage', 'used',
  'budget', 'estimate', 'cost', 'rate', 'ratio', 'window', 'encoding', 'encoder', 'decoder', 'parser', 'lexer', 'tokenizer',
  'stream', 'list', 'map', 'set', 'array', 'table', 'column', 'col', 'schema', 'spec', 'source', 'helper', 'util', 'utils', 'test',
  'mock', 'stub', 'fixture', 'example', 'sample', 'doc', 'docs', 'description', 'desc', 'title', 'text', 'display', 'show',
  'toggle', 'status', 'state', 'valid', 'invalid', 'check', 'verify', 'verified', 'hash', 'hashed', 'digest', 'salt', 'rounds',
  'iterations', 'cost', 'lock', 'locked', 'attempts', 'retries', 'updated', 'created', 'at', 'date', 'time', 'timestamp',
  'callback', 'handler', 'listener', 'event', 'events', 'fn', 'func', 'function', 'method', 'class', 'ctor', 'builder', 'factory',
  'service', 'client', 'repository', 'repo', 'dao', 'controller', 'component', 'module', 'plugin', 'width', 'height', 'color',
  'font', 'separator', 'delimiter', 'char', 'chars', 'ref', 'reference', 'key', 'keys', 'kid', 'issuer', 'audience', 'subject',
  'grant', 'response', 'request', 'req', 'res', 'endpoint', 'host', 'port', 'region', 'zone', 'arn', 'user', 'username', 'login',
  'email', 'account', 'owner', 'bucket', 'secretary', 'secretariat',
]);
/** `key` after these is a data-structure key, never a credential. */
const KEY_DENY_QUALIFIERS = new Set(['primary', 'foreign', 'sort', 'partition', 'cache', 'map', 'object', 'hot', 'short', 'dict', 'hash', 'row', 'lookup', 'unique', 'composite', 'idempotency', 'dedupe', 'group', 'routing', 'storage', 'react', 'list', 'cursor', 'next', 'prev', 'page', 'i18n', 'translation', 'message', 'label', 'config', 'setting', 'settings', 'env', 'query', 'search', 'public', 'pub', 'publishable']);

/**
 * How an identifier names a secret, or undefined when it does not.
 * The last word decides when it is a deny word (`password_field`); qualifiers decide for `key`.
 */
const cache = new Map<string, KeyStrength | null>();

export function classifyKey(name: string): KeyStrength | undefined {
  let hit = cache.get(name);
  if (hit === undefined) {
    hit = classifyUncached(name) ?? null;
    if (cache.size > 50_000) {
      cache.clear();
    }
    cache.set(name, hit);
  }
  return hit ?? undefined;
}

function classifyUncached(name: string): KeyStrength | undefined {
  const ws = identifierWords(name);
  if (ws.length === 0 || ws.length > 8) {
    return undefined;
  }
  const joined = ws.join('');
  if (joined === 'authorization' || joined === 'proxyauthorization' || (ws.includes('authorization') && ws[ws.length - 1] === 'authorization')) {
    return 'auth-header';
  }
  const last = ws[ws.length - 1];
  const hasDenyQualifier = ws.some((w) => ['max', 'min', 'num', 'count', 'limit', 'length', 'size', 'usage', 'budget', 'estimate', 'total', 'remaining', 'used', 'prompt', 'completion', 'input', 'output', 'tokenizer', 'tokenize'].includes(w));
  if (hasDenyQualifier) {
    return undefined;
  }
  let password = false;
  let secret = false;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (PASSWORD_WORDS.has(w) || (w.endsWith('password') && w.length <= 20) || (w.endsWith('passwd') && w.length <= 16)) {
      password = true;
    } else if (SECRET_WORDS.has(w) || (w.endsWith('token') && w.length <= 16 && w !== 'cstoken') || (w.endsWith('secret') && w.length <= 16) || w.endsWith('apikey')) {
      secret = true;
    } else if ((w === 'key' || w === 'keys') && i > 0 && KEY_QUALIFIERS.has(ws[i - 1]) && !KEY_DENY_QUALIFIERS.has(ws[i - 1])) {
      secret = true;
    } else if ((w === 'key' || w === 'keys') && i > 0 && (SECRET_WORDS.has(ws[i - 1]) || PASSWORD_WORDS.has(ws[i - 1]))) {
      secret = true;
    }
  }
  if (!password && !secret) {
    if (ws.length >= 2 && (last === 'key' || last === 'keys') && !KEY_DENY_QUALIFIERS.has(ws[ws.length - 2]) && !DENY_WORDS.has(ws[ws.length - 2])) {
      return 'keyish';
    }
    return undefined;
  }
  if (ws.includes('grant') || (ws.includes('type') && last !== 'password')) {
    return undefined; // GRANT_TYPE_JWT_BEARER, token_type
  }
  // the head noun decides: `password_field`, `token_url`, `secret_name` name something else
  const lastIsSecret = PASSWORD_WORDS.has(last) || SECRET_WORDS.has(last) || last === 'key' || last === 'keys' || last.endsWith('password') || last.endsWith('token') || last.endsWith('secret');
  if (!lastIsSecret && DENY_WORDS.has(last)) {
    return undefined;
  }
  return password ? 'password' : 'secret';
}
