/**
 * The query planner's files: where the worker and its assets are (the bundle's dist/pglite, or
 * the compiled sources), and the snapshot cache — a loaded data directory (`<key>.tgz`) beside
 * the schema status and model it was loaded with (`<key>.json`), the newest few kept.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SchemaModel } from './model';
import type { SchemaStatus } from './planner';

export interface CacheEntry {
  readonly status: SchemaStatus;
  readonly model: SchemaModel;
  /** The generated tables whose keys are a function of the row number (lazyData.ts `regular`). */
  readonly regular?: readonly string[];
}

export function findAssets(explicit?: string): string | undefined {
  if (explicit) {
    return explicit;
  }
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    for (const candidate of [path.join(dir, 'pglite'), path.join(dir, 'dist', 'pglite')]) {
      if (fs.existsSync(path.join(candidate, 'base-datadir.tgz'))) {
        return candidate;
      }
    }
    dir = path.dirname(dir);
  }
  return undefined;
}

export function findWorker(explicit?: string): string {
  const candidates = [explicit, path.join(__dirname, 'pglite', 'worker.js'), path.join(__dirname, 'worker', 'pgliteWorker.js')];
  const found = candidates.find((c): c is string => c !== undefined && fs.existsSync(c));
  if (!found) {
    throw new Error(`the embedded database worker is missing (looked for ${candidates.filter(Boolean).join(', ')})`);
  }
  return found;
}

export function pgliteDist(): string | undefined {
  try {
    return path.dirname(require.resolve('@electric-sql/pglite'));
  } catch {
    return undefined;
  }
}

export async function readCache(file: string): Promise<CacheEntry | undefined> {
  try {
    return JSON.parse(await fs.promises.readFile(file, 'utf8')) as CacheEntry;
  } catch {
    return undefined;
  }
}

export async function pruneCache(dir: string, keep: number): Promise<void> {
  const entries = await fs.promises.readdir(dir).catch(() => [] as string[]);
  const snaps = await Promise.all(
    entries.filter((e) => e.endsWith('.tgz')).map(async (e) => ({ e, t: (await fs.promises.stat(path.join(dir, e))).mtimeMs })),
  );
  for (const { e } of snaps.sort((a, b) => b.t - a.t).slice(keep)) {
    await fs.promises.rm(path.join(dir, e), { force: true });
    await fs.promises.rm(path.join(dir, e.replace(/\.tgz$/, '.json')), { force: true });
  }
}
