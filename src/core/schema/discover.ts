/**
 * Finds the workspace's schema: walks the tree (skipping dependency and build folders), spots
 * each migration tool's layout by its markers, and picks the most specific one. Plain Node fs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  dbmateLayout,
  drizzleLayout,
  flywayLayout,
  golangMigrateLayout,
  plainLayout,
  prismaLayout,
  TRACKING_TABLES,
  type DrizzleJournal,
  type LayoutMatch,
} from './layouts';
import type { DiscoverOptions, SchemaCandidate, SchemaFile, SchemaSources, SchemaTool } from './types';

const SKIP_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', 'target', 'vendor', '.venv', 'venv', '__pycache__',
  '.next', '.nuxt', 'coverage', '.cache', '.idea', '.vscode-test', '.gradle', 'bin', 'obj', '.terraform',
]);
const PLAIN_DIR_NAMES = /^(migrations?|migrate|schema|sql|ddl|db)$/i;
const DUMP_NAMES = /^(schema|structure|.*dump.*|.*schema.*)\.sql$/i;
const PRIORITY: Readonly<Record<SchemaTool, number>> = {
  prisma: 6, drizzle: 6, flyway: 5, 'golang-migrate': 5, dbmate: 5, pg_dump: 4, plain: 3,
};
const TESTISH = /(^|\/)(tests?|__tests__|spec|fixtures?|testdata|examples?|samples?)(\/|$)/i;

interface Listing {
  files: string[];
  dirs: string[];
}

interface Found extends LayoutMatch {
  /** Directory relative to the root (for a dump: the file). */
  readonly location: string;
  /** Directory the file names are relative to. */
  readonly dir: string;
}

export async function discoverSchema(root: string, options: DiscoverOptions = {}): Promise<SchemaSources> {
  const absRoot = path.resolve(root);
  if (options.override && options.override.trim() !== '') {
    return fromOverride(absRoot, options.override.trim(), options);
  }
  const listings = await walk(absRoot, options.maxEntries ?? 60_000);
  const found = await layoutsIn(absRoot, listings);
  return choose(absRoot, found, []);
}

async function fromOverride(root: string, override: string, options: DiscoverOptions): Promise<SchemaSources> {
  const target = path.resolve(root, override);
  const stat = await fs.promises.stat(target).catch(() => undefined);
  if (!stat) {
    return empty(root, [`the schema path ${override} does not exist`]);
  }
  if (stat.isFile()) {
    const head = await readHead(target);
    const tool: SchemaTool = isDump(head) ? 'pg_dump' : 'plain';
    const rel = relPath(root, target);
    return {
      root,
      tool,
      location: rel,
      files: [{ path: target, rel }],
      notes: [`schema path set to ${override}`],
      candidates: [{ tool, location: rel, files: 1 }],
    };
  }
  const listings = await walk(target, options.maxEntries ?? 60_000);
  const found = (await layoutsIn(target, listings)).map((f) => ({ ...f, location: joinRel(relPath(root, target), f.location), dir: f.dir }));
  if (found.length === 0) {
    // A folder of SQL files of no known layout: every .sql in it, in natural order.
    const plain = plainLayout(listings.get('')?.files ?? []);
    if (plain) {
      found.push({ ...plain, location: relPath(root, target), dir: target });
    }
  }
  return choose(root, found, [`schema path set to ${override}`], target);
}

function choose(root: string, found: Found[], notes: string[], preferUnder?: string): SchemaSources {
  if (found.length === 0) {
    return empty(root, [...notes, 'no schema found: no pg_dump schema.sql/structure.sql, Prisma, Drizzle, Flyway, golang-migrate, dbmate or migrations/*.sql']);
  }
  const score = (f: Found) => PRIORITY[f.tool] * 100_000 - (TESTISH.test(f.location) && !preferUnder ? 1_000_000 : 0) + Math.min(f.files.length, 99_999);
  const ranked = [...found].sort((a, b) => score(b) - score(a) || a.location.split('/').length - b.location.split('/').length);
  const best = ranked[0];
  const candidates: SchemaCandidate[] = ranked.map((f) => ({ tool: f.tool, location: f.location, files: f.files.length }));
  const others = ranked.slice(1, 4).map((f) => `${f.location || '.'} (${f.tool}, ${f.files.length} file${f.files.length === 1 ? '' : 's'})`);
  const allNotes = [...notes, ...best.notes];
  if (others.length > 0) {
    allNotes.push(`also found ${others.join(', ')}; set architectPersonas.queryPlans.schemaPath to pick another`);
  }
  const files: SchemaFile[] = best.files.map((name) => {
    const abs = path.join(best.dir, name);
    return {
      path: abs,
      rel: relPath(root, abs),
      ...(best.upSection ? { upSection: true } : {}),
      ...(best.breakpoints ? { breakpoints: true } : {}),
    };
  });
  const tracking = TRACKING_TABLES[best.tool];
  return { root, tool: best.tool, location: best.location, files, notes: allNotes, candidates, ...(tracking ? { trackingTable: tracking } : {}) };
}

function empty(root: string, notes: string[]): SchemaSources {
  return { root, tool: undefined, location: '', files: [], notes, candidates: [] };
}

async function walk(root: string, maxEntries: number): Promise<Map<string, Listing>> {
  const listings = new Map<string, Listing>();
  const queue: string[] = [''];
  let entries = 0;
  while (queue.length > 0 && entries < maxEntries) {
    const rel = queue.shift()!;
    const dirents = await fs.promises.readdir(path.join(root, rel), { withFileTypes: true }).catch(() => []);
    const listing: Listing = { files: [], dirs: [] };
    for (const d of dirents) {
      entries++;
      if (d.isDirectory()) {
        listing.dirs.push(d.name);
        if (!SKIP_DIRS.has(d.name) && !(d.name.startsWith('.') && d.name !== '.github')) {
          queue.push(joinRel(rel, d.name));
        }
      } else if (d.isFile()) {
        listing.files.push(d.name);
      }
    }
    listings.set(rel, listing);
  }
  return listings;
}

async function layoutsIn(root: string, listings: Map<string, Listing>): Promise<Found[]> {
  const found: Found[] = [];
  const claimed = new Set<string>();
  for (const [rel, listing] of listings) {
    const dir = path.join(root, rel);
    const at = (m: LayoutMatch | undefined) => {
      if (m) {
        found.push({ ...m, location: rel, dir });
        claimed.add(rel);
      }
    };
    // Prisma: subfolders holding migration.sql (migration_lock.toml or a prisma/ parent confirm it).
    const prismaDirs = listing.dirs.filter((d) => listings.get(joinRel(rel, d))?.files.includes('migration.sql'));
    if (prismaDirs.length > 0) {
      at(prismaLayout(prismaDirs));
      for (const d of prismaDirs) {
        claimed.add(joinRel(rel, d));
      }
      continue;
    }
    if (listing.dirs.includes('meta') && listings.get(joinRel(rel, 'meta'))?.files.includes('_journal.json')) {
      const journal = await readJson<DrizzleJournal>(path.join(dir, 'meta', '_journal.json'));
      if (journal) {
        at(drizzleLayout(journal, listing.files.filter((f) => f.endsWith('.sql'))));
        continue;
      }
    }
    const flyway = flywayLayout(listing.files);
    if (flyway) {
      at(flyway);
      continue;
    }
    const golang = golangMigrateLayout(listing.files);
    if (golang) {
      at(golang);
      continue;
    }
    const numbered = listing.files.filter((f) => /^\d+_.*\.sql$/i.test(f));
    if (numbered.length > 0) {
      const marked = new Set<string>();
      for (const f of numbered.slice(0, 400)) {
        if (/^\s*--\s*migrate:up\b/m.test(await readHead(path.join(dir, f), 8192))) {
          marked.add(f);
        }
      }
      const dbmate = dbmateLayout(listing.files, (n) => marked.has(n));
      if (dbmate) {
        at(dbmate);
        continue;
      }
    }
    for (const f of listing.files.filter((n) => DUMP_NAMES.test(n))) {
      if (isDump(await readHead(path.join(dir, f))) || /^(schema|structure)\.sql$/i.test(f)) {
        const fileRel = joinRel(rel, f);
        found.push({ tool: 'pg_dump', files: [f], notes: [], location: fileRel, dir });
      }
    }
    const base = rel.split('/').pop() ?? '';
    if (PLAIN_DIR_NAMES.test(base) && !claimed.has(rel)) {
      const plain = plainLayout(listing.files.filter((n) => !DUMP_NAMES.test(n) || /^\d/.test(n)));
      if (plain && !(base.toLowerCase() === 'db' && plain.files.length < 2)) {
        at(plain);
      }
    }
  }
  return found;
}

function isDump(head: string): boolean {
  return /PostgreSQL database dump|^SET statement_timeout = 0;|pg_catalog\.set_config\('search_path'/m.test(head);
}

async function readHead(file: string, bytes = 4096): Promise<string> {
  const handle = await fs.promises.open(file, 'r').catch(() => undefined);
  if (!handle) {
    return '';
  }
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fs.promises.readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function joinRel(a: string, b: string): string {
  return a === '' ? b : b === '' ? a : `${a}/${b}`;
}

function relPath(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/** A cheap signature of the chosen files (size + mtime), to notice edits without re-reading. */
export async function sourcesSignature(sources: SchemaSources): Promise<string> {
  const parts: string[] = [sources.tool ?? '-', sources.location];
  for (const f of sources.files) {
    const st = await fs.promises.stat(f.path).catch(() => undefined);
    parts.push(`${f.rel}:${st?.size ?? -1}:${st?.mtimeMs ?? -1}`);
  }
  return parts.join('|');
}
