/**
 * The Alembic operations of a Python migration that lock or rewrite a table which already has
 * rows: `op.create_index` without `postgresql_concurrently=True`, `op.create_foreign_key` without
 * `postgresql_not_valid=True`, `op.create_unique_constraint`/`op.create_primary_key` (an index built
 * under an exclusive lock), `op.add_column` of a NOT NULL column without a server default,
 * `op.alter_column(type_=…)` when the change rewrites the table (judged from `existing_type`), and
 * `op.alter_column(nullable=False)` on a column that was nullable. Operations in `downgrade()` and
 * on tables the same migration creates are left alone.
 */
import type { CallSite, CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';
import { isUnboundedText, sqlAlchemyType, typeChangeRewrites } from '../sql/typeChange';
import { createdTables, inRollbackFunction } from './migrationCode';

export interface AlembicProblem {
  readonly node: Node;
  readonly message: string;
}

/** The literal text of a string argument (a table name), when it is a plain string. */
function literal(file: CodeFile, node: Node | undefined): string | undefined {
  const v = node ? file.stringValue(node) : undefined;
  return v && v.dynamic.length === 0 ? v.text.toLowerCase() : undefined;
}

function isTrue(node: Node | undefined): boolean {
  return !!node && node.text === 'True';
}

/** The table an operation works on: its positional argument at `index`, or the keyword argument. */
function tableOf(file: CodeFile, c: CallSite): string | undefined {
  const args = file.positional(c);
  switch (c.method) {
    case 'create_index':
      return literal(file, args[1] ?? file.keywordArg(c, 'table_name'));
    case 'create_foreign_key':
      return literal(file, args[1] ?? file.keywordArg(c, 'source_table'));
    case 'create_unique_constraint':
    case 'create_primary_key':
      return literal(file, args[1] ?? file.keywordArg(c, 'table_name'));
    default:
      return literal(file, args[0] ?? file.keywordArg(c, 'table_name'));
  }
}

function typeChange(file: CodeFile, c: CallSite, table: string): string | undefined {
  const to = file.keywordArg(c, 'type_');
  if (!to) {
    return undefined;
  }
  const next = sqlAlchemyType(to.text);
  const existing = file.keywordArg(c, 'existing_type');
  const old = existing ? sqlAlchemyType(existing.text) : undefined;
  const rewrites = next ? typeChangeRewrites(old, next, !!file.keywordArg(c, 'postgresql_using')) : true;
  if (rewrites === false || (rewrites === undefined && next && isUnboundedText(next))) {
    return undefined;
  }
  const from = existing ? ` from ${existing.text}` : '';
  return `op.alter_column(type_=${to.text}) on \`${table}\`${from} rewrites the table and its indexes under an exclusive lock.`;
}

export function alembicProblems(file: CodeFile): AlembicProblem[] {
  const calls = file.calls().filter((c) => c.path.length === 2 && c.path[0] === 'op');
  const created = createdTables(file.text, file);
  const out: AlembicProblem[] = [];
  for (const c of calls) {
    const table = tableOf(file, c);
    if (!table || created.has(table, c.node.startIndex) || file.hasSplat(c) || inRollbackFunction(file, c.node)) {
      continue;
    }
    if (c.method === 'create_index' && !isTrue(file.keywordArg(c, 'postgresql_concurrently'))) {
      out.push({ node: c.node, message: `op.create_index on existing table \`${table}\` without postgresql_concurrently=True blocks writes to it until the index is built.` });
    } else if (c.method === 'create_foreign_key' && !isTrue(file.keywordArg(c, 'postgresql_not_valid'))) {
      out.push({ node: c.node, message: `op.create_foreign_key on \`${table}\` validates every row while blocking writes; pass postgresql_not_valid=True and validate in a later migration.` });
    } else if (c.method === 'create_unique_constraint' || c.method === 'create_primary_key') {
      const what = c.method === 'create_primary_key' ? 'PRIMARY KEY' : 'UNIQUE';
      out.push({ node: c.node, message: `op.${c.method} on \`${table}\` builds its ${what} index under an exclusive lock; build a unique index CONCURRENTLY first and add the constraint USING INDEX.` });
    } else if (c.method === 'add_column') {
      const column = file.positional(c)[1] ? file.callAt(file.positional(c)[1]) : undefined;
      if (column && column.method === 'Column' && file.keywordArg(column, 'nullable')?.text === 'False' && !file.keywordArg(column, 'server_default')) {
        out.push({ node: c.node, message: `op.add_column with nullable=False and no server_default fails on \`${table}\` once it has rows; add it nullable, backfill, then alter it.` });
      }
    } else if (c.method === 'alter_column') {
      const rewrite = typeChange(file, c, table);
      if (rewrite) {
        out.push({ node: c.node, message: rewrite });
      } else if (file.keywordArg(c, 'nullable')?.text === 'False' && file.keywordArg(c, 'existing_nullable')?.text !== 'False') {
        out.push({ node: c.node, message: `op.alter_column(nullable=False) on \`${table}\` scans the whole table under an exclusive lock; add a CHECK (… IS NOT NULL) NOT VALID constraint and validate it first.` });
      }
    }
  }
  return out;
}
