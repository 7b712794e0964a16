/**
 * A static model of the workspace schema, built from its DDL (schema files and migrations, in
 * path order) by the PostgreSQL parser: tables, columns, primary keys, indexes, foreign keys and
 * row-level security. It is what `fk-without-index`, `missing-tenant-filter` and
 * `unsafe-migration` read; nothing is executed.
 */
import { fieldsOf, list, names, nodeOf } from './ast';
import { statementsOfSqlFile, type SqlStatement } from './sqlText';

export interface ColumnModel {
  readonly name: string;
  type: string;
  /** varchar(n) length, when given. */
  typeLength?: number;
}

export interface ForeignKeyModel {
  readonly table: string;
  readonly columns: readonly string[];
  readonly refTable: string;
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
}

export const EMPTY_SCHEMA: SchemaModel = { tables: new Map(), files: [] };

export interface SchemaInput {
  readonly path: string;
  readonly statements: readonly SqlStatement[];
}

/** Builds the model from parsed files; files are applied in path order (migration order). */
export function buildSchemaModel(inputs: readonly SchemaInput[]): SchemaModel {
  const tables = new Map<string, TableModel>();
  const indexOwner = new Map<string, string>();
  const files: string[] = [];
  const sorted = [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const input of sorted) {
    let contributed = false;
    for (const st of input.statements) {
      contributed = applyStatement(tables, indexOwner, input.path, st) || contributed;
    }
    if (contributed) {
      files.push(input.path);
    }
  }
  return { tables, files };
}

/** Parses SQL files and builds the model (the parser must be loaded). */
export function schemaFromSqlFiles(files: readonly { path: string; text: string }[]): SchemaModel {
  return buildSchemaModel(files.map((f) => ({ path: f.path, statements: statementsOfSqlFile(f.text) })));
}

function tableName(rel: unknown): string | undefined {
  const r = rel as { relname?: string } | undefined;
  return typeof r?.relname === 'string' ? r.relname.toLowerCase() : undefined;
}

export function typeOf(typeName: unknown): { name: string; length?: number } {
  const t = typeName as { names?: unknown; typmods?: unknown } | undefined;
  const parts = names(t?.names);
  const name = (parts[parts.length - 1] ?? '').toLowerCase();
  const mod = list(t?.typmods)[0];
  const ival = (fieldsOf(mod, 'A_Const')?.ival as { ival?: number } | undefined)?.ival;
  return { name, length: typeof ival === 'number' ? ival : undefined };
}

function addColumn(table: TableModel, def: Record<string, unknown>, file: string, st: SqlStatement): void {
  const name = String(def.colname ?? '').toLowerCase();
  if (!name) {
    return;
  }
  const t = typeOf(def.typeName);
  table.columns.set(name, { name, type: t.name, typeLength: t.length });
  for (const c of list(def.constraints)) {
    const con = fieldsOf(c, 'Constraint');
    if (con) {
      applyConstraint(table, con, [name], file, st);
    }
  }
}

function applyConstraint(table: TableModel, con: Record<string, unknown>, columnDefault: string[], file: string, st: SqlStatement): void {
  const keys = names(con.keys).map((k) => k.toLowerCase());
  const cols = keys.length > 0 ? keys : columnDefault;
  switch (con.contype) {
    case 'CONSTR_PRIMARY':
    case 'CONSTR_UNIQUE':
    case 'CONSTR_EXCLUSION':
      if (cols.length > 0) {
        table.indexes.push({ name: con.conname as string | undefined, columns: cols });
      }
      break;
    case 'CONSTR_FOREIGN': {
      const fk = names(con.fk_attrs).map((k) => k.toLowerCase());
      const refTable = tableName(con.pktable);
      const columns = fk.length > 0 ? fk : columnDefault;
      if (refTable && columns.length > 0) {
        const at = st.offsetOf(con.location);
        table.foreignKeys.push({ table: table.name, columns, refTable, file, start: at, end: at + 1, statement: st });
      }
      break;
    }
    default:
      break;
  }
}

function applyStatement(tables: Map<string, TableModel>, indexOwner: Map<string, string>, file: string, st: SqlStatement): boolean {
  const node = nodeOf(st.stmt);
  if (!node) {
    return false;
  }
  const [type, f] = node;
  switch (type) {
    case 'CreateStmt': {
      const name = tableName(f.relation);
      if (!name) {
        return false;
      }
      const table: TableModel = { name, columns: new Map(), indexes: [], foreignKeys: [], rowLevelSecurity: false, createdIn: file };
      tables.set(name, table);
      for (const elt of list(f.tableElts)) {
        const col = fieldsOf(elt, 'ColumnDef');
        if (col) {
          addColumn(table, col, file, st);
        }
        const con = fieldsOf(elt, 'Constraint');
        if (con) {
          applyConstraint(table, con, [], file, st);
        }
      }
      return true;
    }
    case 'AlterTableStmt': {
      const table = tables.get(tableName(f.relation) ?? '');
      if (!table) {
        return false;
      }
      for (const c of list(f.cmds)) {
        const cmd = fieldsOf(c, 'AlterTableCmd');
        if (!cmd) {
          continue;
        }
        const def = cmd.def;
        switch (cmd.subtype) {
          case 'AT_AddColumn': {
            const col = fieldsOf(def, 'ColumnDef');
            if (col) {
              addColumn(table, col, file, st);
            }
            break;
          }
          case 'AT_AddConstraint': {
            const con = fieldsOf(def, 'Constraint');
            if (con) {
              applyConstraint(table, con, [], file, st);
            }
            break;
          }
          case 'AT_DropColumn':
            table.columns.delete(String(cmd.name ?? '').toLowerCase());
            break;
          case 'AT_AlterColumnType': {
            const column = table.columns.get(String(cmd.name ?? '').toLowerCase());
            const col = fieldsOf(def, 'ColumnDef');
            if (column && col) {
              const t = typeOf(col.typeName);
              column.type = t.name;
              column.typeLength = t.length;
            }
            break;
          }
          case 'AT_EnableRowSecurity':
          case 'AT_ForceRowSecurity':
            table.rowLevelSecurity = true;
            break;
          case 'AT_DisableRowSecurity':
            table.rowLevelSecurity = false;
            break;
          default:
            break;
        }
      }
      return true;
    }
    case 'IndexStmt': {
      const table = tables.get(tableName(f.relation) ?? '');
      if (!table) {
        return false;
      }
      const columns: string[] = [];
      for (const p of list(f.indexParams)) {
        const elem = fieldsOf(p, 'IndexElem');
        if (!elem || typeof elem.name !== 'string') {
          break;
        }
        columns.push(elem.name.toLowerCase());
      }
      // a partial index (WHERE …) still serves the FK's lookups only for matching rows: not counted
      if (columns.length > 0 && !f.whereClause) {
        const name = typeof f.idxname === 'string' ? f.idxname.toLowerCase() : undefined;
        table.indexes.push({ name, columns });
        if (name) {
          indexOwner.set(name, table.name);
        }
      }
      return true;
    }
    case 'DropStmt': {
      const objects = list(f.objects).map((o) => names(fieldsOf(o, 'List')?.items).map((s) => s.toLowerCase()));
      for (const parts of objects) {
        const name = parts[parts.length - 1];
        if (!name) {
          continue;
        }
        if (f.removeType === 'OBJECT_TABLE') {
          tables.delete(name);
        } else if (f.removeType === 'OBJECT_INDEX') {
          const owner = tables.get(indexOwner.get(name) ?? '');
          if (owner) {
            const at = owner.indexes.findIndex((i) => i.name === name);
            if (at >= 0) {
              owner.indexes.splice(at, 1);
            }
          }
        }
      }
      return objects.length > 0;
    }
    default:
      return false;
  }
}

/** True when some index's leading columns are exactly the FK's columns (in any order). */
export function isCoveredByIndex(table: TableModel, columns: readonly string[]): boolean {
  const want = new Set(columns);
  return table.indexes.some((ix) => ix.columns.length >= columns.length && ix.columns.slice(0, columns.length).every((c) => want.has(c)));
}
