/**
 * Generic secret assignments in every common syntax: `.env` and shell (`export X=v`, two on a
 * line), YAML (quoted or not, docker-compose `- KEY=v` lists), JSON, TOML, INI, `.properties`,
 * Makefile (`:=`, `?=`, `::=`), XML elements and `key`/`value` attributes (.NET config),
 * connection-string pairs (`Password=…;`), code in JS/TS/Python/Go/Java/C#/PHP/Ruby
 * (`=`, `:=`, `=>`, `.=`, `||=`, `??=`, `put("password", "…")`, `setPassword("…")`),
 * command-line flags (`--password=…`, `--token …`) and `name:`/`value:` pairs (Kubernetes env).
 *
 * The scan looks for a few stems (`pass`, `pwd`, `secret`, `token`, `key`, `cred`, `auth`) with
 * indexOf, reads the identifier around each hit, the operator and the value by hand, each step
 * bounded, and moves past the identifier: linear in the text. Values that are placeholders,
 * references, code or ordinary words are left alone (values.ts).
 */
import { classifyKey, type KeyStrength } from './keyNames';
import type { RawSpan } from './types';
import { charClasses, isPlaceholderValue, isWordPhrase, shannonEntropy } from './values';
import { addWork } from './work';

export const ASSIGNMENT_PRIORITY = 1;
/** `bearer` is not a stem: `Bearer <token>` is found by urlCredentials.ts wherever it is written. */
const STEMS = ['pass', 'pwd', 'secret', 'token', 'key', 'cred', 'auth'];
const MAX_KEY = 80;
const MAX_VALUE = 1000;

function isIdent(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */ || c === 45 /* - */ || c === 46 /* . */;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}
const QUOTES = new Set(['"', "'", '`']);

interface Value {
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
}

/** Reads a quoted or bare value at `i`; `stopAtNewlineOnly` for `>`-content of XML elements. */
function readValue(text: string, i: number, xmlContent: boolean, queryParam = false): Value | undefined {
  const n = text.length;
  let q = text[i];
  // Python/C# prefixes: b"", r"", f"", u"", @""
  if ((q === 'b' || q === 'r' || q === 'f' || q === 'u' || q === '@') && QUOTES.has(text[i + 1] ?? '')) {
    i++;
    q = text[i];
  }
  if (QUOTES.has(q)) {
    // escaped quotes inside JSON strings (\"value\") are one level deeper
    const start = i + 1;
    for (let j = start; j < n && j - start <= MAX_VALUE; j++) {
      const c = text[j];
      if (c === '\\') {
        if (text[j + 1] === q || text[j + 1] === '\\') {
          // a JSON-escaped quote closes a value nested in a string: "{\"token\": \"abc\"}"
          if (text[j + 1] === q && j > start) {
            return { start, end: j, quoted: true };
          }
          j++;
        } else if (text[j + 1] === 'n' || text[j + 1] === 'r') {
          return { start, end: j, quoted: true };
        }
        continue;
      }
      if (c === q) {
        return { start, end: j, quoted: true };
      }
      if (c === '\n' && q !== '`') {
        return undefined;
      }
    }
    return undefined;
  }
  if (q === '\\' && QUOTES.has(text[i + 1] ?? '')) {
    // \"value\" inside an escaped JSON string
    const start = i + 2;
    const q2 = text[i + 1];
    for (let k = start; k < text.length && k - start <= MAX_VALUE; k++) {
      if (text[k] === '\n') {
        return undefined;
      }
      if (text[k] === '\\' && text[k + 1] === q2) {
        return { start, end: k, quoted: true };
      }
    }
    return undefined;
  }
  const start = i;
  let j = i;
  if (xmlContent) {
    while (j < n && j - start <= MAX_VALUE && text[j] !== '<' && text[j] !== '\n') {
      j++;
    }
    let end = j;
    while (end > start && isSpace(text.charCodeAt(end - 1))) {
      end--;
    }
    return end > start ? { start, end, quoted: true } : undefined;
  }
  while (j < n && j - start <= MAX_VALUE) {
    const c = text[j];
    // `&` ends a value only in a query string (`?password=…&x=1`); in `.env` it is part of it
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || (c === '&' && queryParam) || c === '"' || c === "'" || c === '`' || c === '<' || c === ')' || c === ']' || c === '}' || c === ',') {
      break;
    }
    if (c === '\\' && (text[j + 1] === 'n' || text[j + 1] === 'r' || text[j + 1] === '"')) {
      break;
    }
    j++;
  }
  return j > start ? { start, end: j, quoted: false } : undefined;
}

/** Bare words that read as code, not a literal: `getToken()`, `process.env.X`, `this.secret`, `None`. */
function looksLikeCode(value: string): boolean {
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*(?:\(|\[|$)/.test(value) && !/\d/.test(value)) {
    return true;
  }
  // a member chain of identifier-like segments (`values_3.OPTIONS`, `cfg.db.password`), optional
  // chaining, a parenthesised expression; `pat.q82i0xlk…` (digits inside a segment) is a token
  if (/^[A-Za-z_$][A-Za-z_$]*\d*(?:\??\.[A-Za-z_$][A-Za-z_$]*\d*)+(?:$|[([])/.test(value) || /^[A-Za-z_$][\w$]*\?\./.test(value) || value.startsWith('(') || value.startsWith('!')) {
    return true;
  }
  if (/^(?:process\.env|os\.environ|os\.getenv|System\.getenv|ENV\[|env\(|getenv|config\.|settings\.|self\.|this\.|props\.|options\.|opts\.|args\.|params\.|req\.|request\.)/.test(value)) {
    return true;
  }
  return value.endsWith('(') || value.includes('()');
}

/** Random-looking: long, letters and digits, high entropy (for names like `hubspotKey`). */
function isTokenLike(v: string): boolean {
  return v.length >= 16 && /\d/.test(v) && /[A-Za-z]/.test(v) && shannonEntropy(v) >= 3.2 && !isWordPhrase(v);
}

/** Whether `value` (the text between start and end) is worth redacting for a key of this strength. */
export function isSecretValue(value: string, strength: KeyStrength, quoted: boolean, literalContext = false): boolean {
  const v = value.trim();
  if (v.length < (strength === 'password' ? 4 : 6) || v.length > MAX_VALUE) {
    return false;
  }
  if (isPlaceholderValue(v) || isWordPhrase(v)) {
    return false;
  }
  if (!quoted && looksLikeCode(v) && !(literalContext && /^[A-Za-z0-9]+$/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v))) {
    return false;
  }
  if (/^(?:https?|file|ftp):\/\//i.test(v) || /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(v)) {
    return false; // a URL without credentials (handled elsewhere) or a path
  }
  if (/^[\w.-]+\.(?:json|ya?ml|pem|key|crt|cer|p12|pfx|txt|env|ini|conf|cfg|xml|js|ts|py|sh|der|jks|keystore|gpg|asc)$/i.test(v)) {
    return false; // a file name
  }
  if (/^-?\d+(?:\.\d+)?$/.test(v)) {
    if (strength === 'password' ? v.length < 4 : v.length < 12 || shannonEntropy(v) < 2.5) {
      return false;
    }
    return true; // numeric ids used as secrets (client ids, PINs)
  }
  if (/^urn:/i.test(v)) {
    return false;
  }
  if (/\s/.test(v)) {
    // prose (an error message, a description) is not a credential; a pass phrase may be
    const spaces = v.split(/\s+/).length - 1;
    if (strength !== 'password' || spaces > 4 || /[.!?]$/.test(v)) {
      return false;
    }
  }
  if (/%[sdv]|\{\d*\}|\\d|\[\^|\(\?/.test(v)) {
    return false; // format strings, regular expressions
  }
  if (strength === 'password') {
    return true;
  }
  // tokens and keys: random-looking, not a name
  if (v.length >= 16 && shannonEntropy(v) >= 3) {
    return true;
  }
  return v.length >= 8 && charClasses(v) >= 2 && shannonEntropy(v) >= 2.5;
}

/** A `=` within the next 40 characters of the line (cheap test before the typed-declaration regex). */
function hasEqualsSoon(text: string, i: number): boolean {
  for (let k = i; k < text.length && k - i < 40; k++) {
    const c = text.charCodeAt(k);
    if (c === 61 /* = */) {
      return true;
    }
    if (c === 10 || c === 59 /* ; */ || c === 44 /* , */) {
      return false;
    }
  }
  return false;
}

/** Finds where the value of the key ending at `keyEnd` begins; undefined when no assignment follows. */
function findValueStart(text: string, keyStart: number, keyEnd: number): { at: number; xml: boolean } | undefined {
  const n = text.length;
  let i = keyEnd;
  const opener = keyStart > 0 ? text[keyStart - 1] : '';
  // closing quote of a quoted key, or `]` of ENV["KEY"]
  if (QUOTES.has(opener) && text[i] === opener) {
    i++;
  } else if (opener === '"' && text[i] === '\\' && text[i + 1] === '"') {
    i += 2;
  }
  if (text[i] === ']') {
    i++;
  }
  // XML element: <password>value</password>
  if (opener === '<' && text[i] === '>') {
    i++;
    let k = i;
    while (k < n && k - i < 200 && (isSpace(text.charCodeAt(k)) || text[k] === '\n' || text[k] === '\r')) {
      k++;
    }
    return { at: k, xml: true };
  }
  const afterKey = i;
  while (i < n && isSpace(text.charCodeAt(i))) {
    i++;
  }
  const c = text[i];
  const d = text[i + 1];
  let j = -1;
  if (c === '=') {
    if (d === '=' || d === '~') {
      return undefined;
    }
    j = d === '>' ? i + 2 : i + 1;
  } else if (c === ':') {
    let k = i;
    while (k < n && k - i < 3 && text[k] === ':') {
      k++;
    }
    if (text[k] === '=') {
      j = k + 1; // :=  ::=  :::=
    } else if (k - i > 1) {
      return undefined; // C++/Rust path
    } else {
      j = i + 1;
    }
  } else if ((c === '?' || c === '.' || c === '+') && d === '=') {
    j = i + 2;
  } else if ((c === '|' && d === '|') || (c === '?' && d === '?')) {
    j = text[i + 2] === '=' ? i + 3 : -1;
  } else if (c === ',' && QUOTES.has(opener)) {
    j = i + 1; // put("password", "value"), setProperty("TOKEN", "value")
  } else if (c === '(' && QUOTES.has(text[i + 1] ?? '') && /^(?:set|with|use|put|add|login|auth|sign)/i.test(text.slice(keyStart, keyEnd).split('.').pop() ?? '')) {
    j = i + 1; // setPassword("value")
  } else if (i > afterKey && /[A-Za-z[]/.test(c ?? '') && hasEqualsSoon(text, i)) {
    // a type between the name and `=`: `var token string = "…"`, `password: str = "…"`
    const typed = /^[A-Za-z_][\w.[\]<>]{0,30}[ \t]*=(?!=)/.exec(text.slice(i, i + 40));
    if (!typed) {
      return undefined;
    }
    j = i + typed[0].length;
  } else if (i > afterKey && text[keyStart - 1] === '-' && text[keyStart - 2] === '-') {
    j = i; // --password value
  } else if (i > afterKey && /^(?:password|passwd)$/i.test(text.slice(keyStart, keyEnd)) && /(?:^|\s)(?:login|machine|user(?:name)?)\s+\S+\s+$/i.test(text.slice(Math.max(0, keyStart - 120), keyStart))) {
    j = i; // .netrc: machine host login user password value
  }
  if (j < 0) {
    return undefined;
  }
  while (j < n && isSpace(text.charCodeAt(j))) {
    j++;
  }
  return { at: j, xml: false };
}

/** `name: DB_PASSWORD` / `name="Password"` / `"name": "token"`: the secret is the following `value`. */
function pairedValue(text: string, keyStart: number, keyEnd: number): number | undefined {
  let b = keyStart - 1;
  while (b >= 0 && keyStart - b < 4 && (text[b] === '"' || text[b] === "'" || text[b] === ' ' || text[b] === '\t')) {
    b--;
  }
  if (b < 0 || (text[b] !== ':' && text[b] !== '=')) {
    return undefined;
  }
  const before = text.slice(Math.max(0, keyStart - 12), keyStart).toLowerCase();
  if (!/(?:name|key)["']?\s*[:=]\s*["']?$/.test(before)) {
    return undefined;
  }
  const ahead = text.slice(keyEnd, keyEnd + 240);
  const m = /^["']?[^\n]{0,80}?(?:\n[ \t]*(?:-[ \t]*)?)?[ \t,]*["']?value["']?\s*[:=]\s*/i.exec(ahead);
  if (!m) {
    return undefined;
  }
  return keyEnd + m[0].length;
}

/**
 * For a bare `key` (`"Jwt": { "Key": "…" }`, YAML `stripe:\n  key: …`): the name of the enclosing
 * object decides, `jwt key` or `stripe key` being secret keys. Looks back at most 300 characters.
 */
function parentStrength(text: string, keyStart: number): KeyStrength | undefined {
  const back = text.slice(Math.max(0, keyStart - 300), keyStart);
  const json = /["']?([A-Za-z][\w.-]{0,60})["']?\s*[:=]\s*\{[^{}]*$/.exec(back);
  let parent = json?.[1];
  if (!parent) {
    const lines = back.split('\n');
    const own = lines[lines.length - 1];
    const indent = own.length - own.trimStart().length;
    for (let i = lines.length - 2; i >= 0 && !parent; i--) {
      const l = lines[i];
      const ind = l.length - l.trimStart().length;
      if (l.trim() !== '' && ind < indent) {
        parent = /^\s*["']?([A-Za-z][\w.-]{0,60})["']?\s*:\s*$/.exec(l)?.[1] ?? '';
      }
    }
  }
  return parent ? classifyKey(`${parent}_key`) : undefined;
}

/** The key starts its line (after `export `, `- `, indentation) and the value ends it: `.env`, YAML, INI style. */
function lineStartToEnd(text: string, keyStart: number, valueEnd: number): boolean {
  let i = keyStart - 1;
  while (i >= 0 && keyStart - i < 40 && text[i] !== '\n') {
    i--;
  }
  const head = text.slice(i + 1, keyStart);
  if (!/^[ \t]*(?:export[ \t]+|-[ \t]+|set[ \t]+)?["']?$/.test(head)) {
    return false;
  }
  let stop = valueEnd;
  while (stop < text.length && stop - valueEnd < 200 && text.charCodeAt(stop) !== 10) {
    stop++; // bounded: never scan to the end of a long line
  }
  const tail = text.slice(valueEnd, stop);
  return /^["']?[ \t\r]*(?:#.*)?$/.test(tail);
}

export function scanAssignments(text: string, lower = text.toLowerCase()): RawSpan[] {
  // one pass over the stems (an alternation of literals), in text order
  const stems = new RegExp(STEMS.join('|'), 'g');
  const spans: RawSpan[] = [];
  let cursor = 0;
  for (let m = stems.exec(lower); m !== null; m = stems.exec(lower)) {
    const hit = m.index;
    if (hit < cursor) {
      stems.lastIndex = cursor;
      continue;
    }
    let ks = hit;
    while (ks > 0 && hit - ks < MAX_KEY && isIdent(text.charCodeAt(ks - 1))) {
      ks--;
    }
    let ke = hit;
    while (ke < text.length && ke - hit < MAX_KEY && isIdent(text.charCodeAt(ke))) {
      ke++;
    }
    cursor = ke;
    addWork(ke - ks + 1);
    // trim punctuation a key cannot start or end with (`--password`, `db.password.`)
    while (ks < ke && (text[ks] === '-' || text[ks] === '.')) {
      ks++;
    }
    const name = text.slice(ks, ke);
    let strength = classifyKey(name);
    // a bare `key` is decided by its parent object, looked up only once a plausible value is there
    const bareKey = strength === undefined && /^key$/i.test(name);
    if (!strength && !bareKey) {
      continue;
    }
    const paired = pairedValue(text, ks, ke);
    const found = paired !== undefined ? { at: paired, xml: false } : findValueStart(text, ks, ke);
    if (!found) {
      continue;
    }
    const value = readValue(text, found.at, found.xml, ks > 0 && (text[ks - 1] === '?' || text[ks - 1] === '&'));
    if (!value) {
      continue;
    }
    cursor = Math.max(cursor, value.end); // never read the same value twice
    addWork(value.end - found.at);
    let { start, end } = value;
    if (bareKey) {
      if (!isSecretValue(text.slice(start, end), 'secret', value.quoted)) {
        if (value.quoted) {
          cursor = ke; // <add key="DbPassword" value="…"/>: the name inside the quotes is the key
        }
        continue;
      }
      strength = parentStrength(text, ks);
      if (!strength) {
        if (value.quoted) {
          cursor = ke;
        }
        continue;
      }
    }
    if (!strength) {
      continue;
    }
    if (strength === 'auth-header') {
      // Authorization: Bearer <token> / Basic <base64> / Api-Token <t>: the credential after the scheme
      if (!value.quoted && /^[ \t]+[^\s"'`]/.test(text.slice(end, end + 2)) && /^[A-Za-z][\w-]{1,24}$/.test(text.slice(start, end))) {
        const next = readValue(text, end + 1 + (text.slice(end + 1).search(/[^ \t]/) >>> 0), false);
        if (next) {
          end = next.end;
        }
      }
      const raw = text.slice(start, end);
      const scheme = /^[A-Za-z][\w-]{1,24}[ \t]+(?=\S)/.exec(raw);
      if (scheme) {
        start += scheme[0].length;
      }
      // bare value ends at whitespace already; quoted values may hold more words
      const rest = text.slice(start, end);
      const ws = rest.search(/\s/);
      if (ws > 0) {
        end = start + ws;
      }
      const cred = text.slice(start, end);
      const strong = cred.length >= 16 && charClasses(cred) >= 2 && shannonEntropy(cred) >= 3;
      if (cred.length < 8 || isPlaceholderValue(cred) || (!value.quoted && looksLikeCode(cred)) || shannonEntropy(cred) < 2.5 || (!scheme && !strong)) {
        continue;
      }
      spans.push({ start, end, kind: 'authorization-header', priority: ASSIGNMENT_PRIORITY + 1 });
      cursor = Math.max(cursor, end);
      continue;
    }
    // Python/TS annotation `password: str = "…"`: the value is after the `=`
    if (!value.quoted && /^[A-Za-z_][\w.[\]|]*$/.test(text.slice(start, end))) {
      const eq = /^\s*=\s*/.exec(text.slice(end, end + 20));
      if (eq) {
        const inner = readValue(text, end + eq[0].length, false);
        if (inner) {
          ({ start, end } = inner);
          if (!isSecretValue(text.slice(start, end), strength, inner.quoted)) {
            continue;
          }
          spans.push({ start, end, kind: strength === 'password' ? 'password' : 'secret-assignment', priority: ASSIGNMENT_PRIORITY });
          cursor = Math.max(cursor, end);
          continue;
        }
      }
    }
    if (!isSecretValue(text.slice(start, end), strength, value.quoted, /^[A-Z0-9_]+$/.test(name) || lineStartToEnd(text, ks, end))) {
      continue;
    }
    if (strength === 'keyish' && !isTokenLike(text.slice(start, end))) {
      continue;
    }
    spans.push({ start, end, kind: strength === 'password' ? 'password' : 'secret-assignment', priority: ASSIGNMENT_PRIORITY });
    cursor = Math.max(cursor, end);
  }
  return spans;
}
