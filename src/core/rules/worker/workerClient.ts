/**
 * Runs the rules in a worker thread (dist/rulesWorker.js next to the bundle, or the compiled
 * out/ file in tests), started on first use and kept for later calls. Each call can be cancelled.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RuleFinding, SourceFile } from '../types';
import type { WorkerRequest, WorkerResponse, WorkerRunOptions } from './protocol';

export interface WorkerRunResult {
  readonly findings: RuleFinding[];
  readonly files: number;
  readonly skipped: number;
}

export class RulesCancelled extends Error {
  constructor() {
    super('Rules run cancelled.');
  }
}

interface Pending {
  readonly received: RuleFinding[];
  resolve(r: WorkerRunResult): void;
  reject(e: Error): void;
  onProgress?: (done: number, total: number, file: string) => void;
}

/** The worker script: dist/rulesWorker.js beside the bundle, or the compiled module beside this one (out/). */
export function defaultWorkerPath(): string {
  const here = path.join(__dirname, 'rulesWorker.js');
  if (!fs.existsSync(here)) {
    throw new Error(`The rules worker is missing (${here}); rebuild with npm run build.`);
  }
  return here;
}

export class RulesWorkerClient {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly scriptPath?: string) {}

  private start(): Worker {
    if (this.worker) {
      return this.worker;
    }
    const worker = new Worker(this.scriptPath ?? defaultWorkerPath());
    worker.on('message', (msg: WorkerResponse) => {
      const p = this.pending.get(msg.id);
      if (!p) {
        return;
      }
      if (msg.type === 'progress') {
        p.onProgress?.(msg.done, msg.total, msg.file);
        return;
      }
      if (msg.type === 'findings') {
        p.received.push(...msg.findings);
        return;
      }
      this.pending.delete(msg.id);
      if (this.pending.size === 0) {
        worker.unref();
      }
      if (msg.type === 'result') {
        p.resolve({ findings: p.received.length > 0 ? [...p.received, ...msg.findings] : msg.findings, files: msg.files, skipped: msg.skipped });
      } else {
        p.reject(msg.cancelled ? new RulesCancelled() : new Error(msg.message));
      }
    });
    const fail = (err: Error) => {
      for (const p of this.pending.values()) {
        p.reject(err);
      }
      this.pending.clear();
      this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.worker === worker) {
        fail(new Error(`The rules worker stopped (exit code ${code}).`));
      }
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private request(make: (id: number) => WorkerRequest, signal?: AbortSignal, onProgress?: Pending['onProgress']): Promise<WorkerRunResult> {
    const id = this.nextId++;
    const worker = this.start();
    return new Promise<WorkerRunResult>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new RulesCancelled());
        return;
      }
      this.pending.set(id, { received: [], resolve, reject, onProgress });
      worker.ref();
      signal?.addEventListener('abort', () => worker.postMessage({ type: 'cancel', id } satisfies WorkerRequest), { once: true });
      worker.postMessage(make(id));
    });
  }

  run(files: readonly SourceFile[], options: WorkerRunOptions & { root?: string; signal?: AbortSignal }): Promise<WorkerRunResult> {
    const { root, signal, ...rest } = options;
    return this.request((id) => ({ type: 'run', id, files, root, options: rest }), signal);
  }

  runFolder(root: string, options: WorkerRunOptions & { maxFiles?: number; signal?: AbortSignal; onProgress?: Pending['onProgress'] }): Promise<WorkerRunResult> {
    const { signal, onProgress, maxFiles, ...rest } = options;
    return this.request((id) => ({ type: 'runFolder', id, root, maxFiles: maxFiles ?? 5000, options: rest }), signal, onProgress);
  }

  invalidateSchema(root?: string): void {
    this.worker?.postMessage({ type: 'invalidateSchema', root } satisfies WorkerRequest);
  }

  async dispose(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }
}
