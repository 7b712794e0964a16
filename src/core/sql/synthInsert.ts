/**
 * The `INSERT … SELECT … FROM generate_series` of one table: keys distinct per row (continuing
 * after the rows the migrations inserted), foreign keys computed from the parent's row number
 * (or joined to the parent's rows when they are not regular), the values of synthValues.ts. A
 * retry can force columns NULL or distinct, keep only the rows that satisfy the table's CHECKs
 * and generated columns (`filter`), and skip duplicates (`onConflict`).
 */
import { quoteIdent } from './schemaLoad';
import type { TableModel } from './model';
import { checkHints, valueExpression } from './synthValues';

const TENANTISH = /(tenant|org|organi[sz]ation|account|workspace|company|team|customer|shop|store|merchant|project|client)/i;

export function qname(qualified: string): string {
  const dot = qualified.indexOf('.');
  return `${quoteIdent(qualified.slice(0, dot))}.${quoteIdent(qualified.slice(dot + 1))}`;
}

export interface InsertContext {
  /** Rows per table (generated, or planned for those not generated yet). */
  readonly counts: ReadonlyMap<string, number>;
  /** `table:fk` broken in a cycle: left NULL now, filled by an UPDATE once the parent has rows. */
  readonly nulledFks: ReadonlySet<string>;
  /** Parents whose keys are computed from their row number (no join needed). */
  readonly parents: ReadonlyMap<string, TableModel>;
  /** table -> numeric key column -> largest value already there. */
  readonly offsets: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly forceNull?: ReadonlySet<string>;
  readonly forceUnique?: ReadonlySet<string>;
  /** Keep only the rows that satisfy the CHECKs and give NOT NULL generated columns a value. */
  readonly filter?: boolean;
  /** ON CONFLICT DO NOTHING (duplicates of a unique or exclusion constraint skipped). */
  readonly onConflict?: boolean;
}

/** The columns of a unique index the model does not list as a unique key (partial, or over expressions). */
function uniqueIndexColumns(t: TableModel): string[][] {
  const names = new Set(t.columns.map((c) => c.name));
  const out: string[][] = [];
  for (const ix of t.indexes) {
    if (!ix.unique || ix.primary || (!ix.partial && ix.columns.every((c) => c !== null))) {
      continue;
    }
    const keyPart = /\((.*)\)(?:\s+(?:INCLUDE|WHERE|NULLS)|$)/.exec(ix.definition.replace(/\s+WHERE\s.*$/, ''))?.[1] ?? '';
    const cols = [...new Set([...keyPart.matchAll(/"?([A-Za-z_][\w$]*)"?/g)].map((m) => m[1]).filter((c) => names.has(c)))];
    if (cols.length > 0) {
      out.push(cols);
    }
  }
  return out;
}

/** The expression a table's CHECK holds, without `CHECK` and `NOT VALID`. */
function checkExpression(definition: string): string | undefined {
  const m = /^CHECK\s*(\(.*\))(?:\s+NOT VALID)?(?:\s+NO INHERIT)?$/s.exec(definition.trim());
  return m?.[1];
}

/** The INSERT statement for one table, or why it cannot be generated. */
export function insertStatement(t: TableModel, count: number, ctx: InsertContext): { sql: string; rows: number } | { reason: string } {
  const { counts, nulledFks, parents } = ctx;
  const forceNull = ctx.forceNull ?? new Set<string>();
  const hints = checkHints(t, ctx.offsets.get(t.qualified));
  const keySets = [t.primaryKey, ...t.uniques, ...uniqueIndexColumns(t)].filter((k) => k.length > 0);
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
  const uniqueCols = new Set<string>(ctx.forceUnique ?? []);
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
    const required = fk.columns.find((col) => t.columns.find((c) => c.name === col)?.notNull);
    const cycle = nulledFks.has(`${t.qualified}:${fk.name}`);
    const unusable = (cycle && !(required && parents.has(fk.refTable))) || (!self && parentRows === 0);
    if (unusable) {
      if (required) {
        return { reason: cycle ? `a NOT NULL foreign key ${fk.name} closes a cycle through ${fk.refTable}` : `${fk.refTable} is empty (foreign key ${fk.name})` };
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
        if (!refExpr || !c) {
          if (c?.notNull) {
            return { reason: `no key to compute for the self-reference ${col}` };
          }
          leftNull.add(col);
          continue;
        }
        // NOT NULL: the first row references itself.
        const ref = refExpr.replace(/\bs\.g\b/g, `s.k${i}`);
        fkValue.set(col, c.notNull ? ref : `CASE WHEN s.g = 1 OR random() < 0.3 THEN NULL ELSE ${ref} END`);
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
    const keyExpr = parent && parentKey && !parentKey.generated ? valueExpression(parent, parentKey, true, checkHints(parent, ctx.offsets.get(parent.qualified))) : undefined;
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
  let select =
    `SELECT ${names.map((n) => `${exprs.get(n)} AS ${quoteIdent(n)}`).join(',\n  ')}\n` +
    `FROM (SELECT ${inner} FROM generate_series(1, ${rows}) g) s\n${joins.join('\n')}`;
  if (ctx.filter) {
    // Only the rows the table accepts: every CHECK whose columns are all generated here, and
    // the NOT NULL generated columns' expressions not NULL.
    const given = new Set(names);
    const refersOnlyToGiven = (e: string) =>
      t.columns.every((c) => given.has(c.name) || !new RegExp(`(^|[^\\w$"])"?${c.name.replace(/[$]/g, '\\$')}"?($|[^\\w$"])`).test(e));
    const conditions = [
      ...t.checks.map((c) => checkExpression(c.definition)).filter((e): e is string => e !== undefined && refersOnlyToGiven(e)).map((e) => `${e} IS NOT FALSE`),
      ...t.columns.filter((c) => c.generated && c.notNull && c.default && refersOnlyToGiven(c.default)).map((c) => `(${c.default}) IS NOT NULL`),
    ];
    if (conditions.length > 0) {
      select = `SELECT ${names.map(quoteIdent).join(', ')} FROM (${select}) x\nWHERE ${conditions.join('\n  AND ')}`;
    }
  }
  const sql =
    `INSERT INTO ${qname(t.qualified)} (${names.map(quoteIdent).join(', ')})${overriding ? ' OVERRIDING SYSTEM VALUE' : ''}\n${select}` +
    (ctx.onConflict ? '\nON CONFLICT DO NOTHING' : '');
  return { sql, rows };
}
