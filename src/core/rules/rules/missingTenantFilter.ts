import { columnRefs, nodeOf, rangeVars } from '../sql/ast';
import type { TableModel } from '../sql/schemaModel';
import type { Rule } from '../types';

const TENANT_COLUMNS = new Set(['tenant_id', 'tenantid']);
const MIGRATION_PATH = /(^|\/)(migrations?|migrate|db\/migrate|alembic|versions|schema|seeds?|fixtures?)\//i;

function tenantColumn(table: TableModel): string | undefined {
  return [...table.columns.keys()].find((c) => TENANT_COLUMNS.has(c));
}

export const missingTenantFilter: Rule = {
  meta: {
    id: 'missing-tenant-filter',
    category: 'missing-tenant-filter',
    defaultSeverity: 'high',
    summary: 'A query on a table with a `tenant_id` column that never filters on `tenant_id`.',
    languages: ['typescript', 'javascript', 'python', 'sql'],
    needsSchema: true,
    docs: {
      what:
        'Reads which tables have a `tenant_id` column from the workspace schema (its .sql files) and reports a SELECT, UPDATE or DELETE in application code ' +
        '(SQL strings, or .sql query files outside migrations) that reads or writes such a table without mentioning `tenant_id` anywhere — no WHERE, JOIN or USING ' +
        'predicate on it. Tables with row-level security enabled are skipped: the database filters them.',
      why:
        "In a shared-schema multi-tenant database the tenant predicate is the only wall between customers. A query without it returns or changes another tenant's " +
        'rows — an `UPDATE … WHERE id = $1` with a guessed id is enough — and it is the kind of leak found by a customer, not a test.',
      example: { language: 'ts', code: "await db.query('SELECT id, total FROM invoices WHERE id = $1', [req.params.id]);" },
      insteadText: "Filter every query on the caller's tenant (or enable row-level security with a tenant policy).",
      instead: { language: 'ts', code: "await db.query('SELECT id, total FROM invoices WHERE id = $1 AND tenant_id = $2', [req.params.id, req.tenantId]);" },
      fixHint: 'Add `AND tenant_id = $n` with the tenant of the authenticated caller, or enable row-level security on the table.',
    },
  },
  checkSql(ctx) {
    if ((ctx.isSqlFile || ctx.code) && MIGRATION_PATH.test(ctx.path)) {
      return;
    }
    for (const st of ctx.statements) {
      const type = nodeOf(st.stmt)?.[0];
      if (type !== 'SelectStmt' && type !== 'UpdateStmt' && type !== 'DeleteStmt') {
        continue;
      }
      const tables = rangeVars(st.stmt)
        .map((r) => ctx.schema.tables.get(r.name))
        .filter((t): t is TableModel => !!t && !t.rowLevelSecurity && !!tenantColumn(t));
      if (tables.length === 0) {
        continue;
      }
      const refs = new Set(columnRefs(st.stmt));
      if (tables.some((t) => refs.has(tenantColumn(t)!))) {
        continue;
      }
      const names = [...new Set(tables.map((t) => t.name))];
      const message = `${type === 'SelectStmt' ? 'Reads' : type === 'UpdateStmt' ? 'Updates' : 'Deletes from'} ${names.map((n) => `\`${n}\``).join(', ')} without a \`tenant_id\` filter; it can reach other tenants' rows.`;
      if (st.source) {
        ctx.report({ node: st.source.node, message });
      } else {
        ctx.report({ start: st.start, end: st.end, message });
      }
    }
  },
  tests: {
    valid: [
      {
        name: 'filtered',
        path: 'src/invoices.ts',
        code: "await db.query('SELECT id FROM invoices WHERE id = $1 AND tenant_id = $2', [id, tenant]);",
        schema: [{ path: 'db/schema.sql', text: 'CREATE TABLE invoices (id bigint PRIMARY KEY, tenant_id bigint NOT NULL);' }],
      },
      {
        name: 'filtered through a join',
        path: 'src/a.py',
        code: 'cur.execute("SELECT i.id FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE c.tenant_id = %s", (t,))\n',
        schema: [{ path: 'db/schema.sql', text: 'CREATE TABLE customers (id int PRIMARY KEY, tenant_id int);\nCREATE TABLE invoices (id int PRIMARY KEY, tenant_id int, customer_id int);' }],
      },
      {
        name: 'row-level security',
        path: 'src/a.ts',
        code: "await db.query('SELECT id FROM invoices WHERE id = $1', [id]);",
        schema: [{ path: 'db/schema.sql', text: 'CREATE TABLE invoices (id int PRIMARY KEY, tenant_id int);\nALTER TABLE invoices ENABLE ROW LEVEL SECURITY;' }],
      },
      {
        name: 'table without tenant column',
        path: 'src/a.ts',
        code: "await db.query('SELECT id FROM plans');",
        schema: [{ path: 'db/schema.sql', text: 'CREATE TABLE plans (id int PRIMARY KEY, name text);' }],
      },
    ],
    invalid: [
      {
        name: 'select by id only',
        path: 'src/invoices.ts',
        code: "const r = await db.query(\n  'SELECT id, total FROM invoices WHERE id = $1', [id]);",
        schema: [{ path: 'db/schema.sql', text: 'CREATE TABLE invoices (id bigint PRIMARY KEY, tenant_id bigint NOT NULL, total int);' }],
        lines: [2],
      },
      {
        name: 'update',
        path: 'app/views.py',
        code: 'cursor.execute("UPDATE projects SET name = %s WHERE id = %s", (name, pid))\n',
        schema: [{ path: 'migrations/0001.sql', text: 'CREATE TABLE projects (id int PRIMARY KEY, name text);\nALTER TABLE projects ADD COLUMN tenant_id int;' }],
        lines: [1],
      },
    ],
  },
};
