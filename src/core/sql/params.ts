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
  const tables = referencedTables(sql);
  const out: ParamValue[] = [];
  for (let i = 1; i <= count; i++) {
    const type = TYPE_NAMES[oids[i - 1]] ?? 'unknown';
    const cmp = compared.get(i);
    if (cmp && (cmp.op === 'LIMIT' || cmp.op === 'OFFSET')) {
      out.push({ index: i, value: cmp.op === 'LIMIT' ? '50' : '0', type, source: cmp.op === 'LIMIT' ? 'page size' : 'first page' });
      continue;
    }
    let sampled: ParamValue | undefined;
    if (cmp) {
      const candidates = model.tables.filter((t) => t.columns.some((c) => c.name.toLowerCase() === cmp.column.toLowerCase()) && (t.rows ?? 0) > 0);
      const table = candidates.find((t) => tables.includes(t.name.toLowerCase())) ?? candidates[0];
      const column = table?.columns.find((c) => c.name.toLowerCase() === cmp.column.toLowerCase());
      if (table && column) {
        const dot = table.qualified.indexOf('.');
        const from = `${quoteIdent(table.qualified.slice(0, dot))}.${quoteIdent(table.qualified.slice(dot + 1))}`;
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
