/**
 * Request handlers: the functions a web framework calls per HTTP request, recognised by the
 * framework's own registration, never by a method name alone (`@mock.patch(...)` is not a route):
 * - Express/Koa/Fastify/Hono: `app.get('/path', [middleware,] handler)` on an app or router (a
 *   path string first), `router.route('/path').get(handler)`, `fastify.route({ url, handler })`,
 *   a named function passed to such a registration, and the `(req, res)` / `(request, reply)` pair;
 * - NestJS: `@Get()`/`@Post()`… methods of a `@Controller()` class (`@Query`/`@Mutation` of a
 *   `@Resolver()` class);
 * - Next.js and friends: exported `GET`/`POST`… functions (route handlers), `loader`/`action` in
 *   route modules, `getServerSideProps` in pages/;
 * - Flask/FastAPI/Starlette: `@app.route('/path')`, `@router.get('/path')` (a path string first);
 * - Django: module-level `def view(request, …)`, methods `get`/`post`/… (and DRF's `list`,
 *   `retrieve`, …) taking `(self, request)`, `@api_view`/`@action`/`@require_GET`… decorated
 *   functions. Hooks the framework calls around a view (`get_queryset`, `get_context_data`,
 *   `get_extra_context`) are not handlers: the framework paginates what they return.
 */
import type { CallSite, CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options', 'use']);
const NEST_ROUTE = /^@(Get|Post|Put|Patch|Delete|All|Head|Options)\s*\(/;
const NEST_GRAPHQL = /^@(Query|Mutation|ResolveField|Subscription)\s*\(/;
const ROUTE_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
/** Receivers whose `.get('/x', fn)` is not a route: mocks, caches, maps. */
const NOT_A_ROUTER = /^(mock\w*|jest|vi|sinon|nock|msw|cache\w*|\w*cache|map|\w*map|store|\w*store|localstorage|storage|axios|http|https|fetch|client|\w*client|request|superagent|supertest)$/i;

const PY_ROUTE_METHODS = new Set(['route', 'get', 'post', 'put', 'patch', 'delete', 'api_route', 'websocket', 'head', 'options']);
const PY_VIEW_DECORATOR = /^@\s*(api_view|action|require_http_methods|require_GET|require_POST|require_safe|login_required|permission_required|csrf_exempt)\b/;
/** Methods of a Django class-based view or DRF view/viewset that answer a request. */
const PY_VIEW_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'list', 'retrieve', 'create', 'update', 'partial_update', 'destroy']);
/** Receivers of `@x.get(...)` that are not routers. */
const PY_NOT_A_ROUTER = /^(mock|patch|pytest|unittest|responses|respx|httpretty|requests_mock|\w*_mock|mocker)$/i;

function paramNames(file: CodeFile, fn: Node): string[] {
  const params = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
  if (!params) {
    return [];
  }
  if (file.spec.identifier.includes(params.type)) {
    return [params.text];
  }
  return params.namedChildren
    .filter((p): p is Node => !!p && p.type !== 'comment')
    .map((p) => {
      // `request: HttpRequest` (Python typed_parameter), `req: Request` (TS required_parameter)
      const name = p.childForFieldName('pattern') ?? p.childForFieldName('name') ?? (p.type.startsWith('typed') ? p.namedChildren[0] : p) ?? p;
      return file.spec.identifier.includes(name.type) ? name.text : '';
    });
}

/** A route path: `'/users/:id'`, `''`, `'*'`. */
function isRoutePath(file: CodeFile, node: Node | undefined): boolean {
  if (!node) {
    return false;
  }
  const v = file.stringValue(node);
  return !!v && (v.text === '' || v.text === '*' || v.text.startsWith('/') || v.text.startsWith('$1/'));
}

/** The root name of a call's receiver chain (`router` for `router.get`, `app` for `this.app.get`). */
function receiverName(call: CallSite): string {
  const p = call.path.filter((s) => s !== 'this' && s !== 'self');
  return (p[p.length - 2] ?? '').replace(/\(\)$/, '');
}

/** `app.get('/path', …)`, `router.route('/path').get(…)`: a route registration. */
export function isRouteRegistration(file: CodeFile, call: CallSite): boolean {
  if (call.isNew || call.path.length < 2 || file.modules().has('msw')) {
    return false;
  }
  if (NOT_A_ROUTER.test(receiverName(call))) {
    return false;
  }
  if (ROUTE_METHODS.has(call.method) && isRoutePath(file, call.args[0]) && call.args.length >= 2) {
    return true;
  }
  // router.route('/path').get(handler)
  const recv = call.receiver;
  const inner = recv ? file.callAt(recv) : undefined;
  return ROUTE_METHODS.has(call.method) && !!inner && inner.method === 'route' && isRoutePath(file, inner.args[0]);
}

/** The call `fn` is an argument of, looking through wrappers (`asyncHandler(fn)`, `catchErrors(fn)`). */
function registrationOf(file: CodeFile, fn: Node): CallSite | undefined {
  let node: Node = fn;
  for (let i = 0; i < 3; i++) {
    const args = file.parentOf(node);
    const call = args?.type === file.spec.argumentList ? file.parentOf(args) : null;
    const site = call ? file.callAt(call) : undefined;
    if (!site) {
      return undefined;
    }
    if (isRouteRegistration(file, site)) {
      return site;
    }
    node = site.node;
  }
  return undefined;
}

function decoratorsBefore(node: Node): string[] {
  const out: string[] = [];
  for (let sib = node.previousNamedSibling; sib && (sib.type === 'decorator' || sib.type === 'comment'); sib = sib.previousNamedSibling) {
    if (sib.type === 'decorator') {
      out.push(sib.text);
    }
  }
  return out;
}

/** The decorators of a class (on the class node, or before it in an `export` statement). */
function classDecorators(file: CodeFile, cls: Node): string[] {
  const own = cls.namedChildren.filter((c): c is Node => !!c && c.type === 'decorator').map((c) => c.text);
  const up = file.parentOf(cls);
  const outer = up?.type === 'export_statement' ? up.namedChildren.filter((c): c is Node => !!c && c.type === 'decorator').map((c) => c.text) : [];
  return [...own, ...outer, ...decoratorsBefore(cls)];
}

/** Names of functions passed to a route registration in this file (`router.get('/x', listUsers)`). */
const registeredNames = new WeakMap<CodeFile, Set<string>>();

function namesRegistered(file: CodeFile): Set<string> {
  let names = registeredNames.get(file);
  if (!names) {
    names = new Set();
    for (const call of file.calls()) {
      if (isRouteRegistration(file, call)) {
        for (const a of call.args.slice(1)) {
          if (file.spec.identifier.includes(a.type)) {
            names.add(a.text);
          }
        }
      }
    }
    registeredNames.set(file, names);
  }
  return names;
}

function functionName(file: CodeFile, fn: Node): string {
  const own = fn.childForFieldName('name')?.text;
  if (own) {
    return own;
  }
  const decl = file.parentOf(fn);
  return decl?.type === 'variable_declarator' ? (decl.childForFieldName('name')?.text ?? '') : '';
}

function isExported(file: CodeFile, fn: Node): boolean {
  const up = file.parentOf(fn);
  if (up?.type === 'export_statement') {
    return true;
  }
  const decl = up?.type === 'variable_declarator' ? file.parentOf(up) : null;
  return !!decl && file.parentOf(decl)?.type === 'export_statement';
}

function isJsHandler(file: CodeFile, fn: Node): boolean {
  const params = paramNames(file, fn);
  if (/^(req|request)$/.test(params[0] ?? '') && /^(res|response|reply)$/.test(params[1] ?? '')) {
    return true;
  }
  if (registrationOf(file, fn)) {
    return true;
  }
  // fastify.route({ method: 'GET', url: '/x', handler })
  const pair = file.parentOf(fn);
  if (pair?.type === 'pair' && /^['"]?handler['"]?$/.test(pair.childForFieldName('key')?.text ?? '')) {
    const obj = file.parentOf(pair);
    if (obj && file.optionIn(obj, 'url')) {
      return true;
    }
  }
  if (fn.type === 'method_definition') {
    const decorators = decoratorsBefore(fn);
    const cls = file.parentOf(file.parentOf(fn) ?? fn);
    const onClass = cls ? classDecorators(file, cls) : [];
    if (decorators.some((d) => NEST_ROUTE.test(d)) && onClass.some((d) => /^@Controller\b/.test(d))) {
      return true;
    }
    if (decorators.some((d) => NEST_GRAPHQL.test(d)) && onClass.some((d) => /^@Resolver\b/.test(d))) {
      return true;
    }
    return false;
  }
  const name = functionName(file, fn);
  if (name && namesRegistered(file).has(name)) {
    return true;
  }
  if (!isExported(file, fn)) {
    return false;
  }
  if (ROUTE_EXPORTS.has(name)) {
    return true;
  }
  if ((name === 'loader' || name === 'action') && /(^|\/)(routes|app)\//.test(file.path)) {
    return true;
  }
  return name === 'getServerSideProps' && /(^|\/)pages\//.test(file.path);
}

/** `@app.get("/x")`, `@router.post("")`, `@bp.route("/x", methods=[…])`. */
function isPyRouteDecorator(file: CodeFile, decorator: Node): boolean {
  const expr = decorator.namedChildren.find((c): c is Node => !!c && c.type !== 'comment');
  const call = expr ? file.callAt(expr) : undefined;
  if (!call || call.path.length < 2 || !PY_ROUTE_METHODS.has(call.method) || PY_NOT_A_ROUTER.test(call.path[0])) {
    return false;
  }
  const first = file.positional(call)[0] ?? file.keywordArg(call, 'path') ?? file.keywordArg(call, 'rule');
  return isRoutePath(file, first);
}

function isPythonHandler(file: CodeFile, fn: Node): boolean {
  if (fn.type !== 'function_definition') {
    return false;
  }
  const up = file.parentOf(fn);
  if (up?.type === 'decorated_definition') {
    for (const d of up.namedChildren) {
      if (d?.type === 'decorator' && (isPyRouteDecorator(file, d) || PY_VIEW_DECORATOR.test(d.text))) {
        return true;
      }
    }
  }
  const params = paramNames(file, fn);
  const holder = up?.type === 'decorated_definition' ? file.parentOf(up) : up;
  if (holder?.type === 'module') {
    return params[0] === 'request';
  }
  // a method: its class body's parent is the class
  const cls = holder?.type === 'block' ? file.parentOf(holder) : null;
  if (cls?.type === 'class_definition') {
    const name = fn.childForFieldName('name')?.text ?? '';
    return PY_VIEW_METHODS.has(name) && params[0] === 'self' && params[1] === 'request';
  }
  return false;
}

const handlerCache = new WeakMap<CodeFile, Map<number, boolean>>();

export function isHandler(file: CodeFile, fn: Node): boolean {
  let cache = handlerCache.get(file);
  if (!cache) {
    cache = new Map();
    handlerCache.set(file, cache);
  }
  let v = cache.get(fn.id);
  if (v === undefined) {
    v = file.spec.ruleLanguage === 'python' ? isPythonHandler(file, fn) : isJsHandler(file, fn);
    cache.set(fn.id, v);
  }
  return v;
}

/** The request handler `node` runs in (its function or one enclosing it), if any. */
export function enclosingHandler(file: CodeFile, node: Node): Node | undefined {
  let depth = 0;
  for (let fn = file.enclosingFunction(node); fn && depth < 4; fn = file.enclosingFunction(fn), depth++) {
    if (isHandler(file, fn)) {
      return fn;
    }
  }
  return undefined;
}
