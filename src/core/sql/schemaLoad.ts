/**
 * Applies a workspace schema to the embedded database the way its tool would, and says exactly
 * what could not be loaded: each file whole first (fast), statement by statement when that fails,
 * carrying on after a failure; a failure caused by an earlier one (the table a skipped statement
 * should have created) is counted as its echo, not reported as another cause.
 */
import { blankMetaCommands, splitStatements, type SqlStatement } from '../schema/splitStatements';
import type { SchemaFile, SchemaSources } from '../schema/types';
import { extensionBundle, isBuiltInExtension, missingExtensionHint } from './extensions';
import { pgMessage, SqlFailure, type SqlSession } from './session';
import type { Prescan } from './prescan';

export type SkipKind = 'extension' | 'error' | 'cascade' | 'meta' | 'copy-data';

export interface SkippedStatement {
  readonly file: string;
  readonly line: number;
  /** The statement, shortened to one line. */
  readonly statement: string;
  readonly kind: SkipKind;
  /** Why: Postgres's own message, or what the loader decided. */
  readonly reason: string;
  /** SQLSTATE when Postgres refused it. */
  readonly code?: string;
  /** For an echo: where its root cause is (file:line). */
  readonly causedBy?: string;
}

export interface Adaptation {
  readonly file?: string;
  readonly line?: number;
  readonly what: string;
}

export interface LoadReport {
  readonly filesApplied: number;
  readonly filesWithSkips: number;
  readonly statementsRun: number;
  readonly skipped: readonly SkippedStatement[];
  readonly adapted: readonly Adaptation[];
  readonly extensionsLoaded: readonly string[];
  readonly extensionsMissing: readonly string[];
  readonly rolesCreated: readonly string[];
  readonly ms: number;
}

/** Types and functions a missing extension would have provided, to recognise echoes. */
const EXTENSION_OBJECTS: Readonly<Record<string, readonly string[]>> = {
  vector: ['vector', 'halfvec', 'sparsevec', 'vector_cosine_ops', 'vector_l2_ops', 'vector_ip_ops', 'hnsw', 'ivfflat'],
  postgis: ['geometry', 'geography', 'box2d', 'box3d', 'gist_geometry_ops_2d'],
  timescaledb: ['create_hypertable', 'add_retention_policy', 'add_compression_policy', 'time_bucket'],
};

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const QUALIFIED = String.raw`(?:${IDENT}\s*\.\s*)?${IDENT}`;

function bare(name: string): string {
  const last = name.split(/\s*\.\s*(?=(?:"|[A-Za-z_]))/).pop() ?? name;
  return last.startsWith('"') ? last.slice(1, -1) : last.toLowerCase();
}

/** Names of the objects a statement creates (what a later statement may miss if it failed). */
export function createdNames(statement: string): string[] {
  const t = statement.replace(/--[^\n]*/g, ' ');
  const out: string[] = [];
  const m = new RegExp(
    String.raw`^CREATE\s+(?:OR\s+REPLACE\s+)?(?:UNIQUE\s+|UNLOGGED\s+|TEMP(?:ORARY)?\s+|MATERIALIZED\s+|RECURSIVE\s+)*` +
      String.raw`(?:TABLE|TYPE|FUNCTION|PROCEDURE|VIEW|SEQUENCE|SCHEMA|DOMAIN|INDEX(?:\s+CONCURRENTLY)?|EXTENSION|TRIGGER|AGGREGATE)\s+(?:IF\s+NOT\s+EXISTS\s+)?(${QUALIFIED})`,
    'i',
  ).exec(t);
  if (m) {
    out.push(bare(m[1]));
  }
  for (const c of t.matchAll(new RegExp(String.raw`\bADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})\s+[A-Za-z]`, 'gi'))) {
    if (!/^(constraint|primary|foreign|unique|check)$/i.test(c[1])) {
      out.push(bare(c[1]));
    }
  }
  const rename = new RegExp(String.raw`\bRENAME\s+(?:COLUMN\s+)?${IDENT}\s+TO\s+(${IDENT})|\bRENAME\s+TO\s+(${IDENT})`, 'i').exec(t);
  if (rename) {
    out.push(bare(rename[1] ?? rename[2]));
  }
  return out;
}

/** The object name a "does not exist" error is about. */
export function missingName(message: string): string | undefined {
  const m = /^(?:relation|type|function|schema|column|operator class|access method|index|constraint|sequence|view|table|extension|role|text search configuration)\s+"([^"]+)"(?:\s+of relation\s+"[^"]+")?\s+does not exist/i.exec(message)
    ?? /^column\s+([\w.]+)\s+does not exist/i.exec(message)
    ?? /"([^"]+)" is not a (?:table|view|type)/i.exec(message);
  if (!m) {
    return undefined;
  }
  const name = m[1].replace(/\(.*$/, '');
  return (name.split('.').pop() ?? name).toLowerCase();
}

export function oneLine(statement: string, max = 100): string {
  const s = statement.replace(/--[^\n]*/g, ' ').replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

interface FileText {
  readonly file: SchemaFile;
  readonly text: string;
  /** First line of `text` in the file (dbmate's up section starts below the marker). */
  readonly firstLine: number;
}

/** The part of a file its tool applies: dbmate's `-- migrate:up` section; otherwise all of it. */
export function applicableText(file: SchemaFile, raw: string): FileText {
  if (!file.upSection) {
    return { file, text: raw, firstLine: 1 };
  }
  const up = /^[ \t]*--\s*migrate:up\b[^\n]*\n?/m.exec(raw);
  if (!up) {
    return { file, text: '', firstLine: 1 };
  }
  const start = up.index + up[0].length;
  const down = /^[ \t]*--\s*migrate:down\b/m.exec(raw.slice(start));
  const text = down ? raw.slice(start, start + down.index) : raw.slice(start);
  return { file, text, firstLine: raw.slice(0, start).split('\n').length };
}

const TRANSACTION_CONTROL = /^(BEGIN|COMMIT|END|ROLLBACK|START\s+TRANSACTION|SAVEPOINT|RELEASE)\b/i;
/** Statements that cannot run inside the implicit transaction of a multi-statement exec. */
const NEEDS_OWN_TRANSACTION = /\bCONCURRENTLY\b|^\s*VACUUM\b|^\s*(BEGIN|COMMIT|START\s+TRANSACTION)\b|ALTER\s+TYPE\s+\S+\s+ADD\s+VALUE|^\s*CREATE\s+DATABASE|^\s*ALTER\s+SYSTEM/im;

export async function loadSchema(
  session: SqlSession,
  sources: SchemaSources,
  texts: ReadonlyMap<string, string>,
  pre: Prescan,
  loadedExtensions: readonly string[],
  log: (s: string) => void = () => undefined,
): Promise<LoadReport> {
  const started = Date.now();
  const skipped: SkippedStatement[] = [];
  const adapted: Adaptation[] = [];
  const lost = new Map<string, string>(); // object name -> file:line of the root cause
  let statementsRun = 0;
  let filesApplied = 0;
  const filesWithSkips = new Set<string>();
  const loaded = new Set(loadedExtensions.map((e) => e.toLowerCase()));
  const missing = pre.extensions.filter((e) => !isBuiltInExtension(e) && !loaded.has(e.toLowerCase()));
  for (const e of missing) {
    for (const o of EXTENSION_OBJECTS[e.toLowerCase()] ?? [e.toLowerCase()]) {
      lost.set(o, `extension ${e}`);
    }
  }

  const rolesCreated: string[] = [];
  for (const role of pre.roles) {
    try {
      await session.exec(`CREATE ROLE ${quoteIdent(role)} NOLOGIN`);
      rolesCreated.push(role);
    } catch (err) {
      log(`could not create role ${role}: ${(err as Error).message}`);
    }
  }
  if (rolesCreated.length > 0) {
    adapted.push({ what: `created role${rolesCreated.length === 1 ? '' : 's'} ${rolesCreated.join(', ')} (referenced by GRANT/OWNER TO/policies)` });
  }
  const tracking = sources.trackingTable;
  if (tracking && !pre.createdTables.has(tracking)) {
    try {
      await session.exec(trackingTableDdl(sources.tool, tracking));
      adapted.push({ what: `created ${sources.tool}'s tracking table ${tracking}` });
    } catch (err) {
      log(`could not create tracking table ${tracking}: ${(err as Error).message}`);
    }
  }
  for (const e of loadedExtensions) {
    adapted.push({ what: `loaded PGlite's bundled extension ${e}` });
  }

  const skip = (f: FileText, s: SqlStatement, kind: SkipKind, reason: string, code?: string, causedBy?: string) => {
    skipped.push({ file: f.file.rel, line: s.line, statement: oneLine(s.text), kind, reason, ...(code ? { code } : {}), ...(causedBy ? { causedBy } : {}) });
    if (kind === 'error' || kind === 'cascade' || kind === 'extension') {
      filesWithSkips.add(f.file.rel);
      const at = causedBy ?? `${f.file.rel}:${s.line}`;
      for (const name of createdNames(s.text)) {
        if (!lost.has(name)) {
          lost.set(name, at);
        }
      }
    }
  };

  interface Prepared {
    readonly f: FileText;
    readonly runnable: SqlStatement[];
    /** Can run in one exec (one implicit transaction) with others. */
    readonly whole: boolean;
    /** Changes session settings (pg_dump's search_path): never batched with other files. */
    readonly setsSession: boolean;
  }
  const prepared: Prepared[] = [];
  for (const file of sources.files) {
    const raw = texts.get(file.path);
    if (raw === undefined) {
      skipped.push({ file: file.rel, line: 1, statement: '', kind: 'error', reason: 'file could not be read' });
      continue;
    }
    const f = applicableText(file, file.breakpoints ? raw.replace(/^-->\s*statement-breakpoint[^\n]*$/gm, '') : raw);
    const statements = splitStatements(f.text, f.firstLine);
    const runnable = statements.filter((s) => !s.meta && !s.copyData && !TRANSACTION_CONTROL.test(s.text));
    for (const s of statements) {
      if (s.meta) {
        skip(f, s, 'meta', 'psql meta-command: not SQL, skipped');
      } else if (s.copyData) {
        skip(f, s, 'copy-data', 'COPY … FROM stdin data left out: synthetic data is generated instead');
      }
    }
    const whole = runnable.length > 0 && !NEEDS_OWN_TRANSACTION.test(f.text) && statements.every((s) => !s.meta && !s.copyData);
    prepared.push({ f, runnable, whole, setsSession: /^\s*(SET|RESET)\b|set_config\s*\(/im.test(f.text) });
  }

  const applyByStatement = async ({ f, runnable }: Prepared) => {
    for (const s of runnable) {
      const ext = new RegExp(String.raw`^CREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})`, 'i').exec(s.text);
      if (ext) {
        const name = ext[1].replace(/"/g, '');
        if (!isBuiltInExtension(name) && !loaded.has(name.toLowerCase())) {
          const why = extensionBundle(name) ? 'its bundle was not found next to the worker' : missingExtensionHint(name);
          skip(f, s, 'extension', `extension ${name}: ${why}`);
          continue;
        }
      }
      const ok = await runStatement(session, s.text);
      if (ok === true) {
        statementsRun++;
        continue;
      }
      if (ok.code === '25001' && /\bCONCURRENTLY\b/i.test(s.text)) {
        const plain = s.text.replace(/\s+CONCURRENTLY\b/i, '');
        if ((await runStatement(session, plain)) === true) {
          statementsRun++;
          adapted.push({ file: f.file.rel, line: s.line, what: 'ran without CONCURRENTLY (not possible inside a transaction)' });
          continue;
        }
      }
      const name = missingName(ok.message);
      const cause = name !== undefined ? lost.get(name) : undefined;
      if (cause) {
        skip(f, s, 'cascade', `${pgMessage(ok)} — because ${cause} failed`, ok.code, cause);
      } else {
        skip(f, s, 'error', pgMessage(ok), ok.code);
      }
    }
    await resetSession(session);
    filesApplied++;
  };

  // Consecutive files that can run whole go in one exec (a 300-migration history in a few
  // round trips); when a batch fails, each of its files runs again on its own.
  let next = 0;
  while (next < prepared.length) {
    const batch: Prepared[] = [];
    let chars = 0;
    while (next < prepared.length && prepared[next].whole && !prepared[next].setsSession && batch.length < 100 && chars < 400_000) {
      chars += prepared[next].f.text.length;
      batch.push(prepared[next++]);
    }
    if (batch.length > 1) {
      try {
        await session.exec(batch.map((b) => b.f.text).join('\n;\n'));
        statementsRun += batch.reduce((n, b) => n + b.runnable.length, 0);
        filesApplied += batch.length;
        continue;
      } catch {
        // Rolled back as a whole: file by file below.
      }
    }
    for (const p of batch.length > 0 ? batch : [prepared[next++]]) {
      if (p.whole) {
        try {
          await session.exec(blankMetaCommands(p.f.text));
          statementsRun += p.runnable.length;
          filesApplied++;
          if (p.setsSession) {
            await resetSession(session);
          }
          continue;
        } catch {
          // Rolled back as a whole: go statement by statement to find what fails.
        }
      }
      await applyByStatement(p);
    }
  }
  log(`schema loaded: ${statementsRun} statements, ${skipped.length} skipped, ${Date.now() - started} ms`);
  return {
    filesApplied,
    filesWithSkips: filesWithSkips.size,
    statementsRun,
    skipped,
    adapted,
    extensionsLoaded: [...loadedExtensions],
    extensionsMissing: missing,
    rolesCreated,
    ms: Date.now() - started,
  };
}

async function runStatement(session: SqlSession, sql: string): Promise<true | { message: string; code?: string; detail?: string; hint?: string }> {
  try {
    await session.exec(sql);
    return true;
  } catch (err) {
    if (err instanceof SqlFailure) {
      return err.pg;
    }
    return { message: (err as Error).message };
  }
}

/** pg_dump empties search_path and sets other session state; the next file starts clean. */
async function resetSession(session: SqlSession): Promise<void> {
  try {
    await session.exec('RESET ALL; RESET ROLE;');
  } catch {
    // An aborted transaction left open by a file: end it.
    await session.exec('ROLLBACK').catch(() => undefined);
  }
}

/** Keywords that cannot stand as a bare column name (reserved and type/function-name keywords). */
const RESERVED = new Set(
  ('all analyse analyze and any array as asc asymmetric authorization between binary both case cast check collate collation column concurrently ' +
    'constraint create cross current_catalog current_date current_role current_schema current_time current_timestamp current_user default ' +
    'deferrable desc distinct do else end except false fetch for foreign freeze from full grant group having ilike in initially inner intersect ' +
    'into is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on only or order outer overlaps ' +
    'placing primary references returning right select session_user similar some symmetric system_user table tablesample then to trailing true ' +
    'union unique user using variadic verbose when where window with').split(' '),
);

export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

function trackingTableDdl(tool: SchemaSources['tool'], table: string): string {
  switch (tool) {
    case 'prisma':
      return `CREATE TABLE "_prisma_migrations" (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz,
        migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(),
        applied_steps_count integer NOT NULL DEFAULT 0)`;
    case 'drizzle':
      return 'CREATE SCHEMA IF NOT EXISTS drizzle; CREATE TABLE drizzle.__drizzle_migrations (id serial PRIMARY KEY, hash text NOT NULL, created_at bigint)';
    case 'flyway':
      return `CREATE TABLE flyway_schema_history (installed_rank integer PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL,
        type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum integer, installed_by varchar(100) NOT NULL,
        installed_on timestamp NOT NULL DEFAULT now(), execution_time integer NOT NULL, success boolean NOT NULL)`;
    case 'golang-migrate':
      return 'CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)';
    case 'dbmate':
      return 'CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY)';
    default:
      return `CREATE TABLE ${table} (version text PRIMARY KEY)`;
  }
}
