/**
 * Progress of a schema load, as it happens: the embedded database started, the migrations
 * applied, each table filled with synthetic data, the snapshot saved. The command line prints
 * it on stderr, the MCP server sends it as progress notifications and says how far a load is
 * when it answers "still loading".
 */

export type LoadPhase = 'starting' | 'started' | 'schema' | 'data' | 'snapshot' | 'ready';

export interface LoadProgress {
  readonly phase: LoadPhase;
  /** One line for people: "filling tables with synthetic data: 12 of 40". */
  readonly message: string;
  /** Since the load began. */
  readonly elapsedMs: number;
  /** Increases with every report (MCP progress must). */
  readonly step: number;
  /** The step the load ends at, once the number of tables is known. */
  readonly total?: number;
  readonly tablesFilled?: number;
  readonly tablesTotal?: number;
  /** The load started from a saved snapshot (no migrations replayed, no data generated). */
  readonly fromSnapshot?: boolean;
  /** With phase 'ready' after a fresh load: the snapshot was written for the next run. */
  readonly snapshotSaved?: boolean;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** Turns the planner's load into LoadProgress reports (nothing when there is no sink). */
export class LoadReporter {
  private step = 0;
  private total: number | undefined;
  private filled = new Set<string>();
  private tables: ReadonlySet<string> = new Set();
  private readonly t0 = Date.now();

  constructor(
    private readonly sink: ((p: LoadProgress) => void) | undefined,
    /** A fresh load ends by saving the snapshot (one more step). */
    private readonly savesSnapshot = false,
  ) {}

  private emit(p: Omit<LoadProgress, 'elapsedMs' | 'step' | 'total'>, step: number): void {
    this.step = Math.max(this.step + 1, step);
    if (this.total !== undefined && this.total < this.step) {
      this.total = this.step;
    }
    try {
      this.sink?.({ ...p, elapsedMs: Date.now() - this.t0, step: this.step, ...(this.total !== undefined ? { total: this.total } : {}) });
    } catch {
      // A broken progress sink never stops a load.
    }
  }

  starting(files: number, fromSnapshot: boolean): void {
    const message = fromSnapshot
      ? 'starting the embedded PostgreSQL from the saved schema snapshot'
      : `starting the embedded PostgreSQL to apply ${files} schema file${files === 1 ? '' : 's'}`;
    this.emit({ phase: 'starting', message, fromSnapshot }, 1);
  }

  started(fromSnapshot: boolean, files: number, ms: number): void {
    if (fromSnapshot) {
      this.total = 3;
    }
    const what = fromSnapshot ? 'from the saved schema snapshot' : `applying ${files} schema file${files === 1 ? '' : 's'}`;
    this.emit({ phase: 'started', message: `embedded PostgreSQL started in ${seconds(ms)}; ${what}`, fromSnapshot }, 2);
  }

  /**
   * The migrations are applied; `tables` will now be filled — or, `perQuery`, none of them: each
   * plan generates the tables its query names (lazyData.ts), so the load has no table to count.
   */
  schemaApplied(tables: readonly string[], ms: number, perQuery = false): void {
    if (perQuery) {
      this.tables = new Set();
      // reading, started, schema, data done, [snapshot], ready
      this.total = 3 + 2 + (this.savesSnapshot ? 1 : 0);
      this.emit({ phase: 'schema', message: `schema applied in ${seconds(ms)}: ${tables.length} table${tables.length === 1 ? '' : 's'}, synthetic data generated for the tables each query reads` }, 3);
      return;
    }
    this.tables = new Set(tables);
    // reading, started, schema, one per table, data done, [snapshot], ready
    this.total = 3 + tables.length + 2 + (this.savesSnapshot ? 1 : 0);
    this.emit({ phase: 'schema', message: `schema applied in ${seconds(ms)}: ${tables.length} table${tables.length === 1 ? '' : 's'} to fill`, tablesFilled: 0, tablesTotal: tables.length }, 3);
  }

  /** A log for data generation that also counts each table it names (filled, or given up on). */
  dataLog(log: (s: string) => void): (s: string) => void {
    return (line) => {
      log(line);
      const table = /^synthetic data/.test(line) ? line.split(/[\s:()]+/).find((w) => this.tables.has(w)) : undefined;
      if (table && !this.filled.has(table)) {
        this.filled.add(table);
        const n = this.filled.size;
        this.emit({ phase: 'data', message: `filling tables with synthetic data: ${n} of ${this.tables.size}`, tablesFilled: n, tablesTotal: this.tables.size }, 3 + n);
      }
    };
  }

  dataDone(ms: number): void {
    const n = this.tables.size;
    if (n === 0) {
      return; // nothing filled at load (per query): no "0 of 0 tables" line
    }
    this.emit({ phase: 'data', message: `synthetic data generated in ${seconds(ms)}: ${n} of ${n} tables`, tablesFilled: n, tablesTotal: n }, 4 + n);
  }

  snapshotSaving(): void {
    this.emit({ phase: 'snapshot', message: 'saving the schema snapshot for the next run' }, 5 + this.tables.size);
  }

  /** The last report: the database is ready for plans. */
  ready(fromSnapshot: boolean, snapshotSaved: boolean): void {
    const took = seconds(Date.now() - this.t0);
    const message = fromSnapshot ? `schema snapshot reused (ready in ${took})` : `loaded in ${took}${snapshotSaved ? ', snapshot saved' : ''}`;
    this.emit({ phase: 'ready', message, fromSnapshot, snapshotSaved, ...(this.tables.size > 0 ? { tablesFilled: this.tables.size, tablesTotal: this.tables.size } : {}) }, this.total ?? 3);
  }

  /** How far the load is, for a "still loading" answer; `sinceMs`: time since that report came. */
  static describe(p: LoadProgress | undefined, sinceMs = 0): string {
    if (!p) {
      return 'starting';
    }
    const so = `${seconds(p.elapsedMs + sinceMs)} so far`;
    if (p.tablesTotal !== undefined && p.phase === 'data') {
      return `${p.tablesFilled ?? 0} of ${p.tablesTotal} tables filled, ${so}`;
    }
    return `${p.message}, ${so}`;
  }
}

/** Whether a log shows this report: every phase once, about ten lines while tables are filled. */
export function worthALine(p: LoadProgress): boolean {
  if (p.phase !== 'data' || p.tablesTotal === undefined || p.tablesFilled === undefined) {
    return true;
  }
  const every = Math.max(1, Math.ceil(p.tablesTotal / 10));
  return p.tablesFilled === p.tablesTotal || p.tablesFilled % every === 0;
}
