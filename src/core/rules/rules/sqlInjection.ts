import type { CallSite, CodeFile, StringValue } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';
import { queryCall } from '../recognisers/queryCalls';
import { looksLikeSql, parseSqlValue } from '../sql/sqlText';
import type { Rule } from '../types';

/** Calls whose first argument is SQL text whatever the receiver (the raw escape hatches of ORMs). */
const SQL_TEXT_SINKS = new Set(['text', 'RawSQL', 'raw', 'extra', 'unsafe', 'sql.raw', '$queryRawUnsafe', '$executeRawUnsafe', 'execute', 'executemany', 'query', 'read_sql', 'read_sql_query', 'executescript']);
/** Query-builder methods that take a raw SQL condition (TypeORM, knex): a fragment, not a statement. */
const FRAGMENT_SINKS = new Set(['where', 'andWhere', 'orWhere', 'having', 'andHaving', 'orHaving', 'orderBy', 'addOrderBy']);
/** Functions whose result is safe to put into SQL text (escaping, numbers, identifiers). */
const SANITISERS = /^(escape|escapeId|escapeIdentifier|escapeLiteral|format|quote_ident|quote_literal|Number|parseInt|parseFloat|int|float|Identifier|Literal|identifier|sql|raw|placeholders?)$/;

/** An interpolated value that cannot carry user input: a literal, a constant, a placeholder list. */
function isSafeDynamic(file: CodeFile, node: Node, textBefore: string, depth = 0): boolean {
  if (/\$$/.test(textBefore)) {
    return true; // `$${i + 1}`: building the placeholder number
  }
  if (/^(number|integer|float|true|false|null|none|string)$/.test(node.type)) {
    return true;
  }
  const text = node.text;
  if (/^[A-Z][A-Z0-9_]*$/.test(text) || /^[\w.]*\.[A-Z][A-Z0-9_]*$/.test(text)) {
    return true; // CONSTANT or config.TABLE_NAME
  }
  if (/^(\w+\.)*(length|size|count)$/.test(text) || /^len\(/.test(text)) {
    return true;
  }
  // "?"/"%s"/"$n" placeholder lists: ids.map(() => '?').join(','), ", ".join(["%s"] * len(ids))
  if (/\bjoin\s*\(/.test(text) && /['"](\?|%s|\$)['"]|\$\{\s*\w+\s*\+\s*\d+\s*\}|'\$'\s*\+/.test(text)) {
    return true;
  }
  const call = file.callAt(node);
  if (call && SANITISERS.test(call.method)) {
    return true;
  }
  // a variable holding a placeholder list or a constant
  if (file.spec.identifier.includes(node.type) && depth < 2) {
    const value = file.resolve(node);
    if (value && isSafeDynamic(file, value, '', depth + 1)) {
      return true;
    }
  }
  return false;
}

function unsafeParts(file: CodeFile, value: StringValue): Node[] {
  const out: Node[] = [];
  const pieces = value.text.split(/\$(\d+)/);
  // pieces: text, n, text, n, ...
  for (let i = 1; i < pieces.length; i += 2) {
    const node = value.dynamic[Number(pieces[i]) - 1];
    if (node && !isSafeDynamic(file, node, pieces[i - 1])) {
      out.push(node);
    }
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
    return q.sqlArg ? { node: q.sqlArg, fragment: false } : undefined;
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
        'Tagged templates that parameterise (`sql`…``, `prisma.$queryRaw`…``), constants, numbers and generated placeholder lists are not reported.',
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
      { name: 'python format in text()', path: 'a.py', code: 'session.execute(text("DELETE FROM t WHERE id = {}".format(item_id)))\n', lines: [1] },
    ],
  },
};
