/**
 * Which of the queries found in the reviewed code get a plan: the application's queries, not
 * the schema's history. Statements in migration files and folders (data-migration UPDATEs,
 * backfills) are left out, and so are queries written for another database (ClickHouse, MySQL,
 * …) that the embedded PostgreSQL would only refuse; each with a note saying how many and why.
 * Of the rest, SELECTs of application code come first, then its other statements, then the
 * statements of .sql files, then seeds and test code.
 */
import * as path from 'node:path';
import { fileDialect, otherDialect, type OtherDialect } from '../../sql/dialect';

export interface FoundSql {
  /** Relative to the repository's top folder. */
  readonly file: string;
  /** Compared with the schema's files. */
  readonly absolutePath?: string;
  readonly line: number;
  readonly sql: string;
  readonly languageId?: string;
  /** A test file (the file set's policy). */
  readonly test?: boolean;
}

export interface QueryChoice {
  /** At most `max`, in the order they are planned. */
  readonly chosen: readonly FoundSql[];
  /** Application queries beyond `max`. */
  readonly leftOver: number;
  readonly migrations: readonly FoundSql[];
  readonly otherDialects: readonly (FoundSql & { readonly dialect: OtherDialect })[];
  /** One line per reason something was not planned. */
  readonly notes: readonly string[];
}

const MIGRATION_FOLDER = /^(migrations?|migrate|alembic|flyway|liquibase|changelogs?|dbmate|goose|schema_migrations)$/i;
const SEED_FOLDER = /^(seeds?|seeders?|seeding|fixtures?)$/i;

/**
 * A file that belongs to the schema's history: inside a migrations folder (Rails db/migrate,
 * Django app/migrations, Prisma, Knex, Laravel, Alembic versions, Flyway, Liquibase, …) or
 * named like a migration (Flyway V1__x.sql, golang-migrate 0001_x.up.sql, a timestamped file).
 */
export function isMigrationFile(file: string): boolean {
  const parts = file.split(/[/\\]/);
  const name = parts[parts.length - 1] ?? '';
  if (parts.slice(0, -1).some((p) => MIGRATION_FOLDER.test(p))) {
    return true;
  }
  // Alembic: <anything>/versions/<revision>.py
  if (parts.length >= 2 && parts[parts.length - 2] === 'versions' && /\.py$/.test(name)) {
    return true;
  }
  if (/^[VUR]\d+(?:[._]\d+)*__.+\.sql$/i.test(name) || /\.(?:up|down)\.sql$/i.test(name)) {
    return true;
  }
  // 20240101120000_add_users.sql / 1700000000000-AddUsers.ts / 0001_initial.sql
  return /^(?:\d{8,}|\d{4}-\d{2}-\d{2})[_-]\w/.test(name) || /^\d{3,}_\w.*\.sql$/i.test(name);
}

function isSqlFile(q: FoundSql): boolean {
  return /\.(?:sql|pgsql|psql)$/i.test(q.file) || /^(?:sql|pgsql|plpgsql|postgres)$/i.test(q.languageId ?? '');
}

function isSeedOrTest(q: FoundSql): boolean {
  return q.test === true || q.file.split(/[/\\]/).slice(0, -1).some((p) => SEED_FOLDER.test(p));
}

const READS = /^\s*\(?\s*(?:SELECT|WITH|VALUES|TABLE)\b/i;

/** 0 first: SELECTs of application code, its other statements, .sql files, then seeds and tests. */
function rank(q: FoundSql): number {
  const select = READS.test(q.sql) && !/^\s*WITH\b[\s\S]*\b(?:INSERT|UPDATE|DELETE)\b/i.test(q.sql) ? 0 : 1;
  if (isSeedOrTest(q)) {
    return 4 + select;
  }
  return (isSqlFile(q) ? 2 : 0) + select;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function someFiles(files: readonly string[]): string {
  const unique = [...new Set(files)];
  return `${unique.slice(0, 3).join(', ')}${unique.length > 3 ? `, … (${unique.length} files)` : ''}`;
}

/**
 * `fileTexts` gives each file's text for the file-level dialect check (a file importing a
 * ClickHouse client); `schemaFiles` are the absolute paths of the files the planner loads as the
 * schema, always history.
 */
export function chooseQueries(
  found: readonly FoundSql[],
  options: { readonly max: number; readonly fileTexts?: ReadonlyMap<string, string>; readonly schemaFiles?: ReadonlySet<string> },
): QueryChoice {
  const migrations: FoundSql[] = [];
  const otherDialects: (FoundSql & { dialect: OtherDialect })[] = [];
  const app: FoundSql[] = [];
  const byFile = new Map<string, OtherDialect | undefined>();
  for (const q of found) {
    if (isMigrationFile(q.file) || (q.absolutePath !== undefined && options.schemaFiles?.has(path.resolve(q.absolutePath)))) {
      migrations.push(q);
      continue;
    }
    if (!byFile.has(q.file)) {
      byFile.set(q.file, fileDialect(q.file, options.fileTexts?.get(q.file) ?? ''));
    }
    const dialect = byFile.get(q.file) ?? otherDialect(q.sql);
    if (dialect) {
      otherDialects.push({ ...q, dialect });
      continue;
    }
    app.push(q);
  }
  const ordered = app.map((q, i) => ({ q, i, r: rank(q) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.q);
  const chosen = ordered.slice(0, options.max);
  const notes: string[] = [];
  if (migrations.length > 0) {
    notes.push(
      `${plural(migrations.length, 'statement', 'statements')} in migration files ${migrations.length === 1 ? 'was' : 'were'} not planned ` +
        `(the schema's history, not the application's queries): ${someFiles(migrations.map((m) => m.file))}.`,
    );
  }
  if (otherDialects.length > 0) {
    const groups = new Map<string, { n: number; signs: Set<string> }>();
    for (const q of otherDialects) {
      const g = groups.get(q.dialect.dialect) ?? { n: 0, signs: new Set<string>() };
      g.n++;
      g.signs.add(q.dialect.sign);
      groups.set(q.dialect.dialect, g);
    }
    const why = [...groups].map(([d, g]) => `${d} ${g.n} (${[...g.signs].slice(0, 3).join(', ')})`).join('; ');
    notes.push(
      `${plural(otherDialects.length, 'query', 'queries')} in another SQL dialect ${otherDialects.length === 1 ? 'was' : 'were'} not planned ` +
        `(the embedded database is PostgreSQL): ${why} — ${someFiles(otherDialects.map((q) => q.file))}.`,
    );
  }
  const leftOver = ordered.length - chosen.length;
  if (leftOver > 0) {
    notes.push(
      `${leftOver} of ${ordered.length} queries were not planned (first ${options.max} only, SELECTs of application code first); review fewer files to plan the rest.`,
    );
  }
  return { chosen, leftOver, migrations, otherDialects, notes };
}
