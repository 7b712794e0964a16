import { fieldsOf, list, nodeOf } from '../sql/ast';
import type { Rule } from '../types';

/** The star columns of a SELECT's target list (`*` or `t.*`), with their parse locations. */
function starTargets(select: Record<string, unknown>): number[] {
  const out: number[] = [];
  for (const t of list(select.targetList)) {
    const val = fieldsOf(t, 'ResTarget')?.val;
    const ref = fieldsOf(val, 'ColumnRef');
    if (ref && list(ref.fields).some((f) => nodeOf(f)?.[0] === 'A_Star')) {
      out.push(typeof ref.location === 'number' ? ref.location : -1);
    }
  }
  return out;
}

/** Names of the CTEs a statement defines. */
function cteNames(select: Record<string, unknown>): Set<string> {
  const withClause = select.withClause as { ctes?: unknown } | undefined;
  return new Set(list(withClause?.ctes).map((c) => String(fieldsOf(c, 'CommonTableExpr')?.ctename ?? '').toLowerCase()));
}

/** Every SELECT to check in a statement: top-level ones, set operations, subqueries, CTE bodies; not EXISTS(...), INSERT … SELECT or CREATE TABLE AS. */
function selectsToCheck(stmt: unknown, ctes: Set<string>, out: { select: Record<string, unknown>; ctes: Set<string> }[]): void {
  const node = nodeOf(stmt);
  if (!node) {
    return;
  }
  const [type, f] = node;
  if (type === 'InsertStmt' || type === 'CreateTableAsStmt') {
    return;
  }
  if (type === 'SubLink' && f.subLinkType === 'EXISTS_SUBLINK') {
    return;
  }
  let inner = ctes;
  if (type === 'SelectStmt') {
    inner = new Set([...ctes, ...cteNames(f)]);
    if (list(f.targetList).length > 0) {
      out.push({ select: f, ctes: inner });
    }
  }
  for (const v of Object.values(f)) {
    for (const child of Array.isArray(v) ? v : [v]) {
      selectsToCheck(child, inner, out);
    }
  }
}

/** True when every table the SELECT reads is a CTE (selecting all of a CTE's named columns is fine). */
function readsOnlyCtes(select: Record<string, unknown>, ctes: Set<string>): boolean {
  const from = list(select.fromClause);
  return (
    from.length > 0 &&
    from.every((item) => {
      const rv = fieldsOf(item, 'RangeVar');
      return !!rv && ctes.has(String(rv.relname ?? '').toLowerCase());
    })
  );
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
        'Reports `SELECT *` and `SELECT t.*` in .sql files and in SQL strings in code, parsed by the PostgreSQL parser. ' +
        '`count(*)`, `EXISTS (SELECT * …)`, `INSERT … SELECT *`, `CREATE TABLE … AS SELECT *` and `SELECT *` from a CTE are not reported.',
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
      const selects: { select: Record<string, unknown>; ctes: Set<string> }[] = [];
      selectsToCheck(st.stmt, new Set(), selects);
      for (const { select, ctes } of selects) {
        const stars = starTargets(select);
        if (stars.length === 0 || readsOnlyCtes(select, ctes)) {
          continue;
        }
        const tables = list(select.fromClause)
          .map((i) => fieldsOf(i, 'RangeVar')?.relname)
          .filter((n): n is string => typeof n === 'string');
        const what = tables.length > 0 ? `every column of ${tables.map((t) => `\`${t}\``).join(', ')}` : 'every column';
        const message = `\`SELECT *\` fetches ${what}; name the columns the code uses.`;
        if (st.source) {
          ctx.report({ node: st.source.node, message });
        } else {
          const at = st.offsetOf(stars[0]);
          ctx.report({ start: at, end: at + 1, message });
        }
      }
    }
  },
  tests: {
    valid: [
      { name: 'named columns', path: 'q.sql', code: 'SELECT id, email FROM users WHERE id = 1;\n' },
      { name: 'count star', path: 'a.ts', code: "await db.query('SELECT count(*) FROM users');" },
      { name: 'exists subquery', path: 'q.sql', code: 'SELECT id FROM users u WHERE EXISTS (SELECT * FROM orders o WHERE o.user_id = u.id);\n' },
      { name: 'from a CTE', path: 'q.sql', code: 'WITH recent AS (SELECT id, total FROM orders) SELECT * FROM recent;\n' },
      { name: 'insert select', path: 'm.sql', code: 'INSERT INTO archive SELECT * FROM orders WHERE created_at < now();\n' },
      { name: 'not SQL text', path: 'a.ts', code: "console.log('select * from the menu');" },
    ],
    invalid: [
      { name: 'sql file', path: 'q.sql', code: 'SELECT id FROM a;\nSELECT *\nFROM users;\n', lines: [2] },
      { name: 'qualified star', path: 'q.sql', code: 'SELECT u.* FROM users u JOIN orders o ON o.user_id = u.id;\n', lines: [1] },
      { name: 'in a ts string', path: 'a.ts', code: "const r = await pool.query(\n  'SELECT * FROM orders WHERE id = $1', [id]);", lines: [2] },
      { name: 'in a python string', path: 'a.py', code: 'cur.execute("SELECT * FROM users WHERE id = %s", (uid,))\n', lines: [1] },
      { name: 'view', path: 'v.sql', code: 'CREATE VIEW active_users AS SELECT * FROM users WHERE active;\n', lines: [1] },
    ],
  },
};
