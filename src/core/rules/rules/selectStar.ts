import { fieldsOf, list, names, nodeOf, walk } from '../sql/ast';
import type { Rule } from '../types';

type Sel = Record<string, unknown>;

/** The CTEs a SELECT defines, by name, added to those of the enclosing statement. */
function withCtes(select: Sel, outer: ReadonlyMap<string, Sel>): Map<string, Sel> {
  const out = new Map(outer);
  const withClause = select.withClause as { ctes?: unknown } | undefined;
  for (const c of list(withClause?.ctes)) {
    const cte = fieldsOf(c, 'CommonTableExpr');
    const query = fieldsOf(cte?.ctequery, 'SelectStmt');
    if (cte && query) {
      out.set(String(cte.ctename ?? '').toLowerCase(), query);
    }
  }
  return out;
}

/** A FROM item's columns: a table's (unknown to the query), a CTE's or a subquery's. */
interface Source {
  /** The name the query refers to it by (its alias, else the table's name). */
  readonly name: string;
  /** What to call it in a message: the table (`orders`), the function (`add_job()`). */
  readonly label: string;
  /** The query that defines its columns (CTE or subquery); undefined for a table or function. */
  readonly query?: Sel;
}

function fromSources(select: Sel, ctes: ReadonlyMap<string, Sel>): Source[] {
  const out: Source[] = [];
  const visit = (item: unknown): void => {
    const rv = fieldsOf(item, 'RangeVar');
    if (rv) {
      const table = String(rv.relname ?? '').toLowerCase();
      const name = String((rv.alias as { aliasname?: string } | undefined)?.aliasname ?? table).toLowerCase();
      out.push({ name, label: String(rv.relname ?? ''), query: rv.schemaname ? undefined : ctes.get(table) });
      return;
    }
    const sub = fieldsOf(item, 'RangeSubselect');
    if (sub) {
      const alias = String((sub.alias as { aliasname?: string } | undefined)?.aliasname ?? '').toLowerCase();
      out.push({ name: alias, label: alias, query: fieldsOf(sub.subquery, 'SelectStmt') });
      return;
    }
    const fn = fieldsOf(item, 'RangeFunction');
    if (fn) {
      let fnName = '';
      walk(fn.functions, (type, f) => {
        if (type === 'FuncCall' && !fnName) {
          fnName = names(f.funcname).pop() ?? '';
        }
        if (type === 'SQLValueFunction' && !fnName && typeof f.op === 'string') {
          // `FROM user` (a table named user in SQLite or MySQL) reads as CURRENT_USER in PostgreSQL
          fnName = f.op.replace(/^SVFOP_/, '').toLowerCase();
        }
        return !fnName;
      });
      const alias = (fn.alias as { aliasname?: string } | undefined)?.aliasname;
      const isValueFunction = /^(user|current_user|session_user|current_role|current_catalog|current_schema)$/.test(fnName);
      out.push({ name: String(alias ?? fnName).toLowerCase(), label: !fnName ? '?' : isValueFunction ? fnName : `${fnName}()` });
      return;
    }
    const join = fieldsOf(item, 'JoinExpr');
    if (join) {
      visit(join.larg);
      visit(join.rarg);
      return;
    }
    out.push({ name: '?', label: '?' });
  };
  list(select.fromClause).forEach(visit);
  return out;
}

/**
 * The stars of a SELECT's result that expand to columns nobody named: `*`/`t.*` over a table,
 * or over a CTE or subquery whose own result has such a star. Only the statement's result
 * counts (sqlfluff's AM04 reading): a `*` inside a CTE whose columns the outer query then names
 * costs nothing.
 */
interface Star {
  readonly location: number;
  /** The sources whose columns it expands (one for `t.*`, every FROM item for `*`). */
  readonly sources: readonly Source[];
}

function unknownStars(select: Sel, outerCtes: ReadonlyMap<string, Sel>, depth = 0): Star[] {
  if (depth > 20) {
    return [];
  }
  if (select.op && select.op !== 'SETOP_NONE') {
    const ctes = withCtes(select, outerCtes);
    return [
      ...unknownStars(fieldsOf({ SelectStmt: select.larg }, 'SelectStmt') ?? (select.larg as Sel), ctes, depth + 1),
      ...unknownStars(fieldsOf({ SelectStmt: select.rarg }, 'SelectStmt') ?? (select.rarg as Sel), ctes, depth + 1),
    ];
  }
  const ctes = withCtes(select, outerCtes);
  const sources = fromSources(select, ctes);
  const open = (src: Source | undefined): boolean => !src || !src.query || unknownStars(src.query, ctes, depth + 1).length > 0;
  const out: Star[] = [];
  for (const t of list(select.targetList)) {
    const ref = fieldsOf(fieldsOf(t, 'ResTarget')?.val, 'ColumnRef');
    const fields = list(ref?.fields);
    if (!ref || !fields.some((f) => nodeOf(f)?.[0] === 'A_Star')) {
      continue;
    }
    const q = fields.length > 1 ? fieldsOf(fields[fields.length - 2], 'String')?.sval : undefined;
    const qualified = typeof q === 'string' ? q.toLowerCase() : undefined;
    const target = qualified !== undefined ? sources.find((s) => s.name === qualified) : undefined;
    const unknown = qualified !== undefined ? !ctes.has(qualified) && open(target) : sources.length === 0 || sources.some(open);
    if (unknown) {
      out.push({ location: typeof ref.location === 'number' ? ref.location : -1, sources: qualified !== undefined ? (target ? [target] : []) : sources });
    }
  }
  return out;
}

/** The result-producing SELECT of a statement: a query, a view's definition; not INSERT … SELECT or CREATE TABLE AS. */
function resultSelect(stmt: unknown): Sel | undefined {
  const select = fieldsOf(stmt, 'SelectStmt');
  if (select) {
    return select;
  }
  const view = fieldsOf(stmt, 'ViewStmt');
  return view ? fieldsOf(view.query, 'SelectStmt') : undefined;
}

export const selectStar: Rule = {
  meta: {
    id: 'select-star',
    category: 'select-star',
    defaultSeverity: 'low',
    summary: '`SELECT *` (or `t.*`) in a query or view.',
    languages: ['sql', 'typescript', 'javascript', 'python'],
    docs: {
      what:
        'Reports a query or view whose result has `*` or `t.*` over a table — directly, or through a CTE or subquery that itself selects `*` — in .sql files and in SQL strings in code, ' +
        'parsed by the PostgreSQL parser. Only the result counts: `*` inside a CTE whose columns the outer query names, `count(*)`, `EXISTS (SELECT * …)`, `INSERT … SELECT *` and ' +
        '`CREATE TABLE … AS SELECT *` are not reported. The message names what the star expands: `t.*` the table behind `t`, a bare `*` every table of FROM, a function in FROM by its name.',
      why:
        'The query fetches every column, today and after each migration: wide text and JSON columns travel over the network for nothing, covering (index-only) ' +
        'scans become impossible, and code that reads columns by position or a view defined with `*` silently changes meaning when a column is added.',
      example: { language: 'sql', code: 'SELECT * FROM orders WHERE customer_id = $1;' },
      insteadText: 'Name the columns the caller uses.',
      instead: { language: 'sql', code: 'SELECT id, status, total_cents FROM orders WHERE customer_id = $1;' },
      fixHint: 'List the columns the code reads instead of *.',
    },
  },
  checkSql(ctx) {
    for (const st of ctx.statements) {
      const select = resultSelect(st.stmt);
      const stars = select ? unknownStars(select, new Map()) : [];
      if (!select || stars.length === 0) {
        continue;
      }
      const dynamicText = (label: string): string => {
        // an interpolated name (`${table}`), parsed as dyn_N: name it by the code that fills it in
        const m = /^dyn_(\d+)$/i.exec(label);
        const node = m ? st.source?.value.dynamic[Number(m[1]) - 1] : undefined;
        return node ? `\${${node.text}}` : label;
      };
      const labels = [...new Set(stars.flatMap((star) => star.sources.filter((src) => !src.query && src.label !== '?').map((src) => dynamicText(src.label))))];
      const what = labels.length > 0 ? `every column of ${labels.map((t) => `\`${t}\``).join(', ')}` : 'every column';
      const message = `\`SELECT *\` fetches ${what}; name the columns the code uses.`;
      if (st.source) {
        ctx.report({ node: st.source.node, message });
      } else {
        const at = st.offsetOf(stars[0].location);
        ctx.report({ start: at, end: at + 1, message });
      }
    }
  },
  tests: {
    valid: [
      { name: 'named columns', path: 'q.sql', code: 'SELECT id, email FROM users WHERE id = 1;\n' },
      { name: 'count star', path: 'a.ts', code: "await db.query('SELECT count(*) FROM users');" },
      { name: 'exists subquery', path: 'q.sql', code: 'SELECT id FROM users u WHERE EXISTS (SELECT * FROM orders o WHERE o.user_id = u.id);\n' },
      { name: 'from a CTE', path: 'q.sql', code: 'WITH recent AS (SELECT id, total FROM orders) SELECT * FROM recent;\n' },
      { name: 'from a subquery with named columns', path: 'q.sql', code: 'SELECT s.* FROM (SELECT id, total FROM orders) AS s;\n' },
      { name: 'insert select', path: 'm.sql', code: 'INSERT INTO archive SELECT * FROM orders WHERE created_at < now();\n' },
      { name: 'star inside a CTE whose columns the query names', path: 'q.sql', code: 'WITH o AS (SELECT * FROM orders) SELECT id, total FROM o;\n' },
      { name: 'not SQL text', path: 'a.ts', code: "console.log('select * from the menu');" },
    ],
    invalid: [
      { name: 'sql file', path: 'q.sql', code: 'SELECT id FROM a;\nSELECT *\nFROM users;\n', lines: [2] },
      { name: 'qualified star', path: 'q.sql', code: 'SELECT u.* FROM users u JOIN orders o ON o.user_id = u.id;\n', lines: [1] },
      { name: 'in a ts string', path: 'a.ts', code: "const r = await pool.query(\n  'SELECT * FROM orders WHERE id = $1', [id]);", lines: [2] },
      { name: 'in a python string', path: 'a.py', code: 'cur.execute("SELECT * FROM users WHERE id = %s", (uid,))\n', lines: [1] },
      { name: 'star from a CTE that selects star', path: 'q.sql', code: 'WITH o AS (SELECT * FROM orders)\nSELECT * FROM o;\n', lines: [2] },
      { name: 'view', path: 'v.sql', code: 'CREATE VIEW active_users AS SELECT * FROM users WHERE active;\n', lines: [1] },
      { name: 'qualified star over a join names its own table', path: 'q.sql', code: 'SELECT c.*, t.subject FROM campaigns c JOIN templates t ON t.id = c.template_id;\n', lines: [1] },
      { name: 'bare star names every table', path: 'q.sql', code: 'SELECT * FROM campaigns c JOIN templates t ON t.id = c.template_id;\n', lines: [1] },
      { name: 'star from a function', path: 'q.sql', code: "SELECT * FROM jobs_api.add_job('send', '{}');\n", lines: [1] },
      { name: 'interpolated table name', path: 'a.ts', code: 'const r = await db.query(`SELECT * FROM ${schema}.${table} WHERE id = $1`, [id]);', lines: [1] },
    ],
  },
};
