import type { CallSite, CodeFile, StringValue } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';
import { queryCall } from '../recognisers/queryCalls';
import { looksLikeSql, parseSqlValue } from '../sql/sqlText';
import type { Rule } from '../types';

/** Calls whose first argument is SQL text whatever the receiver (the raw escape hatches of ORMs). */
const SQL_TEXT_SINKS = new Set(['text', 'RawSQL', 'raw', 'extra', 'unsafe', 'sql.raw', '$queryRawUnsafe', '$executeRawUnsafe', 'execute', 'executemany', 'query', 'read_sql', 'read_sql_query', 'executescript']);
/** Query-builder methods that take a raw SQL condition (TypeORM, knex): a fragment, not a statement. */
const FRAGMENT_SINKS = new Set(['where', 'andWhere', 'orWhere', 'having', 'andHaving', 'orHaving', 'orderBy', 'addOrderBy']);
/** Functions whose result is safe to put into SQL text (escaping and quoting helpers, numbers, identifiers, dates). */
const SANITISERS = /escape|quote|ident|^(format|Number|parseInt|parseFloat|int|float|Literal|sql|raw|placeholders?|ref|id|toISOString|toUTCString|getTime|valueOf|toFixed|isoformat|strftime|uuid4?|randomUUID)$/i;
/** A value already escaped or quoted for SQL, by its name (`escapedSchema`, `quoted_table`). */
const ESCAPED_NAME = /(^|\.)(escaped|quoted|safe)[A-Z_]\w*$/;
/** A value that is itself SQL text (a fragment built and checked where it was assigned). */
const SQL_FRAGMENT_NAME = /(^|\.)(sql|where|whereClause|whereSql|clause|fragment|subquery|condition|conditions|\w+Sql|\w+_sql|\w+Clause|\w+_clause)$/;
/** A schema, table or prefix name from configuration, used where an identifier goes. */
const IDENTIFIER_NAME = /(^|\.)(schema|schemaName|table|tableName|tablePrefix|prefix|\w+Schema|\w+_schema|\w+Table|\w+_table)$/;
/** Where an interpolation stands for a name: after FROM/JOIN/INTO/…, or qualifying one (`${schema}.jobs`). */
const IDENTIFIER_BEFORE = /(\b(from|join|into|update|table|schema|exists|on|references|truncate|index|view|function|type|sequence|trigger)\s+|\.|")$/i;
const REQUEST_SOURCE = /\b(req|request|params|query|body|args|form|headers|cookies|input|ctx\.request)\b/;

/** The value a name was given in an enclosing function or the module, when given once there (one hop further out than CodeFile.resolve). */
function resolveOuter(file: CodeFile, node: Node): Node | undefined {
  const own = file.resolve(node);
  if (own) {
    return own;
  }
  const name = node.text;
  for (let scope = file.enclosingFunction(node); scope; scope = file.enclosingFunction(scope)) {
    const outer = file.enclosingFunction(scope) ?? file.root;
    let found: Node | undefined;
    let count = 0;
    const visit = (n: Node): void => {
      const fields = file.spec.assignments[n.type];
      if (fields) {
        const target = n.childForFieldName(fields[0]);
        const value = n.childForFieldName(fields[1]);
        if (target && value && target.text === name) {
          found = value;
          count++;
        }
      }
      for (const c of n.namedChildren) {
        if (c && !file.spec.functions.includes(c.type)) {
          visit(c);
        }
      }
    };
    visit(outer.type === 'program' || outer.type === 'module' ? outer : (outer.childForFieldName('body') ?? outer));
    if (count === 1) {
      return found;
    }
    if (count > 1) {
      return undefined;
    }
  }
  return undefined;
}

/** A TypeScript declaration of the name with a number/boolean/Date type (`const pid: number = …`). */
function declaredSafeType(file: CodeFile, node: Node): boolean {
  const value = resolveOuter(file, node);
  const decl = value ? file.parentOf(value) : null;
  const type = decl?.childForFieldName('type')?.text ?? '';
  return /^:\s*(number|bigint|boolean|Date)$/.test(type);
}

/** A function of this file that escapes what it returns (doubles quotes, or calls an escaping helper). */
function isLocalSanitiser(file: CodeFile, name: string): boolean {
  for (const fn of file.root.descendantsOfType([...file.spec.functions])) {
    const fnName = fn?.childForFieldName('name')?.text ?? (fn ? file.parentOf(fn)?.childForFieldName('name')?.text : undefined);
    if (fn && fnName === name) {
      return /replace(All)?\([^)]*["'`]''["'`]|\b(escape\w*|quote\w*)\s*\(/i.test(fn.text);
    }
  }
  return false;
}

/** An interpolated value that cannot carry user input: a literal, a constant, a placeholder list, an escaped value. */
function isSafeDynamic(file: CodeFile, node: Node, textBefore: string, depth = 0, textAfter = ''): boolean {
  if (/\$$/.test(textBefore)) {
    return true; // `$${i + 1}`: building the placeholder number
  }
  if (/^(number|integer|float|true|false|null|none|string)$/.test(node.type)) {
    return true;
  }
  const text = node.text;
  if (/^[A-Z][A-Z0-9_]*(\.\w+)*$/.test(text) || /^[\w.]*\.[A-Z][A-Z0-9_]*$/.test(text)) {
    return true; // CONSTANT, CONSTANTS.member or config.TABLE_NAME
  }
  if (/^(\w+\.)*(length|size|count)$/.test(text) || /^len\(/.test(text)) {
    return true;
  }
  const inLiteral = (textBefore.match(/'/g)?.length ?? 0) % 2 === 1;
  if (ESCAPED_NAME.test(text) || (!inLiteral && SQL_FRAGMENT_NAME.test(text))) {
    return true;
  }
  if (!inLiteral && IDENTIFIER_NAME.test(text) && !REQUEST_SOURCE.test(text) && (IDENTIFIER_BEFORE.test(textBefore) || /^\./.test(textAfter))) {
    return true; // a configured schema/table name where a name goes
  }
  // "?"/"%s"/"$n" placeholder lists: ids.map(() => '?').join(','), ", ".join(["%s"] * len(ids))
  if (/\bjoin\s*\(/.test(text) && /['"](\?|%s|\$)['"]|\$\{\s*\w+\s*\+\s*\d+\s*\}|'\$'\s*\+/.test(text)) {
    return true;
  }
  if (node.type === 'ternary_expression' || node.type === 'conditional_expression') {
    const branches = node.type === 'ternary_expression' ? [node.childForFieldName('consequence'), node.childForFieldName('alternative')] : [node.namedChildren[0], node.namedChildren[2]];
    return branches.every((b) => !!b && (file.stringValue(b)?.dynamic.length === 0 || isSafeDynamic(file, b, textBefore, depth + 1, textAfter)));
  }
  const call = file.callAt(node);
  if (call && (SANITISERS.test(call.method) || (call.path.length === 1 && isLocalSanitiser(file, call.method)))) {
    return true;
  }
  // a variable holding a placeholder list, a constant or an escaped value
  if (file.spec.identifier.includes(node.type) && depth < 2) {
    if (declaredSafeType(file, node)) {
      return true;
    }
    const value = resolveOuter(file, node);
    if (value && (file.stringValue(value)?.dynamic.length === 0 || isSafeDynamic(file, value, textBefore, depth + 1, textAfter))) {
      return true;
    }
  }
  return false;
}

function unsafeParts(file: CodeFile, value: StringValue): Node[] {
  const out: Node[] = [];
  const pieces = value.text.split(/\$(\d+)/);
  // pieces: text, n, text, n, ... — a `$n` written in the SQL itself is not an interpolation: the
  // interpolations are numbered in order, so only the next expected number is one
  let next = 1;
  let before = '';
  for (let i = 1; i < pieces.length; i += 2) {
    before += pieces[i - 1];
    if (Number(pieces[i]) !== next) {
      before += `$${pieces[i]}`;
      continue;
    }
    const node = value.dynamic[next - 1];
    next++;
    if (node && !isSafeDynamic(file, node, before, 0, pieces[i + 1] ?? '')) {
      out.push(node);
    }
    before += '$0';
  }
  return out;
}

function sinkArgument(file: CodeFile, call: CallSite): { node: Node; fragment: boolean } | undefined {
  if (call.isTagged) {
    return undefined;
  }
  const q = queryCall(file, call);
  const first = file.positional(call)[0];
  if (q) {
    // query({ text: '…', values }) / execute({ sql: '…' }): the SQL is the config object's text
    const config = q.sqlArg && q.sqlArg.type === file.spec.objectLiteral ? (file.optionIn(q.sqlArg, 'text') ?? file.optionIn(q.sqlArg, 'sql')) : undefined;
    return q.sqlArg ? { node: config ?? q.sqlArg, fragment: false } : undefined;
  }
  if (SQL_TEXT_SINKS.has(call.method) || SQL_TEXT_SINKS.has(call.path.slice(-2).join('.'))) {
    return first ? { node: first, fragment: false } : undefined;
  }
  if (FRAGMENT_SINKS.has(call.method) && call.path.some((s) => s === 'createQueryBuilder()') && first && (first.type === 'template_string' || first.type === file.spec.binaryOperator)) {
    return { node: first, fragment: true };
  }
  return undefined;
}

const SQL_NAME = /(sql|query|stmt|statement)$/i;
const UPPER_SQL = /^\s*\(?\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\s/;

/** An expression that builds a string from pieces (not a plain literal, not a name). */
function isStringBuilding(file: CodeFile, node: Node): boolean {
  if (node.type === file.spec.binaryOperator || node.type === 'template_string') {
    return true;
  }
  if (file.spec.strings.literal.includes(node.type)) {
    return node.namedChildren.some((c) => !!c && file.spec.strings.interpolation.includes(c.type));
  }
  const call = file.callAt(node);
  return !!call && (call.method === 'format' || call.method === 'replace') && !!call.receiver && file.spec.strings.literal.includes(call.receiver.type);
}

function describe(unsafe: readonly Node[]): string {
  return [...new Set(unsafe.map((n) => n.text.replace(/\s+/g, ' ').slice(0, 40)))].map((t) => `\`${t}\``).join(', ');
}

export const sqlInjection: Rule = {
  meta: {
    id: 'sql-injection',
    category: 'sql-injection',
    defaultSeverity: 'critical',
    summary: 'A value is concatenated or interpolated into SQL text passed to a query call.',
    languages: ['typescript', 'javascript', 'python'],
    docs: {
      what:
        'Reports a query or raw-SQL call (`db.query`, `pool.execute`, `knex.raw`, `sequelize.query`, `$queryRawUnsafe`, `cursor.execute`, SQLAlchemy `text()`, Django `raw()`/`RawSQL`) ' +
        'whose SQL argument is built with `+`, a template literal, an f-string, `%` or `.format()` from a non-constant value, directly or through a variable assigned once just before. ' +
        'Tagged templates that parameterise (`sql`…``, `prisma.$queryRaw`…``), constants (also from an enclosing scope), numbers, dates, literal choices (`a ? \'x\' : \'y\'`), generated placeholder lists, ' +
        'values escaped for SQL (`escapeIdentifier`, `quote_ident`, an `escaped…`/`quoted…` name, a helper of the same file that doubles quotes), SQL fragments built elsewhere, and a configured schema or table name ' +
        'where an identifier goes (`FROM ${schema}.jobs`, not inside a quoted literal, not from the request) are not reported.',
      why:
        'Whoever controls the value controls the statement: `1 OR 1=1` reads every row, `1; DROP TABLE users` does worse. Escaping by hand misses cases; ' +
        "the driver's parameters send the value separately from the SQL, so it can never be parsed as SQL.",
      example: { language: 'ts', code: 'const { rows } = await db.query(`SELECT * FROM users WHERE email = \'${req.query.email}\'`);' },
      insteadText: 'Pass the values as parameters (`$1`/`?`/`%s` with a values array or tuple), or use a tagged template that parameterises.',
      instead: { language: 'ts', code: "const { rows } = await db.query('SELECT id, email FROM users WHERE email = $1', [req.query.email]);" },
      fixHint: 'Use a placeholder ($1, ?, %s) and pass the value in the parameters argument.',
    },
  },
  checkCode(ctx) {
    const { file } = ctx;
    for (const site of file.calls()) {
      const sink = sinkArgument(file, site);
      if (!sink) {
        continue;
      }
      const call = { ...site, site, fragment: sink.fragment };
      const arg = sink.node;
      if (file.spec.identifier.includes(arg.type)) {
        continue; // reported where the string is built (below)
      }
      if (call.fragment) {
        const value = file.stringValue(arg);
        const unsafe = value ? unsafeParts(file, value) : [];
        if (value && unsafe.length > 0 && /[=<>]|\b(like|in|is)\b/i.test(value.text)) {
          ctx.report({ node: call.node, message: `${describe(unsafe)} ${unsafe.length > 1 ? 'are' : 'is'} put into the SQL condition passed to \`.${call.site.method}()\`; use a named parameter (\`:id\`, { id }) instead.` });
        }
        continue;
      }
      const value = file.stringValue(arg);
      if (!value || value.dynamic.length === 0 || !looksLikeSql(value.text)) {
        continue;
      }
      const unsafe = unsafeParts(file, value);
      if (unsafe.length === 0) {
        continue;
      }
      const names = describe(unsafe);
      ctx.report({
        node: arg.startPosition.row === call.node.startPosition.row || value.parts.length === 0 ? call.node : arg,
        message: `${names} ${unsafe.length > 1 ? 'are' : 'is'} put into the SQL text passed to \`${call.path.join('.')}\`; pass ${unsafe.length > 1 ? 'them' : 'it'} as a query parameter instead.`,
      });
    }
    // SQL text built from values and stored in a variable: reported where it is built
    for (const type of Object.keys(file.spec.assignments)) {
      const [targetField, valueField] = file.spec.assignments[type];
      for (const a of file.descendantsOfType([type])) {
        const target = a?.childForFieldName(targetField);
        const valueNode = a?.childForFieldName(valueField);
        if (!a || !target || !valueNode || !isStringBuilding(file, valueNode)) {
          continue;
        }
        const value = file.stringValue(valueNode);
        if (!value || value.dynamic.length === 0 || !(UPPER_SQL.test(value.text) || SQL_NAME.test(target.text)) || !parseSqlValue(value)) {
          continue;
        }
        const unsafe = unsafeParts(file, value);
        if (unsafe.length > 0) {
          ctx.report({
            node: valueNode,
            message: `${describe(unsafe)} ${unsafe.length > 1 ? 'are' : 'is'} put into SQL text (\`${target.text}\`); use query parameters instead.`,
          });
        }
      }
    }
  },
  tests: {
    valid: [
      { name: 'parameterised pg', path: 'a.ts', code: "await db.query('SELECT * FROM users WHERE id = $1', [id]);" },
      { name: 'tagged template', path: 'a.ts', code: 'await prisma.$queryRaw`SELECT * FROM users WHERE id = ${id}`;' },
      { name: 'constant table name', path: 'a.ts', code: 'await db.query(`SELECT id FROM ${TABLE} WHERE id = $1`, [id]);' },
      { name: 'placeholder list', path: 'a.ts', code: "await db.query(`SELECT id FROM t WHERE id IN (${ids.map(() => '?').join(',')})`, ids);" },
      { name: 'python parameters', path: 'a.py', code: 'cur.execute("SELECT * FROM users WHERE id = %s", (user_id,))\n' },
      { name: 'not SQL', path: 'a.ts', code: 'logger.query(`user ${id} logged in`);' },
      { name: 'typeorm named parameter', path: 'a.ts', code: "const u = await repo.createQueryBuilder('u').where('u.email = :email', { email }).getOne();" },
      { name: 'schema escaped once, by name', path: 'a.ts', code: 'const { escapedQueueSchema } = options;\nawait client.query(`delete from ${escapedQueueSchema}.jobs where id = $1`, [id]);' },
      { name: 'identifier quoting helper', path: 'a.ts', code: 'await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(tenantSchema)}`);' },
      { name: 'pg escapeIdentifier', path: 'a.ts', code: 'await client.query(`TRUNCATE ${client.escapeIdentifier(tableName)}`);' },
      { name: 'choice between two literals', path: 'a.js', code: "const ine = isMySQL ? '' : 'IF NOT EXISTS';\nawait knex.raw(`CREATE INDEX ${ine} links_user_idx ON links (user_id)`);" },
      { name: 'literal ternary inline', path: 'a.ts', code: "await db.query(`UPDATE media SET ${is4k ? 'status4k' : 'status'} = $1 WHERE id = $2`, [s, id]);" },
      { name: 'constant from an enclosing scope', path: 'a.test.ts', code: "describe('s', () => {\n  const schemaUnderTest = 'it_schema';\n  beforeAll(async () => {\n    await pool.query(`DROP SCHEMA IF EXISTS ${schemaUnderTest} CASCADE`);\n  });\n});" },
      { name: 'date as ISO text', path: 'a.ts', code: "await client.query(`select add_job('x', run_at := '${runAt.toISOString()}')`);" },
      { name: 'typed number', path: 'a.ts', code: 'const pid: number = rows[0].pid;\nawait other.query(`select pg_terminate_backend(${pid})`);' },
      { name: 'configured schema where a name goes', path: 'a.ts', code: 'export function purge(schema: string) {\n  const sql = `DELETE FROM ${schema}.archive WHERE done_at < now() - $1::interval`;\n  return sql;\n}' },
      { name: 'member of a CONSTANT object', path: 'a.ts', code: "const sql = `SELECT id FROM jobs WHERE state < '${JOB_STATES.active}'`;" },
      { name: 'escaping helper of the same file', path: 'a.ts', code: "function toArray(values: string[]) {\n  return `ARRAY[${values.map((v) => `'${v.replace(/'/g, \"''\")}'`).join(',')}]`;\n}\nconst sql = `DELETE FROM jobs WHERE name = ANY(${toArray(names)})`;" },
      { name: 'SQL assembled from a checked fragment', path: 'a.py', code: 'sql, params = qs.query.sql_with_params()\nrows = Thing.objects.raw(f"SELECT * FROM ({sql}) t WHERE rn = 1", params)\n' },
      { name: 'python format, the unsafe-looking field is a constant', path: 'a.py', code: 'cursor.execute("SELECT * FROM {} WHERE id = %s".format(TABLE), (user_id,))\n' },
      { name: 'prose starting with grant', path: 'a.py', code: 'h.p(text(f"Grant benefits for {customer.name} on subscription {sub_id}"))\n' },
      { name: 'dollar parameter written in the text', path: 'a.ts', code: 'const sql = `INSERT INTO ${schema}.deps (a, b) SELECT a, b FROM json_to_recordset($1::json) AS x (a text, b text)`;' },
    ],
    invalid: [
      { name: 'template literal', path: 'a.ts', code: 'await db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);', lines: [1] },
      { name: 'concatenation through a variable', path: 'a.js', code: "const sql = 'SELECT * FROM users WHERE name = \\'' + name + '\\'';\nconnection.query(sql, cb);", lines: [1] },
      { name: 'python query built with %', path: 'a.py', code: 'query = "DELETE FROM foo WHERE id = \'%s\'" % identifier\n', lines: [1] },
      { name: 'knex raw', path: 'a.ts', code: 'await knex.raw(`DELETE FROM sessions WHERE user_id = ${userId}`);', lines: [1] },
      { name: 'typeorm where fragment', path: 'a.ts', code: "const u = await repo.createQueryBuilder('u').where(`u.email = '${email}'`).getOne();", lines: [1] },
      { name: 'pandas read_sql', path: 'a.py', code: 'df = pd.read_sql(f"SELECT id FROM t WHERE owner = \'{owner}\'", conn)\n', lines: [1] },
      { name: 'prisma unsafe', path: 'a.ts', code: 'await prisma.$queryRawUnsafe(`SELECT * FROM t WHERE a = ${a}`);', lines: [1] },
      { name: 'python f-string', path: 'a.py', code: 'cursor.execute(f"SELECT * FROM users WHERE name = \'{name}\'")\n', lines: [1] },
      { name: 'python percent', path: 'a.py', code: 'cursor.execute("SELECT * FROM users WHERE id = %s" % user_id)\n', lines: [1] },
      { name: 'JSON inside a quoted literal', path: 'a.ts', code: "const sql = `SELECT ${schema}.create_queue('${name}', '${JSON.stringify(options)}'::jsonb)`;", lines: [1] },
      { name: 'search text in a LIKE literal', path: 'a.ts', code: "await db.query(`SELECT id FROM posts WHERE title LIKE '%${query}%'`);", lines: [1] },
      { name: 'table name from the request', path: 'a.ts', code: 'await db.query(`SELECT * FROM ${req.query.table} WHERE id = $1`, [id]);', lines: [1] },
      { name: 'python format with several fields, the first unsafe', path: 'a.py', code: 'cursor.execute("SELECT * FROM users WHERE name = \'{}\' LIMIT {}".format(name, 10))\n', lines: [1] },
      { name: 'config object text', path: 'a.ts', code: 'await pool.query({ text: `SELECT id FROM users WHERE email = \'${email}\'` });', lines: [1] },
      { name: 'lower-case MERGE statement', path: 'a.ts', code: "await db.query(`merge into stock s using incoming i on s.sku = i.sku when matched then update set qty = '${qty}'`);", lines: [1] },
      { name: 'GRANT to a role from input', path: 'a.ts', code: 'await db.query(`GRANT SELECT ON reports TO ${req.body.role}`);', lines: [1] },
      { name: 'python format in text()', path: 'a.py', code: 'session.execute(text("DELETE FROM t WHERE id = {}".format(item_id)))\n', lines: [1] },
    ],
  },
};
