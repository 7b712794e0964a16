/**
 * The real PostgreSQL parser (libpg_query compiled to wasm, @pgsql/parser), loaded on first use.
 * Requiring the package starts compiling its wasm, so it is required only inside `loadPgParser`.
 * Bundled, the package resolves libpg-query.wasm next to the bundle (esbuild.mjs copies it to dist/).
 */

/** A parse tree node as libpg_query's JSON gives it: `{ NodeType: { ...fields } }`. */
export type PgNode = Record<string, unknown>;

export interface PgRawStmt {
  readonly stmt: PgNode;
  readonly stmt_location?: number;
  readonly stmt_len?: number;
}

interface PgModule {
  loadModule(): Promise<void>;
  parseSync(sql: string): { stmts?: PgRawStmt[] };
  scanSync(sql: string): { tokens: { start: number; end: number; text: string; tokenName: string }[] };
}

let loading: Promise<PgModule> | undefined;
let loaded: PgModule | undefined;

export function loadPgParser(): Promise<PgModule> {
  loading ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('@pgsql/parser') as PgModule;
    await mod.loadModule();
    loaded = mod;
    return mod;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** The loaded parser; call loadPgParser() first. */
export function pg(): PgModule {
  if (!loaded) {
    throw new Error('PostgreSQL parser not loaded; await loadPgParser() first.');
  }
  return loaded;
}

/** Parse results by SQL text (null: a syntax error); the same query text recurs across a workspace. */
const parsedByText = new Map<string, readonly PgRawStmt[] | null>();
const PARSE_CACHE_LIMIT = 5000;
/** Longer texts (whole .sql files) are parsed every time rather than held in memory. */
const PARSE_CACHE_MAX_LENGTH = 4000;

/**
 * Parses `sql`; undefined on a syntax error. Results are cached by text and shared between
 * callers, so they must be treated as read-only.
 */
export function tryParse(sql: string): PgRawStmt[] | undefined {
  const cacheable = sql.length <= PARSE_CACHE_MAX_LENGTH;
  const cached = cacheable ? parsedByText.get(sql) : undefined;
  if (cached !== undefined) {
    return cached === null ? undefined : (cached as PgRawStmt[]);
  }
  let result: PgRawStmt[] | null;
  try {
    result = pg().parseSync(sql).stmts ?? [];
  } catch {
    result = null;
  }
  if (cacheable) {
    if (parsedByText.size >= PARSE_CACHE_LIMIT) {
      parsedByText.clear();
    }
    parsedByText.set(sql, result);
  }
  return result ?? undefined;
}

/** Splits SQL into statements at top-level `;` tokens (the real scanner, so quotes and comments are respected). */
export function splitStatements(sql: string): { start: number; end: number }[] {
  let tokens: { start: number; end: number; text: string }[];
  try {
    tokens = pg().scanSync(sql).tokens;
  } catch {
    return [{ start: 0, end: sql.length }];
  }
  const out: { start: number; end: number }[] = [];
  let start = -1;
  for (const t of tokens) {
    if (t.text === ';') {
      if (start >= 0) {
        out.push({ start, end: t.start });
      }
      start = -1;
    } else if (start < 0) {
      start = t.start;
    }
  }
  if (start >= 0) {
    out.push({ start, end: tokens[tokens.length - 1].end });
  }
  return out;
}
