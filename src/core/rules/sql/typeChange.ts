/**
 * Whether PostgreSQL rewrites a table to change a column's type. It does not when the new type
 * is binary-coercible from the old one and no value needs checking: widening or dropping a
 * varchar/varbit length, varchar ↔ text, a numeric with more precision and the same scale (or no
 * limit), a timestamp/time/interval with more (or default) fractional precision, cidr → inet.
 * Every other change (int → bigint, narrowing, text → varchar(n), enum → enum, …) rewrites the
 * table and its indexes under an ACCESS EXCLUSIVE lock.
 *
 * Types come from the PostgreSQL parser (`typeOf` in schemaModel.ts) or from SQLAlchemy type
 * expressions in Alembic migrations (`sqlAlchemyType`), in PostgreSQL's internal names.
 */

export interface ColumnType {
  /** Internal name: varchar, text, int4, int8, numeric, timestamptz, … (lower case). */
  readonly name: string;
  /** Type modifiers: varchar length, numeric precision and scale, timestamp precision. */
  readonly mods: readonly number[];
}

const ALIASES: Readonly<Record<string, string>> = {
  'character varying': 'varchar',
  character: 'bpchar',
  char: 'bpchar',
  integer: 'int4',
  int: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  decimal: 'numeric',
  boolean: 'bool',
  real: 'float4',
  'double precision': 'float8',
  'timestamp with time zone': 'timestamptz',
  'timestamp without time zone': 'timestamp',
  'bit varying': 'varbit',
};

export function normaliseTypeName(name: string): string {
  const n = name.toLowerCase().trim();
  return ALIASES[n] ?? n;
}

/** Types whose values fit any length limit the change keeps or raises. */
const LENGTH_LIMITED = new Set(['varchar', 'varbit']);
const PRECISION_ONLY = new Set(['timestamp', 'timestamptz', 'time', 'timetz', 'interval']);
const BINARY_COERCIBLE: ReadonlySet<string> = new Set(['varchar>text', 'text>varchar', 'cidr>inet', 'xml>text']);

/**
 * true: the change rewrites the table; false: it does not; undefined: the old type is unknown.
 * `withUsing`: an explicit USING expression that is not the bare column (always a rewrite).
 */
export function typeChangeRewrites(old: ColumnType | undefined, next: ColumnType, withUsing = false): boolean | undefined {
  if (withUsing) {
    return true;
  }
  if (!old) {
    return undefined;
  }
  const from = normaliseTypeName(old.name);
  const to = normaliseTypeName(next.name);
  if (from === to) {
    if (old.mods.length === next.mods.length && old.mods.every((m, i) => m === next.mods[i])) {
      return false;
    }
    if (LENGTH_LIMITED.has(to) || PRECISION_ONLY.has(to)) {
      // no limit on the new type, or a limit at least the old one
      return !(next.mods.length === 0 || (old.mods.length > 0 && next.mods[0] >= old.mods[0]));
    }
    if (to === 'numeric') {
      if (next.mods.length === 0) {
        return false;
      }
      const [p1, s1 = 0] = old.mods;
      const [p2, s2 = 0] = next.mods;
      return !(old.mods.length > 0 && s1 === s2 && p2 >= p1);
    }
    return true;
  }
  if (BINARY_COERCIBLE.has(`${from}>${to}`)) {
    // text → varchar(n) must check every value against the limit
    return to === 'varchar' && next.mods.length > 0;
  }
  return true;
}

/** Changes whose old type is unknown but which are most likely a widening: to text, or to an unlimited varchar. */
export function isUnboundedText(t: ColumnType): boolean {
  const n = normaliseTypeName(t.name);
  return n === 'text' || (n === 'varchar' && t.mods.length === 0);
}

const SQLALCHEMY: Readonly<Record<string, string>> = {
  string: 'varchar',
  varchar: 'varchar',
  unicode: 'varchar',
  nvarchar: 'varchar',
  autostring: 'varchar',
  text: 'text',
  unicodetext: 'text',
  clob: 'text',
  citext: 'citext',
  integer: 'int4',
  int: 'int4',
  biginteger: 'int8',
  bigint: 'int8',
  smallinteger: 'int2',
  smallint: 'int2',
  numeric: 'numeric',
  decimal: 'numeric',
  float: 'float8',
  double: 'float8',
  double_precision: 'float8',
  real: 'float4',
  boolean: 'bool',
  date: 'date',
  time: 'time',
  interval: 'interval',
  json: 'json',
  jsonb: 'jsonb',
  uuid: 'uuid',
  char: 'bpchar',
  bytea: 'bytea',
  largebinary: 'bytea',
};

/**
 * A SQLAlchemy type expression as written in an Alembic migration (`sa.String(length=50)`,
 * `sa.VARCHAR(255)`, `postgresql.TIMESTAMP(timezone=True)`, `sa.Numeric(10, 2)`), or undefined.
 */
export function sqlAlchemyType(expr: string): ColumnType | undefined {
  const m = /^\s*(?:[A-Za-z_][\w]*\.)*([A-Za-z_]\w*)\s*(?:\((.*)\))?\s*$/s.exec(expr);
  if (!m) {
    return undefined;
  }
  const raw = m[1].toLowerCase();
  const args = m[2] ?? '';
  const named = (key: string): number | undefined => {
    const v = new RegExp(`\\b${key}\\s*=\\s*(\\d+)`).exec(args);
    return v ? Number(v[1]) : undefined;
  };
  const positional = args
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '' && !a.includes('='))
    .map((a) => (/^\d+$/.test(a) ? Number(a) : NaN));
  if (raw === 'datetime' || raw === 'timestamp') {
    return { name: /timezone\s*=\s*True/.test(args) ? 'timestamptz' : 'timestamp', mods: [] };
  }
  if (raw === 'enum') {
    return { name: `enum ${args}`, mods: [] };
  }
  const name = SQLALCHEMY[raw] ?? raw;
  if (name === 'varchar' || name === 'bpchar') {
    const length = named('length') ?? (Number.isFinite(positional[0]) ? positional[0] : undefined);
    return { name, mods: length === undefined ? [] : [length] };
  }
  if (name === 'numeric') {
    const precision = named('precision') ?? (Number.isFinite(positional[0]) ? positional[0] : undefined);
    const scale = named('scale') ?? (Number.isFinite(positional[1]) ? positional[1] : undefined);
    return { name, mods: precision === undefined ? [] : scale === undefined ? [precision] : [precision, scale] };
  }
  return { name, mods: [] };
}
