/**
 * Synthetic data at a scale: one `INSERT … SELECT … FROM generate_series` per table, parents
 * first, that respects primary keys, foreign keys, NOT NULL, unique and the common CHECK shapes,
 * with a fixed seed. Child rows pick their parent at random (interleaved, not in blocks), with a
 * skew: a few tenants/accounts own most rows. Then ANALYZE.
 */
import { quoteIdent } from './schemaLoad';
import type { ColumnModel, SchemaModel, TableModel } from './model';
import { pgMessage, SqlFailure, type SqlSession } from './session';

export interface SynthOptions {
  /** Rows in the largest table (default 100,000). */
  readonly rows: number;
  /** Fixed seed (same data every time). */
  readonly seed?: number;
  /** "at 100k users": this table gets `rows`, the others in proportion (never more than `rows`). */
  readonly anchorTable?: string;
  /** Tables left empty (the migration tool's tracking table). */
  readonly exclude?: ReadonlySet<string>;
}

export interface SynthReport {
  readonly rows: ReadonlyMap<string, number>;
  readonly skipped: readonly { table: string; reason: string }[];
  readonly ms: number;
}

/** Children per parent at each level of the foreign-key tree. */
const FANOUT = 5;
const MIN_ROWS = 20;

const TENANTISH = /(tenant|org|organi[sz]ation|account|workspace|company|team|customer|shop|store|merchant|project|client)/i;
const LOW_CARDINALITY = /(^|_)(status|state|type|kind|role|category|level|priority|plan|tier|currency|country|lang|language|locale|region|gender|provider|channel|source|method|stage)$/i;

function qname(qualified: string): string {
  const dot = qualified.indexOf('.');
  return `${quoteIdent(qualified.slice(0, dot))}.${quoteIdent(qualified.slice(dot + 1))}`;
}

function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Height in the FK graph: 0 for a table nobody references, parent = max(child) + 1. */
function heights(tables: readonly TableModel[]): Map<string, number> {
  const referencedBy = new Map<string, string[]>();
  for (const t of tables) {
    for (const fk of t.foreignKeys) {
      if (fk.refTable !== t.qualified) {
        referencedBy.set(fk.refTable, [...(referencedBy.get(fk.refTable) ?? []), t.qualified]);
      }
    }
  }
  const memo = new Map<string, number>();
  const visit = (q: string, stack: Set<string>): number => {
    const known = memo.get(q);
    if (known !== undefined) {
      return known;
    }
    if (stack.has(q)) {
      return 0;
    }
    stack.add(q);
    const h = Math.max(-1, ...(referencedBy.get(q) ?? []).map((c) => visit(c, stack))) + 1;
    stack.delete(q);
    memo.set(q, h);
    return h;
  };
  for (const t of tables) {
    visit(t.qualified, new Set());
  }
  return memo;
}

/** Parents before children; a cycle is broken at a nullable foreign key (which is then left NULL). */
export function insertionOrder(tables: readonly TableModel[]): { order: TableModel[]; nulledFks: Set<string> } {
  const byName = new Map(tables.map((t) => [t.qualified, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: TableModel[] = [];
  const nulledFks = new Set<string>();
  const visit = (t: TableModel) => {
    if (done.has(t.qualified)) {
      return;
    }
    visiting.add(t.qualified);
    for (const fk of t.foreignKeys) {
      const parent = byName.get(fk.refTable);
      if (!parent || parent === t) {
        continue;
      }
      if (visiting.has(parent.qualified)) {
        nulledFks.add(`${t.qualified}:${fk.name}`);
        continue;
      }
      visit(parent);
    }
    visiting.delete(t.qualified);
    done.add(t.qualified);
    order.push(t);
  };
  for (const t of tables) {
    visit(t);
  }
  return { order, nulledFks };
}

export function plannedRowCounts(model: SchemaModel, options: SynthOptions): Map<string, number> {
  const tables = model.tables.filter((t) => !options.exclude?.has(t.qualified));
  const h = heights(tables);
  const anchor = options.anchorTable ? tables.find((t) => t.qualified === options.anchorTable || t.name === options.anchorTable) : undefined;
  const top = anchor ? options.rows * FANOUT ** (h.get(anchor.qualified) ?? 0) : options.rows;
  const counts = new Map<string, number>();
  for (const t of tables) {
    const n = Math.round(top / FANOUT ** (h.get(t.qualified) ?? 0));
    counts.set(t.qualified, Math.max(Math.min(MIN_ROWS, options.rows), Math.min(options.rows, n)));
  }
  return counts;
}

interface CheckHints {
  readonly allowed: Map<string, string[]>;
  readonly min: Map<string, number>;
  readonly max: Map<string, number>;
  readonly maxLength: Map<string, number>;
  /** column -> column it must be greater than (end_at > start_at). */
  readonly after: Map<string, string>;
}

export function checkHints(t: TableModel): CheckHints {
  const hints: CheckHints = { allowed: new Map(), min: new Map(), max: new Map(), maxLength: new Map(), after: new Map() };
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
  const allowed = hints.allowed.get(c.name);
  if (allowed && !unique) {
    return `(ARRAY[${allowed.join(', ')}])[1 + floor(${allowed.length} * power(random(), 1.6))::int]::${c.type}`;
  }
  if (c.enumValues && c.enumValues.length > 0) {
    const labels = c.enumValues.map(literal).join(', ');
    return unique
      ? `(ARRAY[${labels}])[1 + (s.g - 1) % ${c.enumValues.length}]::${c.type}`
      : `(ARRAY[${labels}])[1 + floor(${c.enumValues.length} * power(random(), 1.6))::int]::${c.type}`;
  }
  const maxLen = Math.min(c.maxLength ?? Infinity, hints.maxLength.get(c.name) ?? Infinity);
  const text = (e: string) => (Number.isFinite(maxLen) ? `left(${e}, ${maxLen})` : e);
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
        return `(s.g + ${lo !== undefined && lo > 1 ? lo - 1 : 0})::${c.type}`;
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
    case 'jsonb':
      return `jsonb_build_object('n', s.g, 'tag', ${literal('t')} || floor(random() * 10)::int)::${c.type}`;
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
        return `'{}'::${c.type}`;
      }
      return undefined;
  }
}

/** The INSERT statement for one table, or why it cannot be generated. */
export function insertStatement(
  t: TableModel,
  count: number,
  counts: ReadonlyMap<string, number>,
  nulledFks: ReadonlySet<string>,
  forceNull: ReadonlySet<string> = new Set(),
  parents: ReadonlyMap<string, TableModel> = new Map(),
): { sql: string; rows: number } | { reason: string } {
  const hints = checkHints(t);
  const keySets = [t.primaryKey, ...t.uniques].filter((k) => k.length > 0);
  /** column -> SQL expression taking the parent's key. */
  const fkValue = new Map<string, string>();
  const leftNull = new Set<string>(forceNull);
  const joins: string[] = [];
  const picks: string[] = [];
  let rows = count;
  const singleFkCols = new Set(t.foreignKeys.filter((fk) => fk.columns.length === 1).map((fk) => fk.columns[0]));
  // Join tables: a key made only of foreign keys gets distinct parent combinations.
  const comboKey = keySets.find((k) => k.length > 1 && k.every((col) => singleFkCols.has(col)));
  let radix = 1;
  const uniqueCols = new Set<string>();
  for (const k of keySets) {
    if (k === comboKey) {
      continue;
    }
    const free = k.filter((col) => !t.foreignKeys.some((fk) => fk.columns.includes(col)));
    if (k.every((col) => !t.foreignKeys.some((fk) => fk.columns.includes(col)))) {
      free.forEach((col) => uniqueCols.add(col));
    } else if (free.length > 0) {
      uniqueCols.add(free[0]);
    }
  }
  for (const [i, fk] of t.foreignKeys.entries()) {
    const parentRows = counts.get(fk.refTable) ?? 0;
    const self = fk.refTable === t.qualified;
    const unusable = nulledFks.has(`${t.qualified}:${fk.name}`) || (!self && parentRows === 0);
    if (unusable) {
      const required = fk.columns.find((col) => t.columns.find((c) => c.name === col)?.notNull);
      if (required) {
        return { reason: `its parent ${fk.refTable} has no rows (foreign key ${fk.name})` };
      }
      fk.columns.forEach((col) => leftNull.add(col));
      continue;
    }
    if (self) {
      // An earlier row of the same statement (foreign keys are checked at its end); the key is
      // computed the way this table's own key is.
      picks.push(`greatest(1, floor(random() * (g - 1))::int) AS k${i}`);
      for (const [j, col] of fk.columns.entries()) {
        const refCol = t.columns.find((c) => c.name === fk.refColumns[j]);
        const refExpr = refCol ? valueExpression(t, refCol, true, hints) : undefined;
        const c = t.columns.find((x) => x.name === col);
        if (!refExpr || !c || c.notNull) {
          if (c?.notNull) {
            return { reason: `self-reference ${col} is NOT NULL` };
          }
          leftNull.add(col);
          continue;
        }
        fkValue.set(col, `CASE WHEN s.g = 1 OR random() < 0.3 THEN NULL ELSE ${refExpr.replace(/\bs\.g\b/g, `s.k${i}`)} END`);
      }
      continue;
    }
    const oneToOne = keySets.some((k) => k.length === fk.columns.length && k.every((col) => fk.columns.includes(col)));
    let pick: string;
    if (oneToOne) {
      rows = Math.min(rows, parentRows);
      pick = 'g';
    } else if (comboKey && fk.columns.length === 1 && comboKey.includes(fk.columns[0])) {
      pick = `1 + ((g - 1) / ${radix}) % ${parentRows}`;
      radix *= parentRows;
    } else {
      const skew = fk.columns.some((col) => TENANTISH.test(col)) ? 3 : 1.5;
      pick = `least(${parentRows}, 1 + floor(${parentRows} * power(random(), ${skew}))::int)`;
    }
    picks.push(`${pick} AS k${i}`);
    // A parent whose key was generated from its row number: compute the key, no join needed.
    const parent = parents.get(fk.refTable);
    const parentKey = parent && fk.columns.length === 1 && parent.primaryKey.length === 1 && parent.primaryKey[0] === fk.refColumns[0] &&
      !parent.foreignKeys.some((pfk) => pfk.columns.includes(fk.refColumns[0]))
      ? parent.columns.find((c) => c.name === fk.refColumns[0])
      : undefined;
    const keyExpr = parent && parentKey && !parentKey.generated ? valueExpression(parent, parentKey, true, checkHints(parent)) : undefined;
    if (keyExpr) {
      fkValue.set(fk.columns[0], keyExpr.replace(/\bs\.g\b/g, `s.k${i}`));
      continue;
    }
    const alias = `p${i}`;
    joins.push(`LEFT JOIN (SELECT ${fk.refColumns.map(quoteIdent).join(', ')}, row_number() OVER () AS rn FROM ${qname(fk.refTable)}) ${alias} ON ${alias}.rn = s.k${i}`);
    fk.columns.forEach((col, j) => {
      if (!fkValue.has(col)) {
        fkValue.set(col, `${alias}.${quoteIdent(fk.refColumns[j])}`);
      }
    });
  }
  if (comboKey) {
    rows = Math.min(rows, radix);
  }
  // A column another must follow (start_at before end_at) draws from the row's own random number.
  const bases = new Set(hints.after.values());
  const names: string[] = [];
  const exprs = new Map<string, string>();
  let overriding = false;
  for (const c of t.columns) {
    if (c.generated || leftNull.has(c.name)) {
      continue;
    }
    let expr = fkValue.get(c.name);
    if (expr === undefined) {
      if (c.identity === 'always' && !uniqueCols.has(c.name)) {
        continue;
      }
      if (c.default && /^nextval\(/.test(c.default) && !uniqueCols.has(c.name)) {
        continue;
      }
      expr = valueExpression(t, c, uniqueCols.has(c.name), hints);
      if (expr === undefined) {
        if (c.default !== undefined || !c.notNull) {
          continue; // its default, or NULL
        }
        return { reason: `no generator for column ${c.name} of type ${c.type}` };
      }
      if (bases.has(c.name)) {
        expr = expr.replace(/random\(\)/g, 's.r');
      } else if (!c.notNull && !uniqueCols.has(c.name)) {
        const nulls = /(deleted|archived|cancel+ed|closed|ended|expires?|revoked)_?(at|on)$/.test(c.name.toLowerCase()) ? 0.95 : 0.05;
        expr = `CASE WHEN random() < ${nulls} THEN NULL ELSE ${expr} END`;
      }
    }
    if (c.identity === 'always') {
      overriding = true;
    }
    names.push(c.name);
    exprs.set(c.name, expr);
  }
  if (names.length === 0) {
    return { reason: 'no columns to fill' };
  }
  for (const [col, base] of hints.after) {
    const e = exprs.get(col);
    const b = exprs.get(base);
    if (e !== undefined && b !== undefined) {
      exprs.set(col, e.split(quoteIdent(base)).join(`(${b})`));
    }
  }
  const inner = ['g', 'random() AS r', ...picks].join(', ');
  const sql =
    `INSERT INTO ${qname(t.qualified)} (${names.map(quoteIdent).join(', ')})${overriding ? ' OVERRIDING SYSTEM VALUE' : ''}\n` +
    `SELECT ${names.map((n) => exprs.get(n)).join(',\n  ')}\n` +
    `FROM (SELECT ${inner} FROM generate_series(1, ${rows}) g) s\n${joins.join('\n')}`;
  return { sql, rows };
}

/** Seeded random per table, so reordering tables does not change another table's data. */
function seedFor(seed: number, table: string): number {
  let h = seed >>> 0;
  for (let i = 0; i < table.length; i++) {
    h = Math.imul(h ^ table.charCodeAt(i), 16777619) >>> 0;
  }
  return (h / 0xffffffff) * 2 - 1;
}

export async function generateData(session: SqlSession, model: SchemaModel, options: SynthOptions, log: (s: string) => void = () => undefined): Promise<SynthReport> {
  const started = Date.now();
  const counts = plannedRowCounts(model, options);
  const tables = model.tables.filter((t) => counts.has(t.qualified));
  const { order, nulledFks } = insertionOrder(tables);
  const byName = new Map(tables.map((t) => [t.qualified, t]));
  const actual = new Map<string, number>();
  const skipped: { table: string; reason: string }[] = [];
  // Foreign keys hold by construction; skipping their per-row trigger checks (and user triggers)
  // makes generation about three times faster.
  await session.exec('SET session_replication_role = replica');
  try {
    for (const t of order) {
      const stmt = insertStatement(t, counts.get(t.qualified) ?? 0, actualOrPlanned(actual, counts), nulledFks, new Set(), byName);
      if ('reason' in stmt) {
        skipped.push({ table: t.qualified, reason: stmt.reason });
        actual.set(t.qualified, 0);
        continue;
      }
      const seed = `SELECT setseed(${seedFor(options.seed ?? 42, t.qualified).toFixed(6)}); `;
      try {
        try {
          const t0 = Date.now();
          await session.exec(seed + stmt.sql);
          actual.set(t.qualified, stmt.rows);
          log(`synthetic data: ${stmt.rows} rows in ${t.qualified} (${Date.now() - t0} ms)`);
        } catch (err) {
          // A CHECK the generator did not understand: retry once with its nullable columns NULL.
          const check = err instanceof SqlFailure && err.pg.code === '23514' ? /check constraint "([^"]+)"/.exec(err.pg.message)?.[1] : undefined;
          const def = check ? t.checks.find((c) => c.name === check)?.definition : undefined;
          const nullable = def ? t.columns.filter((c) => !c.notNull && new RegExp(`\\b${c.name}\\b`).test(def)).map((c) => c.name) : [];
          const retry = nullable.length > 0 ? insertStatement(t, counts.get(t.qualified) ?? 0, actualOrPlanned(actual, counts), nulledFks, new Set(nullable), byName) : undefined;
          if (!retry || 'reason' in retry) {
            throw err;
          }
          await session.exec(seed + retry.sql);
          actual.set(t.qualified, retry.rows);
          log(`synthetic data for ${t.qualified}: ${nullable.join(', ')} left NULL to satisfy ${check}`);
        }
      } catch (err) {
        const reason = err instanceof SqlFailure ? pgMessage(err.pg) : (err as Error).message;
        log(`synthetic data for ${t.qualified} failed: ${reason}`);
        skipped.push({ table: t.qualified, reason });
        actual.set(t.qualified, 0);
      }
    }
  } finally {
    await session.exec('RESET session_replication_role');
  }
  // Only the generated tables: a bare ANALYZE also samples every system catalog (seconds).
  const filled = order.filter((t) => (actual.get(t.qualified) ?? 0) > 0).map((t) => qname(t.qualified));
  if (filled.length > 0) {
    // A statistics target of 1000 samples up to 300,000 rows: every row of a table at the usual
    // scales, so the statistics (and the plans) are the same on every run.
    await session.exec(`SET default_statistics_target = 1000; ANALYZE ${filled.join(', ')}; RESET default_statistics_target`);
  }
  for (const t of model.tables) {
    t.rows = actual.get(t.qualified) ?? 0;
  }
  return { rows: actual, skipped, ms: Date.now() - started };
}

function actualOrPlanned(actual: ReadonlyMap<string, number>, planned: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map(planned);
  for (const [k, v] of actual) {
    out.set(k, v);
  }
  return out;
}
