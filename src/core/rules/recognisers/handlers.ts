/**
 * Request handlers: the functions a web framework calls per HTTP request. Express/Fastify/Koa
 * router/Hono (`app.get('/path', handler)`), NestJS (`@Get()` methods), Next.js route handlers
 * (`export async function GET`), `(req, res)` handlers; Flask/FastAPI (`@app.get(...)`,
 * `@router.post`, `@bp.route`), Django and DRF views (`def view(request)`, `def get(self, request)`).
 */
import type { CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'head', 'options', 'route']);
const NEST_DECORATORS = /^@(Get|Post|Put|Patch|Delete|All|Head|Options|Query|Resolver|ResolveField|Mutation)\b/;
const NEXT_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'loader', 'action', 'getServerSideProps']);
const PY_ROUTE_DECORATOR = /^@\s*[\w.]*\.(route|get|post|put|patch|delete|api_route|websocket)\s*\(|^@\s*(api_view|action|require_http_methods|require_GET|require_POST|login_required)\b/;

function paramNames(file: CodeFile, fn: Node): string[] {
  const params = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
  if (!params) {
    return [];
  }
  if (file.spec.identifier.includes(params.type)) {
    return [params.text];
  }
  return params.namedChildren
    .filter((p): p is Node => !!p)
    .map((p) => {
      const name = p.childForFieldName('pattern') ?? p.childForFieldName('name') ?? p;
      return file.spec.identifier.includes(name.type) ? name.text : name.type === 'identifier' ? name.text : '';
    });
}

function isJsHandler(file: CodeFile, fn: Node): boolean {
  const params = paramNames(file, fn);
  if (params[0] && /^(req|request)$/.test(params[0]) && /^(res|response|reply|h)$/.test(params[1] ?? '')) {
    return true;
  }
  // app.get('/path', [middleware,] handler)
  const args = file.parentOf(fn);
  const grand = args ? file.parentOf(args) : null;
  if (args?.type === file.spec.argumentList && grand) {
    const site = file.callAt(grand);
    if (site && site.path.length >= 2 && HTTP_METHODS.has(site.method)) {
      const first = site.args[0];
      const path = first ? file.stringValue(first) : undefined;
      if (path && path.text.startsWith('/')) {
        return true;
      }
    }
  }
  if (fn.type === 'method_definition') {
    // NestJS: decorators precede the method in the class body
    for (let sib = fn.previousNamedSibling; sib && sib.type === 'decorator'; sib = sib.previousNamedSibling) {
      if (NEST_DECORATORS.test(sib.text)) {
        return true;
      }
    }
  }
  if (fn.type === 'function_declaration') {
    const name = fn.childForFieldName('name')?.text ?? '';
    if (NEXT_EXPORTS.has(name) && file.parentOf(fn)?.type === 'export_statement') {
      return true;
    }
  }
  const declarator = file.parentOf(fn);
  if ((fn.type === 'arrow_function' || fn.type === 'function_expression') && declarator?.type === 'variable_declarator') {
    const name = declarator.childForFieldName('name')?.text ?? '';
    const declaration = file.parentOf(declarator);
    if (NEXT_EXPORTS.has(name) && declaration && file.parentOf(declaration)?.type === 'export_statement') {
      return true;
    }
  }
  return false;
}

function isPythonHandler(file: CodeFile, fn: Node): boolean {
  if (fn.type !== 'function_definition') {
    return false;
  }
  const up = file.parentOf(fn);
  const decorated = up?.type === 'decorated_definition' ? up : undefined;
  if (decorated) {
    for (const d of decorated.namedChildren) {
      if (d?.type === 'decorator' && PY_ROUTE_DECORATOR.test(d.text)) {
        return true;
      }
    }
  }
  const params = paramNames(file, fn);
  return params[0] === 'request' || (params[0] === 'self' && params[1] === 'request');
}

const handlerCache = new WeakMap<CodeFile, Map<number, boolean>>();

function isHandler(file: CodeFile, fn: Node): boolean {
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
