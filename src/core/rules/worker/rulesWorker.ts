/**
 * The rules worker thread (bundled to dist/rulesWorker.js): parsing and checking run here so the
 * extension host's event loop never waits on tree-sitter or libpg_query. Keeps the parsers warm
 * and the workspace schema cached per root until told a .sql file changed.
 */
import { parentPort } from 'node:worker_threads';
import { runRules } from '../engine/runner';
import type { SchemaModel } from '../sql/schemaModel';
import { buildSchema } from '../engine/runner';
import { collectFileSet, schemaFilesOf } from '../../fileSet/fileSet';
import type { SourceFile } from '../types';
import type { WorkerRequest, WorkerResponse } from './protocol';

const port = parentPort;
const aborts = new Map<number, AbortController>();
const schemas = new Map<string, Promise<{ model: SchemaModel; files: SourceFile[] }>>();

function send(msg: WorkerResponse): void {
  port?.postMessage(msg);
}

function schemaOf(root: string): Promise<{ model: SchemaModel; files: SourceFile[] }> {
  let s = schemas.get(root);
  if (!s) {
    s = (async () => {
      // the .sql files of the folder's file set (the same files `rules` reads: fixtures and vendored folders left out)
      const files: SourceFile[] = schemaFilesOf(await collectFileSet({ root, accept: (p) => p.toLowerCase().endsWith('.sql') })).map((f) => ({ path: f.path, text: f.text }));
      return { model: await buildSchema(files), files };
    })();
    schemas.set(root, s);
    s.catch(() => schemas.delete(root));
  }
  return s;
}

async function handle(req: WorkerRequest): Promise<void> {
  if (req.type === 'cancel') {
    aborts.get(req.id)?.abort();
    return;
  }
  if (req.type === 'invalidateSchema') {
    if (req.root) {
      schemas.delete(req.root);
    } else {
      schemas.clear();
    }
    return;
  }
  const controller = new AbortController();
  aborts.set(req.id, controller);
  try {
    let files: readonly SourceFile[];
    let skipped = 0;
    if (req.type === 'runFolder') {
      const set = await collectFileSet({ root: req.root, maxFiles: req.maxFiles, signal: controller.signal });
      files = set.files.map((f) => ({ path: f.path, text: f.text, test: f.test }));
      skipped = set.skipped.length;
    } else {
      files = req.files;
    }
    const root = req.type === 'runFolder' ? req.root : req.root;
    let schemaFiles: SourceFile[] = [];
    if (root) {
      const paths = new Set(files.map((f) => f.path));
      // the open (maybe unsaved) text of a .sql file wins over its copy on disk
      schemaFiles = (await schemaOf(root)).files.filter((f) => !paths.has(f.path));
    }
    let last = 0;
    const findings = await runRules(files, {
      ...req.options,
      // the editor's runs check the same few files again and again: reparse them from their last tree
      reuseTrees: req.type === 'run',
      schemaFiles,
      signal: controller.signal,
      onFile: (file, done, total) => {
        const now = Date.now();
        if (req.type === 'runFolder' && (now - last > 100 || done === total)) {
          last = now;
          send({ type: 'progress', id: req.id, done, total, file });
        }
      },
    });
    // a large result goes in slices, so the receiving thread never deserialises it in one go
    const SLICE = 250;
    let at = 0;
    for (; findings.length - at > SLICE; at += SLICE) {
      send({ type: 'findings', id: req.id, findings: findings.slice(at, at + SLICE) });
      await new Promise((r) => setImmediate(r));
    }
    send({ type: 'result', id: req.id, findings: findings.slice(at), files: files.length, skipped });
  } catch (err) {
    send({ type: 'error', id: req.id, message: (err as Error)?.message ?? String(err), cancelled: controller.signal.aborted });
  } finally {
    aborts.delete(req.id);
  }
}

port?.on('message', (req: WorkerRequest) => {
  void handle(req);
});
