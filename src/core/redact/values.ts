/**
 * Checks on a candidate secret value: Shannon entropy, and whether it is a placeholder, a
 * reference to something else (an environment variable, a template), a code expression or a
 * phrase made of ordinary words — things a scanner must leave alone so that
 * `password: "[type=password]"` or `token: "access_token"` stay readable.
 */

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) {
    return 0;
  }
  const counts = new Map<string, number>();
  for (const ch of value) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Words that appear as values of secret-named keys without being secrets. */
const PLACEHOLDER_WORDS = new Set(
  [
    'changeme', 'change_me', 'changeit', 'password', 'passwd', 'secret', 'token', 'apikey', 'api_key', 'key', 'none', 'null', 'nil',
    'undefined', 'true', 'false', 'yes', 'no', 'on', 'off', 'empty', 'required', 'optional', 'string', 'str', 'number', 'int',
    'integer', 'boolean', 'bool', 'bytes', 'object', 'any', 'text', 'value', 'default', 'example', 'sample', 'test', 'testing',
    'dummy', 'fake', 'mock', 'placeholder', 'redacted', 'hidden', 'masked', 'secure', 'private', 'public', 'todo', 'tbd', 'fixme',
    'xxx', 'xxxx', 'notset', 'not_set', 'unset', 'env', 'environment', 'config', 'bearer', 'basic', 'digest', 'oauth', 'oauth2',
    'jwt', 'hmac', 'sha256', 'sha1', 'md5', 'base64', 'hex', 'utf8', 'ascii', 'plain', 'plaintext', 'hash', 'salt', 'cookie',
    'session', 'header', 'query', 'body', 'form', 'json', 'yaml', 'file', 'path', 'url', 'uri', 'host', 'localhost', 'user', 'username',
    'admin', 'root', 'guest', 'anonymous', 'name', 'type', 'id', 'label', 'title', 'field', 'input', 'auto', 'manual', 'enabled',
    'disabled', 'new', 'old', 'current', 'confirm', 'reset', 'forgot', 'login', 'logout', 'signin', 'signup', 'register',
  ],
);

/** Common identifier words: a value made only of these (snake, kebab, camel or dotted) is a name, not a secret. */
const CODE_WORDS = new Set(
  (
    'access refresh token tokens id secret secrets key keys api auth authorization authentication bearer client server app application ' +
    'user users username password passwords pass passwd pwd new old current confirm confirmation reset hash hashed salt salted ' +
    'value values type types name names field fields input output data info error errors message messages label title text string ' +
    'config configuration settings setting option options param params parameter parameters header headers cookie cookies session ' +
    'sessions cache store storage provider providers service services manager handler handlers request response req res result ' +
    'get set is has can should will do make create update delete remove add read write load save fetch find list map from to for ' +
    'of in on at by with without and or not no yes true false null none undefined default custom local global public private ' +
    'internal external master main primary secondary signing encryption decryption encrypt decrypt sign verify verified verification ' +
    'jwt oauth oauth2 openid oidc saml sso ldap basic digest hmac rsa aes sha md5 base64 hex url uri path file files dir host port ' +
    'env environment dev development prod production staging test tests testing example sample demo dummy fake mock placeholder ' +
    'your my our the a an this that here there please enter insert replace change changeme required optional missing invalid valid ' +
    'expired expiry expires expiration ttl timeout max min length size count limit rate grant code codes scope scopes state nonce ' +
    'csrf xsrf webhook webhooks account accounts project projects org organization team member admin root guest anonymous ' +
    'github gitlab slack stripe aws azure gcp google npm docker redis postgres mysql mongo mongodb database db sql ' +
    'form login logout signin signup register submit button dialog modal page view component props state context store model ' +
    'schema table column row query filter sort order index item items element node tree graph event events callback promise ' +
    'async await sync function method class object array number integer boolean bool char byte bytes buffer stream pipe ' +
    'encoding encoded decoded raw plain format pattern regex match prefix suffix separator delimiter start end begin finish ' +
    'enabled disabled enable disable show hide visible hidden masked mask toggle required placeholder description help hint ' +
    'id uuid guid ref reference source target origin destination context scope level mode kind version status'
  ).split(/\s+/),
);

/** True for values that stand for a secret without being one. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) {
    return true;
  }
  const lower = v.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) {
    return true;
  }
  if (v.startsWith('[REDACTED')) {
    return true;
  }
  const first = v[0];
  // references and templates: ${VAR}, $VAR, %VAR%, {{ var }}, <your-key>, #{...}, @Value, [type=password]
  if (first === '$' || first === '{' || first === '<' || first === '%' || first === '[' || first === '@' || first === '#') {
    return true;
  }
  if (v.includes('${') || v.includes('{{') || v.includes('#{') || v.includes('<%')) {
    return true;
  }
  // masks: ****, xxxx, ...., ----, ____, 0000
  if (/^(.)\1*$/.test(v)) {
    return true;
  }
  if (/^(?:x+|\*+|\.+|•+)$/i.test(v) || /^\*{3,}/.test(v) || /x{4,}/i.test(v)) {
    return true;
  }
  // your_api_key, my-token, <example>, enter-your-password
  if (/^(?:your|my|enter|insert|replace|put|add|paste|example|sample|dummy|fake|test|mock|todo)[_\-. ]?/i.test(v) && !/\d/.test(v)) {
    return true;
  }
  if (/^(?:your|replace|insert|enter)[_-]/i.test(v)) {
    return true;
  }
  // ghp_exampletoken, sk_test_dummy, my-fake-password: a word that says so and no digits
  if (/example|sample|dummy|placeholder|fake|redacted|changeme|notreal|not_real|insert|replace_?me/i.test(v) && !/\d/.test(v)) {
    return true;
  }
  return false;
}

/** Splits an identifier-like value into lower-case words (snake, kebab, dotted, camelCase). */
function words(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s_.\-/:]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/** True when the value reads as a name made of ordinary words (e.g. `access_token`, `userPassword`). */
export function isWordPhrase(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z_.\-/: ]*$/.test(value)) {
    return false;
  }
  const ws = words(value);
  return ws.length > 0 && ws.every((w) => CODE_WORDS.has(w) || PLACEHOLDER_WORDS.has(w));
}

/** Counts the character classes present: lower, upper, digit, other. */
export function charClasses(value: string): number {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      lower = 1;
    } else if (c >= 65 && c <= 90) {
      upper = 1;
    } else if (c >= 48 && c <= 57) {
      digit = 1;
    } else {
      other = 1;
    }
  }
  return lower + upper + digit + other;
}
