/**
 * Secrets in a text that are secrets by their format, found by the same detector that redacts
 * code before it is sent to a model (src/core/redact: detectSecrets), so the rule and the
 * redaction agree on what a provider key is. The redaction masks generously (it would rather hide
 * a harmless string than send a key); a finding needs more, so each hit is checked here:
 *
 * - provider keys (AWS, GitHub, Stripe, …): not a placeholder (`ya29.some_oauth_token`,
 *   `xoxb-xxxx`), not a name caught by a keyword-anchored pattern (`discordId: 'settings.discordId'`),
 *   not an `example`/`examples` value of an API schema;
 * - private keys: a block under a `BEGIN … PRIVATE KEY` header (certificates are public);
 * - JWTs: a real signature segment (`….signature`, `….INVALID` are test shapes);
 * - passwords in URLs: a password someone chose (`user:pass@`, `admin:admin@` are not), in a
 *   comment only when it looks generated.
 *
 * The generic `name = "value"` assignments of the redaction are not used: in code the rule reads
 * them from the syntax tree (credentialSites.ts), where it knows what the name and the value are.
 */
import { detectSecrets, PROVIDER_RULES, redact } from '../../redact';
import { isChosenPassword, isPlaceholder, isRandomSecret, isWeakPassword } from './secretValues';

export interface SecretHit {
  /** 0-based offsets. */
  readonly start: number;
  readonly end: number;
  /** 1-based. */
  readonly line: number;
  readonly kind: string;
}

/** Provider key formats (and private keys): reported in test files too. */
export const PROVIDER_KINDS: ReadonlySet<string> = new Set([...PROVIDER_RULES.map((r) => r.kind), 'private-key']);
/** Formats that are secrets wherever they are written, checked below. */
const FORMAT_KINDS = new Set([...PROVIDER_KINDS, 'jwt', 'password-in-url', 'token-in-url']);
/** Words that make a provider-shaped value a made-up one. */
const MADE_UP = /example|sample|dummy|fake|test|mock|placeholder|invalid|your|some|redacted|x{4,}|0{8,}|1234567|abcdef/i;

export function findSecrets(text: string): SecretHit[] {
  return detectSecrets(text).map((m) => ({ start: m.start, end: m.end, line: m.line, kind: m.kind }));
}

/** The text with its secrets replaced by placeholders (for snippets shown or sent anywhere). */
export function maskSecrets(text: string): string {
  return redact(text).text;
}

function lineAround(text: string, at: number): { start: number; end: number; before: string } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  const end = nl === -1 ? text.length : nl;
  return { start, end, before: text.slice(start, at) };
}

/** The value is documentation: `examples=["…"]`, `example: "…"`, `placeholder="…"`. */
function inExample(before: string): boolean {
  return /\b(?:examples?|sample|placeholder)["']?\s*[:=]\s*[[({]?\s*["'`]?$/i.test(before);
}

/** A line comment or a block-comment line (`//`, `#`, `*`, `--`). */
function inComment(before: string): boolean {
  return /^\s*(?:\/\/|#|\*|\/\*|--)/.test(before) || /\s(?:\/\/|#)\s/.test(before);
}

/** After a provider's prefix, a run of words (`newToken_after_encryption_enabled`) is a made-up value. */
function wordy(value: string): boolean {
  const rest = value.replace(/^[A-Za-z0-9]{1,8}[._-]/, '');
  const words = rest.split(/[._-]+/).filter((w) => /^[A-Za-z]{3,}$/.test(w) && /^[A-Z]?[a-z]+$|^[A-Z]+$/.test(w.replace(/([a-z])([A-Z])/g, '$1')));
  return words.length >= 2 || /^[a-z]+(?:[A-Z][a-z]+)+$/.test(rest) || /^[A-Za-z]+(?:\.[A-Za-z]+)+$/.test(value);
}

function providerValueOk(value: string): boolean {
  // `sk_test_…`/`rk_live_…` name the mode of a real key, not a made-up value
  const core = value.replace(/^[A-Za-z]{2,6}_(?:test|live|prod)_/, '');
  return !isPlaceholder(core) && !MADE_UP.test(core) && !wordy(value) && /\d/.test(core);
}

function privateKeyOk(text: string, hit: SecretHit): boolean {
  // the nearest BEGIN line at or before the hit names what the block is
  const from = Math.max(0, hit.start - 400);
  const head = text.slice(from, Math.min(text.length, hit.start + 120));
  const begins = [...head.matchAll(/BEGIN ([A-Z0-9 ]{0,40}?)(PGP PRIVATE KEY BLOCK|PRIVATE KEY|CERTIFICATE REQUEST|CERTIFICATE|PUBLIC KEY|PGP PUBLIC KEY BLOCK)/g)];
  const last = begins[begins.length - 1];
  // a key has a body: a header alone is a pattern or a message (`/-----BEGIN PGP PRIVATE KEY BLOCK-----.+/`)
  const body = /[A-Za-z0-9+/]{40,}/.test(text.slice(hit.start, Math.min(text.length, hit.end + 200)));
  if (last) {
    return body && (last[2] === 'PRIVATE KEY' || last[2] === 'PGP PRIVATE KEY BLOCK');
  }
  return /PuTTY-User-Key-File|Private-Lines/.test(head);
}

/** A Sentry DSN: its key is public by design (it ships in every browser and mobile build). */
function publicDsn(text: string, hit: SecretHit): boolean {
  return /^@[\w.-]*\bsentry\.io\b/.test(text.slice(hit.end, hit.end + 120)) || /^@[\w.-]*\bingest\./.test(text.slice(hit.end, hit.end + 120));
}

/** Decodes base64url text (a JWT segment) to a Latin-1 string; invalid input decodes to ''. */
function base64UrlDecode(segment: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const ch of segment.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')) {
    const v = alphabet.indexOf(ch);
    if (v < 0) {
      return '';
    }
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}

function jwtOk(value: string): boolean {
  const parts = value.split('.');
  const signature = parts[2] ?? '';
  if (parts.length !== 3 || signature.length < 16 || !isRandomSecret(signature) || MADE_UP.test(signature)) {
    return false;
  }
  // a Supabase anon key is a JWT made to ship in the browser
  return !/"role"\s*:\s*"anon"/.test(base64UrlDecode(parts[1]));
}

/** A Firebase web config's `apiKey` (`AIza…` next to `authDomain`, `messagingSenderId`): public by design. */
export function isFirebaseWebKey(text: string, start: number, end: number): boolean {
  return /^["'`]?AIza/.test(text.slice(start, end)) && /authDomain|messagingSenderId|storageBucket|firebaseConfig/.test(text.slice(Math.max(0, start - 400), end + 400));
}

function urlPasswordOk(text: string, hit: SecretHit, value: string, comment: boolean): boolean {
  // the user is what sits between `://` and `:` before the password
  const before = text.slice(Math.max(0, hit.start - 200), hit.start);
  const user = /:\/\/([^\s:/@'"`]*):$/.exec(before)?.[1] ?? /\/\/?([^\s:/@'"`]*):$/.exec(before)?.[1] ?? '';
  // connection URLs in docs and help texts show `user:pass`, `admin:admin`, `postgres:postgres`
  if (value === user || isWeakPassword(value) || /^x-oauth-basic$/i.test(value)) {
    return false;
  }
  if (comment) {
    return isRandomSecret(value);
  }
  // in a URL's password position a value is a password even when made of words (`hunter2-very-secret`):
  // nothing else goes there; only placeholders and templates are not one
  return isChosenPassword(value) || (value.length >= 6 && !isPlaceholder(value) && !/[\s{}<>$%]/.test(value));
}

/** Secrets by format in `text` (any file), each checked as above; `providerOnly` keeps provider keys and private keys (test files). */
export function findFormatSecrets(text: string, providerOnly: boolean): SecretHit[] {
  const out: SecretHit[] = [];
  for (const hit of findSecrets(text)) {
    if (!FORMAT_KINDS.has(hit.kind) || (providerOnly && !PROVIDER_KINDS.has(hit.kind))) {
      continue;
    }
    const value = text.slice(hit.start, hit.end).trim().replace(/^["'`]|["'`]$/g, '');
    const line = lineAround(text, hit.start);
    if (hit.kind === 'private-key') {
      if (privateKeyOk(text, hit)) {
        out.push(hit);
      }
      continue;
    }
    // documentation: an API schema's example, or a comment showing what the format looks like (`// e.g. ghp_…`)
    if (inExample(line.before) || (inComment(line.before) && /\be\.g\.|\bi\.e\.|\b(?:eg|example|for instance|such as|looks like|format)\b/i.test(line.before))) {
      continue;
    }
    const ok =
      hit.kind === 'jwt' ? jwtOk(value)
      : hit.kind === 'password-in-url' ? urlPasswordOk(text, hit, value, inComment(line.before))
      : hit.kind === 'token-in-url' ? isRandomSecret(value) && value.length >= 16 && !publicDsn(text, hit)
      : providerValueOk(value) && !isFirebaseWebKey(text, hit.start, hit.end);
    if (ok) {
      out.push(hit);
    }
  }
  return out;
}

/** `CREATE ROLE app LOGIN PASSWORD '…'`, `ALTER USER x WITH PASSWORD '…'`, `IDENTIFIED BY '…'`: [start, end) of each password. */
export function findSqlPasswords(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\b(?:(?:CREATE|ALTER)\s+(?:ROLE|USER)\b[^;]{0,200}?\bPASSWORD|IDENTIFIED\s+(?:WITH\s+\w+\s+)?BY)\s+'([^'\n]{1,200})'/gi;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const value = m[1];
    if (isChosenPassword(value) && !/^(?:md5|SCRAM-SHA-256\$)/.test(value)) {
      const start = m.index + m[0].length - value.length - 1;
      out.push({ start, end: start + value.length });
    }
  }
  return out;
}
