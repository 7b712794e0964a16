import { fieldsOf, list, names, nodeOf, walk } from '../sql/ast';
import { schemaForFile, typeBeforeKey, typeOf, type SchemaModel } from '../sql/schemaModel';
import type { SqlStatement } from '../sql/sqlText';
import { isUnboundedText, typeChangeRewrites, type ColumnType } from '../sql/typeChange';
import { alembicProblems } from '../recognisers/alembicMigration';
import { createdTables, inRollbackFunction, isSqliteMigration, sqlRollbackStart } from '../recognisers/migrationCode';
import type { Rule, RuleFix, SqlRuleContext } from '../types';

const MIGRATION_CODE_PATH = /(^|\/)(migrations?|migrate|alembic|versions)\/|migration/i;
const VOLATILE_DEFAULTS = new Set(['random', 'gen_random_uuid', 'uuid_generate_v4', 'uuid_generate_v1', 'clock_timestamp', 'timeofday', 'nextval']);
/** Types whose column default is nextval(): adding one fills every row from a sequence. */
const SERIAL_TYPES = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2']);

interface Problem {
  readonly location: unknown;
  readonly message: string;
  readonly fix?: (st: SqlStatement, ctx: SqlRuleContext) => RuleFix | undefined;
}

/** What problemsOf needs to know about where a statement sits. */
interface StatementScope {
  /** True when the table was created earlier in the same migration. */
  isNew(table: string): boolean;
  /** The column's type before this statement, when the schema knows it. */
  typeBefore(table: string, column: string): ColumnType | undefined;
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

/** USING with anything but the column itself (or one cast of it, judged by the types) recomputes every value. */
function hasRewritingUsing(col: Record<string, unknown> | undefined, column: string): boolean {
  const using = col?.raw_default;
  if (!using) {
    return false;
  }
  const ref = fieldsOf(using, 'ColumnRef') ?? fieldsOf(fieldsOf(using, 'TypeCast')?.arg, 'ColumnRef');
  return !ref || names(ref.fields).pop()?.toLowerCase() !== column;
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

/** A table name as the statement gives it; an interpolated name (`dyn_1`) shown as the code that supplies it. */
function tableShown(st: SqlStatement, relname: string): string {
  const dyn = /^dyn_(\d+)$/.exec(relname);
  const expr = dyn ? st.source?.value.dynamic[Number(dyn[1]) - 1] : undefined;
  return expr ? expr.text : relname.toLowerCase();
}

function problemsOf(st: SqlStatement, scope: StatementScope): Problem[] {
  const node = nodeOf(st.stmt);
  if (!node) {
    return [];
  }
  const [type, f] = node;
  const out: Problem[] = [];
  const table = tableShown(st, String((f.relation as { relname?: string } | undefined)?.relname ?? ''));
  if (type === 'IndexStmt' && !f.concurrent && table && !scope.isNew(table)) {
    out.push({
      location: (f.relation as { location?: number }).location,
      message: `CREATE INDEX on existing table \`${table}\` without CONCURRENTLY blocks every write to it until the index is built.`,
      fix: concurrentlyFix,
    });
  }
  if (type !== 'AlterTableStmt' || !table || scope.isNew(table)) {
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
        if (SERIAL_TYPES.has(typeOf(col?.typeName).name)) {
          out.push({ location: col?.location, message: `ADD COLUMN \`${name}\` ${typeOf(col?.typeName).name} fills every row of \`${table}\` from a sequence: a rewrite under an exclusive lock.` });
        } else if (notNull && !def && !cons.some((x) => x.contype === 'CONSTR_IDENTITY' || x.contype === 'CONSTR_GENERATED')) {
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
        const next = typeOf(col?.typeName);
        const rewrites = typeChangeRewrites(scope.typeBefore(table, column), { name: next.name, mods: next.mods }, hasRewritingUsing(col, column));
        if (rewrites === true || (rewrites === undefined && !isUnboundedText({ name: next.name, mods: next.mods }))) {
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

function scopeOf(ctx: SqlRuleContext, st: SqlStatement, created: ReturnType<typeof createdTables>, schema: SchemaModel): StatementScope {
  // a code string's statements share the string's offsets: a table created anywhere in it counts
  const at = st.source ? st.end : st.start;
  return {
    isNew: (t) => created.has(t, at),
    typeBefore: (table, column) => {
      const before = ctx.schema.typesBefore?.get(typeBeforeKey(ctx.path, st.start, table, column));
      if (before) {
        return before;
      }
      // nothing recorded: the column is defined only by files later in path order (a schema dump beside the
      // migrations) or the SQL is in code, which the model does not read; the set's final schema is the best guess
      const now = schema.tables.get(table)?.columns.get(column);
      return now ? { name: now.type, mods: now.typeMods ?? [] } : undefined;
    },
  };
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
        'Reports, in the forward part of a PostgreSQL migration (SQL, or Alembic `op.*` operations in a Python migration) and on tables the same migration did not create: ' +
        '`CREATE INDEX` without `CONCURRENTLY`; `ADD COLUMN … NOT NULL` without a default; a default that is volatile (`gen_random_uuid()`, a `serial` column); ' +
        'a foreign key or CHECK constraint added without `NOT VALID`; a UNIQUE/PRIMARY KEY constraint built in place; `SET NOT NULL`; and a column type change that rewrites the table ' +
        '(narrowing a varchar, int → bigint, a USING expression, most other changes) — widening a varchar, varchar → text, dropping a length limit or raising a numeric precision at the same scale does not rewrite and is not reported. ' +
        'The previous type comes from the statement (Alembic `existing_type`) or from the schema of the earlier migrations of the same set. ' +
        'Tables created in the same migration count whether made by SQL (also SQL the parser rejects), `op.create_table`, Knex/Kysely `createTable` or TypeORM `new Table`, and renamed afterwards. ' +
        'Rollbacks (`downgrade()`, `down()`, `*.down.sql`, `-- +goose Down`) and SQLite migrations are not read. ' +
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
    if (ctx.file.spec.ruleLanguage === 'python' && MIGRATION_CODE_PATH.test(ctx.file.path) && !isSqliteMigration(ctx.file.path, ctx.file.text)) {
      for (const p of alembicProblems(ctx.file)) {
        ctx.report(p);
      }
    }
  },
  checkSql(ctx) {
    if ((!ctx.isSqlFile && !MIGRATION_CODE_PATH.test(ctx.path)) || isSqliteMigration(ctx.path, ctx.text)) {
      return;
    }
    const created = createdTables(ctx.text, ctx.code);
    const rollbackFrom = ctx.isSqlFile ? sqlRollbackStart(ctx.path, ctx.text) : undefined;
    const schema = schemaForFile(ctx.schema, ctx.path);
    for (const st of ctx.statements) {
      const inRollback = st.source ? !!ctx.code && inRollbackFunction(ctx.code, st.source.node) : rollbackFrom !== undefined && st.start >= rollbackFrom;
      if (inRollback) {
        continue;
      }
      for (const p of problemsOf(st, scopeOf(ctx, st, created, schema))) {
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
      { name: 'kysely table created earlier in up()', path: 'src/db/migrations/20250101T000000Z-queue.ts', code: "export async function up(db) {\n  await db.schema.createTable('work_item').addColumn('id', 'serial', (c) => c.primaryKey()).execute()\n  await sql`CREATE INDEX work_item_open_idx ON work_item (id) WHERE done = false`.execute(db)\n}\n" },
      { name: 'index in a down() rollback', path: 'src/migrations/1700000000001-AddIdx.ts', code: "export class AddIdx {\n  async up(q) {}\n  async down(q) {\n    await q.query('CREATE INDEX users_email_idx ON users (email)');\n  }\n}\n" },
      { name: 'sqlite migration', path: 'server/migration/sqlite/1600000000000-Init.ts', code: "export class Init {\n  async up(q) {\n    await q.query(`CREATE TABLE \"tmp_user\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL)`);\n    await q.query(`CREATE INDEX \"IDX_email\" ON \"account\" (\"email\")`);\n  }\n}\n" },
      { name: 'goose down half', path: 'db/migrations/00042_orders_status.sql', code: '-- +goose Up\nCREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n-- +goose Down\nDROP INDEX orders_status_idx;\nCREATE INDEX orders_old_idx ON orders (created_at);\n' },
      { name: 'new table renamed into place', path: 'migrations/007.sql', code: 'CREATE TABLE accounts_new (id bigint PRIMARY KEY, email text);\nALTER TABLE accounts_new RENAME TO accounts;\nCREATE INDEX accounts_email_idx ON accounts (email);\n' },
      { name: 'varchar to text and limit dropped', path: 'migrations/008.sql', code: 'ALTER TABLE notes ALTER COLUMN body TYPE text;\nALTER TABLE notes ALTER COLUMN title TYPE varchar;\n' },
      {
        name: 'numeric precision raised at the same scale',
        path: 'migrations/009.sql',
        code: 'ALTER TABLE prices ALTER COLUMN amount TYPE numeric(14, 2);\n',
        schema: [{ path: 'migrations/001.sql', text: 'CREATE TABLE prices (id int PRIMARY KEY, amount numeric(10, 2));' }],
      },
      {
        name: 'alembic varchar widened, downgrade and already-not-null',
        path: 'alembic/versions/9c1d_widen_name.py',
        code: 'def upgrade():\n    op.alter_column("users", "name", existing_type=sa.VARCHAR(length=100), type_=sa.String(length=255))\n    op.alter_column("users", "bio", existing_type=sa.String(50), type_=sa.Text())\n    op.alter_column("users", "email", existing_nullable=False, nullable=False, new_column_name="mail")\n\n\ndef downgrade():\n    op.create_index("ix_users_name", "users", ["name"])\n',
      },
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
      {
        name: 'varchar narrowed (previous type from the earlier migration)',
        path: 'migrations/010.sql',
        code: 'ALTER TABLE users ALTER COLUMN name TYPE varchar(50);\n',
        schema: [{ path: 'migrations/001.sql', text: 'CREATE TABLE users (id int PRIMARY KEY, name varchar(100));' }],
        lines: [1],
      },
      { name: 'enum swapped through USING', path: 'prisma/migrations/20240101_enum/migration.sql', code: 'ALTER TABLE "Task" ALTER COLUMN "state" TYPE "State_new" USING ("state"::text::"State_new");\n', lines: [1] },
      { name: 'serial column added', path: 'migrations/011.sql', code: 'ALTER TABLE order_lines ADD COLUMN id SERIAL PRIMARY KEY;\n', lines: [1] },
      {
        name: 'alembic narrowing and int to bigint',
        path: 'alembic/versions/7e2f_types.py',
        code: 'def upgrade():\n    op.alter_column("users", "code", existing_type=sa.VARCHAR(length=64), type_=sa.String(length=16))\n    op.alter_column("events", "id", existing_type=sa.INTEGER(), type_=sa.BigInteger())\n',
        lines: [2, 3],
      },
      { name: 'index on a table created in another migration', path: 'src/db/migrations/20250102T000000Z-idx.ts', code: "export async function up(db) {\n  await sql`CREATE INDEX work_item_owner_idx ON work_item (owner)`.execute(db)\n}\n", lines: [2] },
      {
        name: 'one file of versioned migrations: a table created in an earlier version is not new',
        path: 'src/migrations.ts',
        code: "export const versions = (schema) => [\n  { version: 1, install: [`CREATE TABLE ${schema}.task (id uuid PRIMARY KEY, queue text)`, `CREATE INDEX task_queue ON ${schema}.task (queue)`] },\n  { version: 2, install: [`CREATE INDEX task_id_queue ON ${schema}.task (id, queue)`] },\n]\n",
        lines: [3],
      },
      {
        name: 'alembic unique constraint on an existing table, not on the one it creates',
        path: 'alembic/versions/5d3e_unique.py',
        code: 'def upgrade():\n    op.create_table("tag", sa.Column("id", sa.Integer()), sa.Column("name", sa.String()))\n    op.create_unique_constraint("uq_tag_name", "tag", ["name"])\n    op.create_unique_constraint(None, "task", ["resource_id", "incident_id"])\n',
        lines: [4],
      },
    ],
  },
};
