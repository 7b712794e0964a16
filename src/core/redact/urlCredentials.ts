/**
 * Credentials inside URLs and HTTP commands: the password of `scheme://user:password@host` in
 * any scheme (postgres, mysql, mongodb+srv, redis with an empty user, amqp, https, jdbc:…),
 * a token used as the URL user (`https://<token>@github.com`), Oracle's `user/password@host`,
 * `curl -u user:password` / `--user`, and `Bearer <token>` wherever it is written.
 * Each occurrence of `://`, `-u`/`--user` or `bearer` is read with bounded steps: linear.
 */
import type { RawSpan } from './types';
import { charClasses, isPlaceholderValue, shannonEntropy } from './values';
import { addWork } from './work';

export const URL_PRIORITY = 2;
/** Characters that end the authority part of a URL (a lookup table: one array read per character). */
const STOP = new Uint8Array(128);
for (const c of ' \t\n\r"\'`<>/?#\\,;)([]{}|') {
  STOP[c.charCodeAt(0)] = 1;
}

function tokenLike(value: string): boolean {
  return value.length >= 16 && charClasses(value) >= 2 && shannonEntropy(value) >= 3;
}

function passwordOk(value: string): boolean {
  return value.length >= 3 && !/^[$%{<*]/.test(value) && !/^x+$/i.test(value) && !value.startsWith('[REDACTED') && !/\$\{|\{\{/.test(value);
}

function scanUrls(text: string, spans: RawSpan[]): void {
  for (let i = text.indexOf('://'); i !== -1; i = text.indexOf('://', i + 3)) {
    // the scheme must be letters: `postgres://`, `mongodb+srv://`, `jdbc:mysql://`
    const c = text.charCodeAt(i - 1);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      continue;
    }
    const start = i + 3;
    let j = start;
    let at = -1;
    while (j < text.length && j - start < 300) {
      const c = text.charCodeAt(j);
      if (c < 128 && STOP[c] === 1) {
        break;
      }
      if (c === 64 /* @ */) {
        at = j;
      }
      j++;
    }
    addWork(j - start + 3);
    if (at <= start) {
      continue;
    }
    const userinfo = text.slice(start, at);
    const colon = userinfo.indexOf(':');
    if (colon === -1) {
      if (tokenLike(userinfo) && !isPlaceholderValue(userinfo)) {
        spans.push({ start, end: at, kind: 'token-in-url', priority: URL_PRIORITY });
      }
      continue;
    }
    const password = userinfo.slice(colon + 1);
    const user = userinfo.slice(0, colon);
    if (tokenLike(user) && !isPlaceholderValue(user)) {
      // https://<token>:x-oauth-basic@github.com — the user is the credential
      spans.push({ start, end: start + colon, kind: 'token-in-url', priority: URL_PRIORITY });
    }
    if (passwordOk(password) && password !== 'x-oauth-basic') {
      spans.push({ start: start + colon + 1, end: at, kind: 'password-in-url', priority: URL_PRIORITY });
    }
  }
}

/** jdbc:oracle:thin:user/password@host */
function scanOracle(text: string, spans: RawSpan[]): void {
  for (let i = text.indexOf(':thin:'); i !== -1; i = text.indexOf(':thin:', i + 6)) {
    const m = /^:thin:([A-Za-z0-9_$#.]{1,64})\/([^@\s"'/]{1,128})@/.exec(text.slice(i, i + 220));
    if (m && passwordOk(m[2])) {
      const s = i + 6 + m[1].length + 1;
      spans.push({ start: s, end: s + m[2].length, kind: 'password-in-url', priority: URL_PRIORITY });
    }
  }
}

/** curl -u user:password, --user user:password, --proxy-user, -u"user:password". */
function scanCurlUser(text: string, lower: string, spans: RawSpan[]): void {
  const flags = ['-u', '--user', '--proxy-user', '-U'];
  for (const flag of flags) {
    const hay = flag === '-U' ? text : lower;
    for (let i = hay.indexOf(flag); i !== -1; i = hay.indexOf(flag, i + flag.length)) {
      addWork(flag.length);
      const before = i > 0 ? text[i - 1] : ' ';
      if (before !== ' ' && before !== '\t' && before !== '"' && before !== "'") {
        continue;
      }
      // -u user:pass, -u "user:pass", -u user:'pass', -u ":pass", -u "apikey:" (the key as user)
      const m = /^(?:[ \t]+|=|)(["']?)([^\s:"']{0,100}):(["']?)([^\s"']{0,200})/.exec(text.slice(i + flag.length, i + flag.length + 320));
      if (!m || (flag === '-u' && !/curl|wget|http/i.test(text.slice(Math.max(0, i - 300), i)))) {
        continue;
      }
      const userStart = i + flag.length + m[0].length - m[4].length - m[3].length - 1 - m[2].length;
      const [user, pass] = [m[2], m[4]];
      if (pass.length > 0 && passwordOk(pass) && !/^\$\{?\w+\}?$/.test(pass)) {
        const s = i + flag.length + m[0].length - pass.length;
        spans.push({ start: s, end: s + pass.length, kind: 'curl-user', priority: URL_PRIORITY });
      } else if (pass.length === 0 && user.length >= 8 && passwordOk(user) && !/^\$\{?\w+\}?$/.test(user)) {
        spans.push({ start: userStart, end: userStart + user.length, kind: 'curl-user', priority: URL_PRIORITY });
      }
    }
  }
}

/** `Bearer <token>` in code, docs or shell lines. */
function scanBearer(text: string, lower: string, spans: RawSpan[]): void {
  for (let i = lower.indexOf('bearer'); i !== -1; i = lower.indexOf('bearer', i + 6)) {
    addWork(6);
    const next = text.charCodeAt(i + 6);
    if (next !== 32 && next !== 9) {
      continue;
    }
    const m = /^bearer[ \t]+([A-Za-z0-9._~+/-]{16,2000}={0,2})/i.exec(text.slice(i, i + 2100));
    if (m && tokenLike(m[1]) && !isPlaceholderValue(m[1])) {
      const s = i + m[0].length - m[1].length;
      spans.push({ start: s, end: s + m[1].length, kind: 'authorization-header', priority: URL_PRIORITY });
    }
  }
}

/** `-p <password>` / `-p<password>` of docker/podman/helm login, mysql clients and sshpass. */
function scanDashP(text: string, spans: RawSpan[]): void {
  for (let i = text.indexOf(' -p'); i !== -1; i = text.indexOf(' -p', i + 3)) {
    addWork(3);
    let lineStart = i;
    while (lineStart > 0 && i - lineStart <= 120 && text.charCodeAt(lineStart - 1) !== 10) {
      lineStart--; // bounded: a long line with many ` -p` costs 120 steps per hit at most
    }
    addWork(i - lineStart);
    const head = text.slice(lineStart, i);
    if (i - lineStart > 120 || !/\b(?:docker|podman|nerdctl|helm|mysql|mysqldump|mysqladmin|mariadb|sshpass|oc|skopeo)\b/.test(head)) {
      continue;
    }
    // mysql: `-pSECRET` only (`-p db` prompts for the password and names the database)
    const attached = /\b(?:mysql|mysqldump|mysqladmin|mariadb)\b/.test(head);
    const m = (attached ? /^ -p(?=\S)(["']?)([^\s"']{3,200})\1/ : /^ -p(?: +|(?=\S))(["']?)([^\s"']{3,200})\1/).exec(text.slice(i, i + 220));
    if (m && passwordOk(m[2]) && !/^\$\{?\w+\}?$/.test(m[2]) && !/^\d{2,5}(?::\d{2,5})?$/.test(m[2])) {
      const s = i + m[0].length - m[2].length - m[1].length;
      spans.push({ start: s, end: s + m[2].length, kind: 'password', priority: URL_PRIORITY });
    }
  }
}

export function scanUrlCredentials(text: string, lower = text.toLowerCase()): RawSpan[] {
  const spans: RawSpan[] = [];
  scanDashP(text, spans);
  scanUrls(text, spans);
  scanOracle(text, spans);
  scanCurlUser(text, lower, spans);
  scanBearer(text, lower, spans);
  return spans;
}
