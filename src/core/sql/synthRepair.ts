/**
 * What the data generator does around the inserts: reads the rows the migrations inserted (so
 * generated keys continue after them), picks another strategy for a table from Postgres's error
 * (the constraint or column it names), fills the foreign keys a cycle left NULL once both sides
 * have rows, and moves sequences past the generated keys.
 */
import type { TableModel } from './model';
import type { PgErrorInfo, SqlSession } from './session';
import { quoteIdent } from './schemaLoad';
import { qname } from './synthInsert';

export interface Strategy {
  readonly forceNull?: ReadonlySet<string>;
  readonly forceUnique?: ReadonlySet<string>;
  readonly filter?: boolean;
  readonly onConflict?: boolean;
  /** A partitioned table with no partition for the rows: a DEFAULT partition is created first. */
  readonly defaultPartition?: boolean;
}

const NUMERIC = new Set(['int2', 'int4', 'int8', 'numeric', 'float4', 'float8']);

function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Rows already in each table, and the largest value of each numeric key column. */
export async function existingRows(session: SqlSession, tables: readonly TableModel[]): Promise<Map<string, { rows: number; max: Map<string, number> }>> {
  const out = new Map<string, { rows: number; max: Map<string, number> }>();
  const parts = tables.map((t) => {
    const keyCols = [...new Set([...t.primaryKey, ...t.uniques.flat()])].filter((c) => NUMERIC.has(t.columns.find((x) => x.name === c)?.baseType ?? ''));
    const maxes = keyCols.map((c) => `${literal(c)}, max(${quoteIdent(c)})`).join(', ');
    return `SELECT ${literal(t.qualified)} AS t, count(*)::int AS n, json_build_object(${maxes}) AS m FROM ${qname(t.qualified)}`;
  });
  for (let i = 0; i < parts.length; i += 40) {
    const rows = await session.query<{ t: string; n: number; m: Record<string, number | string | null> | string }>(parts.slice(i, i + 40).join('\nUNION ALL\n'));
    for (const r of rows) {
      const m = typeof r.m === 'string' ? (JSON.parse(r.m) as Record<string, number | string | null>) : r.m;
      const max = new Map<string, number>();
      for (const [c, v] of Object.entries(m ?? {})) {
        const n = Number(v);
        if (v !== null && Number.isFinite(n) && n > 0) {
          max.set(c, Math.ceil(n));
        }
      }
      out.set(r.t, { rows: r.n, max });
    }
  }
  return out;
}

function columnsOf(t: TableModel, text: string): string[] {
  return t.columns.filter((c) => new RegExp(`(^|[^\\w$])"?${c.name.replace(/\$/g, '\\$')}"?($|[^\\w$])`).test(text)).map((c) => c.name);
}

/** The next strategy after Postgres rejected the table's rows, or undefined when there is none left. */
export function nextStrategy(t: TableModel, pg: PgErrorInfo, s: Strategy): { strategy: Strategy; note: string } | undefined {
  const constraint = /constraint "([^"]+)"/.exec(pg.message)?.[1];
  if (pg.code === '23505' || pg.code === '23P01') {
    const keyCols = /^Key \((.*?)\)=/.exec(pg.detail ?? '')?.[1]?.split(/,\s*/).map((c) => c.replace(/^"|"$/g, '')) ?? [];
    const free = keyCols.filter((c) => t.columns.some((x) => x.name === c) && !t.foreignKeys.some((fk) => fk.columns.includes(c)) && !s.forceUnique?.has(c));
    if (pg.code === '23505' && free.length > 0 && keyCols.length === 1) {
      return { strategy: { ...s, forceUnique: new Set([...(s.forceUnique ?? []), ...free]) }, note: `${free.join(', ')} made distinct per row (${constraint ?? 'unique'})` };
    }
    if (!s.onConflict) {
      return { strategy: { ...s, onConflict: true }, note: `rows duplicating ${constraint ?? 'a unique key'} left out` };
    }
    return undefined;
  }
  if (pg.code === '23514') {
    if (/^no partition of relation/.test(pg.message) && !s.defaultPartition) {
      return { strategy: { ...s, defaultPartition: true }, note: 'a DEFAULT partition created (no partition held the rows)' };
    }
    if (!s.filter) {
      return { strategy: { ...s, filter: true }, note: `rows violating ${constraint ?? 'its CHECKs'} left out` };
    }
    const def = constraint ? t.checks.find((c) => c.name === constraint)?.definition : t.checks.map((c) => c.definition).join(' ');
    const nullable = def ? columnsOf(t, def).filter((c) => !t.columns.find((x) => x.name === c)?.notNull && !s.forceNull?.has(c)) : [];
    if (nullable.length > 0) {
      return { strategy: { ...s, forceNull: new Set([...(s.forceNull ?? []), ...nullable]) }, note: `${nullable.join(', ')} left NULL to satisfy ${constraint ?? 'its CHECKs'}` };
    }
    return undefined;
  }
  if (pg.code === '23502') {
    const column = /column "([^"]+)"/.exec(pg.message)?.[1];
    const c = t.columns.find((x) => x.name === column);
    if (c?.generated && !s.filter) {
      return { strategy: { ...s, filter: true }, note: `rows whose generated column ${c.name} would be NULL left out` };
    }
    if (c && s.forceNull?.has(c.name)) {
      return { strategy: { ...s, forceNull: new Set([...s.forceNull].filter((x) => x !== c.name)) }, note: `${c.name} given a value again` };
    }
  }
  return undefined;
}

/** Fills the nullable foreign keys a cycle left NULL, now that both tables have rows. */
export async function fillCycles(
  session: SqlSession,
  tables: readonly TableModel[],
  nulledFks: ReadonlySet<string>,
  rows: ReadonlyMap<string, number>,
  log: (s: string) => void,
): Promise<void> {
  for (const t of tables) {
    for (const fk of t.foreignKeys) {
      const parentRows = rows.get(fk.refTable) ?? 0;
      if (!nulledFks.has(`${t.qualified}:${fk.name}`) || parentRows === 0 || (rows.get(t.qualified) ?? 0) === 0) {
        continue;
      }
      const set = fk.columns.map((c, i) => `${quoteIdent(c)} = p.${quoteIdent(fk.refColumns[i])}`).join(', ');
      const sql =
        `UPDATE ${qname(t.qualified)} c SET ${set}\nFROM (SELECT ${fk.refColumns.map(quoteIdent).join(', ')}, row_number() OVER () AS rn FROM ${qname(fk.refTable)}) p\n` +
        `WHERE p.rn = 1 + (hashtext(c.ctid::text)::bigint & 2147483647) % ${parentRows}`;
      try {
        await session.exec(sql);
        log(`synthetic data: ${t.qualified}.${fk.columns.join(', ')} filled after ${fk.refTable} (foreign-key cycle)`);
      } catch (err) {
        log(`synthetic data: ${t.qualified}.${fk.columns.join(', ')} left NULL (cycle with ${fk.refTable}): ${(err as Error).message}`);
      }
    }
  }
}

/** Serial and identity sequences moved past the largest key, so an INSERT after generation gets a new key. */
export async function moveSequences(session: SqlSession, tables: readonly TableModel[]): Promise<void> {
  const calls: string[] = [];
  for (const t of tables) {
    for (const c of t.columns) {
      if (!/^int[248]$/.test(c.baseType)) {
        continue;
      }
      const named = c.default ? /nextval\('((?:[^']|'')+)'(?:::regclass)?\)/.exec(c.default)?.[1]?.replace(/''/g, "'") : undefined;
      const seq = c.identity ? `pg_get_serial_sequence(${literal(qname(t.qualified))}, ${literal(c.name)})` : named ? literal(named) : undefined;
      if (seq) {
        calls.push(`setval(${seq}, (SELECT coalesce(max(${quoteIdent(c.name)}), 0) + 1 FROM ${qname(t.qualified)}), false)`);
      }
    }
  }
  for (let i = 0; i < calls.length; i += 50) {
    await session.query(`SELECT ${calls.slice(i, i + 50).join(', ')}`);
  }
}
