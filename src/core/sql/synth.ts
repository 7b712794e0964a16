/**
 * Synthetic data at a scale: one `INSERT … SELECT … FROM generate_series` per table, parents
 * first, that satisfies the schema — keys, foreign keys, NOT NULL, unique (also partial and
 * expression indexes), CHECKs (ranges, lists, lengths, column order, regular expressions),
 * domains, generated columns over JSON — with a fixed seed, then ANALYZE. Rows the migrations
 * inserted stay; generated keys continue after them and sequences are moved past them. When
 * Postgres rejects a batch, its error names the constraint; the table is retried with a changed
 * strategy (a few times), and what still cannot be filled is reported with Postgres's reason.
 */
import type { SchemaModel, TableModel } from './model';
import { pgMessage, SqlFailure, type SqlSession } from './session';
import { quoteIdent } from './schemaLoad';
import { insertStatement, qname, type InsertContext } from './synthInsert';
import { insertionOrder, plannedRowCounts, withRequiredParents } from './synthOrder';
import { existingRows, fillCycles, moveSequences, nextStrategy, type Strategy } from './synthRepair';

export { insertionOrder, plannedRowCounts } from './synthOrder';
export { checkHints, valueExpression } from './synthValues';
export { insertStatement } from './synthInsert';

export interface SynthOptions {
  /** Rows in the largest table (default 100,000). */
  readonly rows: number;
  /** Fixed seed (same data every time). */
  readonly seed?: number;
  /** "at 100k users": this table gets `rows`, the others in proportion (never more than `rows`). */
  readonly anchorTable?: string;
  /** Tables left empty (the migration tool's tracking table). */
  readonly exclude?: ReadonlySet<string>;
  /** Only these tables (and the parents their NOT NULL foreign keys need): see lazyData.ts. */
  readonly only?: ReadonlySet<string>;
  /** Tables an earlier call filled (rows), left as they are and used as parents. */
  readonly filled?: ReadonlyMap<string, number>;
  /** Of those, the ones whose keys are computed from the row number. */
  readonly regular?: ReadonlySet<string>;
  /** table -> rows, instead of the foreign-key tree's proportions (a scale file). */
  readonly sizes?: ReadonlyMap<string, number>;
}

export interface SynthReport {
  /** Rows per table after generation (the migrations' own rows included). */
  readonly rows: ReadonlyMap<string, number>;
  /** Tables left without data, with Postgres's reason (or the empty parent's). */
  readonly skipped: readonly { table: string; reason: string }[];
  /** What was changed to fill a table: "public.users: rows violating users_username_check left out". */
  readonly adapted: readonly string[];
  /** Tables whose keys are a function of the row number (pass back as `regular`). */
  readonly regular: ReadonlySet<string>;
  readonly ms: number;
}

const MAX_ATTEMPTS = 5;

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
  const planned = plannedRowCounts(model, options);
  const filledBefore = options.filled ?? new Map<string, number>();
  const wanted = options.only ? withRequiredParents(model, options.only) : undefined;
  const tables = model.tables.filter((t) => planned.has(t.qualified) && !filledBefore.has(t.qualified) && (!wanted || wanted.has(t.qualified)));
  // A table neither generated now nor before has no rows: its children's keys must not point into it.
  const counts = new Map(model.tables.map((t) => [t.qualified, tables.includes(t) ? (planned.get(t.qualified) ?? 0) : (filledBefore.get(t.qualified) ?? 0)]));
  const { order, nulledFks } = insertionOrder(tables);
  const existing = await existingRows(session, tables);
  const actual = new Map<string, number>(filledBefore);
  const skipped: { table: string; reason: string }[] = [];
  const adapted: string[] = [];
  // Parents whose generated keys are a function of the row number; a table whose rows were
  // filtered, deduplicated or preceded by the migrations' rows is joined instead.
  const regular = new Map<string, TableModel>(model.tables.filter((t) => options.regular?.has(t.qualified)).map((t) => [t.qualified, t]));
  // Foreign keys hold by construction; skipping their per-row trigger checks (and user triggers)
  // makes generation about three times faster.
  await session.exec('SET session_replication_role = replica');
  try {
    for (const t of order) {
      const before = existing.get(t.qualified)?.rows ?? 0;
      const ctx0: InsertContext = {
        counts: withActual(actual, counts),
        nulledFks,
        parents: regular,
        offsets: new Map([...existing].map(([k, v]) => [k, v.max])),
      };
      let strategy: Strategy = {};
      let failure: string | undefined;
      let done = false;
      const seed = `SELECT setseed(${seedFor(options.seed ?? 42, t.qualified).toFixed(6)}); `;
      for (let attempt = 0; attempt < MAX_ATTEMPTS && !done; attempt++) {
        const stmt = insertStatement(t, counts.get(t.qualified) ?? 0, { ...ctx0, ...strategy });
        if (strategy.defaultPartition && !('reason' in stmt)) {
          // DEFAULT, or one partition taking every hash (hash partitioning has no default).
          const partition = `CREATE TABLE IF NOT EXISTS ${qname(`${t.schema}.${t.name}_synthetic_default`)} PARTITION OF ${qname(t.qualified)}`;
          await session.exec(`${partition} DEFAULT`).catch(() => session.exec(`${partition} FOR VALUES WITH (MODULUS 1, REMAINDER 0)`)).catch(() => undefined);
        }
        if ('reason' in stmt) {
          failure = stmt.reason;
          break;
        }
        const t0 = Date.now();
        try {
          await session.exec(seed + stmt.sql);
        } catch (err) {
          failure = err instanceof SqlFailure ? pgMessage(err.pg) : (err as Error).message;
          const next = err instanceof SqlFailure ? nextStrategy(t, err.pg, strategy) : undefined;
          if (!next) {
            break;
          }
          adapted.push(`${t.qualified}: ${next.note}`);
          log(`synthetic data for ${t.qualified}: ${failure} — retrying: ${next.note}`);
          strategy = next.strategy;
          continue;
        }
        const irregular = strategy.filter || strategy.onConflict;
        const total = irregular ? await countRows(session, t) : before + stmt.rows;
        actual.set(t.qualified, total);
        if (!irregular && before === 0 && total > 0) {
          regular.set(t.qualified, t);
        }
        log(`synthetic data: ${total - before} rows in ${t.qualified} (${Date.now() - t0} ms)`);
        done = total - before > 0 || stmt.rows === 0;
        if (!done) {
          failure ??= 'no generated row satisfied the table\'s CHECK constraints';
          const next = nextStrategy(t, { code: '23514', message: '' }, strategy);
          if (!next) {
            break;
          }
          adapted.push(`${t.qualified}: ${next.note}`);
          strategy = next.strategy;
        }
      }
      if (!done) {
        const reason = failure ?? 'not filled';
        log(`synthetic data for ${t.qualified} failed: ${reason}`);
        skipped.push({ table: t.qualified, reason });
        actual.set(t.qualified, before);
      }
    }
    await fillCycles(session, tables, nulledFks, actual, log);
  } finally {
    await session.exec('RESET session_replication_role');
  }
  await moveSequences(session, tables.filter((t) => (actual.get(t.qualified) ?? 0) > 0)).catch((err: unknown) => log(`sequences not moved: ${(err as Error).message}`));
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
  return { rows: actual, skipped, adapted, regular: new Set(regular.keys()), ms: Date.now() - started };
}

async function countRows(session: SqlSession, t: TableModel): Promise<number> {
  const [r] = await session.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${qname(t.qualified)}`);
  return r?.n ?? 0;
}

function withActual(actual: ReadonlyMap<string, number>, planned: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map(planned);
  for (const [k, v] of actual) {
    out.set(k, v);
  }
  return out;
}

export { quoteIdent };
