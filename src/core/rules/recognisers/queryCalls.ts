/**
 * Which calls run a database query, for the query libraries the rules know: pg, mysql2, sqlite,
 * pg-promise, postgres.js, knex, Sequelize, Prisma, TypeORM, Drizzle, Mongoose/MongoDB in
 * JavaScript/TypeScript; DB-API cursors (psycopg, sqlite3, mysqlclient), asyncpg, SQLAlchemy and
 * the Django ORM in Python. Names alone decide, so the lists stay narrow: a call counts only
 * when its receiver looks like a database handle or its method is specific to a query library.
 */
import type { CallSite, CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';

export type QueryLibrary = 'sql' | 'prisma' | 'sequelize' | 'typeorm' | 'knex' | 'drizzle' | 'mongo' | 'django' | 'sqlalchemy';

export interface QueryCall {
  readonly call: CallSite;
  readonly library: QueryLibrary;
  /** The SQL text argument, for raw SQL calls. */
  readonly sqlArg?: Node;
  /** A label for messages, e.g. `db.query` or `prisma.user.findMany`. */
  readonly label: string;
}

const JS_DB_HANDLE =
  /^(db|database|pool|client|conn|connection|knex|trx|tx|transaction|pg|pgp|pgpool|pgclient|mysql|sqlite|sequelize|prisma|manager|em|entitymanager|datasource|queryrunner|repo|repository|orm|drizzle|sql|dbclient|dbpool|dbconn|collection|\w+repository|\w+repo|\w+db|\w+pool|\w+collection)$/i;
const PY_DB_HANDLE = /^(cur|cursor|conn|connection|con|db|session|sess|engine|txn|tx|pool|\w+cursor|\w+_cur|\w+session|\w+conn|\w+_db)$/i;

/** Raw-SQL methods on a database handle; the first argument is the SQL. */
const JS_SQL_METHODS = new Set([
  'query', 'execute', 'raw', 'unsafe', 'one', 'many', 'any', 'none', 'oneOrNone', 'manyOrNone', 'result', 'all', 'get', 'run', 'exec',
  '$queryRawUnsafe', '$executeRawUnsafe',
]);
/** Raw-SQL methods that are unambiguous whatever the receiver. */
const JS_RAW_SINKS = new Set(['$queryRawUnsafe', '$executeRawUnsafe', 'whereRaw', 'orWhereRaw', 'havingRaw', 'orderByRaw', 'joinRaw', 'fromRaw', 'selectRaw', 'groupByRaw']);
const PRISMA_OPS = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'create', 'createMany', 'update', 'updateMany',
  'upsert', 'delete', 'deleteMany', 'count', 'aggregate', 'groupBy',
]);
const PRISMA_RAW = new Set(['$queryRaw', '$executeRaw']);
/** Static model methods of Sequelize and Mongoose (`User.findAll`). */
const MODEL_STATICS = new Set([
  'findAll', 'findOne', 'findByPk', 'findAndCountAll', 'findOrCreate', 'findById', 'find', 'countDocuments', 'findOneAndUpdate',
  'findOneAndDelete', 'bulkCreate', 'destroy', 'insertMany', 'deleteMany', 'updateMany', 'updateOne', 'deleteOne', 'aggregate', 'findByIdAndUpdate',
]);
const REPO_METHODS = new Set([
  'find', 'findOne', 'findOneBy', 'findBy', 'findOneOrFail', 'findOneByOrFail', 'findAndCount', 'findAndCountBy', 'count', 'countBy', 'save',
  'insert', 'update', 'upsert', 'delete', 'remove', 'softDelete', 'exist', 'exists', 'existsBy', 'increment', 'decrement', 'findByIds',
  'findAll', 'findById', 'findFirst', 'findMany', 'findUnique',
]);
const QUERY_BUILDER_TERMINALS = new Set(['getMany', 'getOne', 'getOneOrFail', 'getRawMany', 'getRawOne', 'getManyAndCount', 'getCount', 'getExists', 'stream']);
const KNEX_CHAIN = new Set(['select', 'from', 'where', 'whereIn', 'insert', 'update', 'del', 'delete', 'first', 'pluck', 'returning', 'join', 'leftJoin', 'orderBy', 'limit', 'count', 'max', 'min', 'sum', 'increment', 'decrement', 'into', 'table']);
const DRIZZLE_START = new Set(['select()', 'selectDistinct()', 'insert()', 'update()', 'delete()']);

const PY_SQL_METHODS = new Set(['execute', 'executemany', 'executescript', 'exec_driver_sql', 'fetch', 'fetchrow', 'fetchval', 'mogrify']);
const PY_SESSION_METHODS = new Set(['query', 'scalars', 'scalar', 'execute']);
const DJANGO_METHODS = new Set([
  'get', 'filter', 'exclude', 'all', 'first', 'last', 'count', 'exists', 'create', 'update', 'delete', 'get_or_create', 'update_or_create',
  'values', 'values_list', 'aggregate', 'annotate', 'order_by', 'select_related', 'prefetch_related', 'raw', 'in_bulk', 'bulk_create',
  'latest', 'earliest', 'only', 'defer', 'distinct',
]);
const SQLA_QUERY_METHODS = new Set(['filter', 'filter_by', 'all', 'first', 'one', 'one_or_none', 'get', 'count', 'scalar', 'order_by', 'limit', 'join', 'options', 'delete', 'update', 'exists', 'first_or_404', 'get_or_404', 'one_or_404', 'paginate']);

function segment(s: string): string {
  return s.replace(/\(\)$/, '');
}

function isCapitalised(s: string): boolean {
  return /^[A-Z][A-Za-z0-9]*$/.test(s);
}

/** The segments of a call's callee without a leading `this` / `self`. */
export function ownPath(call: CallSite): string[] {
  const p = [...call.path];
  while (p[0] === 'this' || p[0] === 'self' || p[0] === 'ctx' || p[0] === 'req' || p[0] === 'app' || p[0] === 'context') {
    if (p.length <= 2) {
      break;
    }
    p.shift();
  }
  return p;
}

/** The call `.x(...)` made on the result of `call`, if any. */
function nextInChain(file: CodeFile, call: CallSite): CallSite | undefined {
  const parent = file.parentOf(call.node);
  const grand = parent ? file.parentOf(parent) : null;
  if (parent && parent.type === file.spec.member.type && parent.childForFieldName(file.spec.member.object)?.id === call.node.id && grand) {
    const next = file.callAt(grand);
    return next && next.callee.id === parent.id ? next : undefined;
  }
  return undefined;
}

/** True when `call` is the outermost call of a method chain (no `.x(...)` follows it). */
export function isChainEnd(file: CodeFile, call: CallSite): boolean {
  return !nextInChain(file, call);
}

/** The outermost call of the chain `call` is part of (`call` itself when none follows). */
export function chainEnd(file: CodeFile, call: CallSite): CallSite {
  let cur = call;
  for (let next = nextInChain(file, cur); next; next = nextInChain(file, cur)) {
    cur = next;
  }
  return cur;
}

/** The calls of the chain ending at `call` (innermost first), including `call`. */
export function chainCalls(file: CodeFile, call: CallSite): CallSite[] {
  const out: CallSite[] = [call];
  let cur: Node | null = call.callee;
  while (cur && cur.type === file.spec.member.type) {
    const object: Node | null = cur.childForFieldName(file.spec.member.object);
    if (!object) {
      break;
    }
    const inner = file.callAt(object);
    if (inner) {
      out.unshift(inner);
      cur = inner.callee;
    } else {
      cur = object;
    }
  }
  return out;
}

const queryCallCache = new WeakMap<CallSite, QueryCall | null>();

/** The query a call runs, if it is a database call (cached per call site: several rules ask). */
export function queryCall(file: CodeFile, call: CallSite): QueryCall | undefined {
  let q = queryCallCache.get(call);
  if (q === undefined) {
    q = (file.spec.ruleLanguage === 'python' ? pythonQuery(file, call) : jsQuery(file, call)) ?? null;
    queryCallCache.set(call, q);
  }
  return q ?? undefined;
}

function firstArgIsSqlish(file: CodeFile, call: CallSite): boolean {
  const arg = call.args[0];
  if (!arg) {
    return false;
  }
  const v = file.stringValue(arg);
  return !!v && /^\s*\(?\s*(select|insert|update|delete|with|create|alter|drop|merge|upsert|replace)\b/i.test(v.text);
}

function jsQuery(file: CodeFile, call: CallSite): QueryCall | undefined {
  if (call.isNew) {
    return undefined;
  }
  const path = ownPath(call);
  const label = call.path.join('.');
  const method = call.method;
  const receiver = path.length >= 2 ? segment(path[path.length - 2]) : '';
  const root = path[0] ?? '';
  if (call.isTagged) {
    // prisma.$queryRaw`...`, sql`...`: parameterised, still a query
    if (PRISMA_RAW.has(method) || ((method === 'sql' || method === 'query') && path.length === 1)) {
      return { call, library: 'sql', label };
    }
    return undefined;
  }
  if (JS_RAW_SINKS.has(method)) {
    return { call, library: method.startsWith('$') ? 'prisma' : 'knex', sqlArg: call.args[0], label };
  }
  if (JS_SQL_METHODS.has(method) && path.length >= 2 && JS_DB_HANDLE.test(receiver)) {
    // `db.get(...)` and friends are SQL only when the argument is; `query`/`execute`/`raw` on a handle always are
    const generic = method === 'get' || method === 'all' || method === 'run' || method === 'exec' || method === 'one' || method === 'many' || method === 'any' || method === 'none' || method === 'result';
    if (!generic || firstArgIsSqlish(file, call)) {
      return { call, library: 'sql', sqlArg: call.args[0], label };
    }
  }
  if (PRISMA_OPS.has(method) && path.length >= 3 && /^(prisma|db|tx|client|\w*prisma)$/i.test(segment(path[path.length - 3]))) {
    return { call, library: 'prisma', label };
  }
  const callbackArg = !!call.args[0] && /^(arrow_function|function|function_expression)$/.test(call.args[0].type);
  if (MODEL_STATICS.has(method) && path.length === 2 && isCapitalised(receiver) && !callbackArg && !/^(Object|Array|Promise|Math|JSON|Reflect|Date|Number|String|Map|Set)$/.test(receiver)) {
    return { call, library: 'sequelize', label };
  }
  if (REPO_METHODS.has(method) && path.length >= 2 && (/(repository|repo)$/i.test(receiver) || receiver === 'manager' || receiver === 'em' || segment(path[path.length - 2]) === 'getRepository')) {
    return { call, library: 'typeorm', label };
  }
  if (QUERY_BUILDER_TERMINALS.has(method) && path.some((s) => s === 'createQueryBuilder()')) {
    return { call, library: 'typeorm', label };
  }
  if (path.length >= 2 && /^(knex|db|trx|database)\(\)$/.test(root) && path.slice(1).every((s) => KNEX_CHAIN.has(segment(s)) || /^[a-zA-Z]+\(\)$/.test(s)) && isChainEnd(file, call)) {
    return { call, library: 'knex', label: `${segment(root)}(…)` };
  }
  if (path.length === 1 && (method === 'knex') && call.args.length > 0 && isChainEnd(file, call)) {
    return { call, library: 'knex', label: 'knex(…)' };
  }
  if (path.length >= 3 && JS_DB_HANDLE.test(root) && DRIZZLE_START.has(path[1]) && isChainEnd(file, call)) {
    return { call, library: 'drizzle', label: `${root}.${segment(path[1])}(…)` };
  }
  if (path.length >= 4 && JS_DB_HANDLE.test(root) && path[1] === 'query' && (method === 'findMany' || method === 'findFirst')) {
    return { call, library: 'drizzle', label };
  }
  if (path.length >= 2 && /^collection\(\)$/.test(path[path.length - 2]) && MODEL_STATICS.has(method)) {
    return { call, library: 'mongo', label };
  }
  return undefined;
}

/** `text("…")` / `sa.text("…")` / `sqlalchemy.text(...)` wrappers: the SQL inside. */
function unwrapText(file: CodeFile, node: Node | undefined): Node | undefined {
  if (!node) {
    return undefined;
  }
  const inner = file.callAt(node);
  if (inner && inner.method === 'text' && inner.args[0]) {
    return inner.args[0];
  }
  return node;
}

function pythonQuery(file: CodeFile, call: CallSite): QueryCall | undefined {
  const path = ownPath(call);
  const label = call.path.join('.');
  const method = call.method;
  const receiver = path.length >= 2 ? segment(path[path.length - 2]) : '';
  const first = file.positional(call)[0];
  if (PY_SQL_METHODS.has(method) && path.length >= 2 && PY_DB_HANDLE.test(receiver)) {
    return { call, library: 'sql', sqlArg: unwrapText(file, first), label };
  }
  if (PY_SESSION_METHODS.has(method) && path.length >= 2 && /session|^db$|^sess$/i.test(receiver)) {
    return { call, library: 'sqlalchemy', sqlArg: method === 'execute' ? unwrapText(file, first) : undefined, label };
  }
  if (method === 'get' && path.length >= 2 && /session$/i.test(receiver) && first && isCapitalised(first.text)) {
    return { call, library: 'sqlalchemy', label };
  }
  const objectsAt = path.indexOf('objects');
  if (objectsAt >= 1 && objectsAt < path.length - 1 && DJANGO_METHODS.has(method) && isChainEnd(file, call)) {
    return { call, library: 'django', sqlArg: method === 'raw' ? first : undefined, label };
  }
  const queryAt = path.indexOf('query');
  if (queryAt === 1 && isCapitalised(path[0]) && path.length > 2 && SQLA_QUERY_METHODS.has(method) && isChainEnd(file, call)) {
    return { call, library: 'sqlalchemy', label };
  }
  if (path.length >= 2 && /^(query|scalars|execute)\(\)$/.test(path[path.length - 2] ?? '') && SQLA_QUERY_METHODS.has(method) && isChainEnd(file, call)) {
    const base = path[path.length - 3];
    if (base && /session|^db$/i.test(segment(base))) {
      return { call, library: 'sqlalchemy', label };
    }
  }
  return undefined;
}
