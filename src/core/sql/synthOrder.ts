/**
 * Which tables are filled first and with how many rows: parents before children (a cycle broken
 * at a nullable foreign key, filled afterwards), each level up the foreign-key tree five times
 * fewer rows.
 */
import type { SchemaModel, TableModel } from './model';

export interface CountOptions {
  /** Rows in the largest table. */
  readonly rows: number;
  /** "at 100k users": this table gets `rows`, the others in proportion (never more than `rows`). */
  readonly anchorTable?: string;
  /** Tables left empty (the migration tool's tracking table). */
  readonly exclude?: ReadonlySet<string>;
  /** table (qualified or bare name) -> rows, instead of the proportions (a scale file); capped by nothing. */
  readonly sizes?: ReadonlyMap<string, number>;
}

/** The tables with the parents their NOT NULL foreign keys need, transitively. */
export function withRequiredParents(model: SchemaModel, tables: ReadonlySet<string>): Set<string> {
  const byName = new Map(model.tables.map((t) => [t.qualified, t]));
  const out = new Set<string>();
  const visit = (q: string) => {
    const t = byName.get(q);
    if (!t || out.has(q)) {
      return;
    }
    out.add(q);
    for (const fk of t.foreignKeys) {
      if (fk.columns.some((c) => t.columns.find((x) => x.name === c)?.notNull)) {
        visit(fk.refTable);
      }
    }
  };
  tables.forEach(visit);
  return out;
}

/** Children per parent at each level of the foreign-key tree. */
export const FANOUT = 5;
export const MIN_ROWS = 20;

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

/**
 * Parents before children. A cycle is broken at a nullable foreign key (left NULL, then filled by
 * an UPDATE once both tables have rows); only a cycle of NOT NULL keys breaks at a required one
 * (that table is then reported).
 */
export function insertionOrder(tables: readonly TableModel[]): { order: TableModel[]; nulledFks: Set<string> } {
  const byName = new Map(tables.map((t) => [t.qualified, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: TableModel[] = [];
  const nulledFks = new Set<string>();
  const required = (t: TableModel, fk: TableModel['foreignKeys'][number]) => fk.columns.some((c) => t.columns.find((x) => x.name === c)?.notNull);
  /** false: a NOT NULL key led back into the stack (the caller breaks the cycle at a nullable key); `force` breaks it here. */
  const visit = (t: TableModel, force: boolean): boolean => {
    if (done.has(t.qualified)) {
      return true;
    }
    if (visiting.has(t.qualified)) {
      return false;
    }
    visiting.add(t.qualified);
    const fks = [...t.foreignKeys].sort((a, b) => Number(required(t, b)) - Number(required(t, a)));
    for (const fk of fks) {
      const parent = byName.get(fk.refTable);
      if (!parent || parent === t || done.has(parent.qualified)) {
        continue;
      }
      if (visit(parent, false)) {
        continue;
      }
      if (!required(t, fk) || force) {
        nulledFks.add(`${t.qualified}:${fk.name}`);
        continue;
      }
      visiting.delete(t.qualified);
      return false;
    }
    visiting.delete(t.qualified);
    done.add(t.qualified);
    order.push(t);
    return true;
  };
  for (const t of tables) {
    if (!visit(t, false)) {
      visit(t, true);
    }
  }
  return { order, nulledFks };
}

export function plannedRowCounts(model: SchemaModel, options: CountOptions): Map<string, number> {
  const tables = model.tables.filter((t) => !options.exclude?.has(t.qualified));
  const h = heights(tables);
  const anchor = options.anchorTable ? tables.find((t) => t.qualified === options.anchorTable || t.name === options.anchorTable) : undefined;
  const top = anchor ? options.rows * FANOUT ** (h.get(anchor.qualified) ?? 0) : options.rows;
  const counts = new Map<string, number>();
  for (const t of tables) {
    const n = Math.round(top / FANOUT ** (h.get(t.qualified) ?? 0));
    const sized = options.sizes?.get(t.qualified) ?? options.sizes?.get(t.name);
    counts.set(t.qualified, sized !== undefined ? Math.max(1, Math.round(sized)) : Math.max(Math.min(MIN_ROWS, options.rows), Math.min(options.rows, n)));
  }
  return counts;
}
