/**
 * The loaded schema as data (read back from the embedded database's catalog, so it is what
 * Postgres made of the migrations, not a guess from their text): tables, columns, keys, checks,
 * indexes. The data generator and the plan explanations work from this.
 */
import type { SqlSession } from './session';

export interface ColumnModel {
  readonly name: string;
  /** As Postgres prints it, e.g. `character varying(255)`, `status_enum`, `integer[]`. */
  readonly type: string;
  /** The base type's name (domains resolved), e.g. `varchar`, `int4`, `uuid`, `_int4` for arrays. */
  readonly baseType: string;
  /** pg_type.typcategory of the base type: N numeric, S string, D date/time, B boolean, U user, A array, E enum… */
  readonly category: string;
  readonly notNull: boolean;
  readonly default?: string;
  readonly identity?: 'always' | 'by default';
  readonly generated: boolean;
  readonly maxLength?: number;
  readonly numericPrecision?: number;
  readonly numericScale?: number;
  readonly enumValues?: readonly string[];
}

export interface ForeignKeyModel {
  readonly name: string;
  readonly columns: readonly string[];
  /** schema.table */
  readonly refTable: string;
  readonly refColumns: readonly string[];
}

export interface IndexModel {
  readonly name: string;
  /** Key columns in order; null for an expression. */
  readonly columns: readonly (string | null)[];
  readonly unique: boolean;
  readonly primary: boolean;
  readonly method: string;
  readonly partial: boolean;
  readonly definition: string;
}

export interface TableModel {
  readonly schema: string;
  readonly name: string;
  /** schema.table, unquoted. */
  readonly qualified: string;
  readonly columns: readonly ColumnModel[];
  readonly primaryKey: readonly string[];
  readonly uniques: readonly (readonly string[])[];
  readonly foreignKeys: readonly ForeignKeyModel[];
  readonly checks: readonly { readonly name: string; readonly definition: string }[];
  readonly indexes: readonly IndexModel[];
  /** Rows after synthetic data was generated. */
  rows?: number;
}

export interface SchemaModel {
  readonly tables: TableModel[];
}

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast%'`;

/** The indexes of the user's tables as the catalog holds them (the fix check reads them again inside its transaction). */
export const INDEXES_SQL = `
  SELECT n.nspname AS schema, t.relname AS "table", i.relname AS name, ix.indisunique AS "unique", ix.indisprimary AS "primary",
    am.amname AS method, pg_get_indexdef(ix.indexrelid) AS def, ix.indpred IS NOT NULL AS partial,
    (SELECT json_agg(a.attname ORDER BY k.o) FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(n, o)
       LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.n AND k.n > 0
       WHERE k.o <= ix.indnkeyatts) AS cols
  FROM pg_index ix
  JOIN pg_class i ON i.oid = ix.indexrelid
  JOIN pg_class t ON t.oid = ix.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
  JOIN pg_am am ON am.oid = i.relam
  WHERE ${USER_SCHEMAS}
  ORDER BY i.relname`;

export async function readSchemaModel(session: SqlSession): Promise<SchemaModel> {
  const columns = await session.query<{
    schema: string; table: string; column: string; type: string; base: string; category: string; not_null: boolean;
    default: string | null; identity: string; generated: string; maxlen: number | null; precision: number | null; scale: number | null;
    enum_values: string[] | null;
  }>(`
    SELECT n.nspname AS schema, c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS type,
      bt.typname AS base, bt.typcategory AS category, a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS "default",
      a.attidentity AS identity, a.attgenerated AS generated,
      CASE WHEN bt.typname IN ('varchar', 'bpchar') AND COALESCE(NULLIF(t.typtypmod, -1), a.atttypmod) > 4
        THEN COALESCE(NULLIF(t.typtypmod, -1), a.atttypmod) - 4 END AS maxlen,
      CASE WHEN bt.typname = 'numeric' AND COALESCE(NULLIF(t.typtypmod, -1), a.atttypmod) > 4
        THEN ((COALESCE(NULLIF(t.typtypmod, -1), a.atttypmod) - 4) >> 16) & 65535 END AS precision,
      CASE WHEN bt.typname = 'numeric' AND COALESCE(NULLIF(t.typtypmod, -1), a.atttypmod) > 4
        THEN (COALESCE(NULLIF(t.typtypmod, -1), a.atttypmod) - 4) & 65535 END AS scale,
      (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = bt.oid) AS enum_values
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped AND ${USER_SCHEMAS}
    ORDER BY n.nspname, c.relname, a.attnum`);
  const constraints = await session.query<{
    schema: string; table: string; name: string; type: string; cols: string[] | null; ref_schema: string | null; ref_table: string | null;
    ref_cols: string[] | null; def: string;
  }>(`
    SELECT n.nspname AS schema, c.relname AS "table", con.conname AS name, con.contype AS type,
      (SELECT json_agg(a.attname ORDER BY k.o) FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n) AS cols,
      fn.nspname AS ref_schema, fc.relname AS ref_table,
      (SELECT json_agg(a.attname ORDER BY k.o) FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n) AS ref_cols,
      pg_get_constraintdef(con.oid) AS def
    FROM pg_constraint con
    JOIN pg_class c ON c.oid = con.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_class fc ON fc.oid = con.confrelid
    LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
    WHERE con.contype IN ('p', 'u', 'f', 'c') AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${USER_SCHEMAS}
    ORDER BY con.conname`);
  const indexes = await session.query<{
    schema: string; table: string; name: string; unique: boolean; primary: boolean; method: string; def: string; partial: boolean;
    cols: (string | null)[] | null;
  }>(INDEXES_SQL);

  const tables = new Map<string, {
    schema: string; name: string; qualified: string; columns: ColumnModel[]; primaryKey: string[]; uniques: string[][];
    foreignKeys: ForeignKeyModel[]; checks: { name: string; definition: string }[]; indexes: IndexModel[];
  }>();
  const tableOf = (schema: string, name: string) => {
    const key = `${schema}.${name}`;
    let t = tables.get(key);
    if (!t) {
      t = { schema, name, qualified: key, columns: [], primaryKey: [], uniques: [], foreignKeys: [], checks: [], indexes: [] };
      tables.set(key, t);
    }
    return t;
  };
  for (const c of columns) {
    tableOf(c.schema, c.table).columns.push({
      name: c.column,
      type: c.type,
      baseType: c.base,
      category: c.category,
      notNull: c.not_null,
      ...(c.default !== null ? { default: c.default } : {}),
      ...(c.identity === 'a' ? { identity: 'always' as const } : c.identity === 'd' ? { identity: 'by default' as const } : {}),
      generated: c.generated === 's' || c.generated === 'v',
      ...(c.maxlen !== null ? { maxLength: c.maxlen } : {}),
      ...(c.precision !== null ? { numericPrecision: c.precision } : {}),
      ...(c.scale !== null ? { numericScale: c.scale } : {}),
      ...(c.enum_values ? { enumValues: c.enum_values } : {}),
    });
  }
  for (const k of constraints) {
    const t = tables.get(`${k.schema}.${k.table}`);
    if (!t) {
      continue;
    }
    const cols = k.cols ?? [];
    if (k.type === 'p') {
      t.primaryKey = cols;
    } else if (k.type === 'u') {
      t.uniques.push(cols);
    } else if (k.type === 'f' && k.ref_table) {
      t.foreignKeys.push({ name: k.name, columns: cols, refTable: `${k.ref_schema}.${k.ref_table}`, refColumns: k.ref_cols ?? [] });
    } else if (k.type === 'c') {
      t.checks.push({ name: k.name, definition: k.def });
    }
  }
  // A domain's CHECKs hold for every column of that domain: kept as the table's, VALUE named as the column.
  const domainChecks = await session.query<{ schema: string; table: string; column: string; name: string; def: string }>(`
    SELECT n.nspname AS schema, c.relname AS "table", a.attname AS "column", con.conname AS name, pg_get_constraintdef(con.oid) AS def
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid AND t.typtype = 'd'
    JOIN pg_constraint con ON con.contypid = t.oid AND con.contype = 'c'
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped AND ${USER_SCHEMAS}
    ORDER BY con.conname`);
  for (const d of domainChecks) {
    const t = tables.get(`${d.schema}.${d.table}`);
    const quoted = /^[a-z_][a-z0-9_$]*$/.test(d.column) ? d.column : `"${d.column.replace(/"/g, '""')}"`;
    t?.checks.push({ name: d.name, definition: d.def.replace(/\bVALUE\b/g, quoted) });
  }
  for (const ix of indexes) {
    const t = tables.get(`${ix.schema}.${ix.table}`);
    if (!t) {
      continue;
    }
    t.indexes.push({ name: ix.name, columns: ix.cols ?? [], unique: ix.unique, primary: ix.primary, method: ix.method, partial: ix.partial, definition: ix.def });
    // A unique index (not a constraint) is unique all the same.
    if (ix.unique && !ix.primary && !ix.partial && ix.cols && ix.cols.every((c) => c !== null)) {
      const cols = ix.cols as string[];
      if (!t.uniques.some((u) => u.join(',') === cols.join(','))) {
        t.uniques.push(cols);
      }
    }
  }
  return { tables: [...tables.values()] };
}

/** Finds a table by a name as people write it: `orders`, `public.orders`, `"Order"`, `order`. */
export function findTable(model: SchemaModel, name: string): TableModel | undefined {
  const wanted = name.replace(/"/g, '');
  const lower = wanted.toLowerCase();
  return (
    model.tables.find((t) => t.qualified === wanted || t.name === wanted) ??
    model.tables.find((t) => t.qualified.toLowerCase() === lower || t.name.toLowerCase() === lower)
  );
}
