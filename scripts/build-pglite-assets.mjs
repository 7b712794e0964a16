// Puts what the embedded PostgreSQL worker needs next to dist/pglite/worker.js: PGlite's wasm,
// its file-system bundle, initdb, the contrib extension bundles, and a prebuilt data directory
// (base-datadir.tgz, made here by running initdb once, so the first plan does not pay for it).
// The data directory is regenerated only when the PGlite version changes. Run by esbuild.mjs.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const pgliteDist = path.dirname(require.resolve('@electric-sql/pglite'));
const version = JSON.parse(fs.readFileSync(path.join(pgliteDist, '..', 'package.json'), 'utf8')).version;
const out = path.resolve('dist', 'pglite');

export async function buildPgliteAssets() {
  fs.mkdirSync(out, { recursive: true });
  const files = fs.readdirSync(pgliteDist).filter((f) => /^(pglite\.wasm|pglite\.data|initdb\.wasm)$/.test(f) || f.endsWith('.tar.gz'));
  for (const f of files) {
    const from = path.join(pgliteDist, f);
    const to = path.join(out, f);
    const a = fs.statSync(from);
    const b = fs.existsSync(to) ? fs.statSync(to) : undefined;
    if (!b || b.size !== a.size || b.mtimeMs < a.mtimeMs) {
      fs.copyFileSync(from, to);
    }
  }
  const dataDir = path.join(out, 'base-datadir.tgz');
  const stamp = path.join(out, 'base-datadir.version');
  if (fs.existsSync(dataDir) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === version) {
    return { files: files.length, dataDir: 'up to date' };
  }
  const started = Date.now();
  const { PGlite } = require('@electric-sql/pglite');
  const db = await PGlite.create();
  await db.exec('CHECKPOINT');
  const blob = await db.dumpDataDir('gzip');
  await db.close();
  fs.writeFileSync(dataDir, Buffer.from(await blob.arrayBuffer()));
  fs.writeFileSync(stamp, `${version}\n`);
  return { files: files.length, dataDir: `generated in ${Date.now() - started} ms (${(blob.size / 1e6).toFixed(1)} MB)` };
}
