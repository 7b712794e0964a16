/**
 * A static model of the workspace schema, built from its DDL (schema files and migrations, in
 * path order) by the PostgreSQL parser: tables, columns, primary keys, indexes, foreign keys and
 * row-level security, with later DDL applied (drops, renames, CREATE TABLE IF NOT EXISTS of a
 * table that exists). It is what `fk-without-index`, `missing-tenant-filter` and
 * `unsafe-migration` read; nothing is executed.
 *
 * Besides the one model of everything, each migration set — a folder of ordered migrations
 * (`prisma/migrations/<id>/migration.sql` belong to `prisma/migrations`), a dump file's folder —
 * gets its own model (`schemaForFile`): separate services and test fixtures do not overwrite each
 * other's tables.
 */
import { statementsOfSqlFile, type SqlStatement } from './sqlText';
import { applyStatement, type SchemaState } from './schemaDdl';
import type { ColumnType } from './typeChange';

export { typeOf } from './schemaDdl';

export interface ColumnModel {
  readonly name: string;
  type: string;
  /** varchar(n) length, when given. */
  typeLength?: number;
  /** All type modifiers (varchar length, numeric precision and scale, …). */
  typeMods?: readonly number[];
}

export interface ForeignKeyModel {
  readonly table: string;
  readonly columns: readonly string[];
  readonly refTable: string;
  /** The constraint's name: given, or PostgreSQL's default `<table>_<columns>_fkey`. */
  readonly name: string;
  readonly file: string;
  /** Offsets of the constraint (or its column) in `file`. */
  readonly start: number;
  readonly end: number;
  readonly statement: SqlStatement;
}

export interface IndexModel {
  readonly name?: string;
  /** Leading plain columns (an expression column ends the list). */
  readonly columns: readonly string[];
}

export interface TableModel {
  readonly name: string;
  readonly columns: Map<string, ColumnModel>;
  readonly indexes: IndexModel[];
  readonly foreignKeys: ForeignKeyModel[];
  rowLevelSecurity: boolean;
  /** The file whose CREATE TABLE made it. */
  readonly createdIn: string;
}

export interface SchemaModel {
  readonly tables: ReadonlyMap<string, TableModel>;
  /** Files that contributed DDL. */
  readonly files: readonly string[];
  /** One model per migration set, keyed by the set's folder (`migrationSetOf`). */
  readonly sets?: ReadonlyMap<string, SchemaModel>;
  /** A column's type just before each ALTER COLUMN … TYPE, keyed by `typeBeforeKey`. */
  readonly typesBefore?: ReadonlyMap<string, ColumnType>;
}

export const EMPTY_SCHEMA: SchemaModel = { tables: new Map(), files: [] };

export interface SchemaInput {
  readonly path: string;
  readonly statements: readonly SqlStatement[];
}

/**
 * The migration set a file belongs to: the migrations folder when each migration is a folder of
 * its own (`prisma/migrations/20240101_x/migration.sql`, diesel's `migrations/<id>/up.sql`),
 * else the file's folder.
 */
export function migrationSetOf(path: string): string {
  const p = path.replace(/\\/g, '/');
  const perFolder = /^(.*?(?:^|\/)(?:migrations?|versions|migrate))\/[^/]+\/[^/]+$/i.exec(p);
  if (perFolder) {
    return perFolder[1];
  }
  const slash = p.lastIndexOf('/');
  return slash === -1 ? '' : p.slice(0, slash);
}

export function typeBeforeKey(file: string, statementStart: number, table: string, column: string): string {
  return `${file}\u0000${statementStart}\u0000${table}.${column}`;
}

function byPath(inputs: readonly SchemaInput[]): SchemaInput[] {
  return [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function applyAll(inputs: readonly SchemaInput[], typesBefore?: Map<string, ColumnType>): SchemaModel {
  const state: SchemaState = { tables: new Map(), indexOwner: new Map(), typesBefore };
  const files: string[] = [];
  for (const input of inputs) {
    let contributed = false;
    for (const st of input.statements) {
      contributed = applyStatement(state, input.path, st) || contributed;
    }
    if (contributed) {
      files.push(input.path);
    }
  }
  return { tables: state.tables, files };
}

/** Builds the model from parsed files; files are applied in path order (migration order). */
export function buildSchemaModel(inputs: readonly SchemaInput[]): SchemaModel {
  const sorted = byPath(inputs);
  const whole = applyAll(sorted);
  const groups = new Map<string, SchemaInput[]>();
  for (const input of sorted) {
    const key = migrationSetOf(input.path);
    groups.set(key, [...(groups.get(key) ?? []), input]);
  }
  const typesBefore = new Map<string, ColumnType>();
  const sets = new Map<string, SchemaModel>();
  for (const [key, group] of groups) {
    sets.set(key, applyAll(group, typesBefore));
  }
  return { ...whole, sets, typesBefore };
}

/** The model of the migration set `path` belongs to (the whole model when it is in none). */
export function schemaForFile(schema: SchemaModel, path: string): SchemaModel {
  return schema.sets?.get(migrationSetOf(path)) ?? schema;
}

/** Parses SQL files and builds the model (the parser must be loaded). */
export function schemaFromSqlFiles(files: readonly { path: string; text: string }[]): SchemaModel {
  return buildSchemaModel(files.map((f) => ({ path: f.path, statements: statementsOfSqlFile(f.text) })));
}

/** True when some index's leading columns are exactly the FK's columns (in any order). */
export function isCoveredByIndex(table: TableModel, columns: readonly string[]): boolean {
  const want = new Set(columns);
  return table.indexes.some((ix) => ix.columns.length >= columns.length && ix.columns.slice(0, columns.length).every((c) => want.has(c)));
}
