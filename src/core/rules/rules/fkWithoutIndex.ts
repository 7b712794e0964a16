import { isCoveredByIndex, schemaForFile, type ForeignKeyModel } from '../sql/schemaModel';
import type { Rule, RuleFix } from '../types';

function indexFix(fk: ForeignKeyModel, text: string, createdHere: boolean): RuleFix {
  // insert after the statement that defines the key (whole-line edit of its last line)
  const endOffset = fk.statement.end;
  const lineEnd = text.indexOf('\n', endOffset);
  const before = text.slice(0, endOffset);
  const line = before.split('\n').length;
  const lastLine = text.slice(before.lastIndexOf('\n') + 1, lineEnd === -1 ? undefined : lineEnd);
  const name = `${fk.table}_${fk.columns.join('_')}_idx`.slice(0, 63);
  const concurrently = createdHere ? '' : 'CONCURRENTLY ';
  return {
    title: `Add index ${name} on ${fk.table} (${fk.columns.join(', ')})`,
    edits: [{ line, endLine: line, text: `${lastLine}\nCREATE INDEX ${concurrently}${name} ON ${fk.table} (${fk.columns.join(', ')});` }],
  };
}

export const fkWithoutIndex: Rule = {
  meta: {
    id: 'fk-without-index',
    category: 'fk-without-index',
    defaultSeverity: 'medium',
    summary: 'A foreign key whose columns no index starts with.',
    languages: ['sql'],
    needsSchema: true,
    docs: {
      what:
        'Builds a model of the schema from the .sql files of each migration set (a folder of ordered migrations such as Prisma\'s migrations/*/migration.sql, or a dump\'s folder; each set is its own schema), ' +
        'applying later DDL — dropped constraints, columns and tables, renamed tables, columns and constraints, CREATE TABLE IF NOT EXISTS of an existing table — ' +
        "and reports each foreign key of the final schema whose columns are not the leading columns of some index on the referencing table (a primary key, a UNIQUE constraint or a CREATE INDEX, " +
        "composite ones included when the key's columns lead). Partial indexes do not count. The finding sits on the key's last definition, once.",
      why:
        'PostgreSQL indexes the referenced side of a foreign key, never the referencing side. Every join from parent to children, every `WHERE customer_id = $1`, ' +
        'and every DELETE or key UPDATE on the parent (which must check for children) scans the whole child table, and the cascading check holds locks while it does.',
      example: { language: 'sql', code: 'CREATE TABLE orders (\n  id bigserial PRIMARY KEY,\n  customer_id bigint NOT NULL REFERENCES customers (id)\n);' },
      insteadText: 'Index the referencing columns (CONCURRENTLY when the table already has data).',
      instead: { language: 'sql', code: 'CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);' },
      fixHint: 'CREATE INDEX CONCURRENTLY <table>_<column>_idx ON <table> (<columns>);',
    },
  },
  checkSql(ctx) {
    if (!ctx.isSqlFile) {
      return;
    }
    for (const table of schemaForFile(ctx.schema, ctx.path).tables.values()) {
      for (const fk of table.foreignKeys) {
        if (fk.file !== ctx.path || isCoveredByIndex(table, fk.columns)) {
          continue;
        }
        ctx.report({
          start: fk.start,
          end: fk.end,
          message: `Foreign key ${table.name} (${fk.columns.join(', ')}) → ${fk.refTable} has no index on ${table.name} (${fk.columns.join(', ')}); joins and deletes on ${fk.refTable} scan ${table.name}.`,
          fix: indexFix(fk, ctx.text, table.createdIn === ctx.path),
        });
      }
    }
  },
  tests: {
    valid: [
      { name: 'indexed later in the file', path: 'schema.sql', code: 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));\nCREATE INDEX b_a_id_idx ON b (a_id);\n' },
      { name: 'leading column of the primary key', path: 'schema.sql', code: 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE t (id int PRIMARY KEY);\nCREATE TABLE a_t (a_id int REFERENCES a, t_id int REFERENCES t, PRIMARY KEY (a_id, t_id));\nCREATE INDEX ON a_t (t_id);\n' },
      {
        name: 'indexed in another migration',
        path: 'db/001_init.sql',
        code: 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));\n',
        schema: [{ path: 'db/002_index.sql', text: 'CREATE INDEX CONCURRENTLY b_a ON b (a_id);\n' }],
      },
      {
        name: 'key dropped by its default name in a later migration',
        path: 'prisma/migrations/20240101_init/migration.sql',
        code: 'CREATE TABLE "Team" (id text PRIMARY KEY);\nCREATE TABLE "Member" (id text PRIMARY KEY, "teamId" text);\nALTER TABLE "Member" ADD FOREIGN KEY ("teamId") REFERENCES "Team"(id);\n',
        schema: [{ path: 'prisma/migrations/20240301_drop_team/migration.sql', text: 'ALTER TABLE "Member" DROP CONSTRAINT "Member_teamId_fkey";\nALTER TABLE "Member" DROP COLUMN "teamId";\n' }],
      },
      {
        name: 'covered by a composite index created after a rename',
        path: 'db/migrations/001_init.sql',
        code: 'CREATE TABLE project (id int PRIMARY KEY);\nCREATE TABLE app (id int PRIMARY KEY, project_id int REFERENCES project (id));\n',
        schema: [{ path: 'db/migrations/002_rename.sql', text: 'ALTER TABLE app RENAME TO service;\nCREATE UNIQUE INDEX service_project_name ON service (project_id, id);\n' }],
      },
      {
        name: 'another migration set with the same table name',
        path: 'services/billing/migrations/001.sql',
        code: 'CREATE TABLE account (id int PRIMARY KEY);\nCREATE TABLE invoice (id int PRIMARY KEY, account_id int REFERENCES account (id));\nCREATE INDEX invoice_account_idx ON invoice (account_id);\n',
        schema: [{ path: 'services/search/migrations/001.sql', text: 'CREATE TABLE invoice (id int PRIMARY KEY, account_id int);\n' }],
      },
    ],
    invalid: [
      { name: 'inline reference', path: 'schema.sql', code: 'CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (\n  id bigint PRIMARY KEY,\n  customer_id bigint NOT NULL REFERENCES customers (id)\n);\n', lines: [4] },
      { name: 'alter table add constraint', path: 'm.sql', code: 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY, a_id int);\nALTER TABLE b ADD CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES a (id);\n', lines: [3] },
      { name: 'index on the wrong leading column', path: 's.sql', code: 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY, x int, a_id int REFERENCES a);\nCREATE INDEX ON b (x, a_id);\n', lines: [2] },
      { name: 'index dropped', path: 's.sql', code: 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);\nCREATE INDEX b_a ON b (a_id);\nDROP INDEX b_a;\n', lines: [2] },
      {
        name: 'dropped and re-created: reported once, where it ends up',
        path: 'migrations/002_cascade.sql',
        code: 'ALTER TABLE b DROP CONSTRAINT b_a_id_fkey;\nALTER TABLE b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE CASCADE;\n',
        schema: [{ path: 'migrations/001_init.sql', text: 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));\n' }],
        lines: [2],
      },
      {
        name: 'CREATE TABLE IF NOT EXISTS keeps the first definition',
        path: 'db/schema.sql',
        code: 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));\nCREATE TABLE IF NOT EXISTS b (id int PRIMARY KEY, a_id int);\n',
        lines: [2],
      },
      {
        name: 'not hidden by an index in another migration set',
        path: 'services/billing/migrations/001.sql',
        code: 'CREATE TABLE account (id int PRIMARY KEY);\nCREATE TABLE invoice (id int PRIMARY KEY, account_id int REFERENCES account (id));\n',
        schema: [{ path: 'services/search/migrations/001.sql', text: 'CREATE TABLE invoice (id int PRIMARY KEY, account_id int);\nCREATE INDEX invoice_account_idx ON invoice (account_id);\n' }],
        lines: [2],
      },
    ],
  },
};
