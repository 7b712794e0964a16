import type { CallSite, CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';
import { enclosingHandler } from '../recognisers/handlers';
import { flowOf } from '../recognisers/responseFlow';
import { chainCalls, chainEnd, ownPath, queryCall } from '../recognisers/queryCalls';
import { columnRefs, fieldsOf, list, names, nodeOf, walk } from '../sql/ast';
import type { PgNode } from '../sql/pgParser';
import type { Rule } from '../types';

const AGGREGATES = new Set(['count', 'sum', 'avg', 'min', 'max', 'bool_and', 'bool_or', 'every', 'exists', 'json_agg', 'jsonb_agg', 'array_agg', 'string_agg']);
/** Equality on one of these selects one row (or a handful): not a list. */
const UNIQUE_COLUMNS = /^(id|pk|uuid|guid|slug|email|username|key|token|code|handle|[a-z_]*_key)$/;
/** A Django lookup on one of those: `pk=…`, `id__in=…`, `slug__iexact=…`. */
const DJANGO_KEY_LOOKUP = /^(id|pk|uuid|guid|slug|email|username|key|token|code|handle|[a-z_]*_key)(__(in|exact|iexact))?$/;
const LIMITING_CHAIN = new Set(['limit', 'take', 'first', 'firstOrFail', 'paginate', 'page', 'forPage', 'offset', 'skip', 'count', 'countDistinct', 'sum', 'max', 'min', 'avg', 'pluck', 'insert', 'update', 'del', 'delete', 'increment', 'decrement', 'returning', 'getOne', 'getOneOrFail', 'getCount', 'findOne', 'cursor', 'stream', 'paginated']);
const DJANGO_LIST = new Set(['all', 'filter', 'exclude', 'order_by', 'select_related', 'prefetch_related', 'values', 'values_list', 'annotate', 'distinct', 'only', 'defer']);

/** A SELECT that returns an unbounded number of rows: FROM a table, no LIMIT/FETCH, not aggregate-only, no equality on a unique-looking column. */
export function isUnboundedSelect(stmt: PgNode): boolean {
  const sel = fieldsOf(stmt, 'SelectStmt');
  if (!sel || list(sel.fromClause).length === 0 || sel.limitCount || sel.op === 'SETOP_UNION' || sel.op === 'SETOP_INTERSECT' || sel.op === 'SETOP_EXCEPT') {
    return false;
  }
  const targets = list(sel.targetList).map((t) => fieldsOf(t, 'ResTarget')?.val);
  const aggregateOnly = targets.length > 0 && list(sel.groupClause).length === 0 && targets.every((v) => {
    const fn = fieldsOf(v, 'FuncCall');
    return !!fn && AGGREGATES.has(names(fn.funcname).pop()?.toLowerCase() ?? '');
  });
  if (aggregateOnly || sel.lockingClause) {
    return false;
  }
  let selective = false;
  walk(sel.whereClause, (type, f) => {
    if (type === 'A_Expr' && f.kind === 'AEXPR_OP' && names(f.name)[0] === '=') {
      const cols = [...columnRefs(f.lexpr), ...columnRefs(f.rexpr)];
      if (cols.some((c) => UNIQUE_COLUMNS.test(c))) {
        selective = true;
      }
    }
  });
  return !selective;
}

function optionsArg(file: CodeFile, call: CallSite): Node | undefined {
  const a = call.args[0];
  return a && a.type === file.spec.objectLiteral ? a : a && file.spec.identifier.includes(a.type) ? file.resolve(a) : undefined;
}

/** An ORM call that returns a list with no bound (judged on its whole chain, reported at the chain's end). */
function unboundedOrmCall(file: CodeFile, call: CallSite): { label: string; node: Node } | undefined {
  const q = queryCall(file, call);
  if (!q) {
    return undefined;
  }
  const end = chainEnd(file, call);
  const label = listCallLabel(file, call, q, chainCalls(file, end).map((c) => c.method));
  return label ? { label, node: end.node } : undefined;
}

function listCallLabel(file: CodeFile, call: CallSite, q: NonNullable<ReturnType<typeof queryCall>>, chain: readonly string[]): string | undefined {
  if (chain.some((m) => LIMITING_CHAIN.has(m))) {
    return undefined;
  }
  const path = ownPath(call);
  const opts = optionsArg(file, call);
  const lacks = (keys: string[]): boolean => {
    if (call.args.length === 0) {
      return true;
    }
    if (!opts || opts.type !== file.spec.objectLiteral || file.hasSpread(opts)) {
      return false;
    }
    return keys.every((k) => !file.optionIn(opts, k));
  };
  if (picksByKey(file, call, opts)) {
    return undefined;
  }
  switch (q.library) {
    case 'prisma':
      return call.method === 'findMany' && lacks(['take', 'cursor']) ? q.label : undefined;
    case 'sequelize':
      if (call.method === 'find' && !chain.includes('findOne')) {
        return lacks(['limit']) ? q.label : undefined; // Mongoose Model.find(filter) with no .limit()
      }
      return (call.method === 'findAll' || call.method === 'findAndCountAll') && lacks(['limit']) ? q.label : undefined;
    case 'typeorm':
      if ((call.method === 'find' || call.method === 'findAndCount' || call.method === 'findBy' || call.method === 'findAndCountBy') && (call.method.endsWith('By') || lacks(['take', 'limit']))) {
        return q.label;
      }
      return call.method === 'getMany' || call.method === 'getRawMany' || call.method === 'getManyAndCount' ? q.label : undefined;
    case 'knex':
      return path.length >= 1 && !chain.includes('where') && call === chainEnd(file, call) ? q.label : undefined;
    case 'drizzle':
      return path[1] === 'select()' && !chain.includes('where') ? q.label : undefined;
    case 'django':
      return DJANGO_LIST.has(call.method) && file.parentOf(call.node)?.type !== 'subscript' && !isPaginated(file, call.node) ? q.label : undefined;
    case 'sqlalchemy':
      // rows of session.execute(text("…")): the SQL string check decides (it sees LIMIT)
      return call.method === 'all' && !chain.includes('execute') ? q.label : undefined;
    default:
      return undefined;
  }
}

/**
 * The rows are picked by a key the caller has (`where: { id: In(ids) }`, `{ id: { in: ids } }`,
 * `filter(pk__in=ids)`): as many as the keys given, not a slice of the table.
 */
function picksByKey(file: CodeFile, call: CallSite, opts: Node | undefined): boolean {
  if (file.spec.ruleLanguage === 'python') {
    return chainCalls(file, chainEnd(file, call)).some((c) =>
      c.args.some((a) => a.type === file.spec.keywordArgument && DJANGO_KEY_LOOKUP.test(a.childForFieldName('name')?.text ?? '')),
    );
  }
  const where = opts && opts.type === file.spec.objectLiteral ? (file.optionIn(opts, 'where') ?? (call.method.endsWith('By') ? opts : undefined)) : undefined;
  if (!where || where.type !== file.spec.objectLiteral) {
    return false;
  }
  return where.namedChildren.some((p) => {
    if (!p || (p.type !== 'pair' && p.type !== 'shorthand_property_identifier')) {
      return false;
    }
    const key = (p.type === 'pair' ? p.childForFieldName('key')?.text : p.text)?.replace(/^['"]|['"]$/g, '') ?? '';
    return UNIQUE_COLUMNS.test(key);
  });
}

/** Passed to a paginator (Django's Paginator, DRF's paginate_queryset, fastapi-pagination's paginate). */
function isPaginated(file: CodeFile, node: Node): boolean {
  const args = file.parentOf(node);
  const grand = args ? file.parentOf(args) : null;
  const call = args?.type === file.spec.argumentList && grand ? file.callAt(grand) : undefined;
  return !!call && /paginat/i.test(call.method);
}

/**
 * A helper of this file that returns the rows (`function listTags() { return repo.find(); }`)
 * called by a request handler that sends its result (`res.json(await listTags())`): the helper's name.
 */
function handlerOneCallAway(file: CodeFile, node: Node): string | undefined {
  const fn = file.enclosingFunction(node);
  if (!fn) {
    return undefined;
  }
  const decl = file.parentOf(fn);
  const name = fn.childForFieldName('name')?.text ?? (decl?.type === 'variable_declarator' ? decl.childForFieldName('name')?.text : undefined);
  if (!name || flowOf(file, fn, node) !== 'response') {
    return undefined;
  }
  for (const call of file.calls()) {
    if (call.method !== name || call.path.length > 2 || (call.path.length === 2 && !/^(this|self|cls)$/.test(call.path[0]))) {
      continue;
    }
    const handler = enclosingHandler(file, call.node);
    if (handler && handler.id !== fn.id && flowOf(file, handler, call.node) === 'response') {
      return name;
    }
  }
  return undefined;
}

const SQL_WRAPPERS = new Set(['text', 'sql', 'raw', 'SQL', 'Prisma.sql']);

/** The call that runs SQL text `node` (directly, through `text(…)`, or through a variable holding it). */
function runningCalls(file: CodeFile, handler: Node, node: Node): CallSite[] {
  let cur = node;
  for (let i = 0; i < 3; i++) {
    const up = file.parentOf(cur);
    const call = up?.type === file.spec.argumentList ? file.parentOf(up) : null;
    const site = call ? file.callAt(call) : undefined;
    if (site && !SQL_WRAPPERS.has(site.method)) {
      return [site];
    }
    if (site) {
      cur = site.node;
      continue;
    }
    const assign = up ? file.spec.assignments[up.type] : undefined;
    const target = up && assign ? up.childForFieldName(assign[0]) : null;
    if (up && target && file.spec.identifier.includes(target.type)) {
      const uses = handler.descendantsOfType('identifier').filter((n): n is Node => !!n && n.text === target.text && n.startIndex > up.endIndex);
      return uses.flatMap((u) => runningCalls(file, handler, u)).slice(0, 4);
    }
    return [];
  }
  return [];
}

/** Where the rows of SQL text `node` go: the running call's value, or a later `cursor.fetchall()` when it is run for effect. */
function sqlRowsFlow(file: CodeFile, handler: Node, node: Node): 'response' | 'bounded' | 'local' {
  for (const call of runningCalls(file, handler, node)) {
    const flow = flowOf(file, handler, call.node);
    if (flow === 'response') {
      return flow;
    }
    if (flow === 'local' && call.receiver && file.parentOf(call.node)?.type === 'expression_statement') {
      const cursor = call.receiver.text;
      for (const later of file.calls()) {
        if (later.node.startIndex > call.node.endIndex && later.node.endIndex <= handler.endIndex && later.receiver?.text === cursor && /^fetch(all|_all)?$/.test(later.method)) {
          if (flowOf(file, handler, later.node) === 'response') {
            return 'response';
          }
        }
      }
    }
  }
  return 'local';
}

export const unboundedList: Rule = {
  meta: {
    id: 'unbounded-list',
    category: 'unbounded-list',
    defaultSeverity: 'medium',
    summary: 'A request handler returns a list query with no LIMIT, take or pagination.',
    languages: ['typescript', 'javascript', 'python'],
    optIn:
      'Whether a list is unbounded depends on how large the table grows, which the code alone does not say: on 16 public repositories most lists it reported were small by nature (admin settings, one user\'s tokens, one object\'s attachments), so it runs only when you turn it on (`architectPersonas.rules.unbounded-list`, or `--rule unbounded-list` on the command line).',
    docs: {
      what:
        'Inside a request handler recognised by its framework registration (Express/Fastify/Koa/Hono routes with a path, NestJS `@Get()` methods of a `@Controller`, exported `GET`/`POST` route handlers, ' +
        'Flask/FastAPI route decorators with a path, Django function views and the `get`/`post`/`list`… methods of class-based views and DRF viewsets), reports a list query whose rows reach the response ' +
        '(returned, rendered, serialised, sent with `res.json`): Prisma `findMany` without `take`, Sequelize `findAll` without `limit`, TypeORM `find`/`getMany` without `take`, knex or Drizzle selects with no `where` and no `limit`, ' +
        'Django querysets (`.all()`, `.filter()`), SQLAlchemy `.all()` without `.limit()`, and SQL SELECTs with no LIMIT/FETCH that are not aggregates. Not reported: rows picked by a key ' +
        '(`id`, `pk__in`, `In(ids)`), a result only counted, tested, sliced or read with `.first()`, and lists handed to a paginator (`Paginator`, `paginate_queryset`, a django-tables2 table configured with the request). ' +
        'Hooks the framework paginates itself (`get_queryset`, `get_children`, DRF `queryset` attributes) are not handlers.',
      why:
        'The response grows with the table. It is fine with a hundred rows in development; in production one request serialises a million rows, holds a connection and memory ' +
        'for seconds, and a few concurrent calls take the service down. It also cannot be made fast later without breaking the API.',
      example: { language: 'ts', code: "app.get('/orders', async (req, res) => {\n  res.json(await prisma.order.findMany({ where: { status: 'open' } }));\n});" },
      insteadText: 'Paginate: a bounded page size (with a maximum), and a cursor or offset.',
      instead: { language: 'ts', code: "app.get('/orders', async (req, res) => {\n  const take = Math.min(Number(req.query.limit ?? 50), 200);\n  res.json(await prisma.order.findMany({ where: { status: 'open' }, take, orderBy: { id: 'asc' } }));\n});" },
      fixHint: 'Add a page size (LIMIT / take / limit) with a maximum, and cursor or offset pagination.',
    },
  },
  checkCode(ctx) {
    const { file } = ctx;
    for (const call of file.calls()) {
      const hit = unboundedOrmCall(file, call);
      const handler = hit && enclosingHandler(file, call.node);
      if (!hit) {
        continue;
      }
      if (handler && flowOf(file, handler, hit.node) === 'response') {
        ctx.report({ node: hit.node, message: `\`${hit.label}\` in a request handler returns every matching row; add a page size (take/limit) and pagination.` });
        continue;
      }
      const via = handler ? undefined : handlerOneCallAway(file, hit.node);
      if (via) {
        ctx.report({ node: hit.node, message: `\`${hit.label}\` returns every matching row to a request handler (through \`${via}()\`); add a page size (take/limit) and pagination.` });
      }
    }
  },
  checkSql(ctx) {
    const file = ctx.code;
    if (!file) {
      return;
    }
    for (const st of ctx.statements) {
      if (!st.source || nodeOf(st.stmt)?.[0] !== 'SelectStmt' || !isUnboundedSelect(st.stmt)) {
        continue;
      }
      const handler = enclosingHandler(file, st.source.node);
      if (!handler || sqlRowsFlow(file, handler, st.source.node) !== 'response') {
        continue;
      }
      const tables = list(fieldsOf(st.stmt, 'SelectStmt')?.fromClause)
        .map((i) => fieldsOf(i, 'RangeVar')?.relname)
        .filter((n): n is string => typeof n === 'string');
      ctx.report({
        node: st.source.node,
        message: `This SELECT${tables.length ? ` from ${tables.map((t) => `\`${t}\``).join(', ')}` : ''} in a request handler has no LIMIT; it returns every matching row.`,
      });
    }
  },
  tests: {
    valid: [
      { name: 'prisma with take', path: 'a.ts', code: "app.get('/orders', async (req, res) => {\n  res.json(await prisma.order.findMany({ take: 50 }));\n});" },
      { name: 'outside a handler', path: 'jobs.ts', code: 'export async function nightly() {\n  const all = await prisma.order.findMany();\n}' },
      { name: 'sql by id', path: 'a.ts', code: "router.get('/users/:id', async (req, res) => {\n  await db.query('SELECT id, name FROM users WHERE id = $1', [req.params.id]);\n});" },
      { name: 'sql count', path: 'a.ts', code: "router.get('/stats', async (req, res) => {\n  await db.query('SELECT count(*) FROM users');\n});" },
      { name: 'mongoose find with limit', path: 'a.js', code: "router.get('/posts', async (req, res) => {\n  res.json(await Post.find({}).sort({ createdAt: -1 }).limit(20));\n});" },
      { name: 'django sliced', path: 'views.py', code: 'def recent(request):\n    posts = Post.objects.order_by("-created")[:20]\n    return render(request, "p.html", {"posts": posts})\n' },
      { name: 'django paginated', path: 'views.py', code: 'def index(request):\n    page = Paginator(Post.objects.all(), 25).get_page(request.GET.get("page"))\n' },
      { name: 'a pytest function under @mock.patch is not a route', path: 'test_sync.py', code: '@mock.patch("billing.sync.client")\ndef check_sync(client, request):\n    rows = Invoice.objects.filter(paid=False)\n    return rows\n' },
      { name: 'get_queryset of a list view: the framework paginates', path: 'views.py', code: 'class InvoiceList(ListView):\n    paginate_by = 50\n    def get_queryset(self, request):\n        return Invoice.objects.filter(owner=request.user)\n' },
      { name: 'one row of the queryset', path: 'views.py', code: 'def last_ping(request, code):\n    q = Ping.objects.filter(owner__code=code)\n    ping = q.latest("created")\n    return render(request, "ping.html", {"ping": ping})\n' },
      { name: 'only counted', path: 'views.py', code: 'class Stats(View):\n    def get(self, request):\n        open_items = Ticket.objects.filter(state="open")\n        return JsonResponse({"open": open_items.count()})\n' },
      { name: 'picked by the keys the caller sent', path: 'views.py', code: 'def selected(request):\n    rows = Device.objects.filter(pk__in=request.POST.getlist("pk"))\n    return render(request, "confirm.html", {"rows": rows})\n' },
      { name: 'typeorm rows picked by ids', path: 'users.ts', code: "router.post('/users/bulk', async (req, res) => {\n  const users = await userRepository.find({ where: { id: In(req.body.ids) } });\n  res.json(users);\n});" },
      { name: 'a django-tables2 table configured with the request', path: 'views.py', code: 'class Journal(View):\n    def get(self, request):\n        entries = Entry.objects.filter(kind="note")\n        table = EntryTable(entries)\n        table.configure(request)\n        return render(request, "journal.html", {"table": table})\n' },
      { name: 'rows only tested for existence', path: 'subs.ts', code: "router.post('/subscribe', async (req, res) => {\n  const existing = await subRepository.find({ where: { endpoint: req.body.endpoint } });\n  if (existing.length > 0) return res.sendStatus(409);\n  res.sendStatus(201);\n});" },
      { name: 'a helper whose rows the handler only counts', path: 'views.py', code: 'def open_tickets(project):\n    return Ticket.objects.filter(project=project, state="open")\n\ndef summary(request):\n    return JsonResponse({"open": len(open_tickets(request.project))})\n' },
      { name: 'a cache loader with a path-like key is not a route', path: 'cache.ts', code: "cache.get('/catalog', async () => {\n  return prisma.product.findMany();\n});" },
    ],
    invalid: [
      { name: 'prisma findMany in express', path: 'a.ts', code: "app.get('/orders', async (req, res) => {\n  res.json(await prisma.order.findMany({ where: { status: 'open' } }));\n});", lines: [2] },
      { name: 'sql in fastify', path: 'a.js', code: "fastify.get('/users', async (request, reply) => {\n  const { rows } = await pool.query('SELECT id, name FROM users ORDER BY name');\n  return rows;\n});", lines: [2] },
      { name: 'typeorm in a nest controller', path: 'a.ts', code: "@Controller('users')\nclass C {\n  @Get()\n  list() {\n    return this.usersRepository.find({ where: { active: true } });\n  }\n}", lines: [5] },
      { name: 'mongoose find with a chain and no limit', path: 'a.js', code: "router.get('/posts', async (req, res) => {\n  res.json(await Post.find({ published: true }).sort({ createdAt: -1 }).lean());\n});", lines: [2] },
      { name: 'sequelize in a (req, res) handler', path: 'a.js', code: "async function listUsers(req, res) {\n  res.json(await User.findAll());\n}", lines: [2] },
      { name: 'django view', path: 'views.py', code: 'def list_users(request):\n    users = User.objects.all()\n    return JsonResponse({"users": list(users.values())})\n', lines: [2] },
      { name: 'flask sql', path: 'app.py', code: '@app.route("/events")\ndef events():\n    cur.execute("SELECT id, kind FROM events WHERE kind = %s", (k,))\n    return jsonify(cur.fetchall())\n', lines: [3] },
      { name: 'a DRF action serialising many rows without the paginator', path: 'api/views.py', code: 'class PortViewSet(ModelViewSet):\n    @action(detail=True)\n    def paths(self, request, pk):\n        paths = Path.objects.filter(port_id=pk)\n        return Response(PathSerializer(paths, many=True).data)\n', lines: [4] },
      { name: 'a class-based view rendering a queryset', path: 'views.py', code: 'class Orders(View):\n    def get(self, request):\n        orders = Order.objects.filter(customer=request.user.customer)\n        rows = [{"id": o.id, "total": o.total} for o in orders]\n        return JsonResponse({"orders": rows})\n', lines: [3] },
      { name: 'fastapi router with an empty path', path: 'routes.py', code: '@router.get("")\nasync def list_items():\n    return db.session.query(Item).all()\n', lines: [3] },
      { name: 'express route naming a function of the file', path: 'tags.js', code: "async function listTags(ctx) {\n  const tags = await Tag.findAll({ order: [['name', 'ASC']] });\n  return tags.map((t) => t.name);\n}\nrouter.get('/tags', listTags);", lines: [2] },
      { name: 'a helper one call away from the handler', path: 'tags.controller.ts', code: "@Controller('tags')\nexport class TagsController {\n  private loadTags() {\n    return this.tagRepository.find();\n  }\n  @Get()\n  async list() {\n    return this.loadTags();\n  }\n}", lines: [4] },
      { name: 'koa body', path: 'koa.ts', code: "router.get('/events', async (ctx) => {\n  const events = await prisma.event.findMany({ where: { public: true } });\n  ctx.body = { events };\n});", lines: [2] },
    ],
  },
};
