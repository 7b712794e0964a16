/**
 * Where a value goes inside a request handler: into the response (returned, passed to
 * `res.json`/`render`/`JsonResponse`/a serializer whose data is returned, assigned to `ctx.body`),
 * or only used in a bounded way (`.first()`, `[0]`, `.count()`, `len()`, a paginator,
 * `get_object_or_404`) or locally (a loop that counts, an update). Followed through variables,
 * destructuring, `await`, comprehensions and `.map`, containers (`{ items: rows }`), wrappers
 * (`list(qs)`, `Serializer(qs, many=True)`) and `push`/`append` into a collection, within the
 * handler. Language-neutral through the LanguageSpec, apart from the node types named below.
 */
import type { CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';

/** Methods (or properties) that read one row, a count or a flag, or write: the rows never reach the response. */
const BOUNDING_MEMBERS = new Set([
  'first', 'last', 'get', 'exists', 'count', 'latest', 'earliest', 'aggregate', 'update', 'delete', 'first_or_404', 'one', 'one_or_none',
  'scalar', 'length', 'size', 'in_bulk', 'findFirst', 'findUnique', 'getOne', 'getCount', 'getExists', 'countDocuments', 'some', 'every',
  'includes', 'has', 'find', 'findIndex', 'indexOf', 'exec_count', 'is_empty', 'isEmpty', 'paginate', 'page',
]);
/** Calls that take the rows and give a bounded result. */
const BOUNDING_CALLS = /^(len|bool|any|exists|get_object_or_404|Prefetch|paginate\w*|Paginator|\w*Paginator|\w*paginate\w*|min|max|sum|count|isEmpty|size)$/i;
/** Calls whose result is the response. */
const RESPONSE_CALLS = new Set([
  'json', 'send', 'jsonp', 'render', 'end', 'write', 'ok', 'created', 'html', 'body', 'success',
  'JsonResponse', 'HttpResponse', 'Response', 'TemplateResponse', 'StreamingHttpResponse', 'jsonify', 'make_response', 'render_template',
  'render_to_response', 'render_to_string', 'JSONResponse', 'ORJSONResponse', 'UJSONResponse', 'HTMLResponse', 'NextResponse',
]);
/** Methods that put an argument into their receiver (the receiver then holds the rows). */
const COLLECTING = new Set(['push', 'append', 'extend', 'add', 'set', 'concat', 'unshift', 'update', 'setdefault', 'insert']);
const TRANSPARENT = new Set([
  'await_expression', 'parenthesized_expression', 'as_expression', 'non_null_expression', 'satisfies_expression', 'type_assertion',
  'array', 'list', 'tuple', 'set', 'dictionary', 'object', 'pair', 'spread_element', 'list_splat', 'dictionary_splat', 'expression_list',
  'ternary_expression', 'conditional_expression', 'binary_expression', 'binary_operator', 'boolean_operator', 'template_substitution',
  'template_string', 'string', 'interpolation', 'formatted_string', 'sequence_expression', 'keyword_argument', 'for_in_clause',
  'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression', 'pair_pattern', 'shorthand_property_identifier',
]);

export type Flow = 'response' | 'bounded' | 'local';

interface Walk {
  readonly file: CodeFile;
  readonly handler: Node;
  readonly seen: Set<string>;
  steps: number;
}

/** Where the value of `expr` goes within `handler`. */
export function flowOf(file: CodeFile, handler: Node, expr: Node): Flow {
  return follow({ file, handler, seen: new Set(), steps: 0 }, expr);
}

function rank(f: Flow): number {
  return f === 'response' ? 2 : f === 'local' ? 1 : 0;
}

function worst(flows: Flow[]): Flow {
  return flows.reduce<Flow>((a, b) => (rank(b) > rank(a) ? b : a), 'bounded');
}

function follow(w: Walk, start: Node): Flow {
  const { file } = w;
  let cur = start;
  for (let guard = 0; guard < 40 && w.steps++ < 400; guard++) {
    const up = file.parentOf(cur);
    if (!up || up.id === w.handler.id) {
      return 'local';
    }
    if (up.type === 'return_statement' || up.type === 'yield' || (up.type === 'arrow_function' && up.childForFieldName('body')?.id === cur.id)) {
      // a callback's return (`rows.map(r => …)`, `.then(rows => rows)`) goes where its call's value goes
      const fn = up.type === 'arrow_function' ? up : file.enclosingFunction(up);
      const args = fn && fn.id !== w.handler.id ? file.parentOf(fn) : null;
      const call = args?.type === file.spec.argumentList ? file.parentOf(args) : null;
      if (call && file.callAt(call)) {
        cur = call;
        continue;
      }
      return 'response';
    }
    if (up.type === file.spec.member.type && up.childForFieldName(file.spec.member.object)?.id === cur.id) {
      const prop = up.childForFieldName(file.spec.member.property)?.text ?? '';
      if (BOUNDING_MEMBERS.has(prop)) {
        return 'bounded';
      }
      const call = file.parentOf(up);
      cur = call && file.callAt(call) ? call : up;
      continue;
    }
    if (up.type === 'subscript' || up.type === 'subscript_expression') {
      if (up.childForFieldName('value')?.id === cur.id || up.childForFieldName('object')?.id === cur.id) {
        return 'bounded';
      }
      cur = up;
      continue;
    }
    if (up.type === file.spec.argumentList) {
      const call = file.parentOf(up);
      if (!call) {
        return 'local';
      }
      const site = file.callAt(call);
      const name = site?.method ?? '';
      if (BOUNDING_CALLS.test(name) || (name === 'all' && site?.path.length === 1)) {
        return 'bounded';
      }
      if (RESPONSE_CALLS.has(name) || (site?.isNew && site.method === 'Response')) {
        return 'response';
      }
      if (site && COLLECTING.has(name) && site.receiver) {
        return worst([follow(w, call), ...usesOf(w, rootName(file, site.receiver), call)]);
      }
      cur = call;
      continue;
    }
    const assign = file.spec.assignments[up.type];
    if (assign) {
      const target = up.childForFieldName(assign[0]);
      if (up.childForFieldName(assign[1])?.id !== cur.id || !target) {
        return 'local';
      }
      // Koa's ctx.body = rows
      if (target.type === file.spec.member.type && /\.body$/.test(target.text)) {
        return 'response';
      }
      const names = target.type === file.spec.member.type || target.type === 'subscript' || target.type === 'subscript_expression' ? [rootName(file, target)] : boundNames(file, target);
      return worst(names.flatMap((n) => usesOf(w, n, up)));
    }
    if (up.type === 'for_statement' || up.type === 'for_in_statement') {
      // the loop reads every row; its variable's uses decide
      const left = up.childForFieldName('left');
      return left ? worst(boundNames(file, left).flatMap((n) => usesOf(w, n, left))) : 'local';
    }
    if (TRANSPARENT.has(up.type) || file.spec.objectLiteral === up.type) {
      cur = up;
      continue;
    }
    if (file.callAt(up)) {
      // the rows are the callee's receiver chain or a tagged template
      cur = up;
      continue;
    }
    return 'local';
  }
  return 'local';
}

function rootName(file: CodeFile, node: Node): string {
  let cur: Node | null = node;
  while (cur && (cur.type === file.spec.member.type || cur.type === 'subscript' || cur.type === 'subscript_expression')) {
    cur = cur.childForFieldName(file.spec.member.object) ?? cur.childForFieldName('value') ?? cur.childForFieldName('object');
  }
  return cur && file.spec.identifier.includes(cur.type) ? cur.text : '';
}

/** Names bound by an assignment target: `x`, `{ rows }`, `[a, b]`, `a, b`. */
function boundNames(file: CodeFile, target: Node): string[] {
  if (file.spec.identifier.includes(target.type) || target.type === 'shorthand_property_identifier_pattern') {
    return [target.text];
  }
  const out: string[] = [];
  for (const n of target.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern'])) {
    if (n && file.parentOf(n)?.type !== 'pair_pattern') {
      out.push(n.text);
    } else if (n) {
      const pair = file.parentOf(n);
      if (pair?.childForFieldName('value')?.id === n.id) {
        out.push(n.text);
      }
    }
  }
  return out;
}

/**
 * A table or list paginated where it is: django-tables2's `table.configure(request)` and
 * `RequestConfig(request, paginate=…).configure(table)`, `x.paginate(…)`, `paginator.paginate_queryset(x, …)`.
 */
function paginates(file: CodeFile, id: Node): boolean {
  const up = file.parentOf(id);
  if (up?.type === file.spec.member.type && up.childForFieldName(file.spec.member.object)?.id === id.id) {
    const prop = up.childForFieldName(file.spec.member.property)?.text ?? '';
    const call = file.parentOf(up);
    const site = call ? file.callAt(call) : undefined;
    return !!site && (/paginat/i.test(prop) || (prop === 'configure' && site.args.some((a) => /^(request|req)$/.test(a.text))));
  }
  const call = up?.type === file.spec.argumentList ? file.parentOf(up) : null;
  const site = call ? file.callAt(call) : undefined;
  return !!site && (/paginat/i.test(site.method) || (site.method === 'configure' && /RequestConfig/.test(site.receiver?.text ?? '')));
}

/** Where each later read of `name` in the handler goes. */
function usesOf(w: Walk, name: string, after: Node): Flow[] {
  const { file } = w;
  if (!name || w.seen.has(`${name}@${after.startIndex}`)) {
    return [];
  }
  w.seen.add(`${name}@${after.startIndex}`);
  const out: Flow[] = [];
  const reads = w.handler.descendantsOfType(['identifier', 'shorthand_property_identifier']).filter((id): id is Node => !!id && id.text === name && id.startIndex >= after.endIndex);
  if (reads.some((id) => paginates(file, id))) {
    return ['bounded'];
  }
  for (const id of reads) {
    const up = file.parentOf(id);
    const assign = up ? file.spec.assignments[up.type] : undefined;
    if (up && assign && up.childForFieldName(assign[0])?.id === id.id) {
      continue; // a new value, followed from its own assignment if it holds the rows
    }
    if (w.seen.has(`use@${id.id}`)) {
      continue;
    }
    w.seen.add(`use@${id.id}`);
    out.push(follow(w, id));
    if (out[out.length - 1] === 'response') {
      break;
    }
  }
  return out;
}
