import type { CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';
import { hasFixedBound, isBatchIterable, isBoundedIterable, isOneOffScript, iterableOf, perIterationNames, type IterationNames } from '../recognisers/loops';
import { chainEnd, type QueryCall } from '../recognisers/queryCalls';
import { helperQuery, runsQuery } from '../recognisers/queryExecution';
import type { Rule } from '../types';

/** A call in a `return` (or `break`-ing) statement of a loop body: it runs once, as the loop ends. */
function exitsLoop(file: CodeFile, node: Node, loop: Node): boolean {
  if (file.spec.functions.includes(loop.type)) {
    return false; // a callback's return is its per-element result
  }
  for (let n = file.parentOf(node); n && n.id !== loop.id; n = file.parentOf(n)) {
    if (n.type === 'return_statement' || n.type === 'throw_statement' || n.type === 'raise_statement') {
      return true;
    }
    if (file.spec.functions.includes(n.type)) {
      return false;
    }
  }
  return false;
}

/** Calls and options that take a list of keys: a lookup by a whole group, not by one row. */
const IN_LIST_CALLS = /^(in_|In|whereIn|orWhereIn|inArray|isin|any_)$/;

/** True when `id` (a loop variable holding a group of rows) sits inside an `IN` list (`Model.id.in_(ids)`, `pk__in=`, `{ in: ids }`, `In(ids)`) within `top`. */
function insideInList(file: CodeFile, id: Node, top: Node): boolean {
  for (let n = file.parentOf(id); n && n.id !== top.id; n = file.parentOf(n)) {
    const call = file.callAt(n);
    if (call && IN_LIST_CALLS.test(call.method)) {
      return true;
    }
    if (n.type === 'keyword_argument' && /__in$/.test(n.childForFieldName('name')?.text ?? '')) {
      return true;
    }
    if (n.type === 'pair' && /^['"]?\$?in['"]?$/.test(n.childForFieldName('key')?.text ?? '')) {
      return true;
    }
  }
  return false;
}

/**
 * The uses of per-iteration row values in the call, leaving out those that only pick the model
 * (`x.objects…` in a loop over model classes: one query per table, a fixed set) and those inside
 * an `IN` list (one query per group of rows).
 */
function perIterationUses(file: CodeFile, node: Node, rows: ReadonlySet<string>, loopVars: ReadonlySet<string>): Node[] {
  const out: Node[] = [];
  for (const id of node.descendantsOfType([...file.spec.identifier, 'shorthand_property_identifier'])) {
    if (!id || !rows.has(id.text)) {
      continue;
    }
    const parent = file.parentOf(id);
    const path = parent && parent.type === file.spec.member.type ? file.calleePath(parent) : [];
    if ((path[0] === id.text && (path[1] === 'objects' || path[2] === 'objects')) || (loopVars.has(id.text) && insideInList(file, id, node))) {
      continue;
    }
    out.push(id);
  }
  return out;
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
        'or a Python comprehension, when its arguments use the loop variable or a value computed from it — directly, or through a function or method of the same file ' +
        'that runs the query (`this.findChildren(id)`). Not reported: `while` loops (polling, paging); loops over a small fixed set (a literal list, a CONSTANT, `range(4)`, an enum, ' +
        "a model's fields) or over model classes (one query per table); batches (`chunked(…)`, `batched(…)`, `range(0, n, size)`, an `IN` list per group); " +
        '`sql`…`` fragments (Drizzle, Kysely) and lazy Django querysets or SQLAlchemy queries that the loop only passes on (`Subquery()`, `Exists()`, `__in=`, a form field) and never evaluates; ' +
        'a query in a `return` that ends the loop; and one-off scripts (migrations, seeds, management commands).',
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
    if (isOneOffScript(file)) {
      return; // migrations, seeds, management commands: per-row loops run once, on purpose
    }
    // per loop: undefined when it does not count (polling, a fixed bound, batches), else its per-iteration names
    const loops = new Map<number, IterationNames | undefined>();
    const namesOf = (loop: Node): IterationNames | undefined => {
      if (!loops.has(loop.id)) {
        const iterable = iterableOf(file, loop);
        const counts = loop.type !== 'while_statement' && loop.type !== 'do_statement' && !hasFixedBound(file, loop) && !isBoundedIterable(file, iterable) && !isBatchIterable(file, loop, iterable);
        loops.set(loop.id, counts ? perIterationNames(file, loop) : undefined);
      }
      return loops.get(loop.id);
    };
    for (const call of file.calls()) {
      const loop = file.enclosingLoop(call.node);
      const names = loop ? namesOf(loop) : undefined;
      if (!loop || !names) {
        continue;
      }
      if (exitsLoop(file, call.node, loop)) {
        continue;
      }
      const direct = runsQuery(file, call, loop);
      const calleeIsValue = call.path.length === 1 && (names.variables.has(call.method) || names.rows.has(call.method));
      const viaHelper: QueryCall | undefined = direct || calleeIsValue ? undefined : helperQuery(file, call);
      const q = direct ?? viaHelper;
      if (!q) {
        continue;
      }
      const whole = direct ? chainEnd(file, call).node : call.node;
      const root = (direct ? chainEnd(file, call) : call).path[0] ?? '';
      if (names.models.has(root) || perIterationUses(file, whole, names.rows, names.variables).length === 0) {
        continue;
      }
      const what = viaHelper ? `\`${call.path.join('.')}()\` runs \`${q.label}\` (line ${q.call.node.startPosition.row + 1}), a query,` : `\`${q.label}\` runs a query`;
      ctx.report({
        node: whole,
        message: `${what} once per iteration of ${loopLabel(file, loop)} (N+1 queries).`,
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
      { name: 'drizzle sql fragment per value', path: 'a.ts', code: 'const parts = values.map((v) => sql`lower(${v})`);\nconst where = sql`lower(${col}) in (${sql.join(parts, sql`, `)})`;' },
      { name: 'kysely fragment in a loop', path: 'a.ts', code: 'for (const [field, delta] of Object.entries(increments)) {\n  sets[field] = sql`${sql.ref(field)} + ${delta}`;\n}' },
      { name: 'literal tuple of names', path: 'a.py', code: 'for name in ("Bay 1", "Bay 2", "Bay 3"):\n    Slot.objects.create(rack=rack, name=name)\n' },
      { name: 'constant list of defaults', path: 'a.ts', code: 'for (const preset of DEFAULT_PRESETS) {\n  const found = await presetRepository.findOne({ where: { kind: preset.kind } });\n}' },
      { name: 'constant range', path: 'a.py', code: 'for i in range(3):\n    Widget.objects.create(label=f"w{i}")\n' },
      { name: 'counter to a constant', path: 'a.js', code: 'for (let n = 0; n < SAMPLE_COUNT; n++) {\n  await client.query("select add_sample($1)", [n]);\n}' },
      { name: 'enum members', path: 'a.py', code: 'for reason in CloseReason:\n    rows.extend(session.query(Ticket).filter(Ticket.reason == reason).all())\n' },
      { name: 'model fields from the schema', path: 'a.py', code: 'for field in self._meta.get_fields():\n    klass = field.related_model\n    obj = klass.objects.get(pk=getattr(self, field.attname))\n' },
      { name: 'one query per model class', path: 'a.py', code: 'for model in tracked_models:\n    model.objects.filter(site=site).update(region=site.region_id)\n' },
      { name: 'statement built per table', path: 'a.py', code: 'async def drop_refs(session, field, link_models):\n    for model in link_models:\n        stmt = delete(model).where(model.field_id == field.id)\n        await session.execute(stmt)\n' },
      { name: 'batched ids', path: 'a.py', code: 'for chunk in batched(entry_ids, 1000):\n    await session.execute(update(Entry).where(Entry.id.in_(chunk)).values(done=True))\n' },
      { name: 'range with a chunk step', path: 'a.py', code: 'for i in range(0, len(rows), CHUNK):\n    await session.execute(insert(Event).values(rows[i : i + CHUNK]))\n' },
      { name: 'one IN query per group', path: 'a.py', code: 'for model_cls, objs in by_model.items():\n    found = session.query(model_cls).filter(model_cls.id.in_([o.id for o in objs])).all()\n' },
      { name: 'lazy queryset for a form field', path: 'a.py', code: 'for kind in kinds:\n    fields[kind] = ModelChoiceField(queryset=Part.objects.filter(kind=kind))\n' },
      { name: 'lazy queryset inside Subquery', path: 'a.py', code: 'for name, rel in counters.items():\n    sub = Part.objects.filter(pk=OuterRef("pk"), rel=rel).annotate(n=Count("id")).values("n")\n    qs = qs.annotate(**{name: Subquery(sub[:1])})\n' },
      { name: 'return ends the loop', path: 'a.py', code: 'def flips_for(project, key):\n    for check in project.checks:\n        if check.key == key:\n            return Flip.objects.filter(owner=check).first()\n' },
      { name: 'array find on a capitalised name', path: 'a.ts', code: 'for (const s of seasons) {\n  const match = RemoteSeasons.find((r) => r.number === s.number);\n}' },
      { name: 'migration data fix', path: 'app/migrations/0042_fill_slug.py', code: 'def fill(apps, schema_editor):\n    for c in Check.objects.all():\n        Check.objects.filter(id=c.id).update(slug=slugify(c.name))\n' },
      { name: 'list imported from a constants module', path: 'a.ts', code: "import { builtInWidgets } from '@app/constants/widgets';\nexport async function seedWidgets() {\n  for (const w of builtInWidgets) {\n    await widgetRepository.findOne({ where: { kind: w.kind } });\n  }\n}" },
      { name: 'test helper module', path: 'app/testing/helpers.py', code: 'from django.test import Client\n\ndef assert_saved(model, rows):\n    for row in rows:\n        assert model.objects.get(id=row["id"])\n' },
      { name: 'migration runner', path: 'src/migrate.ts', code: 'async function apply(client, file) {\n  await client.query(await read(file));\n}\nexport async function migrate(client, files) {\n  for (const f of files) {\n    await apply(client, f);\n  }\n}' },
      { name: 'helper queries only when it fails', path: 'a.ts', code: 'const send = async (sub) => {\n  try {\n    await push(sub);\n  } catch (e) {\n    await subRepository.remove(sub);\n  }\n};\nawait Promise.all(subs.map((s) => send(s)));' },
      { name: 'calling each loop value', path: 'a.ts', code: 'async function cleanup() {\n  await db.query("delete from t");\n}\nfor (const cleanup of hooks) {\n  await cleanup(1);\n}' },
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
      {
        name: 'prisma query behind a method of the same service',
        path: 'categories.service.ts',
        code:
          'export class CategoriesService {\n  constructor(private prisma: PrismaService) {}\n  private findChildren(parentId: string) {\n    return this.prisma.category.findMany({ where: { parentId } });\n  }\n' +
          '  async subtree(ids: string[]) {\n    const out = [];\n    for (const id of ids) {\n      out.push(...(await this.findChildren(id)));\n    }\n    return out;\n  }\n}\n',
        lines: [9],
      },
      { name: 'python helper one call away', path: 'a.py', code: 'def get(db, case_id):\n    return db.query(Case).filter(Case.id == case_id).first()\n\ndef link(db, case_in):\n    return [get(db, r.id) for r in case_in.related]\n', lines: [5] },
      { name: 'prisma executeRawUnsafe', path: 'a.ts', code: 'for (const u of users) {\n  await prisma.$executeRawUnsafe("UPDATE users SET seen_at = now() WHERE id = $1", u.id);\n}', lines: [2] },
      { name: 'lazy queryset iterated in the loop', path: 'a.py', code: 'for t in terminations:\n    paths = CablePath.objects.filter(nodes__contains=t)\n    for p in paths:\n        p.retrace()\n', lines: [2] },
      { name: 'sqlalchemy query evaluated later', path: 'a.py', code: 'for f in rule_filters:\n    q = session.query(Signal).filter(Signal.kind == f.kind)\n    q = apply_filters(q, f.expression)\n    hits = q.all()\n', lines: [2] },
      { name: 'statement tag of postgres.js', path: 'a.ts', code: 'for (const id of ids) {\n  const [u] = await sql`select id, email from users where id = ${id}`;\n}', lines: [2] },
      { name: 'value computed from the row', path: 'a.py', code: 'for doc in documents:\n    terms = extract_terms(doc.text)\n    found = session.query(Term).filter(Term.text.in_(terms)).all()\n', lines: [3] },
    ],
  },
};
