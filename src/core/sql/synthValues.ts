/**
 * The value of one column in row `s.g` of a generated table, as an SQL expression: what the
 * table's CHECKs allow (IN lists, ranges, lengths, column order, regular expressions), the
 * column's type and name (skew for status-like columns, mostly-NULL `deleted_at`), and for JSON
 * columns the keys the table's generated columns read.
 */
import { quoteIdent } from './schemaLoad';
import type { ColumnModel, TableModel } from './model';
import { jsonShapes, jsonValue, type JsonShape } from './synthJson';
import { regexChecks, regexValue } from './synthRegex';

export const LOW_CARDINALITY = /(^|_)(status|state|type|kind|role|category|level|priority|plan|tier|currency|country|lang|language|locale|region|gender|provider|channel|source|method|stage)$/i;

export function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export interface CheckHints {
  readonly allowed: Map<string, string[]>;
  readonly min: Map<string, number>;
  readonly max: Map<string, number>;
  readonly maxLength: Map<string, number>;
  /** column -> column it must be greater than (end_at > start_at). */
  readonly after: Map<string, string>;
  readonly minLength: Map<string, number>;
  /** column -> the regular expression a CHECK (or its domain) holds it to. */
  readonly regex: Map<string, { pattern: string; caseless: boolean }>;
  /** JSON column -> the keys (and their types) the table's generated columns read. */
  readonly json: Map<string, JsonShape>;
  /** column -> jsonb_typeof it must have. */
  readonly jsonType: Map<string, string>;
  /** Numeric key column -> the largest value already in the table (rows the migrations inserted): generated keys continue after it. */
  readonly offsets: Map<string, number>;
}

export function checkHints(t: TableModel, offsets: ReadonlyMap<string, number> = new Map()): CheckHints {
  const hints: CheckHints = {
    allowed: new Map(), min: new Map(), max: new Map(), maxLength: new Map(), after: new Map(), minLength: new Map(),
    regex: regexChecks(t.checks.map((c) => c.definition)), json: jsonShapes(t), jsonType: new Map(), offsets: new Map(offsets),
  };
  const col = String.raw`\(?"?([A-Za-z_][\w$]*)"?\)?(?:::[\w ]+)?`;
  for (const c of t.checks) {
    const d = c.definition;
    const any = new RegExp(String.raw`${col}\s*=\s*ANY\s*\(\s*(?:\()?ARRAY\[(.*?)\]`, 'i').exec(d);
    if (any) {
      const values = [...any[2].matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1].replace(/''/g, "'"));
      const nums = values.length === 0 ? [...any[2].matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => m[0]) : [];
      if (values.length > 0 || nums.length > 0) {
        hints.allowed.set(any[1], values.length > 0 ? values.map(literal) : nums);
      }
    }
    // `id = 0` (a one-row table), `kind = 'x'`: that value (not inside a function call such as length(x) = 7).
    for (const m of d.matchAll(new RegExp(String.raw`${col}\s*=\s*(?:'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?))(?![\w.])`, 'g'))) {
      const before = d.slice(0, m.index ?? 0);
      if (/[\w$]\($/.test(before) || /[\w$]\(\($/.test(before) || !t.columns.some((c) => c.name === m[1]) || hints.allowed.has(m[1])) {
        continue;
      }
      hints.allowed.set(m[1], [m[2] !== undefined ? literal(m[2].replace(/''/g, "'")) : m[3]]);
    }
    for (const m of d.matchAll(new RegExp(String.raw`${col}\s*(>=|>|<=|<)\s*\(?(-?\d+(?:\.\d+)?)`, 'g'))) {
      const v = Number(m[3]);
      if (m[2] === '>' || m[2] === '>=') {
        hints.min.set(m[1], m[2] === '>' ? v + 1 : v);
      } else {
        hints.max.set(m[1], m[2] === '<' ? v - 1 : v);
      }
    }
    for (const m of d.matchAll(new RegExp(String.raw`(?:char_length|length)\(\(?"?([A-Za-z_][\w$]*)"?\)?(?:::\w+)?\)\s*(<=|<)\s*(\d+)`, 'gi'))) {
      hints.maxLength.set(m[1], Number(m[3]) - (m[2] === '<' ? 1 : 0));
    }
    for (const m of d.matchAll(new RegExp(String.raw`(?:char_length|length)\(\(?"?([A-Za-z_][\w$]*)"?\)?(?:::\w+)?\)\s*(>=|>)\s*(\d+)`, 'gi'))) {
      hints.minLength.set(m[1], Number(m[3]) + (m[2] === '>' ? 1 : 0));
    }
    for (const m of d.matchAll(/jsonb?_typeof\(\(?"?([A-Za-z_][\w$]*)"?\)?\)\s*=\s*'(\w+)'/g)) {
      hints.jsonType.set(m[1], m[2]);
    }
    // Column-to-column comparisons (end_at > start_at), also inside `x IS NULL OR …`.
    for (const m of d.matchAll(/\(?"?([A-Za-z_][\w$]*)"?\s*(>=|>|<=|<)\s*"?([A-Za-z_][\w$]*)"?\)/g)) {
      const [a, op, b] = [m[1], m[2], m[3]];
      if (!t.columns.some((x) => x.name === a) || !t.columns.some((x) => x.name === b)) {
        continue;
      }
      if (op.startsWith('>')) {
        hints.after.set(a, b);
      } else {
        hints.after.set(b, a);
      }
    }
  }
  return hints;
}

/** An SQL expression for a column's value in row `s.g` (1..n). `unique`: distinct per row. */
export function valueExpression(table: TableModel, c: ColumnModel, unique: boolean, hints: CheckHints): string | undefined {
  const name = c.name.toLowerCase();
  const regex = hints.regex.get(c.name);
  if (regex && c.category === 'S') {
    const r = regexValue(regex.pattern, unique ? 's.g' : 'floor(random() * 1000000)::int', regex.caseless);
    if (r) {
      return `${r.sql}::${c.type}`;
    }
  }
  const allowed = hints.allowed.get(c.name);
  if (allowed) {
    return unique
      ? `(ARRAY[${allowed.join(', ')}])[1 + (s.g - 1) % ${allowed.length}]::${c.type}`
      : `(ARRAY[${allowed.join(', ')}])[1 + floor(${allowed.length} * power(random(), 1.6))::int]::${c.type}`;
  }
  if (c.enumValues && c.enumValues.length > 0) {
    const labels = c.enumValues.map(literal).join(', ');
    return unique
      ? `(ARRAY[${labels}])[1 + (s.g - 1) % ${c.enumValues.length}]::${c.type}`
      : `(ARRAY[${labels}])[1 + floor(${c.enumValues.length} * power(random(), 1.6))::int]::${c.type}`;
  }
  const maxLen = Math.min(c.maxLength ?? Infinity, hints.maxLength.get(c.name) ?? Infinity);
  const minLen = hints.minLength.get(c.name);
  const padded = (e: string) => (minLen !== undefined ? `rpad(${e}, ${minLen}, 'x')` : e);
  const text = (e: string) => (Number.isFinite(maxLen) ? `left(${padded(e)}, ${maxLen})` : padded(e));
  const lo = hints.min.get(c.name);
  const hi = hints.max.get(c.name);
  const after = hints.after.get(c.name);
  switch (c.baseType) {
    case 'int2':
    case 'int4':
    case 'int8':
    case 'numeric':
    case 'float4':
    case 'float8':
    case 'money': {
      if (unique) {
        const offset = Math.max(lo !== undefined && lo > 1 ? lo - 1 : 0, hints.offsets.get(c.name) ?? 0);
        return `(s.g + ${offset})::${c.type}`;
      }
      if (after) {
        return `(${quoteIdent(after)} + floor(random() * 100))::${c.type}`;
      }
      const small = /(count|qty|quantity|position|rank|sort|order|rating|score|attempts?|retries|age|level)$/.test(name);
      const min = lo ?? (small ? 0 : 1);
      let max = hi ?? (small ? 20 : c.baseType === 'int2' ? 1000 : 10_000);
      if (c.numericPrecision !== undefined) {
        max = Math.min(max, 10 ** (c.numericPrecision - (c.numericScale ?? 0)) - 1);
      }
      const span = Math.max(0, max - min);
      const integer = /^int|money/.test(c.baseType) || (c.baseType === 'numeric' && (c.numericScale ?? 2) === 0);
      const base = `${min} + random() * ${span}`;
      return integer ? `floor(${base})::${c.type}` : c.baseType === 'numeric' ? `round((${base})::numeric, ${c.numericScale ?? 2})::${c.type}` : `(${base})::${c.type}`;
    }
    case 'bool':
      return /(deleted|archived|banned|disabled|blocked|suspended)/.test(name) ? 'random() < 0.03' : 'random() < 0.7';
    case 'text':
    case 'varchar':
    case 'bpchar':
    case 'citext':
    case 'name': {
      if (unique) {
        return text(/email/.test(name) ? `'user' || s.g || '@example.com'` : `${literal(`${c.name}-`)} || s.g`);
      }
      if (LOW_CARDINALITY.test(name)) {
        return text(`${literal(`${c.name}_`)} || floor(6 * power(random(), 2))::int`);
      }
      if (/email/.test(name)) {
        return text(`'user' || floor(random() * 1000000)::int || '@example.com'`);
      }
      if (/(^|_)(name|title|label)$/.test(name)) {
        return text(`${literal(`${c.name} `)} || floor(random() * 50000)::int`);
      }
      if (/(url|uri|link|website)$/.test(name)) {
        return text(`'https://example.com/' || md5(random()::text)`);
      }
      return text(`md5(random()::text)`);
    }
    case 'uuid':
      return unique ? `md5(${literal(table.qualified)} || ':' || s.g)::uuid` : 'md5(random()::text)::uuid';
    case 'timestamp':
    case 'timestamptz': {
      if (unique) {
        return `(timestamp '2024-01-01' + s.g * interval '1 second')::${c.type}`;
      }
      if (after) {
        return `(${quoteIdent(after)} + random() * interval '30 days')::${c.type}`;
      }
      return `(timestamp '2023-01-01' + random() * interval '730 days')::${c.type}`;
    }
    case 'date':
      return unique ? `date '2000-01-01' + s.g::int` : after ? `${quoteIdent(after)} + floor(random() * 30)::int` : `date '2023-01-01' + floor(random() * 730)::int`;
    case 'time':
    case 'timetz':
      return `(time '00:00' + random() * interval '24 hours')::${c.type}`;
    case 'interval':
      return `random() * interval '10 days'`;
    case 'json':
    case 'jsonb': {
      const kind = hints.jsonType.get(c.name);
      if (kind === 'array') {
        return `jsonb_build_array(s.g, ${literal('t')} || floor(random() * 10)::int)::${c.type}`;
      }
      if (kind && kind !== 'object') {
        return `to_jsonb(${kind === 'string' ? `'s' || s.g` : kind === 'number' ? 's.g' : kind === 'boolean' ? 'true' : 'NULL'})::${c.type}`;
      }
      return `${jsonValue(hints.json.get(c.name))}::${c.type}`;
    }
    case 'bytea':
      return `decode(md5(s.g::text), 'hex')`;
    case 'inet':
    case 'cidr':
      return `('10.' || (s.g / 65536) % 256 || '.' || (s.g / 256) % 256 || '.' || s.g % 256)::${c.type}`;
    case 'tsvector':
      return `to_tsvector('simple', 'word' || floor(random() * 1000)::int || ' term' || floor(random() * 100)::int)`;
    case 'tstzrange':
    case 'tsrange':
      // Disjoint per row, so exclusion constraints (no overlapping bookings) hold.
      return `${c.baseType}(timestamp '2024-01-01' + s.g * interval '1 hour', timestamp '2024-01-01' + s.g * interval '1 hour' + interval '45 minutes')`;
    case 'daterange':
      return `daterange(date '2000-01-01' + s.g::int, date '2000-01-01' + s.g::int + 1)`;
    case 'int4range':
    case 'int8range':
    case 'numrange':
      return `${c.baseType}(s.g * 10, s.g * 10 + 5)`;
    case 'ltree':
      return `('top.n' || floor(random() * 100)::int || '.n' || s.g)::ltree`;
    case 'hstore':
      return `('k=>' || floor(random() * 10)::int)::hstore`;
    default:
      if (c.category === 'A') {
        const element = c.baseType.startsWith('_') ? valueExpression(table, { ...c, baseType: c.baseType.slice(1), category: '', type: c.type.replace(/\[\]$/, '') }, unique, hints) : undefined;
        return element && !c.enumValues ? `ARRAY[${element}]::${c.type}` : `'{}'::${c.type}`;
      }
      return undefined;
  }
}
