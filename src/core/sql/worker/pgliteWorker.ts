/**
 * The embedded PostgreSQL (PGlite) in a worker thread: bundled to dist/pglite/worker.js, next to
 * pglite.wasm, pglite.data and initdb.wasm, which PGlite's cjs build resolves from this file's
 * __filename. Only plain Node here. One PGlite instance per worker; the planner terminates the
 * worker when idle, which returns the memory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { PGlite, type Extension } from '@electric-sql/pglite';
import { extensionBundle } from '../extensions';
import type { InitRequest, PgErrorInfo, StepResult, WorkerRequest, WorkerResponse } from './protocol';

let db: PGlite | undefined;

function errorInfo(err: unknown): PgErrorInfo {
  const e = err as { message?: string; code?: string; position?: string | number; detail?: string; hint?: string };
  const position = e.position === undefined ? undefined : Number(e.position);
  return {
    message: e.message ?? String(err),
    ...(e.code ? { code: e.code } : {}),
    ...(position !== undefined && Number.isFinite(position) ? { position } : {}),
    ...(e.detail ? { detail: e.detail } : {}),
    ...(e.hint ? { hint: e.hint } : {}),
  };
}

function extension(name: string, dirs: readonly string[]): Extension | undefined {
  const bundle = extensionBundle(name);
  const file = bundle && dirs.map((d) => path.join(d, `${bundle}.tar.gz`)).find((f) => fs.existsSync(f));
  if (!file) {
    return undefined;
  }
  const bundlePath = pathToFileURL(file);
  return { name, setup: async () => ({ bundlePath }) };
}

async function init(req: InitRequest): Promise<unknown> {
  const started = Date.now();
  const extensions: Record<string, Extension> = {};
  const missing: string[] = [];
  for (const name of req.extensions) {
    const ext = extension(name, req.extensionDirs);
    if (ext) {
      extensions[name.replace(/[^\w]/g, '_')] = ext;
    } else {
      missing.push(name);
    }
  }
  const loadDataDir = req.dataDir && fs.existsSync(req.dataDir) ? new Blob([fs.readFileSync(req.dataDir)]) : undefined;
  db = await PGlite.create({ extensions, ...(loadDataDir ? { loadDataDir } : {}), relaxedDurability: true });
  const version = (await db.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v;
  return { ms: Date.now() - started, fromDataDir: Boolean(loadDataDir), missing, version };
}

function need(): PGlite {
  if (!db) {
    throw new Error('the embedded database is not started');
  }
  return db;
}

async function handle(req: WorkerRequest): Promise<unknown> {
  switch (req.op) {
    case 'init':
      return init(req);
    case 'exec':
      await need().exec(req.sql);
      return null;
    case 'query':
      return (await need().query(req.sql, req.params as unknown[] | undefined)).rows;
    case 'describe': {
      const d = await need().describeQuery(req.sql);
      return { paramTypes: d.queryParams.map((p) => p.dataTypeID) };
    }
    case 'script': {
      const pg = need();
      const results: StepResult[] = [];
      const started = performance.now();
      await pg.exec('BEGIN');
      try {
        for (const step of req.steps) {
          const t = performance.now();
          if (step.optional && req.budgetMs !== undefined && t - started > req.budgetMs) {
            break;
          }
          try {
            const rows = step.params ? (await pg.query(step.sql, step.params as unknown[])).rows : (await pg.exec(step.sql)).at(-1)?.rows ?? [];
            results.push({ rows: rows as Record<string, unknown>[], ms: performance.now() - t });
          } catch (err) {
            results.push({ error: errorInfo(err), ms: performance.now() - t });
            break;
          }
        }
      } finally {
        await pg.exec(req.rollback || results.some((r) => r.error) ? 'ROLLBACK' : 'COMMIT');
      }
      return results;
    }
    case 'dump': {
      const blob = await need().dumpDataDir('gzip');
      const tmp = `${req.file}.${process.pid}.tmp`;
      fs.mkdirSync(path.dirname(req.file), { recursive: true });
      fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
      fs.renameSync(tmp, req.file);
      return { bytes: blob.size };
    }
    case 'close':
      await db?.close();
      db = undefined;
      return null;
  }
}

// Requests are handled one at a time, in order: PGlite runs one query at a time anyway.
let chain: Promise<void> = Promise.resolve();
parentPort?.on('message', (msg: { id: number; req: WorkerRequest }) => {
  chain = chain.then(async () => {
    let response: WorkerResponse;
    try {
      response = { id: msg.id, ok: true, value: await handle(msg.req) };
    } catch (err) {
      response = { id: msg.id, ok: false, error: errorInfo(err) };
    }
    parentPort?.postMessage(response);
  });
});
