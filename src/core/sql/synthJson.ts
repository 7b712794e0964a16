/**
 * JSON values that give a table's generated columns a value: `GENERATED ALWAYS AS
 * (CAST(value ->> 'deleted' AS bool)) STORED` needs `value` to hold a `deleted` key that casts to
 * a boolean. The generation expressions are read from the catalog (as Postgres prints them:
 * `((value ->> 'deleted'::text))::boolean`); each `col -> 'a' ->> 'b'` path becomes a nested key
 * of the generated object, typed by the cast that follows it.
 */
import type { TableModel } from './model';

/** key -> a leaf's SQL type (lower case, '' when not cast) or a nested shape. */
export interface JsonShape {
  readonly keys: Map<string, string | JsonShape>;
}

const PATH = /"?([A-Za-z_][\w$]*)"?((?:\s*->>?\s*'(?:[^']|'')*'(?:::text)?)+)(\)*)(?:::([a-z][a-z0-9_ ]*(?:\[\])?))?/g;

function add(shape: JsonShape, keys: readonly string[], type: string): void {
  let node = shape;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) {
      if (!node.keys.has(k)) {
        node.keys.set(k, type);
      }
      return;
    }
    let next = node.keys.get(k);
    if (typeof next !== 'object') {
      next = { keys: new Map() };
      node.keys.set(k, next);
    }
    node = next;
  });
}

/** The JSON shapes the table's generated columns (and expression indexes) read, per JSON column. */
export function jsonShapes(t: TableModel): Map<string, JsonShape> {
  const json = new Set(t.columns.filter((c) => c.baseType === 'json' || c.baseType === 'jsonb').map((c) => c.name));
  const shapes = new Map<string, JsonShape>();
  // A path with no cast takes the generated column's own type (`convert_ts(attrs ->> 'start')` into a timestamp).
  const sources = [
    ...t.columns.filter((c) => c.generated && c.default).map((c) => ({ source: c.default as string, type: c.type })),
    ...t.indexes.map((i) => ({ source: i.definition, type: '' })),
    ...t.checks.map((c) => ({ source: c.definition, type: '' })),
  ];
  for (const { source, type } of sources) {
    // `((value -> 'meta'::text) ->> 'version'::text)` read as one path.
    let expr = source;
    for (let prev = ''; prev !== expr; ) {
      prev = expr;
      expr = expr.replace(/\(\s*("?[A-Za-z_][\w$]*"?(?:\s*->>?\s*'(?:[^']|'')*'(?:::text)?)+)\s*\)/g, '$1');
    }
    for (const m of expr.matchAll(PATH)) {
      if (!json.has(m[1])) {
        continue;
      }
      const keys = [...m[2].matchAll(/'((?:[^']|'')*)'/g)].map((k) => k[1].replace(/''/g, "'"));
      const shape = shapes.get(m[1]) ?? { keys: new Map() };
      shapes.set(m[1], shape);
      // A cast to text on the way (`convert_ts((x ->> 'k')::varchar)`) says less than the column's type.
      const cast = m[4]?.trim().toLowerCase();
      add(shape, keys, (!cast || /^(text|character varying|varchar|character|char|bpchar|name)\b/.test(cast)) && type ? type.toLowerCase() : cast ?? '');
    }
  }
  return shapes;
}

/** An SQL text expression of a value that casts to `type`, distinct per row (`s.g`). */
function leaf(key: string, type: string): string {
  const t = type.replace(/\(.*\)/, '').trim();
  if (/^(boolean|bool)$/.test(t)) {
    return /(deleted|archived|disabled|banned|blocked|suspended)/i.test(key) ? '(random() < 0.03)' : '(random() < 0.7)';
  }
  if (/^(integer|bigint|smallint|int[248]?|numeric|decimal|real|double precision|float[48]?)$/.test(t)) {
    return 's.g';
  }
  if (/^(timestamp|date|time)/.test(t)) {
    return `to_char(timestamp '2024-01-01' + s.g * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS')`;
  }
  if (t === 'uuid') {
    return `md5(${sqlString(key)} || s.g)::uuid::text`;
  }
  if (/^(jsonb?)$/.test(t)) {
    return `jsonb_build_object('n', s.g)`;
  }
  return `${sqlString(`${key}-`)} || s.g`;
}

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function objectSql(shape: JsonShape): string {
  const pairs = [...shape.keys].map(([k, v]) => `${sqlString(k)}, ${typeof v === 'string' ? leaf(k, v) : objectSql(v)}`);
  // A function takes at most 100 arguments: 50 keys per jsonb_build_object, concatenated.
  const parts: string[] = [];
  for (let i = 0; i < pairs.length; i += 50) {
    parts.push(`jsonb_build_object(${pairs.slice(i, i + 50).join(', ')})`);
  }
  return parts.length === 1 ? parts[0] : `(${parts.join(' || ')})`;
}

/** A jsonb expression: the keys the shape asks for (or a small default object). */
export function jsonValue(shape: JsonShape | undefined): string {
  const base = `jsonb_build_object('n', s.g, 'tag', 't' || floor(random() * 10)::int)`;
  return shape && shape.keys.size > 0 ? `(${base} || ${objectSql(shape)})` : base;
}
