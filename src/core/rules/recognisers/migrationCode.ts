/**
 * What a migration file says about where a statement runs: in its rollback (`downgrade()`,
 * TypeORM/Knex/Kysely `down()`, a `*.down.sql` file, the `-- +goose Down` half of a file), on
 * SQLite rather than PostgreSQL, and after which tables were created in the same migration
 * (CREATE TABLE, also in SQL the PostgreSQL parser rejects; Alembic `op.create_table`; Knex and
 * Kysely `createTable('t')`; TypeORM `new Table({ name: 't' })`; a new table renamed).
 */
import type { CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';

const ROLLBACK_NAME = /^(down|downgrade|rollback|revert)(_\w+)?$/i;
const ROLLBACK_FILE = /(^|[/._-])down\.sql$/i;
/** goose, sql-migrate and dbmate markers of a file's rollback half. */
const ROLLBACK_MARKER = /^\s*--\s*(\+goose\s+down|\+migrate\s+down|migrate:down)\b/im;

/** A function's name, also when it is an arrow function assigned to a name or a property. */
function functionName(file: CodeFile, fn: Node): string {
  const own = fn.childForFieldName('name');
  if (own) {
    return own.text;
  }
  const parent = file.parentOf(fn);
  if (!parent) {
    return '';
  }
  const named = parent.childForFieldName('name') ?? parent.childForFieldName('key') ?? parent.childForFieldName('left');
  return named ? (named.text.split('.').pop() ?? '') : '';
}

/** True when `node` is inside a migration's rollback function. */
export function inRollbackFunction(file: CodeFile, node: Node): boolean {
  for (let fn = file.enclosingFunction(node); fn; fn = file.enclosingFunction(fn)) {
    if (ROLLBACK_NAME.test(functionName(file, fn))) {
      return true;
    }
  }
  return false;
}

/** Offset from which a .sql file is its rollback (the whole file for `*.down.sql`), or undefined. */
export function sqlRollbackStart(path: string, text: string): number | undefined {
  if (ROLLBACK_FILE.test(path)) {
    return 0;
  }
  const m = ROLLBACK_MARKER.exec(text);
  return m ? m.index : undefined;
}

/** Character ranges of the rollback functions of a code file. */
function rollbackRanges(file: CodeFile): [number, number][] {
  return file
    .descendantsOfType([...file.spec.functions])
    .filter((fn) => ROLLBACK_NAME.test(functionName(file, fn)))
    .map((fn) => [fn.startIndex, fn.endIndex]);
}

/** A migration written for SQLite (TypeORM/Knex SQLite migrations, `sqlite/` folders). */
export function isSqliteMigration(path: string, text: string): boolean {
  return /(^|\/)[^/]*sqlite[^/]*\//i.test(path) || /\bPRIMARY\s+KEY\s+AUTOINCREMENT\b/i.test(text) || /^\s*(await\s+\w+\.query\(\s*[`'"])?\s*PRAGMA\s+\w+/im.test(text);
}

const NAME = String.raw`(?:(?:"?\w+"?|\$\{[^}]*\})\.)?[\`"']?(\w+)[\`"']?`;
const CREATES: readonly RegExp[] = [
  new RegExp(String.raw`\bCREATE\s+(?:(?:GLOBAL\s+|LOCAL\s+)?TEMP(?:ORARY)?\s+|UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?${NAME}`, 'gi'),
  /\bop\.create_table\(\s*['"](\w+)['"]/g,
  /\.createTable(?:IfNotExists)?\(\s*['"`](?:\w+\.)?(\w+)['"`]/g,
  /\bnew\s+Table\(\s*\{\s*name:\s*['"`](\w+)['"`]/g,
];
const RENAME = new RegExp(String.raw`\bALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?${NAME}\s+RENAME\s+TO\s+${NAME}`, 'gi');

export interface CreatedTables {
  /** True when `table` was created (or a new table renamed to it) before `offset`, in the same migration. */
  has(table: string, offset: number): boolean;
}

/**
 * The migration unit around an offset of a code file: the innermost function (`up()`,
 * `upgrade()`), or an object in an array (one entry of a list of migrations kept in one file).
 */
function unitAt(file: CodeFile, offset: number): number {
  for (let n = file.root.descendantForIndex(offset); n; n = file.parentOf(n)) {
    if (file.spec.functions.includes(n.type)) {
      return n.id;
    }
    if (n.type === file.spec.objectLiteral && file.parentOf(n)?.type === 'array') {
      return n.id;
    }
  }
  return -1;
}

/**
 * The tables a migration creates, outside its rollback, read from its text (so SQL the
 * PostgreSQL parser rejects and query-builder calls count too).
 */
export function createdTables(text: string, file?: CodeFile): CreatedTables {
  const skip = file ? rollbackRanges(file) : [];
  const sqlRollback = file ? undefined : ROLLBACK_MARKER.exec(text)?.index;
  const outside = (at: number): boolean => !skip.some(([s, e]) => at >= s && at < e) && (sqlRollback === undefined || at < sqlRollback);
  const unit = (offset: number): number => (file ? unitAt(file, offset) : -1);
  const at = new Map<string, { offset: number; unit: number }[]>();
  const note = (name: string, offset: number): void => {
    const key = name.toLowerCase();
    if (outside(offset)) {
      at.set(key, [...(at.get(key) ?? []), { offset, unit: unit(offset) }]);
    }
  };
  const createdBefore = (table: string, offset: number): boolean => {
    const creates = at.get(table.toLowerCase())?.filter((c) => c.offset < offset);
    return !!creates?.length && (!file || creates.some((c) => c.unit === unit(offset)));
  };
  for (const re of CREATES) {
    for (const m of text.matchAll(re)) {
      note(m[1], m.index ?? 0);
    }
  }
  for (const m of [...text.matchAll(RENAME)].sort((a, b) => (a.index ?? 0) - (b.index ?? 0))) {
    if (createdBefore(m[1], m.index ?? 0)) {
      note(m[2], m.index ?? 0);
    }
  }
  return { has: createdBefore };
}
