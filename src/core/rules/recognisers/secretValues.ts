/**
 * Whether a string literal could be a secret, judged from the value alone: a secret is a value,
 * not a name. Two strengths:
 *
 * - `random`: what a key, token or generated secret looks like (letters and digits mixed, high
 *   entropy, or a UUID / hex / base64 run), never a name made of words (`polar_access_token`,
 *   `startAuthWithGitHub`, `com.example.appPass`), an environment variable's name, a path, a
 *   version range, a template or a placeholder.
 * - `chosen`: what a person types as a password (`Admin`, `root`, `s3cret!`): any single token
 *   that is not a placeholder, a label, a name with separators, a sentence or a password hash.
 *
 * Pure functions, no parsing: the rule decides where a value sits (recognisers/credentialSites.ts).
 */
import { charClasses, shannonEntropy } from '../../redact/values';

/** Words that stand for a value without being one: "fill me in", a type, a status, a scheme. */
const PLACEHOLDERS = new Set([
  'changeme', 'changeit', 'change_me', 'change-me', 'none', 'null', 'nil', 'undefined', 'true', 'false', 'yes', 'no', 'empty', 'blank',
  'required', 'optional', 'string', 'str', 'text', 'value', 'default', 'example', 'sample', 'dummy', 'fake', 'mock', 'stub',
  'placeholder', 'redacted', 'hidden', 'masked', 'secure', 'todo', 'tbd', 'fixme', 'notset', 'unset', 'unknown', 'env', 'local', 'key',
  'token', 'apikey', 'api_key', 'bearer', 'basic', 'digest', 'oauth', 'jwt', 'plain', 'plaintext', 'hashed', 'hash', 'encrypted',
  'invalid', 'wrong', 'incorrect', 'missing', 'expired', 'revoked', 'valid', 'success', 'failed', 'fail', 'error', 'ok', 'xxx', 'xxxx',
  'unconfigured', 'notconfigured', 'not_configured', 'not-configured', 'disabled', 'unused', 'anonymous', 'public', 'nokey', 'no-key',
]);
/** Famous weak or demo passwords: real values when a password is set to them, but never what a key or a connection URL example holds. */
const WEAK = new Set([
  'password', 'passwd', 'pass', 'pwd', 'passphrase', 'secret', 'secrets', 'test', 'testing', 'foo', 'bar', 'baz', 'foobar', 'qux', 'abc',
  'abcd', 'abcdef', 'asdf', 'qwerty', 'letmein', 'hunter2', 'secret123', 'password123', 'password1', 'pa55word', 'passw0rd', 'p@ssw0rd',
  'p@ssword', 'supersecret', 'mysecret', 'mypassword', 'topsecret', 'shhhhh', 'keyboardcat', 'admin', 'root', 'guest', 'postgres', 'mysql',
  'user', 'demo', 'tables',
]);

/** Famous demo passwords: a placeholder word, then digits or punctuation (`test1234`, `admin123!`, `password_1`). */
const DEMO_PASSWORD = /^(?:pass(?:word)?|passw0rd|pa55w0rd|pwd|test(?:ing)?|admin|user|demo|secret|qwerty|hunter|letmein|welcome|root|guest|example|sample|foo|bar|changeme|default|dev|local|abc|asdf|my)[\W_]?\d{0,8}[\W_]?$/i;
/** A run of digits counted up or down (`12345678`, `0123456789`, `9876`). */
function isSequence(digits: string): boolean {
  if (digits.length < 3) {
    return false;
  }
  const up = '012345678901234567890123456789';
  const down = '987654321098765432109876543210';
  return up.includes(digits) || down.includes(digits) || /^(\d)\1+$/.test(digits);
}

/** Splits a name-like value into words: snake, kebab, dotted, slashed, camelCase. */
export function valueWords(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_.\-/:]+/)
    .filter((w) => w.length > 0);
}

/** Letters only, in words of three letters or more: a name (`startAuthWithGitHub`, `pending_auth`, `hmac-sha`). */
function isWordName(value: string): boolean {
  const ws = valueWords(value);
  // words may end in a short number (`oauth2`, `sha256`, `v2`, `s3`)
  // words may end in a short number (`oauth2`, `sha256`, `v2`) or be a numeronym (`e2e`, `k8s`, `i18n`)
  const isWord = (w: string): boolean => /^\p{L}+\d{0,3}$/u.test(w) || /^[a-z]\d{1,2}[a-z]$/i.test(w);
  if (ws.length === 0 || !ws.every((w) => isWord(w) || /^\d{1,4}$/.test(w) || isSequence(w))) {
    return false;
  }
  const letters = ws.filter(isWord).map((w) => w.replace(/\d+$/, ''));
  if (letters.length === 0) {
    return false;
  }
  // random letters switch case every letter or two; camelCase words are three letters or more
  const average = letters.reduce((n, w) => n + w.length, 0) / letters.length;
  return average >= 3;
}

/** A name made of several words joined by separators or camelCase, optionally with short numbers (`wrong-password`, `v2_api_key`). */
export function isIdentifierLike(value: string): boolean {
  return /^[\p{L}0-9_.\-/:]+$/u.test(value) && isWordName(value) && (valueWords(value).length >= 2 || /^[a-z]+$|^[A-Z]+$/.test(value));
}

/** Letters, digits, `_` and `-` only, lower-case and separator-free: `securekey`, `abc`. */
function normalise(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The value restates the name it is assigned to (`API_KEY = "API_KEY"`, `access_token = "polar_access_token"`, `AUTH_HMAC_SHA256 = "hmac-sha256"`). */
export function restatesName(value: string, name: string): boolean {
  const v = normalise(value);
  const n = normalise(name);
  if (v.length === 0 || n.length === 0) {
    return false;
  }
  const nameWords = new Set(valueWords(name).map((w) => w.toLowerCase()));
  const words = valueWords(value).map((w) => w.toLowerCase());
  return v === n || (n.length >= 4 && v.includes(n)) || (words.length > 0 && words.every((w) => w.length >= 2 && nameWords.has(w)));
}

/** A run of six or more characters in alphabet or keyboard order (`abcdef`, `012345`, `qwerty`): a charset or a made-up value. */
export function hasOrderedRun(value: string): boolean {
  const rows = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '!@#$%^&*()'];
  const lower = value.toLowerCase();
  for (let i = 0; i + 6 <= lower.length; i++) {
    const six = lower.slice(i, i + 6);
    if (rows.some((r) => r.includes(six))) {
      return true;
    }
  }
  return false;
}

/** Stands for a secret without being one: a placeholder word, a mask, `your-api-key`, `fake-token`. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0 || PLACEHOLDERS.has(v.toLowerCase()) || /^(.)\1*$/.test(v) || /x{4,}|\*{3,}|\.{3,}|•/i.test(v)) {
    return true;
  }
  if (/^(?:your|my|enter|insert|replace|put|paste|add)[_\-. ]/i.test(v) || /^(?:your|replace_?me|insert_?here)/i.test(v)) {
    return true;
  }
  // a provider's prefix and a count (`re_123`, `sk_test_1234`, `xoxb-12345`): the shape of a key, not one
  const counted = /^(?:[A-Za-z]{1,6}[_-]){1,2}(\d{3,8})$/.exec(v);
  if (counted && isSequence(counted[1])) {
    return true;
  }
  return /example|sample|dummy|placeholder|fake|redacted|changeme|change_me|notreal|not_real|replace_?me|insecure_?default/i.test(v) && !/\d/.test(v);
}

/** Not a literal secret at all: a reference, template, path, URL, version, format, hash or MIME type. */
export function isNotASecretShape(value: string): boolean {
  const v = value;
  if (isPlaceholder(v)) {
    return true;
  }
  // references and templates: ${X}, {token}, {{x}}, %(x)s, %s, :param, <your-key>, __REDACTED__
  if (/\$\{|\{\{|\{[A-Za-z_]\w*\}|%\(\w+\)s|%[sd]|^:[A-Za-z_]\w*$|^<.*>$|^__\w+__$|^\$[A-Za-z_]\w*$|^\[.*\]$/.test(v)) {
    return true;
  }
  // an environment variable's name (`DB_PASSWORD`), a URL, a path, a file name, a MIME type
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v) || /^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(v)) {
    return true;
  }
  if (/^[\w.-]+\.(?:json|ya?ml|pem|key|crt|cer|p12|pfx|txt|env|ini|conf|cfg|xml|js|ts|py|sh|der|jks|keystore|gpg|asc|html?)$/i.test(v) || /^[a-z]+\/[a-z0-9.+-]+$/.test(v)) {
    return true;
  }
  // Stripe publishable keys are public by design
  if (/^pk_(?:live|test)_/.test(v)) {
    return true;
  }
  // version ranges and package specifiers: ^9.0.2, ~1.2, >=1.0 <2, workspace:*, npm:x@1
  if (/^(?:[\^~]|[<>]=?|=)\s*v?\d/.test(v) || /^v?\d+\.[\dx*]+(?:\.[\dx*]+)?(?:[-+][\w.]+)?$/.test(v) || /^(?:workspace|npm|file|link|git\+\w+|github):/.test(v)) {
    return true;
  }
  // password hashes are not the password: bcrypt, argon2, scrypt, crypt(3), Django's pbkdf2
  if (/^\$(?:2[abxy]?|argon2(?:id|i|d)?|scrypt|pbkdf2[\w-]*|[1256]|y|gy|7)\$/.test(v) || /^(?:pbkdf2_sha\d+|bcrypt(?:_sha256)?|argon2|scrypt|sha\d+|md5)\$/.test(v)) {
    return true;
  }
  // format strings and regular expressions
  return /\\[dswb]|\[\^|\(\?|\{\d*,?\d*\}/.test(v);
}

/** Prose: several words with spaces (an error message, a label, a description). */
export function isSentence(value: string): boolean {
  return /\s/.test(value.trim());
}

/** A famous weak or demo password (`secret`, `admin`, `test1234`, `password123`). */
export function isWeakPassword(value: string): boolean {
  return WEAK.has(value.toLowerCase()) || DEMO_PASSWORD.test(value);
}

/** Random-looking: a generated key, token or secret. */
export function isRandomSecret(value: string): boolean {
  const v = value;
  if (v.length < 8 || v.length > 2000 || /\s/.test(v) || isNotASecretShape(v) || isIdentifierLike(v) || isWeakPassword(v) || hasOrderedRun(v)) {
    return false;
  }
  if (/[^\x20-\x7e]/.test(v)) {
    return false; // generated keys are ASCII; `Lizenzschlüssel` is a word
  }
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) {
    return shannonEntropy(v.replace(/-/g, '')) >= 3; // a random UUID, not `10000000-ffff-ffff-ffff-000000000001`
  }
  const digits = v.replace(/\D/g, '');
  if (/^\d+$/.test(v)) {
    return v.length >= 16 && !isSequence(v) && shannonEntropy(v) >= 3;
  }
  // letters with a counted run of digits (`polar123456789`, `better-auth-secret-1234567890`) are made up
  const rest = v.replace(/\d+/g, '');
  if (digits.length >= 3 && isSequence(digits) && (rest === '' || isWordName(rest))) {
    return false;
  }
  if (v.length >= 16) {
    return charClasses(v) >= 2 && shannonEntropy(v) >= 3.2 && (digits.length > 0 || !isWordName(v));
  }
  return charClasses(v) >= 3 && shannonEntropy(v) >= 2.8;
}

/**
 * A password someone chose: any single token that is not a placeholder, a label, a name with
 * separators or a hash. `Admin`, `root`, `hunter42x`, `1234` are; `password`, `wrong-password`,
 * `Passwort` next to other translations (the caller decides that), `$2b$10$…` are not.
 */
export function isChosenPassword(value: string): boolean {
  const v = value;
  if (v.length < 4 || v.length > 200 || isSentence(v) || isNotASecretShape(v)) {
    return false;
  }
  // one word or a number; names with separators (`class_password`, `wrong-password`) or of three
  // camelCase words and more (`FlowPasswordRequiredResult`) are names
  if (isIdentifierLike(v) && valueWords(v).length >= 3) {
    return false;
  }
  return !/[_.\-/:]/.test(v) || !isIdentifierLike(v);
}
