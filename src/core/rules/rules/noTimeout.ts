import type { CallSite, CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';
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

function isBrowserFile(file: CodeFile): boolean {
  const mods = file.modules();
  return file.isJsx || mods.has('react') || mods.has('vue') || mods.has('svelte') || /(^|\/)(components|pages|app|client|frontend|public|static|web)\//.test(file.path) && !/(^|\/)(api|server)\//.test(file.path);
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
    if (isBrowserFile(file)) {
      return undefined;
    }
    return { node: call.node, what: '`fetch`', verdict: optionVerdict(file, call.args[1], ['signal']) };
  }
  if (!call.isNew && path[0] === 'axios' && !axiosDefaults && (mods.has('axios') || path.length > 1)) {
    if (path.length === 1) {
      const cfg = call.args[0] && file.stringValue(call.args[0]) ? call.args[1] : call.args[0];
      return { node: call.node, what: '`axios`', verdict: optionVerdict(file, cfg, ['timeout', 'signal', 'cancelToken']) };
    }
    if (path.length === 2 && path[1] === 'create') {
      return { node: call.node, what: '`axios.create`', verdict: optionVerdict(file, call.args[0], ['timeout', 'signal']) };
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

function pyHit(file: CodeFile, call: CallSite): Hit | undefined {
  const path = call.path;
  if (path.length === 2 && path[0] === 'requests' && REQUESTS_METHODS.has(call.method)) {
    return { node: call.node, what: `\`requests.${call.method}\``, verdict: kwVerdict(file, call, 'timeout') };
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
        'Reports `fetch` without an abort `signal`, `axios`/`axios.create`/`got` without `timeout`, `http.request`/`https.get` without `timeout` (and no `.setTimeout`), ' +
        'a pg `Pool`/`Client` configured without `connectionTimeoutMillis`/`statement_timeout`/`query_timeout`, and Python `requests.*`, `urlopen` and ' +
        '`HTTPConnection` without `timeout=` (or with `timeout=None`, also for httpx). Options it cannot see (a spread, `**kwargs`, a parameter) are given the benefit of the doubt, ' +
        'and `fetch` in browser code (`.tsx`/`.jsx`, React) is left alone.',
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
    const defaults = !python && axiosDefaultsSet(file);
    for (const call of file.calls()) {
      const hit = python ? pyHit(file, call) : jsHit(file, call, defaults);
      if (!hit || hit.verdict === 'ok' || hit.verdict === 'unknown') {
        continue;
      }
      ctx.report({
        node: hit.node,
        message:
          hit.verdict === 'disabled'
            ? `${hit.what} has its timeout turned off; a hung dependency holds this call forever.`
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
    ],
    invalid: [
      { name: 'fetch without options', path: 'src/client.ts', code: 'const res = await fetch(`${base}/users/${id}`);', lines: [1] },
      { name: 'axios post', path: 'a.js', code: "const axios = require('axios');\nawait axios.post(url, body, { headers });", lines: [2] },
      { name: 'axios create without timeout', path: 'a.ts', code: "import axios from 'axios';\nexport const api = axios.create({ baseURL });", lines: [2] },
      { name: 'requests without timeout', path: 'a.py', code: 'import requests\nr = requests.get("https://example.com/api")\n', lines: [2] },
      { name: 'requests timeout None', path: 'a.py', code: 'import requests\nrequests.post(url, json=body, timeout=None)\n', lines: [2] },
      { name: 'pg pool without timeout', path: 'db.ts', code: "import { Pool } from 'pg';\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL });", lines: [2] },
      { name: 'https.request', path: 'a.ts', code: "import https from 'node:https';\nconst req = https.request({ host, path: '/v1' }, onResponse);", lines: [2] },
    ],
  },
};
