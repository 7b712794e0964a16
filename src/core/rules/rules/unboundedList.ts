import type { CallSite, CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';
import { enclosingHandler } from '../recognisers/handlers';
import { chainCalls, chainEnd, ownPath, queryCall } from '../recognisers/queryCalls';
import { columnRefs, fieldsOf, list, names, nodeOf, walk } from '../sql/ast';
import type { PgNode } from '../sql/pgParser';
import type { Rule } from '../types';

const AGGREGATES = new Set(['count', 'sum', 'avg', 'min', 'max', 'bool_and', 'bool_or', 'every', 'exists', 'json_agg', 'jsonb_agg', 'array_agg', 'string_agg']);
/** Equality on one of these selects one row (or a handful): not a list. */
const UNIQUE_COLUMNS = /^(id|uuid|guid|slug|email|username|key|token|code|handle|[a-z_]*_key)$/;
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

/** Passed to a paginator (Django's Paginator, DRF's paginate_queryset, fastapi-pagination's paginate). */
function isPaginated(file: CodeFile, node: Node): boolean {
  const args = file.parentOf(node);
  const grand = args ? file.parentOf(args) : null;
  const call = args?.type === file.spec.argumentList && grand ? file.callAt(grand) : undefined;
  return !!call && /paginat/i.test(call.method);
}

export const unboundedList: Rule = {
  meta: {
    id: 'unbounded-list',
    category: 'unbounded-list',
    defaultSeverity: 'medium',
    summary: 'A request handler returns a list query with no LIMIT, take or pagination.',
    languages: ['typescript', 'javascript', 'python'],
    docs: {
      what:
        'Inside a request handler (Express/Fastify/Koa/Hono routes, NestJS `@Get()` methods, Next.js route handlers, Flask/FastAPI routes, Django views), reports ' +
        'Prisma `findMany` without `take`, Sequelize `findAll` without `limit`, TypeORM `find`/`getMany` without `take`, knex or Drizzle selects with no `where` and no `limit`, ' +
        'Django querysets (`.all()`, `.filter()`) that are neither sliced nor paginated, SQLAlchemy `.all()` without `.limit()`, and SQL SELECTs with no LIMIT/FETCH that are not ' +
        'aggregates and do not pick a row by id.',
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
      if (hit && enclosingHandler(file, call.node)) {
        ctx.report({ node: hit.node, message: `\`${hit.label}\` in a request handler returns every matching row; add a page size (take/limit) and pagination.` });
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
      if (!enclosingHandler(file, st.source.node)) {
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
    ],
    invalid: [
      { name: 'prisma findMany in express', path: 'a.ts', code: "app.get('/orders', async (req, res) => {\n  res.json(await prisma.order.findMany({ where: { status: 'open' } }));\n});", lines: [2] },
      { name: 'sql in fastify', path: 'a.js', code: "fastify.get('/users', async (request, reply) => {\n  const { rows } = await pool.query('SELECT id, name FROM users ORDER BY name');\n  return rows;\n});", lines: [2] },
      { name: 'typeorm in a nest controller', path: 'a.ts', code: "class C {\n  @Get()\n  list() {\n    return this.usersRepository.find({ where: { active: true } });\n  }\n}", lines: [4] },
      { name: 'mongoose find with a chain and no limit', path: 'a.js', code: "router.get('/posts', async (req, res) => {\n  res.json(await Post.find({ published: true }).sort({ createdAt: -1 }).lean());\n});", lines: [2] },
      { name: 'sequelize in a (req, res) handler', path: 'a.js', code: "async function listUsers(req, res) {\n  res.json(await User.findAll());\n}", lines: [2] },
      { name: 'django view', path: 'views.py', code: 'def list_users(request):\n    users = User.objects.all()\n    return JsonResponse({"users": list(users.values())})\n', lines: [2] },
      { name: 'flask sql', path: 'app.py', code: '@app.route("/events")\ndef events():\n    cur.execute("SELECT id, kind FROM events WHERE kind = %s", (k,))\n    return jsonify(cur.fetchall())\n', lines: [3] },
    ],
  },
};
