import type { CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';
import { chainEnd, queryCall } from '../recognisers/queryCalls';
import type { Rule } from '../types';

/** Identifiers a loop binds per iteration: its variables, a callback's parameters, and names declared in its body. */
function perIterationNames(file: CodeFile, loop: Node): Set<string> {
  const names = new Set<string>();
  const collect = (n: Node | null | undefined): void => {
    if (!n) {
      return;
    }
    if (file.spec.identifier.includes(n.type) || n.type === 'shorthand_property_identifier_pattern') {
      names.add(n.text);
    }
    for (const c of n.namedChildren) {
      collect(c);
    }
  };
  if (file.spec.functions.includes(loop.type)) {
    collect(loop.childForFieldName('parameters') ?? loop.childForFieldName('parameter'));
  } else {
    collect(loop.childForFieldName('left'));
    collect(loop.childForFieldName('initializer'));
    for (const clause of loop.namedChildren) {
      if (clause?.type === 'for_in_clause') {
        collect(clause.childForFieldName('left'));
      }
    }
  }
  const body = file.spec.functions.includes(loop.type) ? loop.childForFieldName('body') : loop.childForFieldName(file.spec.loops[loop.type] ?? 'body');
  for (const decl of body?.descendantsOfType(Object.keys(file.spec.assignments)) ?? []) {
    const field = decl ? file.spec.assignments[decl.type]?.[0] : undefined;
    collect(field && decl ? decl.childForFieldName(field) : undefined);
  }
  return names;
}

function usesAny(file: CodeFile, node: Node, names: ReadonlySet<string>): boolean {
  for (const id of node.descendantsOfType([...file.spec.identifier, 'shorthand_property_identifier'])) {
    if (id && names.has(id.text)) {
      return true;
    }
  }
  return false;
}

function loopLabel(file: CodeFile, loop: Node): string {
  if (file.spec.functions.includes(loop.type)) {
    const args = file.parentOf(loop);
    const call = args ? file.parentOf(args) : null;
    const site = call ? file.callAt(call) : undefined;
    return site ? `the \`.${site.method}()\` callback` : 'the callback';
  }
  if (loop.type.includes('comprehension') || loop.type === 'generator_expression') {
    return 'the comprehension';
  }
  return `the loop on line ${loop.startPosition.row + 1}`;
}

export const nPlusOne: Rule = {
  meta: {
    id: 'n-plus-one',
    category: 'n-plus-one',
    defaultSeverity: 'high',
    summary: 'A database query runs once per element of a loop or an iterating callback.',
    languages: ['typescript', 'javascript', 'python'],
    docs: {
      what:
        'Reports a database call (pg, mysql2, knex, Sequelize, Prisma, TypeORM, Drizzle, Mongoose; DB-API cursors, asyncpg, SQLAlchemy, the Django ORM) ' +
        'made inside the body of a `for`/`for…of`/`for await` loop, a `.map`/`.forEach`/`.flatMap`/`.reduce` callback (including `Promise.all(xs.map(...))`) ' +
        'or a Python comprehension, when its arguments use the loop variable or a value computed in the loop. `while` loops are left alone: they are usually polling or paging on purpose.',
      why:
        'Each iteration pays a network round trip and a query plan. Ten rows in development become ten thousand in production, and the endpoint ' +
        'slows down linearly with the data while every query looks fast on its own. `Promise.all` does not fix it: it fires all the queries at once and exhausts the pool.',
      example: {
        language: 'ts',
        code: "for (const order of orders) {\n  const items = await db.query('SELECT * FROM items WHERE order_id = $1', [order.id]);\n}",
      },
      insteadText: 'Fetch the rows for every element in one query (`= ANY($1)`, `IN (...)`, `findMany({ where: { id: { in: ids } } })`, Django `prefetch_related`/`select_related`) and group them in memory.',
      instead: {
        language: 'ts',
        code: "const ids = orders.map((o) => o.id);\nconst { rows } = await db.query('SELECT order_id, sku FROM items WHERE order_id = ANY($1)', [ids]);",
      },
      fixHint: 'Batch the lookups into one query over all the keys (ANY($1) / IN / findMany with `in`), or eager-load the relation.',
    },
  },
  checkCode(ctx) {
    const { file } = ctx;
    for (const call of file.calls()) {
      const q = queryCall(file, call);
      if (!q) {
        continue;
      }
      const loop = file.enclosingLoop(call.node);
      if (!loop || loop.type === 'while_statement' || loop.type === 'do_statement') {
        continue;
      }
      const whole = chainEnd(file, call).node;
      if (!usesAny(file, whole, perIterationNames(file, loop))) {
        continue;
      }
      ctx.report({
        node: whole,
        message: `\`${q.label}\` runs a query once per iteration of ${loopLabel(file, loop)} (N+1 queries).`,
      });
    }
  },
  tests: {
    valid: [
      { name: 'query before the loop', path: 'a.ts', code: "const rows = await db.query('SELECT id FROM items WHERE order_id = ANY($1)', [ids]);\nfor (const r of rows) { console.log(r.id); }" },
      { name: 'array find is not a query', path: 'a.ts', code: 'for (const o of orders) { const u = users.find((x) => x.id === o.userId); }' },
      { name: 'polling while loop', path: 'a.ts', code: "while (running) {\n  const jobs = await pool.query('SELECT id FROM jobs LIMIT 10 FOR UPDATE SKIP LOCKED');\n}" },
      { name: 'retry loop does not use the counter', path: 'a.ts', code: "for (let attempt = 0; attempt < 3; attempt++) {\n  try { await db.query('SELECT 1'); break; } catch {}\n}" },
      { name: 'query in the iterable', path: 'a.py', code: 'for row in cursor.execute("SELECT id FROM t"):\n    print(row)\n' },
      { name: 'python prefetch', path: 'a.py', code: 'orders = Order.objects.prefetch_related("items").all()\nfor o in orders:\n    print(o.id)\n' },
    ],
    invalid: [
      { name: 'pg in for-of', path: 'a.ts', code: "for (const order of orders) {\n  const items = await db.query('SELECT * FROM items WHERE order_id = $1', [order.id]);\n}", lines: [2] },
      { name: 'prisma in Promise.all map', path: 'a.ts', code: 'const users = await Promise.all(posts.map((p) => prisma.user.findUnique({ where: { id: p.authorId } })));', lines: [1] },
      { name: 'sequelize in forEach', path: 'a.js', code: 'ids.forEach(async (id) => {\n  await User.findByPk(id);\n});', lines: [2] },
      { name: 'knex chain in for await', path: 'a.ts', code: "for await (const e of events) {\n  await knex('users').where({ id: e.userId }).first();\n}", lines: [2] },
      { name: 'typeorm repository', path: 'a.ts', code: 'for (const id of ids) {\n  const u = await this.userRepository.findOneBy({ id });\n}', lines: [2] },
      { name: 'psycopg cursor', path: 'a.py', code: 'for user_id in ids:\n    cur.execute("SELECT * FROM orders WHERE user_id = %s", (user_id,))\n', lines: [2] },
      { name: 'django in comprehension', path: 'a.py', code: 'names = [Customer.objects.get(id=o.customer_id).name for o in orders]\n', lines: [1] },
      { name: 'sqlalchemy session', path: 'a.py', code: 'for o in orders:\n    items = session.query(Item).filter(Item.order_id == o.id).all()\n', lines: [2] },
    ],
  },
};
