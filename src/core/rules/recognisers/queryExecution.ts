/**
 * Whether a recognised query call actually runs a query where it stands: a `sql`…`` tag that only
 * builds a fragment (Drizzle, Kysely) does not; a lazy Django queryset or SQLAlchemy Query built in
 * place runs only when something evaluates it (iterates, counts, `.first()`), not when it is passed
 * to `Subquery()`/`Exists()`/`__in=` or stored. And the queries a same-file helper runs, so a call
 * to `this.findChildren(id)` can be followed one level.
 */
import type { CallSite, CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';
import { chainEnd, queryCall, type QueryCall } from './queryCalls';

const STATEMENT_START = /^\s*\(?\s*(select|insert|update|delete|with|merge|upsert|replace|refresh|truncate|copy|call|create|alter|drop|lock|vacuum|analyze)\b/i;

/** A tagged template that builds a SQL fragment to embed elsewhere, rather than a statement that runs. */
export function isSqlFragmentTag(file: CodeFile, q: QueryCall): boolean {
  if (!q.call.isTagged || q.library !== 'sql' || q.call.method !== 'sql') {
    return false;
  }
  const end = chainEnd(file, q.call);
  if (end !== q.call && /^(execute|then|run|all|get)$/.test(end.method)) {
    return false;
  }
  const template = q.call.args[0];
  const text = template ? (file.stringValue(template)?.text ?? '') : '';
  return !STATEMENT_START.test(text);
}

/** Django queryset methods that return another queryset without running it. */
const DJANGO_LAZY = new Set([
  'all', 'filter', 'exclude', 'order_by', 'select_related', 'prefetch_related', 'annotate', 'alias', 'values', 'values_list', 'only', 'defer',
  'distinct', 'using', 'restrict', 'none', 'union', 'intersection', 'difference', 'select_for_update', 'extra', 'reverse',
]);
/** SQLAlchemy Query methods that return another Query (or a construct) without running it. */
const SQLA_LAZY = new Set([
  'query', 'filter', 'filter_by', 'order_by', 'join', 'outerjoin', 'options', 'limit', 'offset', 'group_by', 'having', 'distinct', 'where',
  'subquery', 'cte', 'exists', 'statement', 'label', 'as_scalar', 'scalar_subquery', 'union', 'union_all', 'correlate', 'with_entities', 'execution_options',
]);
/** Calls that evaluate a queryset passed to them. */
const EVALUATORS = new Set(['list', 'len', 'tuple', 'set', 'frozenset', 'sorted', 'bool', 'any', 'all', 'next', 'sum', 'dict', 'max', 'min', 'enumerate', 'iter']);

function lazyMethods(q: QueryCall): ReadonlySet<string> | undefined {
  return q.library === 'django' ? DJANGO_LAZY : q.library === 'sqlalchemy' ? SQLA_LAZY : undefined;
}

function skipParens(file: CodeFile, node: Node): Node | null {
  let p = file.parentOf(node);
  while (p && p.type === 'parenthesized_expression') {
    p = file.parentOf(p);
  }
  return p;
}

/**
 * True when the lazy value at `node` is evaluated: iterated, counted, tested, or ended by a
 * method that runs it. Names it is assigned to are followed (within `scope`, after `node`).
 */
function isEvaluated(file: CodeFile, node: Node, lazy: ReadonlySet<string>, scope: Node, depth: number): boolean {
  if (depth > 6) {
    return true;
  }
  const parent = skipParens(file, node);
  if (!parent) {
    return false;
  }
  // a method called on it: lazy ones give another lazy value, any other runs it
  if (parent.type === file.spec.member.type && parent.childForFieldName(file.spec.member.object)?.id === node.id) {
    const grand = file.parentOf(parent);
    const call = grand ? file.callAt(grand) : undefined;
    if (!call || call.callee.id !== parent.id) {
      return false; // an attribute read (`qs.model`, `qs.query`)
    }
    return lazy.has(call.method) ? isEvaluated(file, call.node, lazy, scope, depth + 1) : true;
  }
  if (parent.type === file.spec.argumentList || parent.type === 'keyword_argument') {
    const args = parent.type === 'keyword_argument' ? file.parentOf(parent) : parent;
    const call = args ? file.parentOf(args) : null;
    const site = call ? file.callAt(call) : undefined;
    return !!site && site.path.length === 1 && EVALUATORS.has(site.method);
  }
  const fields = file.spec.assignments[parent.type];
  if (fields) {
    const target = parent.childForFieldName(fields[0]);
    if (!target || !file.spec.identifier.includes(target.type) || parent.childForFieldName(fields[1])?.id !== node.id) {
      return false; // stored in a dict or attribute for later
    }
    return usesEvaluate(file, target.text, node.endIndex, lazy, scope, depth + 1);
  }
  if (parent.type === 'for_in_clause' || parent.type === 'for_statement' || parent.type === 'for_in_statement') {
    return true;
  }
  if (parent.type === 'subscript' || parent.type === 'subscript_expression') {
    // qs[:1] is another lazy queryset; qs[0] runs it
    const index = parent.childForFieldName('subscript') ?? parent.childForFieldName('index');
    return index?.type === 'slice' ? isEvaluated(file, parent, lazy, scope, depth + 1) : true;
  }
  if (/^(if_statement|elif_clause|while_statement|not_operator|boolean_operator|unary_expression|augmented_assignment|conditional_expression|return_statement|await|await_expression)$/.test(parent.type)) {
    return true;
  }
  return false;
}

function usesEvaluate(file: CodeFile, name: string, after: number, lazy: ReadonlySet<string>, scope: Node, depth: number): boolean {
  for (const id of scope.descendantsOfType([...file.spec.identifier])) {
    if (id && id.text === name && id.startIndex >= after && isEvaluated(file, id, lazy, scope, depth)) {
      return true;
    }
  }
  return false;
}

/** A lazy ORM query built at `whole` (the end of its chain) that nothing in `scope` evaluates. */
export function isUnevaluatedLazyQuery(file: CodeFile, q: QueryCall, whole: CallSite, scope: Node): boolean {
  const lazy = lazyMethods(q);
  if (!lazy || !lazy.has(whole.method)) {
    return false;
  }
  return !isEvaluated(file, whole.node, lazy, scope, 0);
}

/** A query that runs where it stands (not a fragment tag, not an unevaluated lazy queryset). */
export function runsQuery(file: CodeFile, call: CallSite, scope: Node): QueryCall | undefined {
  const q = queryCall(file, call);
  if (!q || isSqlFragmentTag(file, q)) {
    return undefined;
  }
  return isUnevaluatedLazyQuery(file, q, chainEnd(file, call), scope) ? undefined : q;
}

const FUNCTION_NAME_FIELDS = ['name'];
const helperCache = new WeakMap<CodeFile, Map<string, QueryCall | null>>();

/** The functions and methods of a file by name (the first definition of each name). */
function definitions(file: CodeFile): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const fn of file.root.descendantsOfType([...file.spec.functions])) {
    if (!fn) {
      continue;
    }
    let name = FUNCTION_NAME_FIELDS.map((f) => fn.childForFieldName(f)?.text).find((t) => !!t);
    if (!name) {
      const parent = file.parentOf(fn);
      const fields = parent ? file.spec.assignments[parent.type] : undefined;
      name = fields && parent ? parent.childForFieldName(fields[0])?.text : undefined;
      if (!name && parent?.type === 'pair') {
        name = parent.childForFieldName('key')?.text;
      }
    }
    if (name && !out.has(name)) {
      out.set(name, fn);
    }
  }
  return out;
}

/** Inside a `catch`/`except` clause below `top`: runs on failures only. */
function inErrorHandler(file: CodeFile, node: Node, top: Node): boolean {
  for (let n = file.parentOf(node); n && n.id !== top.id; n = file.parentOf(n)) {
    if (n.type === 'catch_clause' || n.type === 'except_clause') {
      return true;
    }
  }
  return false;
}

/**
 * The query run by the same-file function or method a call invokes (`this.findChildren(id)`,
 * `self._load(x)`, `loadUser(id)`), one level deep: a query in the helper's own body, not in a
 * function nested inside it.
 */
export function helperQuery(file: CodeFile, call: CallSite): QueryCall | undefined {
  const path = call.path;
  const ownCall = path.length === 1 || (path.length === 2 && (path[0] === 'this' || path[0] === 'self' || path[0] === 'cls'));
  if (!ownCall || call.isNew || call.isTagged) {
    return undefined;
  }
  let cache = helperCache.get(file);
  if (!cache) {
    cache = new Map();
    helperCache.set(file, cache);
  }
  const name = call.method;
  const known = cache.get(name);
  if (known !== undefined) {
    return known ?? undefined;
  }
  cache.set(name, null);
  const fn = definitions(file).get(name);
  const body = fn?.childForFieldName('body');
  let found: QueryCall | undefined;
  if (fn && body) {
    for (const inner of file.calls()) {
      if (inner.node.startIndex < body.startIndex || inner.node.endIndex > body.endIndex || file.enclosingFunction(inner.node)?.id !== fn.id || inErrorHandler(file, inner.node, fn)) {
        continue;
      }
      found = runsQuery(file, inner, body);
      if (found) {
        break;
      }
    }
  }
  cache.set(name, found ?? null);
  return found;
}
