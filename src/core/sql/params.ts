/**
 * Query parameters: placeholders in the styles drivers use (`$1`, `?`, `:name`, `%s`,
 * `%(name)s`) become `$n`, and each gets a sample value of its type — taken from the synthetic
 * data of the column it is compared with when that can be told, so the plan sees a realistic value.
 */
import type { SchemaModel } from './model';
import { quoteIdent } from './schemaLoad';
import type { SqlSession } from './session';

export interface ParamValue {
  readonly index: number;
  /** Text as sent; Postgres casts it to the parameter's type. null = SQL NULL. */
  readonly value: string | null;
  readonly type: string;
  /** Where it came from, e.g. `orders.user_id` (synthetic data) or `integer sample`. */
  readonly source: string;
}

/** Rewrites `?`, `:name`, `%s` and `%(name)s` to `$1…$n` outside quotes and comments. */
export function normalisePlaceholders(sql: string): string {
  if (/\$\d+/.test(sql)) {
    return sql;
  }
  let n = 0;
  const named = new Map<string, number>();
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const j = sql.indexOf(c, i + 1);
      const end = j < 0 ? sql.length : j + 1;
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      const j = sql.indexOf('\n', i);
      const end = j < 0 ? sql.length : j;
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    if (c === '?' && !/[?|&-]/.test(sql[i + 1] ?? '') && !/[?|&@-]/.test(sql[i - 1] ?? '')) {
      out += `$${++n}`;
      i++;
      continue;
    }
    let m = /^%\((\w+)\)s/.exec(sql.slice(i)) ?? /^:([A-Za-z_]\w*)/.exec(sql.slice(i));
    if (m && sql[i - 1] !== ':' && !(m[0].startsWith(':') && sql[i + 1] === ':')) {
      let k = named.get(m[1]);
      if (k === undefined) {
        k = ++n;
        named.set(m[1], k);
      }
      out += `$${k}`;
      i += m[0].length;
      continue;
    }
    m = /^%s\b/.exec(sql.slice(i));
    if (m) {
      out += `$${++n}`;
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

function qualifiedName(qualified: string): string {
  const dot = qualified.indexOf('.');
  return `${quoteIdent(qualified.slice(0, dot))}.${quoteIdent(qualified.slice(dot + 1))}`;
}

/**
 * Two values of a column, low below high: its 40th percentile and the first of the 45th, 60th,
 * 80th, 100th above it — a range holding a few percent of the rows, never an empty one.
 */
async function sampleRange(session: SqlSession, from: string, column: string): Promise<[string, string] | undefined> {
  const c = quoteIdent(column);
  const rows = await session
    .query<{ v: string[] | string | null }>(`SELECT percentile_disc(ARRAY[0.40, 0.45, 0.6, 0.8, 1.0]) WITHIN GROUP (ORDER BY ${c})::text[] AS v FROM ${from} WHERE ${c} IS NOT NULL`)
    .catch(() => []);
  const raw = rows[0]?.v;
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? parseTextArray(raw) : [];
  const low = values[0];
  if (low === undefined || low === null) {
    return undefined;
  }
  // Percentiles come back in ascending order: the first that differs from the low one is above it.
  const high = values.slice(1).find((v) => v !== null && v !== low) ?? low;
  return [low, high];
}

/** `{a,"b c"}` → ['a', 'b c'] (a text[] the driver left as text). */
function parseTextArray(s: string): string[] {
  return [...s.replace(/^\{|\}$/g, '').matchAll(/"((?:[^"\\]|\\.)*)"|([^,]+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]));
}

const TYPE_NAMES: Readonly<Record<number, string>> = {
  16: 'boolean', 20: 'bigint', 21: 'smallint', 23: 'integer', 25: 'text', 700: 'real', 701: 'double precision', 1042: 'character',
  1043: 'character varying', 1082: 'date', 1083: 'time', 1114: 'timestamp', 1184: 'timestamptz', 1186: 'interval', 1700: 'numeric',
  2950: 'uuid', 114: 'json', 3802: 'jsonb', 1007: 'integer[]', 1016: 'bigint[]', 1009: 'text[]', 2951: 'uuid[]', 1015: 'varchar[]',
};

const FALLBACK: Readonly<Record<string, string>> = {
  boolean: 'true', bigint: '1', smallint: '1', integer: '1', text: 'sample', real: '1.5', 'double precision': '1.5', character: 'a',
  'character varying': 'sample', date: '2024-06-01', time: '12:00', timestamp: '2024-06-01 00:00:00', timestamptz: '2024-06-01 00:00:00+00',
  interval: '1 day', numeric: '1', uuid: '00000000-0000-4000-8000-000000000001', json: '{}', jsonb: '{}', 'integer[]': '{1,2,3}',
  'bigint[]': '{1,2,3}', 'text[]': '{a,b}', 'uuid[]': '{00000000-0000-4000-8000-000000000001}', 'varchar[]': '{a,b}',
};

/** The column each `$n` is compared with: `o.user_id = $1` → user_id; `LIMIT $2` → limit. */
export function comparedColumns(sql: string): Map<number, { column: string; op: string }> {
  const out = new Map<number, { column: string; op: string }>();
  const re = /((?:"?[\w$]+"?\.)?"?([\w$]+)"?)\s*(=|<>|!=|<=|>=|<|>|(?:NOT\s+)?I?LIKE|IN\s*\(|=\s*ANY\s*\(|@>|&&)\s*\$(\d+)/gi;
  for (const m of sql.matchAll(re)) {
    out.set(Number(m[4]), { column: m[2], op: m[3].toUpperCase().replace(/\s+/g, ' ') });
  }
  for (const m of sql.matchAll(/\$(\d+)\s*(=|<=|>=|<|>)\s*(?:"?[\w$]+"?\.)?"?([\w$]+)"?/g)) {
    if (!out.has(Number(m[1]))) {
      out.set(Number(m[1]), { column: m[3], op: m[2] });
    }
  }
  for (const m of sql.matchAll(/\b(LIMIT|OFFSET)\s+\$(\d+)/gi)) {
    out.set(Number(m[2]), { column: m[1].toLowerCase(), op: m[1].toUpperCase() });
  }
  return out;
}

export interface RangeBound {
  readonly column: string;
  readonly bound: 'low' | 'high';
  /** The parameter holding the other end of the range. */
  readonly other: number;
}

const LOW_OPS = new Set(['>', '>=']);
const HIGH_OPS = new Set(['<', '<=']);

/**
 * Parameters that are the two ends of one range: `col BETWEEN $2 AND $3` (also NOT BETWEEN,
 * BETWEEN SYMMETRIC), or `col >= $1 … col < $2`. Each needs its own value, low below high —
 * the same sample for both would be the plan of an empty range.
 */
export function rangeBounds(sql: string): Map<number, RangeBound> {
  const out = new Map<number, RangeBound>();
  const col = String.raw`(?:"?[\w$]+"?\.)?"?([\w$]+)"?`;
  for (const m of sql.matchAll(new RegExp(`${col}\\s+(?:NOT\\s+)?BETWEEN\\s+(?:SYMMETRIC\\s+)?(?:\\$(\\d+))(?:::[\\w\\s]+?)?\\s+AND\\s+\\$(\\d+)`, 'gi'))) {
    out.set(Number(m[2]), { column: m[1], bound: 'low', other: Number(m[3]) });
    out.set(Number(m[3]), { column: m[1], bound: 'high', other: Number(m[2]) });
  }
  const sides: { column: string; param: number; side: 'low' | 'high' }[] = [];
  for (const m of sql.matchAll(new RegExp(`${col}\\s*(<=|>=|<|>)\\s*\\$(\\d+)`, 'g'))) {
    sides.push({ column: m[1].toLowerCase(), param: Number(m[3]), side: LOW_OPS.has(m[2]) ? 'low' : 'high' });
  }
  for (const m of sql.matchAll(new RegExp(`\\$(\\d+)\\s*(<=|>=|<|>)\\s*${col}`, 'g'))) {
    // $1 <= col: the parameter is the low end.
    sides.push({ column: m[3].toLowerCase(), param: Number(m[1]), side: HIGH_OPS.has(m[2]) ? 'low' : 'high' });
  }
  for (const lo of sides.filter((x) => x.side === 'low' && !out.has(x.param))) {
    const hi = sides.find((x) => x.side === 'high' && x.column === lo.column && x.param !== lo.param && !out.has(x.param));
    if (hi) {
      out.set(lo.param, { column: lo.column, bound: 'low', other: hi.param });
      out.set(hi.param, { column: hi.column, bound: 'high', other: lo.param });
    }
  }
  return out;
}

/** Tables named after FROM/JOIN/UPDATE/INTO, for picking the right `user_id` column. */
export function referencedTables(sql: string): string[] {
  return [...sql.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+((?:"?[\w$]+"?\.)?"?[\w$]+"?)/gi)].map((m) => m[1].replace(/"/g, '').split('.').pop()!.toLowerCase());
}

export async function sampleParameters(session: SqlSession, sql: string, model: SchemaModel): Promise<ParamValue[]> {
  const count = Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  if (count === 0) {
    return [];
  }
  const oids = await session.describe(sql);
  const compared = comparedColumns(sql);
  const ranges = rangeBounds(sql);
  const tables = referencedTables(sql);
  const tableWith = (column: string) => {
    const candidates = model.tables.filter((t) => t.columns.some((c) => c.name.toLowerCase() === column.toLowerCase()) && (t.rows ?? 0) > 0);
    const table = candidates.find((t) => tables.includes(t.name.toLowerCase())) ?? candidates[0];
    const col = table?.columns.find((c) => c.name.toLowerCase() === column.toLowerCase());
    return table && col ? { table, column: col, from: qualifiedName(table.qualified) } : undefined;
  };
  const rangeValues = new Map<string, Promise<[string, string] | undefined>>();
  const out: ParamValue[] = [];
  for (let i = 1; i <= count; i++) {
    const type = TYPE_NAMES[oids[i - 1]] ?? 'unknown';
    const range = ranges.get(i);
    const where = range && tableWith(range.column);
    if (range && where) {
      const key = `${where.table.qualified}.${where.column.name}`;
      if (!rangeValues.has(key)) {
        rangeValues.set(key, sampleRange(session, where.from, where.column.name));
      }
      const pair = await rangeValues.get(key)!;
      if (pair) {
        out.push({ index: i, value: range.bound === 'low' ? pair[0] : pair[1], type, source: `${where.table.name}.${where.column.name}, ${range.bound} end of a range` });
        continue;
      }
    }
    const cmp = compared.get(i);
    if (cmp && (cmp.op === 'LIMIT' || cmp.op === 'OFFSET')) {
      out.push({ index: i, value: cmp.op === 'LIMIT' ? '50' : '0', type, source: cmp.op === 'LIMIT' ? 'page size' : 'first page' });
      continue;
    }
    let sampled: ParamValue | undefined;
    const found = cmp && tableWith(cmp.column);
    if (cmp && found) {
      const { table, column, from } = found;
      {
        // A value from the middle of the data: not the most common one, not a missing one.
        const rows = await session
          .query<{ v: string | null }>(
            `SELECT ${quoteIdent(column.name)}::text AS v FROM ${from} WHERE ${quoteIdent(column.name)} IS NOT NULL OFFSET ${Math.floor((table.rows ?? 0) * 0.37)} LIMIT 1`,
          )
          .catch(() => []);
        let v = rows[0]?.v ?? null;
        if (v !== null) {
          if (/LIKE/.test(cmp.op)) {
            v = `${v.slice(0, Math.max(1, Math.min(4, v.length - 1)))}%`;
          } else if (type.endsWith('[]') || cmp.op.startsWith('IN') || cmp.op.includes('ANY')) {
            v = type.endsWith('[]') && !v.startsWith('{') ? `{${v}}` : v;
          }
          sampled = { index: i, value: v, type, source: `${table.name}.${column.name}` };
        }
      }
    }
    out.push(sampled ?? { index: i, value: FALLBACK[type] ?? null, type, source: FALLBACK[type] ? `${type} sample` : 'NULL (unknown type)' });
  }
  return out;
}
