/**
 * How each migration tool orders its files, given one directory's listing. Pure: the caller
 * lists directories; these functions only decide which files apply and in which order.
 */
import type { SchemaTool } from './types';

export interface LayoutMatch {
  readonly tool: SchemaTool;
  /** File names (or `dir/migration.sql` for Prisma) relative to the layout directory, in apply order. */
  readonly files: readonly string[];
  readonly notes: readonly string[];
  readonly upSection?: boolean;
  readonly breakpoints?: boolean;
}

/** Tracking table each tool creates before the first migration runs. */
export const TRACKING_TABLES: Readonly<Record<SchemaTool, string | undefined>> = {
  pg_dump: undefined,
  prisma: '_prisma_migrations',
  drizzle: 'drizzle.__drizzle_migrations',
  flyway: 'flyway_schema_history',
  'golang-migrate': 'schema_migrations',
  dbmate: 'schema_migrations',
  plain: undefined,
};

const FLYWAY = /^V(\d+(?:[._]\d+)*)__.+\.sql$/i;
const FLYWAY_REPEATABLE = /^R__.+\.sql$/i;
const GOLANG_MIGRATE = /^(\d+)_[^/]*?\.up\.sql$/i;
/** ory/popx style: `<version>_<name>.<dialect>.up.sql`; other dialects are left out. */
const DIALECT = /\.(postgres|postgresql|cockroach|mysql|sqlite3?|mssql)\.(up|down)\.sql$/i;

/** Compares Flyway versions numerically part by part: 1.9 < 1.10, 2 = 2.0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[._]/).map((p) => BigInt(p));
  const pb = b.split(/[._]/).map((p) => BigInt(p));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0n;
    const y = pb[i] ?? 0n;
    if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

/** Natural order: embedded numbers compare by value ("2_x" before "10_x"). */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function flywayLayout(names: readonly string[]): LayoutMatch | undefined {
  const versioned = names.filter((n) => FLYWAY.test(n));
  if (versioned.length === 0) {
    return undefined;
  }
  versioned.sort((a, b) => compareVersions(FLYWAY.exec(a)![1], FLYWAY.exec(b)![1]) || naturalCompare(a, b));
  // Repeatable migrations run after all versioned ones, ordered by description.
  const repeatable = names.filter((n) => FLYWAY_REPEATABLE.test(n)).sort(naturalCompare);
  const undo = names.filter((n) => /^U\d/.test(n) && n.endsWith('.sql'));
  const notes = undo.length > 0 ? [`${undo.length} Flyway undo file(s) (U…) not applied`] : [];
  return { tool: 'flyway', files: [...versioned, ...repeatable], notes };
}

export function golangMigrateLayout(names: readonly string[]): LayoutMatch | undefined {
  const ups = names.filter((n) => GOLANG_MIGRATE.test(n));
  if (ups.length === 0) {
    return undefined;
  }
  const notes: string[] = [];
  const byVersion = new Map<string, string>();
  const otherDialects: string[] = [];
  for (const n of ups) {
    const d = DIALECT.exec(n);
    if (d && !/^postgres/i.test(d[1])) {
      otherDialects.push(n);
      continue;
    }
    const version = GOLANG_MIGRATE.exec(n)![1];
    const key = `${BigInt(version)}:${n.replace(DIALECT, '').replace(/\.up\.sql$/i, '')}`;
    // A dialect-specific file wins over the generic one of the same migration.
    if (!byVersion.has(key) || d) {
      byVersion.set(key, n);
    }
  }
  if (otherDialects.length > 0) {
    notes.push(`${otherDialects.length} migration(s) for other databases (mysql, sqlite, cockroach…) left out`);
  }
  const files = [...byVersion.values()].sort((a, b) => {
    const va = BigInt(GOLANG_MIGRATE.exec(a)![1]);
    const vb = BigInt(GOLANG_MIGRATE.exec(b)![1]);
    return va === vb ? naturalCompare(a, b) : va < vb ? -1 : 1;
  });
  return { tool: 'golang-migrate', files, notes };
}

/** dbmate: `<version>_<name>.sql` whose text has `-- migrate:up` (the caller checks the text). */
export function dbmateLayout(names: readonly string[], hasUpMarker: (name: string) => boolean): LayoutMatch | undefined {
  const files = names.filter((n) => /^\d+_.*\.sql$/i.test(n) && !/\.down\.sql$/i.test(n) && hasUpMarker(n)).sort(naturalCompare);
  return files.length === 0 ? undefined : { tool: 'dbmate', files, notes: [], upSection: true };
}

export interface DrizzleJournal {
  readonly entries?: ReadonlyArray<{ readonly idx?: number; readonly tag?: string }>;
  readonly dialect?: string;
}

/** Drizzle: the journal decides; a .sql file not in it is never applied. */
export function drizzleLayout(journal: DrizzleJournal, names: readonly string[]): LayoutMatch {
  const present = new Set(names);
  const entries = [...(journal.entries ?? [])].sort((a, b) => (a.idx ?? 0) - (b.idx ?? 0));
  const files: string[] = [];
  const notes: string[] = [];
  for (const e of entries) {
    if (typeof e.tag !== 'string') {
      continue;
    }
    const file = `${e.tag}.sql`;
    if (present.has(file)) {
      files.push(file);
    } else {
      notes.push(`journal entry ${e.tag} has no ${file}`);
    }
  }
  const listed = new Set(files);
  const unlisted = names.filter((n) => n.endsWith('.sql') && !listed.has(n));
  if (unlisted.length > 0) {
    notes.push(`not in meta/_journal.json, so not applied (as Drizzle would): ${unlisted.join(', ')}`);
  }
  if (journal.dialect && !/^postgres/i.test(journal.dialect)) {
    notes.push(`the journal's dialect is ${journal.dialect}, not postgresql`);
  }
  return { tool: 'drizzle', files, notes, breakpoints: true };
}

/** Prisma: `migrations/<timestamp>_<name>/migration.sql`, in directory-name order. */
export function prismaLayout(dirsWithMigration: readonly string[]): LayoutMatch | undefined {
  if (dirsWithMigration.length === 0) {
    return undefined;
  }
  const files = [...dirsWithMigration].sort().map((d) => `${d}/migration.sql`);
  return { tool: 'prisma', files, notes: [] };
}

/** A plain folder of .sql files, in natural name order; down/rollback files left out. */
export function plainLayout(names: readonly string[]): LayoutMatch | undefined {
  const sql = names.filter((n) => /\.sql$/i.test(n));
  const down = sql.filter((n) => /(^|[._-])(down|rollback|undo|revert)[._-]|\.down\.sql$/i.test(n));
  const files = sql.filter((n) => !down.includes(n)).sort(naturalCompare);
  if (files.length === 0) {
    return undefined;
  }
  return { tool: 'plain', files, notes: down.length > 0 ? [`${down.length} down/rollback file(s) left out`] : [] };
}
