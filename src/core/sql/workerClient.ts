/**
 * The main-thread side of the PGlite worker: starts it, sends requests, and ends it. A request
 * that runs past its time limit ends the worker (the planner starts a fresh one next time), so a
 * runaway query on the embedded copy never hangs the caller.
 */
import { Worker } from 'node:worker_threads';
import { SqlFailure, type SqlSession } from './session';
import type { InitRequest, PgErrorInfo, ScriptStep, StepResult, WorkerRequest, WorkerResponse } from './worker/protocol';

export interface InitResult {
  readonly ms: number;
  readonly fromDataDir: boolean;
  readonly missing: readonly string[];
  readonly version: string;
}

export class WorkerTimeout extends Error {
  constructor(readonly ms: number) {
    super(`the embedded database did not answer within ${Math.round(ms / 1000)} s; it was stopped`);
    this.name = 'WorkerTimeout';
  }
}

export class PgliteWorker implements SqlSession {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer?: NodeJS.Timeout }>();
  private exited = false;
  private exitError: Error | undefined;

  constructor(
    workerPath: string,
    private readonly timeoutMs = 60_000,
  ) {
    this.worker = new Worker(workerPath);
    this.worker.on('message', (msg: WorkerResponse) => {
      const p = this.pending.get(msg.id);
      if (!p) {
        return;
      }
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.ok) {
        p.resolve(msg.value);
      } else {
        p.reject(new SqlFailure(msg.error));
      }
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(this.exitError ?? new Error(`the embedded database worker exited (code ${code})`)));
  }

  get alive(): boolean {
    return !this.exited;
  }

  private fail(err: Error): void {
    this.exited = true;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
      this.pending.delete(id);
    }
  }

  request<T>(req: WorkerRequest, timeoutMs = this.timeoutMs): Promise<T> {
    if (this.exited) {
      return Promise.reject(this.exitError ?? new Error('the embedded database worker has stopped'));
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.exitError = new WorkerTimeout(timeoutMs);
        void this.worker.terminate();
      }, timeoutMs);
      timer.unref?.();
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.worker.postMessage({ id, req });
    });
  }

  init(req: Omit<InitRequest, 'op'>): Promise<InitResult> {
    return this.request<InitResult>({ op: 'init', ...req }, Math.max(this.timeoutMs, 120_000));
  }

  async exec(sql: string): Promise<void> {
    await this.request({ op: 'exec', sql });
  }

  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.request<T[]>({ op: 'query', sql, ...(params ? { params } : {}) });
  }

  async describe(sql: string): Promise<number[]> {
    return (await this.request<{ paramTypes: number[] }>({ op: 'describe', sql })).paramTypes;
  }

  script(steps: readonly ScriptStep[], rollback: boolean, budgetMs?: number): Promise<StepResult[]> {
    return this.request<StepResult[]>({ op: 'script', steps, rollback, ...(budgetMs !== undefined ? { budgetMs } : {}) });
  }

  dump(file: string): Promise<{ bytes: number }> {
    return this.request({ op: 'dump', file }, Math.max(this.timeoutMs, 120_000));
  }

  /** Ends the worker; its memory (PGlite's wasm heap) goes with it. */
  async terminate(): Promise<void> {
    if (this.exited) {
      return;
    }
    try {
      await this.request({ op: 'close' }, 5_000);
    } catch {
      // Ending it anyway.
    }
    this.exitError = new Error('the embedded database worker was stopped');
    await this.worker.terminate();
  }
}

export type { PgErrorInfo };
