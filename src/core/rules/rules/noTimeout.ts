import type { CallSite, CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';
import { runtimeOf } from '../recognisers/serverSide';
import type { Rule } from '../types';

const AXIOS_CONFIG_AT: Record<string, number> = { get: 1, delete: 1, head: 1, options: 1, post: 2, put: 2, patch: 2, request: 0 };
const REQUESTS_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);
const PG_TIMEOUTS = ['connectionTimeoutMillis', 'statement_timeout', 'query_timeout', 'connect_timeout'];

type Verdict = 'missing' | 'disabled' | 'ok' | 'unknown';

/** Whether options node `opts` (object literal, resolved identifier, or absent) sets one of `keys` to something other than 0/null. */
function optionVerdict(file: CodeFile, opts: Node | undefined, keys: readonly string[]): Verdict {
  if (!opts) {
    return 'missing';
  }
  let obj: Node | undefined = opts;
  if (file.spec.identifier.includes(opts.type)) {
    obj = file.resolve(opts);
  }
  if (!obj || obj.type !== file.spec.objectLiteral) {
    return 'unknown';
  }
  if (file.hasSpread(obj)) {
    return 'unknown';
  }
  for (const key of keys) {
    const v = file.optionIn(obj, key);
    if (v) {
      return /^(0|null|undefined|false|Infinity)$/.test(v.text) ? 'disabled' : 'ok';
    }
  }
  return 'missing';
}

function kwVerdict(file: CodeFile, call: CallSite, name: string, position?: number): Verdict {
  if (file.hasSplat(call)) {
    return 'unknown';
  }
  const kw = file.keywordArg(call, name);
  if (kw) {
    return kw.text === 'None' ? 'disabled' : 'ok';
  }
  if (position !== undefined && file.positional(call).length > position) {
    return 'ok';
  }
  return 'missing';
}

/** A `.setTimeout(…)` call or `timeout` event handler elsewhere in the same function (http.request's other way to set one). */
function setsTimeoutLater(file: CodeFile, call: CallSite): boolean {
  const fn = file.enclosingFunction(call.node) ?? file.root;
  return file.calls().some(
    (c) => c.node.startIndex >= fn.startIndex && c.node.endIndex <= fn.endIndex && c.path.length >= 2 && (c.method === 'setTimeout' || (c.method === 'on' && /timeout/.test(c.args[0]?.text ?? ''))),
  );
}

interface Hit {
  readonly node: Node;
  readonly what: string;
  readonly verdict: Verdict;
}

function jsHit(file: CodeFile, call: CallSite, axiosDefaults: boolean): Hit | undefined {
  const mods = file.modules();
  const path = call.path;
  if (!call.isNew && path.length === 1 && path[0] === 'fetch') {
    return { node: call.node, what: '`fetch`', verdict: optionVerdict(file, call.args[1], ['signal']) };
  }
  if (!call.isNew && path[0] === 'axios' && !axiosDefaults && (mods.has('axios') || path.length > 1)) {
    if (path.length === 1) {
      const cfg = call.args[0] && file.stringValue(call.args[0]) ? call.args[1] : call.args[0];
      return { node: call.node, what: '`axios`', verdict: optionVerdict(file, cfg, ['timeout', 'signal', 'cancelToken']) };
    }
    if (path.length === 2 && path[1] === 'create') {
      // an instance carries its defaults: one finding here, none at each `api.get(…)`
      const verdict = optionVerdict(file, call.args[0], ['timeout', 'signal']);
      return { node: call.node, what: '`axios.create`', verdict: verdict === 'missing' && instanceTimeoutSet(file, call) ? 'ok' : verdict };
    }
    const at = AXIOS_CONFIG_AT[call.method];
    if (path.length === 2 && at !== undefined) {
      return { node: call.node, what: `\`axios.${call.method}\``, verdict: optionVerdict(file, call.args[at], ['timeout', 'signal', 'cancelToken']) };
    }
  }
  if (!call.isNew && path[0] === 'got' && mods.has('got') && (path.length === 1 || (path.length === 2 && AXIOS_CONFIG_AT[call.method] !== undefined))) {
    const opts = call.args.find((a, i) => i > 0 || a.type === file.spec.objectLiteral);
    return { node: call.node, what: '`got`', verdict: optionVerdict(file, opts, ['timeout', 'signal']) };
  }
  if (!call.isNew && path.length === 2 && /^(http|https)$/.test(path[0]) && (call.method === 'request' || call.method === 'get')) {
    if (setsTimeoutLater(file, call)) {
      return undefined;
    }
    const opts = call.args.find((a) => a.type === file.spec.objectLiteral) ?? (call.args.length >= 2 && !call.args[1].type.includes('function') ? call.args[1] : undefined);
    return { node: call.node, what: `\`${path.join('.')}\``, verdict: optionVerdict(file, opts, ['timeout', 'signal']) };
  }
  if (call.isNew && (mods.has('pg') || path[0] === 'pg') && /^(Pool|Client)$/.test(call.method) && call.args.length > 0) {
    return { node: call.node, what: `the pg \`${call.method}\``, verdict: optionVerdict(file, call.args[0], PG_TIMEOUTS) };
  }
  return undefined;
}

/** `const api = axios.create(…)` followed by `api.defaults.timeout = …`. */
function instanceTimeoutSet(file: CodeFile, create: CallSite): boolean {
  const decl = file.parentOf(create.node);
  const name = decl?.type === 'variable_declarator' ? decl.childForFieldName('name')?.text : undefined;
  return !!name && file.descendantsOfType(['assignment_expression']).some((a) => (a.childForFieldName('left')?.text ?? '') === `${name}.defaults.timeout`);
}

/** Names bound to a `requests.Session()` (`s = requests.Session()`, `with requests.Session() as s`). */
function requestsSessions(file: CodeFile): Set<string> {
  const out = new Set<string>();
  for (const call of file.calls()) {
    if (call.path.join('.') !== 'requests.Session' && call.path.join('.') !== 'requests.session') {
      continue;
    }
    const up = file.parentOf(call.node);
    const target = up?.type === 'assignment' ? up.childForFieldName('left') : up?.type === 'as_pattern' ? up.childForFieldName('alias') : undefined;
    const name = target?.text.replace(/^as\s+/, '');
    if (name && /^[A-Za-z_][\w.]*$/.test(name)) {
      out.add(name);
    }
  }
  return out;
}

const SESSION_METHODS = new Set([...REQUESTS_METHODS, 'send']);

function pyHit(file: CodeFile, call: CallSite, sessions: ReadonlySet<string>): Hit | undefined {
  const path = call.path;
  if (path.length === 2 && path[0] === 'requests' && REQUESTS_METHODS.has(call.method)) {
    return { node: call.node, what: `\`requests.${call.method}\``, verdict: kwVerdict(file, call, 'timeout') };
  }
  // a Session has no default timeout: each call needs its own
  if (path.length >= 2 && SESSION_METHODS.has(call.method) && sessions.has(path.slice(0, -1).join('.'))) {
    return { node: call.node, what: `\`${path.join('.')}\` (a requests Session)`, verdict: kwVerdict(file, call, 'timeout') };
  }
  if ((path.join('.') === 'urllib.request.urlopen' || (path.length === 1 && path[0] === 'urlopen')) && call.args.length > 0) {
    return { node: call.node, what: '`urlopen`', verdict: kwVerdict(file, call, 'timeout', 2) };
  }
  if (/^(http\.client\.)?HTTPS?Connection$/.test(path.join('.')) && call.args.length > 0) {
    return { node: call.node, what: `\`${call.method}\``, verdict: kwVerdict(file, call, 'timeout', 2) };
  }
  if (path.length === 2 && path[0] === 'httpx' && (call.method === 'Client' || call.method === 'AsyncClient' || REQUESTS_METHODS.has(call.method))) {
    // httpx has a default timeout; only an explicit timeout=None disables it
    return kwVerdict(file, call, 'timeout') === 'disabled' ? { node: call.node, what: `\`httpx.${call.method}\``, verdict: 'disabled' } : undefined;
  }
  return undefined;
}

function axiosDefaultsSet(file: CodeFile): boolean {
  return file.text.includes('axios.defaults') && file.root.descendantsOfType('assignment_expression').some((a) => !!a && /^axios\.defaults\.timeout\b/.test(a.childForFieldName('left')?.text ?? ''));
}

export const noTimeout: Rule = {
  meta: {
    id: 'no-timeout',
    category: 'no-timeout',
    defaultSeverity: 'medium',
    summary: 'An outbound HTTP call or database pool with no timeout.',
    languages: ['typescript', 'javascript', 'python'],
    docs: {
      what:
        'In server-side code, reports `fetch` without an abort `signal`, `axios`/`got` calls without `timeout`, an `axios.create` instance without one (once, where it is created, ' +
        'not at each call on it), `http.request`/`https.get` without `timeout` (and no `.setTimeout`), a pg `Pool`/`Client` configured without `connectionTimeoutMillis`/`statement_timeout`/`query_timeout`, ' +
        'and Python `requests.*` and `requests.Session` calls, `urlopen` and `HTTPConnection` without `timeout=` (or with `timeout=None`, also for httpx, whose 5 s default is otherwise fine). ' +
        'Options it cannot see (a spread, `**kwargs`, a parameter) are given the benefit of the doubt. Browser code is left alone, decided by a `\'use client\'` directive, ' +
        'browser imports (React, Vue, Svelte, `next/navigation`, DOM libraries) or globals (`window`, `document`), or a front-end location (`static/`, `public/`, `components/`, Next.js `pages/`), ' +
        'unless server imports (Node built-ins, server frameworks, database drivers, `next/server`) or a `\'use server\'` directive say otherwise; so are benchmark and perf harnesses.',
      why:
        'Without a timeout a slow or hung dependency holds the request, its socket and often a pool connection forever. Requests pile up behind it, the pool and the ' +
        'event loop or thread pool run dry, and one slow service takes the whole API down with it. Most clients default to no timeout at all.',
      example: { language: 'ts', code: "const res = await fetch('https://payments.internal/charge', { method: 'POST', body });" },
      insteadText: 'Give every outbound call a deadline shorter than your own.',
      instead: { language: 'ts', code: "const res = await fetch('https://payments.internal/charge', { method: 'POST', body, signal: AbortSignal.timeout(3000) });" },
      fixHint: 'Set a timeout (AbortSignal.timeout(ms), timeout: ms, timeout=seconds) shorter than the caller\'s own deadline.',
    },
  },
  checkCode(ctx) {
    const { file } = ctx;
    const python = file.spec.ruleLanguage === 'python';
    const runtime = runtimeOf(file);
    if (runtime !== 'server') {
      return; // browser code (the browser bounds the call, the user can leave) or a benchmark harness
    }
    const defaults = !python && axiosDefaultsSet(file);
    const sessions = python && file.text.includes('Session') ? requestsSessions(file) : new Set<string>();
    for (const call of file.calls()) {
      const hit = python ? pyHit(file, call, sessions) : jsHit(file, call, defaults);
      if (!hit || hit.verdict === 'ok' || hit.verdict === 'unknown') {
        continue;
      }
      ctx.report({
        node: hit.node,
        message:
          hit.verdict === 'disabled'
            ? `${hit.what} has its timeout turned off; a hung dependency holds this call forever.`
            : hit.what === '`fetch`'
              ? '`fetch` has no deadline of its own: a slow dependency holds this call for minutes (Node\'s fetch waits up to 300 s for headers); pass `signal: AbortSignal.timeout(ms)`.'
              : `${hit.what} has no timeout; a hung dependency holds this call (and its connection) forever.`,
      });
    }
  },
  tests: {
    valid: [
      { name: 'fetch with signal', path: 'a.ts', code: "await fetch(url, { signal: AbortSignal.timeout(5000) });" },
      { name: 'axios with timeout', path: 'a.ts', code: "import axios from 'axios';\nawait axios.get(url, { timeout: 2000 });" },
      { name: 'options we cannot see', path: 'a.ts', code: 'await fetch(url, options);' },
      { name: 'requests with timeout', path: 'a.py', code: 'import requests\nrequests.get(url, timeout=5)\n' },
      { name: 'httpx default timeout', path: 'a.py', code: 'import httpx\nhttpx.get(url)\n' },
      { name: 'browser component', path: 'src/components/List.tsx', code: "export function List() { useEffect(() => { fetch('/api/items'); }, []); return null; }" },
      { name: 'pg pool with timeout', path: 'a.ts', code: "import { Pool } from 'pg';\nconst pool = new Pool({ connectionString, connectionTimeoutMillis: 5000 });" },
      { name: "a 'use client' module", path: 'app/settings/save.ts', code: "'use client';\nexport async function save(body: string) {\n  return fetch('/api/settings', { method: 'POST', body });\n}" },
      { name: 'a front-end bundle (static folder, DOM)', path: 'web/static/src/api.ts', code: "export async function post(url: string, body: string) {\n  const token = document.cookie;\n  return fetch(url, { method: 'POST', body, headers: { 'x-csrf': token } });\n}" },
      { name: 'a browser helper importing a browser library', path: 'src/utils/login.ts', code: "import Bowser from 'bowser';\nexport const pin = () => fetch('https://auth.example.com/pins', { method: 'POST' });" },
      { name: 'a benchmark harness', path: 'perf/latency.js', code: "const { Pool } = require('pg');\nconst pool = new Pool({ connectionString: process.env.PERF_DB });" },
      { name: 'calls on an axios instance (its creation is judged)', path: 'a.ts', code: "import axios from 'axios';\nexport const api = axios.create({ baseURL, timeout: 4000 });\nexport const list = () => api.get('/items');" },
      { name: 'axios instance given a timeout after creation', path: 'a.ts', code: "import axios from 'axios';\nconst api = axios.create({ baseURL });\napi.defaults.timeout = 4000;" },
      { name: 'requests session call with a timeout', path: 'hooks.py', code: 'import requests\nwith requests.Session() as s:\n    s.post(url, json=body, timeout=5)\n' },
    ],
    invalid: [
      { name: 'fetch without options', path: 'src/client.ts', code: 'const res = await fetch(`${base}/users/${id}`);', lines: [1] },
      { name: 'axios post', path: 'a.js', code: "const axios = require('axios');\nawait axios.post(url, body, { headers });", lines: [2] },
      { name: 'axios create without timeout', path: 'a.ts', code: "import axios from 'axios';\nexport const api = axios.create({ baseURL });", lines: [2] },
      { name: 'requests without timeout', path: 'a.py', code: 'import requests\nr = requests.get("https://example.com/api")\n', lines: [2] },
      { name: 'requests timeout None', path: 'a.py', code: 'import requests\nrequests.post(url, json=body, timeout=None)\n', lines: [2] },
      { name: 'pg pool without timeout', path: 'db.ts', code: "import { Pool } from 'pg';\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL });", lines: [2] },
      { name: 'https.request', path: 'a.ts', code: "import https from 'node:https';\nconst req = https.request({ host, path: '/v1' }, onResponse);", lines: [2] },
      { name: 'fetch in a Next.js route handler', path: 'app/api/sync/route.ts', code: "export async function POST() {\n  const r = await fetch(process.env.CRM_URL + '/sync', { method: 'POST' });\n  return Response.json(await r.json());\n}", lines: [2] },
      { name: 'fetch in a server action', path: 'app/actions.ts', code: "'use server';\nexport async function notify(id: string) {\n  await fetch(`${hooks}/orders/${id}`, { method: 'POST' });\n}", lines: [3] },
      { name: 'axios instance without a timeout: once, at creation', path: 'server/billing.ts', code: "import axios from 'axios';\nconst billing = axios.create({ baseURL: process.env.BILLING_URL });\nexport const charge = (b: unknown) => billing.post('/charges', b);\nexport const refund = (b: unknown) => billing.post('/refunds', b);", lines: [2] },
      { name: 'requests session send without a timeout', path: 'webhooks.py', code: 'import requests\ndef deliver(prepared):\n    with requests.Session() as session:\n        return session.send(prepared)\n', lines: [4] },
    ],
  },
};
