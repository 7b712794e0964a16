import { fieldsOf, list, names, nodeOf, walk } from '../sql/ast';
import { typeOf, type SchemaModel } from '../sql/schemaModel';
import type { SqlStatement } from '../sql/sqlText';
import type { CodeFile } from '../engine/codeFile';
import type { Rule, RuleFix, SqlRuleContext } from '../types';

const MIGRATION_CODE_PATH = /(^|\/)(migrations?|migrate|alembic|versions)\/|migration/i;
const VOLATILE_DEFAULTS = new Set(['random', 'gen_random_uuid', 'uuid_generate_v4', 'uuid_generate_v1', 'clock_timestamp', 'timeofday', 'nextval']);

interface Problem {
  readonly location: unknown;
  readonly message: string;
  readonly fix?: (st: SqlStatement, ctx: SqlRuleContext) => RuleFix | undefined;
}

/** Tables created earlier in the same file: changing them locks nothing anyone uses yet. */
function createdTables(statements: readonly SqlStatement[], upTo: SqlStatement): Set<string> {
  const out = new Set<string>();
  for (const st of statements) {
    if (st === upTo) {
      break;
    }
    const f = fieldsOf(st.stmt, 'CreateStmt') ?? fieldsOf(st.stmt, 'CreateTableAsStmt');
    const rel = (f?.relation ?? (f?.into as { rel?: unknown } | undefined)?.rel) as { relname?: string } | undefined;
    if (rel?.relname) {
      out.add(rel.relname.toLowerCase());
    }
  }
  return out;
}

function defaultIsVolatile(expr: unknown): boolean {
  let volatile = false;
  walk(expr, (type, f) => {
    if (type === 'FuncCall') {
      const fn = names(f.funcname).pop()?.toLowerCase() ?? '';
      if (VOLATILE_DEFAULTS.has(fn)) {
        volatile = true;
      }
    }
  });
  return volatile;
}

/** A type change PostgreSQL does without rewriting: to text, or to a longer (or unlimited) varchar, from varchar/text. */
function isBinaryCompatibleChange(schema: SchemaModel, table: string, column: string, typeName: unknown): boolean {
  const old = schema.tables.get(table)?.columns.get(column);
  const next = typeOf(typeName);
  if (!old) {
    return false;
  }
  if (old.type === 'varchar' || old.type === 'text') {
    if (next.name === 'text') {
      return true;
    }
    if (next.name === 'varchar') {
      return next.length === undefined || (old.type === 'varchar' && old.typeLength !== undefined && next.length >= old.typeLength);
    }
  }
  return false;
}

const concurrentlyFix = (st: SqlStatement, ctx: SqlRuleContext): RuleFix | undefined => {
  if (st.source) {
    return undefined;
  }
  const lineStart = ctx.text.lastIndexOf('\n', st.start - 1) + 1;
  const lineEndAt = ctx.text.indexOf('\n', st.start);
  const lineText = ctx.text.slice(lineStart, lineEndAt === -1 ? undefined : lineEndAt);
  const replaced = lineText.replace(/\b(CREATE\s+(?:UNIQUE\s+)?INDEX)\b(?!\s+CONCURRENTLY)/i, '$1 CONCURRENTLY');
  if (replaced === lineText) {
    return undefined;
  }
  const line = ctx.text.slice(0, lineStart).split('\n').length;
  return { title: 'Use CREATE INDEX CONCURRENTLY (the migration must not run in a transaction)', edits: [{ line, endLine: line, text: replaced }] };
};

function problemsOf(st: SqlStatement, isNew: (t: string) => boolean, schema: SchemaModel): Problem[] {
  const node = nodeOf(st.stmt);
  if (!node) {
    return [];
  }
  const [type, f] = node;
  const out: Problem[] = [];
  const table = String((f.relation as { relname?: string } | undefined)?.relname ?? '').toLowerCase();
  if (type === 'IndexStmt' && !f.concurrent && table && !isNew(table)) {
    out.push({
      location: (f.relation as { location?: number }).location,
      message: `CREATE INDEX on existing table \`${table}\` without CONCURRENTLY blocks every write to it until the index is built.`,
      fix: concurrentlyFix,
    });
  }
  if (type !== 'AlterTableStmt' || !table || isNew(table)) {
    return out;
  }
  for (const c of list(f.cmds)) {
    const cmd = fieldsOf(c, 'AlterTableCmd');
    if (!cmd) {
      continue;
    }
    const col = fieldsOf(cmd.def, 'ColumnDef');
    const con = fieldsOf(cmd.def, 'Constraint');
    switch (cmd.subtype) {
      case 'AT_AddColumn': {
        const cons = list(col?.constraints).map((x) => fieldsOf(x, 'Constraint')).filter((x): x is Record<string, unknown> => !!x);
        const notNull = cons.some((x) => x.contype === 'CONSTR_NOTNULL' || x.contype === 'CONSTR_PRIMARY');
        const def = cons.find((x) => x.contype === 'CONSTR_DEFAULT');
        const name = String(col?.colname ?? '');
        if (notNull && !def && !cons.some((x) => x.contype === 'CONSTR_IDENTITY' || x.contype === 'CONSTR_GENERATED')) {
          out.push({ location: col?.location, message: `ADD COLUMN \`${name}\` NOT NULL without a DEFAULT fails on a table that has rows; add it nullable, backfill, then set NOT NULL.` });
        } else if (def && defaultIsVolatile(def.raw_expr)) {
          out.push({ location: col?.location, message: `ADD COLUMN \`${name}\` with a volatile DEFAULT rewrites all of \`${table}\` under an exclusive lock.` });
        }
        if (cons.some((x) => x.contype === 'CONSTR_FOREIGN' && !x.skip_validation)) {
          out.push({ location: col?.location, message: `ADD COLUMN \`${name}\` REFERENCES validates every row of \`${table}\` while holding locks on both tables; add the key NOT VALID, then VALIDATE CONSTRAINT.` });
        }
        break;
      }
      case 'AT_AddConstraint':
        if (con?.contype === 'CONSTR_FOREIGN' && !con.skip_validation) {
          out.push({ location: con.location, message: `Adding a foreign key to \`${table}\` without NOT VALID checks every row while blocking writes to both tables; add it NOT VALID, then VALIDATE CONSTRAINT separately.` });
        } else if (con?.contype === 'CONSTR_CHECK' && !con.skip_validation) {
          out.push({ location: con.location, message: `Adding a CHECK constraint to \`${table}\` without NOT VALID scans the table under an exclusive lock; add it NOT VALID, then VALIDATE CONSTRAINT.` });
        } else if ((con?.contype === 'CONSTR_UNIQUE' || con?.contype === 'CONSTR_PRIMARY') && !con.indexname) {
          out.push({ location: con.location, message: `Adding a ${con.contype === 'CONSTR_UNIQUE' ? 'UNIQUE' : 'PRIMARY KEY'} constraint to \`${table}\` builds its index under an exclusive lock; build a unique index CONCURRENTLY first and add the constraint USING INDEX.` });
        }
        break;
      case 'AT_AlterColumnType': {
        const column = String(cmd.name ?? '').toLowerCase();
        if (!isBinaryCompatibleChange(schema, table, column, col?.typeName)) {
          out.push({ location: col?.location, message: `Changing the type of \`${table}.${column}\` rewrites the table and its indexes under an exclusive lock.` });
        }
        break;
      }
      case 'AT_SetNotNull':
        out.push({ location: undefined, message: `SET NOT NULL on \`${table}.${String(cmd.name ?? '')}\` scans the whole table under an exclusive lock; add a CHECK (… IS NOT NULL) NOT VALID constraint and validate it first.` });
        break;
      default:
        break;
    }
  }
  return out;
}

/** The first positional argument's literal text (a table name), when it is a plain string. */
function literalArg(file: CodeFile, node: unknown): string | undefined {
  const n = node as Parameters<CodeFile['stringValue']>[0] | undefined;
  const v = n ? file.stringValue(n) : undefined;
  return v && v.dynamic.length === 0 ? v.text.toLowerCase() : undefined;
}

function isTrue(node: ReturnType<CodeFile['keywordArg']>): boolean {
  return !!node && node.text === 'True';
}

/** Alembic operations (`op.create_index`, `op.add_column`, …) in a Python migration. */
function checkAlembic(file: CodeFile, report: (node: Parameters<CodeFile['stringValue']>[0], message: string) => void): void {
  const calls = file.calls().filter((c) => c.path.length === 2 && c.path[0] === 'op');
  const created = new Set(calls.filter((c) => c.method === 'create_table').map((c) => literalArg(file, file.positional(c)[0])).filter((t): t is string => !!t));
  for (const c of calls) {
    const args = file.positional(c);
    const table = literalArg(file, c.method === 'create_index' ? args[1] : c.method === 'create_foreign_key' ? args[1] : args[0]);
    if (!table || created.has(table) || file.hasSplat(c)) {
      continue;
    }
    if (c.method === 'create_index' && !isTrue(file.keywordArg(c, 'postgresql_concurrently'))) {
      report(c.node, `op.create_index on existing table \`${table}\` without postgresql_concurrently=True blocks writes to it until the index is built.`);
    } else if (c.method === 'create_foreign_key' && !isTrue(file.keywordArg(c, 'postgresql_not_valid'))) {
      report(c.node, `op.create_foreign_key on \`${table}\` validates every row while blocking writes; pass postgresql_not_valid=True and validate in a later migration.`);
    } else if (c.method === 'add_column') {
      const column = args[1] ? file.callAt(args[1]) : undefined;
      if (column && column.method === 'Column' && file.keywordArg(column, 'nullable')?.text === 'False' && !file.keywordArg(column, 'server_default')) {
        report(c.node, `op.add_column with nullable=False and no server_default fails on \`${table}\` once it has rows; add it nullable, backfill, then alter it.`);
      }
    } else if (c.method === 'alter_column') {
      if (file.keywordArg(c, 'type_')) {
        report(c.node, `op.alter_column(type_=…) on \`${table}\` rewrites the table and its indexes under an exclusive lock.`);
      } else if (file.keywordArg(c, 'nullable')?.text === 'False') {
        report(c.node, `op.alter_column(nullable=False) on \`${table}\` scans the whole table under an exclusive lock; add a CHECK (… IS NOT NULL) NOT VALID constraint and validate it first.`);
      }
    }
  }
}

export const unsafeMigration: Rule = {
  meta: {
    id: 'unsafe-migration',
    category: 'unsafe-migration',
    defaultSeverity: 'high',
    summary: 'A schema change that locks or rewrites a table that already has data.',
    languages: ['sql', 'typescript', 'javascript', 'python'],
    docs: {
      what:
        'Reports, on tables not created earlier in the same file (SQL, or Alembic `op.*` operations in a Python migration): `CREATE INDEX` without `CONCURRENTLY`; `ADD COLUMN … NOT NULL` without a default; a default that is ' +
        'volatile (`gen_random_uuid()`, `clock_timestamp()`); a foreign key or CHECK constraint added without `NOT VALID`; a UNIQUE/PRIMARY KEY constraint built in place; ' +
        'a column type change that rewrites the table (widening a varchar or changing it to text, known from the schema, is fine); and `SET NOT NULL`. ' +
        'It reads .sql files and the SQL strings of migration code (files under migrations/, alembic versions/, …).',
      why:
        'These statements take an ACCESS EXCLUSIVE or SHARE lock for as long as they scan or rewrite the table. On a large table that is minutes during which every ' +
        'query on it queues — including reads behind the waiting lock — and the deploy becomes an outage. A NOT NULL column without a default simply fails on a non-empty table.',
      example: { language: 'sql', code: 'CREATE INDEX orders_status_idx ON orders (status);\nALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);' },
      insteadText: 'Build indexes concurrently, add constraints NOT VALID and validate them in a later step, add columns nullable (or with a constant default) and backfill in batches.',
      instead: {
        language: 'sql',
        code: 'CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\nALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;',
      },
      fixHint: 'Use CONCURRENTLY / NOT VALID + VALIDATE CONSTRAINT / a nullable column with a backfill, in separate migrations outside a transaction.',
    },
  },
  checkCode(ctx) {
    if (ctx.file.spec.ruleLanguage === 'python' && MIGRATION_CODE_PATH.test(ctx.file.path)) {
      checkAlembic(ctx.file, (node, message) => ctx.report({ node, message }));
    }
  },
  checkSql(ctx) {
    if (!ctx.isSqlFile && !MIGRATION_CODE_PATH.test(ctx.path)) {
      return;
    }
    for (const st of ctx.statements) {
      const created = createdTables(ctx.statements, st);
      for (const p of problemsOf(st, (t) => created.has(t), ctx.schema)) {
        const fix = p.fix?.(st, ctx);
        if (st.source) {
          ctx.report({ node: st.source.node, message: p.message });
        } else {
          const at = typeof p.location === 'number' ? st.offsetOf(p.location) : st.start;
          ctx.report({ start: at, end: at + 1, message: p.message, ...(fix ? { fix } : {}) });
        }
      }
    }
  },
  tests: {
    valid: [
      { name: 'concurrent index', path: 'migrations/002.sql', code: 'CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n' },
      { name: 'index on a table created in the same migration', path: 'migrations/001.sql', code: 'CREATE TABLE t (id int PRIMARY KEY, a int);\nCREATE INDEX t_a ON t (a);\nALTER TABLE t ADD COLUMN b int NOT NULL;\n' },
      { name: 'foreign key NOT VALID then validate', path: 'migrations/003.sql', code: 'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT fk;\n' },
      { name: 'not null with a constant default', path: 'migrations/004.sql', code: "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';\n" },
      {
        name: 'varchar widened',
        path: 'migrations/005.sql',
        code: 'ALTER TABLE users ALTER COLUMN name TYPE varchar(200);\n',
        schema: [{ path: 'migrations/001.sql', text: 'CREATE TABLE users (id int PRIMARY KEY, name varchar(100));' }],
      },
      {
        name: 'alembic done safely',
        path: 'alembic/versions/4b1c_safe.py',
        code: 'def upgrade():\n    with op.get_context().autocommit_block():\n        op.create_index("ix_users_email", "users", ["email"], postgresql_concurrently=True)\n    op.add_column("users", sa.Column("plan", sa.Text(), nullable=False, server_default="free"))\n    op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))\n    op.create_index("ix_audit_id", "audit", ["id"])\n',
      },
      { name: 'migration code with concurrent index', path: 'src/migrations/1700000000000-AddIdx.ts', code: "await queryRunner.query('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');" },
    ],
    invalid: [
      { name: 'blocking index', path: 'migrations/002.sql', code: 'CREATE INDEX orders_status_idx\n  ON orders (status);\n', lines: [2] },
      { name: 'not null without default', path: 'migrations/003.sql', code: 'ALTER TABLE users\n  ADD COLUMN plan text NOT NULL;\n', lines: [2] },
      { name: 'validated foreign key', path: 'migrations/004.sql', code: 'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id);\n', lines: [1] },
      { name: 'type change', path: 'migrations/005.sql', code: 'ALTER TABLE events ALTER COLUMN id TYPE bigint;\n', lines: [1] },
      { name: 'set not null', path: 'migrations/006.sql', code: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n', lines: [1] },
      {
        name: 'alembic',
        path: 'alembic/versions/3f2a_add_email_index.py',
        code: 'def upgrade():\n    op.create_index("ix_users_email", "users", ["email"])\n    op.add_column("users", sa.Column("plan", sa.Text(), nullable=False))\n',
        lines: [2, 3],
      },
      { name: 'in a knex migration', path: 'db/migrations/20240101_add_idx.js', code: "exports.up = (knex) => knex.raw('CREATE INDEX users_email_idx ON users (email)');\n", lines: [1] },
    ],
  },
};
