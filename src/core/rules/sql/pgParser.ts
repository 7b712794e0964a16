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

/** Parses `sql`; undefined on a syntax error. */
export function tryParse(sql: string): PgRawStmt[] | undefined {
  try {
    return pg().parseSync(sql).stmts ?? [];
  } catch {
    return undefined;
  }
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
