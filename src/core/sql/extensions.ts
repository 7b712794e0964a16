/**
 * The contrib extensions PGlite ships as loadable bundles (dist/*.tar.gz of @electric-sql/pglite
 * 0.5), by the name `CREATE EXTENSION` uses. pgvector and PostGIS are separate packages, not shipped.
 */
const BUNDLED: Readonly<Record<string, string>> = {
  amcheck: 'amcheck', auto_explain: 'auto_explain', bloom: 'bloom', btree_gin: 'btree_gin', btree_gist: 'btree_gist',
  citext: 'citext', cube: 'cube', dict_int: 'dict_int', dict_xsyn: 'dict_xsyn', earthdistance: 'earthdistance',
  file_fdw: 'file_fdw', fuzzystrmatch: 'fuzzystrmatch', hstore: 'hstore', intarray: 'intarray', isn: 'isn', lo: 'lo',
  ltree: 'ltree', pageinspect: 'pageinspect', pg_buffercache: 'pg_buffercache', pg_freespacemap: 'pg_freespacemap',
  pg_stat_statements: 'pg_stat_statements', pg_surgery: 'pg_surgery', pg_trgm: 'pg_trgm', pg_visibility: 'pg_visibility',
  pg_walinspect: 'pg_walinspect', pgcrypto: 'pgcrypto', seg: 'seg', tablefunc: 'tablefunc', tcn: 'tcn',
  tsm_system_rows: 'tsm_system_rows', tsm_system_time: 'tsm_system_time', unaccent: 'unaccent', 'uuid-ossp': 'uuid-ossp',
  // The SPI examples share one bundle.
  moddatetime: 'spi', autoinc: 'spi', insert_username: 'spi', refint: 'spi',
};

/** Built into every Postgres: CREATE EXTENSION works without a bundle. */
const BUILT_IN = new Set(['plpgsql']);

/** Extensions that need another one first. */
const REQUIRES: Readonly<Record<string, readonly string[]>> = { earthdistance: ['cube'] };

export function isBuiltInExtension(name: string): boolean {
  return BUILT_IN.has(name.toLowerCase());
}

/** The bundle file (without .tar.gz) for an extension, or undefined when PGlite has none. */
export function extensionBundle(name: string): string | undefined {
  return BUNDLED[name.toLowerCase()];
}

export function bundledExtensionNames(): string[] {
  return Object.keys(BUNDLED);
}

/** Names to load for the requested ones, dependencies included, unknown ones left out. */
export function extensionsToLoad(requested: Iterable<string>): string[] {
  const out = new Set<string>();
  const add = (n: string) => {
    const name = n.toLowerCase();
    if (!BUNDLED[name] || out.has(name)) {
      return;
    }
    for (const dep of REQUIRES[name] ?? []) {
      add(dep);
    }
    out.add(name);
  };
  for (const r of requested) {
    add(r);
  }
  return [...out];
}

/** A few well-known extensions PGlite does not bundle, with what to do instead. */
export function missingExtensionHint(name: string): string {
  switch (name.toLowerCase()) {
    case 'vector':
      return 'pgvector is a separate PGlite package and is not shipped; columns of type vector cannot be created';
    case 'postgis':
    case 'postgis_topology':
    case 'postgis_raster':
      return 'PostGIS is not shipped with PGlite';
    case 'timescaledb':
      return 'TimescaleDB is not available in PGlite';
    default:
      return 'PGlite does not ship this extension';
  }
}
