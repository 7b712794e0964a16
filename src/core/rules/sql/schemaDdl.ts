/**
 * Applies one DDL statement to the schema model (schemaModel.ts): CREATE TABLE (IF NOT EXISTS
 * keeps an existing table), ALTER TABLE (columns, constraints, types, row-level security, drops),
 * CREATE/DROP INDEX, DROP TABLE and the renames of tables, columns, constraints and indexes — so
 * the model is the schema after the last migration, not the union of every definition.
 */
import { fieldsOf, list, names, nodeOf } from './ast';
import type { SqlStatement } from './sqlText';
import type { ColumnModel, ForeignKeyModel, IndexModel, TableModel } from './schemaModel';
import type { ColumnType } from './typeChange';

export interface SchemaState {
  readonly tables: Map<string, TableModel>;
  /** Index name → table name. */
  readonly indexOwner: Map<string, string>;
  /** Where to record a column's type before each ALTER COLUMN … TYPE (see typeBeforeKey). */
  readonly typesBefore?: Map<string, ColumnType>;
}

function tableName(rel: unknown): string | undefined {
  const r = rel as { relname?: string } | undefined;
  return typeof r?.relname === 'string' ? r.relname.toLowerCase() : undefined;
}

/** The type of a parse-tree TypeName: its last name part and its integer modifiers. */
export function typeOf(typeName: unknown): { name: string; length?: number; mods: number[] } {
  const t = typeName as { names?: unknown; typmods?: unknown } | undefined;
  const parts = names(t?.names);
  const name = (parts[parts.length - 1] ?? '').toLowerCase();
  const mods = list(t?.typmods)
    .map((m) => (fieldsOf(m, 'A_Const')?.ival as { ival?: number } | undefined)?.ival ?? (fieldsOf(m, 'A_Const')?.ival ? 0 : undefined))
    .filter((v): v is number => typeof v === 'number');
  return { name, length: mods[0], mods };
}

function setColumnType(column: ColumnModel, typeName: unknown): void {
  const t = typeOf(typeName);
  column.type = t.name;
  column.typeLength = t.length;
  column.typeMods = t.mods;
}

function addColumn(state: SchemaState, table: TableModel, def: Record<string, unknown>, file: string, st: SqlStatement): void {
  const name = String(def.colname ?? '').toLowerCase();
  if (!name) {
    return;
  }
  const column: ColumnModel = { name, type: '' };
  setColumnType(column, def.typeName);
  table.columns.set(name, column);
  for (const c of list(def.constraints)) {
    const con = fieldsOf(c, 'Constraint');
    if (con) {
      applyConstraint(state, table, con, [name], file, st);
    }
  }
}

function applyConstraint(state: SchemaState, table: TableModel, con: Record<string, unknown>, columnDefault: string[], file: string, st: SqlStatement): void {
  const keys = names(con.keys).map((k) => k.toLowerCase());
  const cols = keys.length > 0 ? keys : columnDefault;
  const given = typeof con.conname === 'string' ? con.conname.toLowerCase() : undefined;
  switch (con.contype) {
    case 'CONSTR_PRIMARY':
    case 'CONSTR_UNIQUE':
    case 'CONSTR_EXCLUSION':
      if (cols.length > 0) {
        const name = given ?? (con.contype === 'CONSTR_PRIMARY' ? `${table.name}_pkey` : `${table.name}_${cols.join('_')}_${con.contype === 'CONSTR_UNIQUE' ? 'key' : 'excl'}`);
        table.indexes.push({ name, columns: cols });
        state.indexOwner.set(name, table.name);
      }
      break;
    case 'CONSTR_FOREIGN': {
      const fk = names(con.fk_attrs).map((k) => k.toLowerCase());
      const refTable = tableName(con.pktable);
      const columns = fk.length > 0 ? fk : columnDefault;
      if (refTable && columns.length > 0) {
        const at = st.offsetOf(con.location);
        const name = given ?? `${table.name}_${columns.join('_')}_fkey`;
        // the same key defined again replaces the earlier definition: it is reported once, where it ends up
        const again = table.foreignKeys.findIndex((k) => k.refTable === refTable && k.columns.join() === columns.join());
        if (again >= 0) {
          table.foreignKeys.splice(again, 1);
        }
        table.foreignKeys.push({ table: table.name, columns, refTable, name, file, start: at, end: at + 1, statement: st });
      }
      break;
    }
    default:
      break;
  }
}

function dropConstraint(state: SchemaState, table: TableModel, name: string): void {
  const fk = table.foreignKeys.findIndex((k) => k.name === name);
  if (fk >= 0) {
    table.foreignKeys.splice(fk, 1);
  }
  dropIndex(state, table, name);
}

function dropIndex(state: SchemaState, table: TableModel, name: string): void {
  const at = table.indexes.findIndex((i) => i.name === name);
  if (at >= 0) {
    table.indexes.splice(at, 1);
  }
  state.indexOwner.delete(name);
}

/** Dropping a column drops the indexes and constraints that use it. */
function dropColumn(state: SchemaState, table: TableModel, column: string): void {
  table.columns.delete(column);
  for (let i = table.foreignKeys.length - 1; i >= 0; i--) {
    if (table.foreignKeys[i].columns.includes(column)) {
      table.foreignKeys.splice(i, 1);
    }
  }
  for (const ix of table.indexes.filter((x) => x.columns.includes(column))) {
    dropIndex(state, table, ix.name ?? '');
    const at = table.indexes.indexOf(ix);
    if (at >= 0) {
      table.indexes.splice(at, 1);
    }
  }
}

function alterTable(state: SchemaState, table: TableModel, f: Record<string, unknown>, file: string, st: SqlStatement): void {
  for (const c of list(f.cmds)) {
    const cmd = fieldsOf(c, 'AlterTableCmd');
    if (!cmd) {
      continue;
    }
    const def = cmd.def;
    const column = String(cmd.name ?? '').toLowerCase();
    switch (cmd.subtype) {
      case 'AT_AddColumn': {
        const col = fieldsOf(def, 'ColumnDef');
        if (col) {
          addColumn(state, table, col, file, st);
        }
        break;
      }
      case 'AT_AddConstraint': {
        const con = fieldsOf(def, 'Constraint');
        if (con) {
          applyConstraint(state, table, con, [], file, st);
        }
        break;
      }
      case 'AT_DropConstraint':
        dropConstraint(state, table, column);
        break;
      case 'AT_DropColumn':
        dropColumn(state, table, column);
        break;
      case 'AT_AlterColumnType': {
        const existing = table.columns.get(column);
        const col = fieldsOf(def, 'ColumnDef');
        if (existing && col) {
          state.typesBefore?.set(`${file}\u0000${st.start}\u0000${table.name}.${column}`, { name: existing.type, mods: existing.typeMods ?? [] });
          setColumnType(existing, col.typeName);
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
}

function rename(state: SchemaState, f: Record<string, unknown>): boolean {
  const target = tableName(f.relation) ?? '';
  const newName = typeof f.newname === 'string' ? f.newname.toLowerCase() : '';
  const sub = typeof f.subname === 'string' ? f.subname.toLowerCase() : '';
  if (!newName) {
    return false;
  }
  if (f.renameType === 'OBJECT_INDEX') {
    const owner = state.tables.get(state.indexOwner.get(target) ?? '');
    const at = owner?.indexes.findIndex((i) => i.name === target) ?? -1;
    if (owner && at >= 0) {
      owner.indexes[at] = { ...owner.indexes[at], name: newName };
      state.indexOwner.delete(target);
      state.indexOwner.set(newName, owner.name);
    }
    return !!owner;
  }
  const table = state.tables.get(target);
  if (!table) {
    return false;
  }
  switch (f.renameType) {
    case 'OBJECT_TABLE': {
      const moved: TableModel = { ...table, name: newName, foreignKeys: table.foreignKeys.map((k) => ({ ...k, table: newName })) };
      state.tables.delete(target);
      state.tables.set(newName, moved);
      for (const t of state.tables.values()) {
        t.foreignKeys.forEach((k, i) => {
          if (k.refTable === target) {
            t.foreignKeys[i] = { ...k, refTable: newName };
          }
        });
      }
      for (const [ix, owner] of state.indexOwner) {
        if (owner === target) {
          state.indexOwner.set(ix, newName);
        }
      }
      return true;
    }
    case 'OBJECT_COLUMN': {
      const col = table.columns.get(sub);
      if (col) {
        table.columns.delete(sub);
        table.columns.set(newName, { ...col, name: newName });
      }
      const swap = (cols: readonly string[]): string[] => cols.map((c) => (c === sub ? newName : c));
      table.foreignKeys.forEach((k, i) => (table.foreignKeys[i] = { ...k, columns: swap(k.columns) }));
      table.indexes.forEach((ix, i) => (table.indexes[i] = { ...ix, columns: swap(ix.columns) }));
      return true;
    }
    case 'OBJECT_TABCONSTRAINT': {
      table.foreignKeys.forEach((k, i) => {
        if (k.name === sub) {
          table.foreignKeys[i] = { ...k, name: newName };
        }
      });
      const at = table.indexes.findIndex((i) => i.name === sub);
      if (at >= 0) {
        table.indexes[at] = { ...table.indexes[at], name: newName };
        state.indexOwner.delete(sub);
        state.indexOwner.set(newName, table.name);
      }
      return true;
    }
    default:
      return false;
  }
}

function createIndex(state: SchemaState, f: Record<string, unknown>): boolean {
  const table = state.tables.get(tableName(f.relation) ?? '');
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
    const index: IndexModel = { name, columns };
    table.indexes.push(index);
    if (name) {
      state.indexOwner.set(name, table.name);
    }
  }
  return true;
}

function drop(state: SchemaState, f: Record<string, unknown>): boolean {
  const objects = list(f.objects).map((o) => names(fieldsOf(o, 'List')?.items).map((s) => s.toLowerCase()));
  for (const parts of objects) {
    const name = parts[parts.length - 1];
    if (!name) {
      continue;
    }
    if (f.removeType === 'OBJECT_TABLE') {
      state.tables.delete(name);
    } else if (f.removeType === 'OBJECT_INDEX') {
      const owner = state.tables.get(state.indexOwner.get(name) ?? '');
      if (owner) {
        dropIndex(state, owner, name);
      }
    }
  }
  return objects.length > 0;
}

export function applyStatement(state: SchemaState, file: string, st: SqlStatement): boolean {
  const node = nodeOf(st.stmt);
  if (!node) {
    return false;
  }
  const [type, f] = node;
  switch (type) {
    case 'CreateStmt': {
      const name = tableName(f.relation);
      if (!name || (f.if_not_exists && state.tables.has(name))) {
        return false;
      }
      const table: TableModel = { name, columns: new Map(), indexes: [], foreignKeys: [] as ForeignKeyModel[], rowLevelSecurity: false, createdIn: file };
      state.tables.set(name, table);
      for (const elt of list(f.tableElts)) {
        const col = fieldsOf(elt, 'ColumnDef');
        if (col) {
          addColumn(state, table, col, file, st);
        }
        const con = fieldsOf(elt, 'Constraint');
        if (con) {
          applyConstraint(state, table, con, [], file, st);
        }
      }
      return true;
    }
    case 'AlterTableStmt': {
      const table = state.tables.get(tableName(f.relation) ?? '');
      if (!table) {
        return false;
      }
      alterTable(state, table, f, file, st);
      return true;
    }
    case 'RenameStmt':
      return rename(state, f);
    case 'IndexStmt':
      return createIndex(state, f);
    case 'DropStmt':
      return drop(state, f);
    default:
      return false;
  }
}
