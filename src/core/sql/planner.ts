/**
 * The query planner: an embedded PostgreSQL (PGlite, in a worker thread started on first use)
 * holding the workspace schema and synthetic data, never the user's database. It loads once,
 * keeps a snapshot of the loaded data directory on disk so a restart after idle does not replay
 * the migrations, reloads when the schema files change, and stops the worker after idle.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverSchema, sourcesSignature } from '../schema/discover';
import type { SchemaSources } from '../schema/types';
import { extensionsToLoad } from './extensions';
import { compareFix, prepareFix, type FixCheck } from './fixCheck';
import { readSchemaModel, type SchemaModel } from './model';
import { normalisePlaceholders, sampleParameters, type ParamValue } from './params';
import { measurePlan } from './measure';
import type { PlanReport } from './plans';
import { prescan, type Prescan } from './prescan';
import { nameForms } from './scale';
import { applicableText, loadSchema, type Adaptation, type SkippedStatement } from './schemaLoad';
import { dataStatusLine } from './dataStatus';
import { generateData, type SynthOptions } from './synth';
import { emptyLazyState, ensureDataFor, type LazyDataState } from './lazyData';
import { LoadReporter, type LoadProgress } from './loadProgress';
import { PgliteWorker, WorkerTimeout } from './workerClient';
import { findAssets, findWorker, pgliteDist, pruneCache, readCache, type CacheEntry } from './plannerFiles';

/** Bumped when loading or data generation changes, so old snapshots are not reused. */
const LOADER_VERSION = 5; // 5: data generated per query (lazyData.ts), the snapshot holds what was generated
const DEFAULT_ROWS = 100_000;
const DEFAULT_IDLE_MS = 5 * 60_000;
/** Timed EXPLAIN ANALYZE runs after one warm-up: a plain plan, and each side of a fix check. */
const EXPLAIN_RUNS = 3;
const FIX_RUNS = 5;

export interface QueryPlannerOptions {
  /** Workspace root: the schema is discovered under it. */
  readonly root?: string;
  /** A folder of SQL files or a workspace root (same as root with no override). */
  readonly schemaDir?: string;
  /** architectPersonas.queryPlans.schemaPath: a file or folder to use instead of searching. */
  readonly override?: string;
  /** Rows in the largest table (default 100,000). */
  readonly rows?: number;
  readonly seed?: number;
  readonly log?: (s: string) => void;
  /** Stop the worker after this long without a request (default 5 minutes). */
  readonly idleMs?: number;
  /** Where loaded snapshots are kept (default: the OS temp folder). */
  readonly cacheDir?: string;
  /** Folder with the worker's files (worker.js, wasm, base data dir, extension bundles). */
  readonly assetsDir?: string;
  readonly workerPath?: string;
  /** Longest a single request may run on the embedded database (default 60 s). */
  readonly timeoutMs?: number;
  /** Save the snapshot as soon as a load finishes (command line, MCP server), not only when the worker stops after idle. */
  readonly snapshotAfterLoad?: boolean;
  /** The load's phases as they happen (stderr lines, MCP progress notifications). */
  readonly progress?: (p: LoadProgress) => void;
}

export interface ExplainOptions {
  readonly rows?: number;
  /** The table `rows` is about ("at 100k users"); the others follow in proportion. */
  readonly table?: string;
}

export interface SchemaStatus {
  readonly ok: boolean;
  readonly tool?: string;
  /** Where the schema was found, relative to the root. */
  readonly location: string;
  readonly files: number;
  readonly tables: number;
  readonly statementsSkipped: number;
  /** Root causes and their echoes, at file:line with Postgres's message. */
  readonly skipped: readonly SkippedStatement[];
  readonly adapted: readonly Adaptation[];
  readonly notes: readonly string[];
  readonly extensionsLoaded: readonly string[];
  readonly extensionsMissing: readonly string[];
  readonly rows: readonly { readonly table: string; readonly rows: number }[];
  readonly dataSkipped: readonly { readonly table: string; readonly reason: string }[];
  /** "Schema: 42 tables from prisma/migrations (118 files, 2 statements skipped)". */
  readonly summary: string;
  readonly postgresVersion?: string;
  readonly timings: { readonly startMs: number; readonly loadMs: number; readonly dataMs: number; readonly fromSnapshot: boolean };
}

export interface QueryPlanner {
  schemaStatus(): Promise<SchemaStatus>;
  explain(sql: string, o?: ExplainOptions): Promise<PlanReport>;
  checkFix(query: string, fixSql: string, o?: ExplainOptions): Promise<FixCheck>;
  schema(): Promise<SchemaModel>;
  /** Loads (or reuses) the schema at the scale asked for, without planning anything. */
  prepare(o?: ExplainOptions): Promise<SchemaStatus>;
  /** Loaded and not loading: a request now does not wait for a load. */
  isReady(): boolean;
  /** Forget the loaded schema (files changed); the next request reloads. */
  invalidate(): void;
  dispose(): Promise<void>;
}

interface Loaded {
  readonly worker: PgliteWorker;
  readonly sources: SchemaSources;
  readonly signature: string;
  readonly key: string;
  status: SchemaStatus;
  readonly model: SchemaModel;
  readonly pre: Prescan;
  rows: number;
  table?: string;
  /** A snapshot of this state is not yet on disk. */
  snapshotPending: boolean;
  /** The tables generated so far: the load generates none, each plan the ones its query names (lazyData.ts). */
  lazy: LazyDataState;
  /** The data is at the scale the snapshot key was made for (not rescaled since): more of it may be saved under that key. */
  atKeyScale: boolean;
}

export function statusSummary(s: Pick<SchemaStatus, 'ok' | 'tables' | 'location' | 'files' | 'statementsSkipped' | 'tool'>): string {
  if (!s.ok) {
    return 'Schema: none found';
  }
  const skipped = `${s.statementsSkipped} statement${s.statementsSkipped === 1 ? '' : 's'} skipped`;
  return `Schema: ${s.tables} table${s.tables === 1 ? '' : 's'} from ${s.location || '.'} (${s.files} file${s.files === 1 ? '' : 's'}, ${skipped})`;
}

/** The schema summary, then the tables left without data and why (in every text output, not only JSON). */
function withDataStatus(summary: string, skipped: SchemaStatus['dataSkipped']): string {
  const line = dataStatusLine(skipped);
  return line ? `${summary}; ${line}` : summary;
}

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

class Planner implements QueryPlanner {
  private loaded: Loaded | undefined;
  private loading: Promise<Loaded> | undefined;
  private sources: SchemaSources | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private busy = 0;
  private disposed = false;
  /** Data generation one call at a time: two plans at once must not generate the same table twice. */
  private generating: Promise<unknown> = Promise.resolve();
  private readonly log: (s: string) => void;

  constructor(private readonly options: QueryPlannerOptions) {
    this.log = options.log ?? (() => undefined);
  }

  private get root(): string {
    const root = this.options.root ?? this.options.schemaDir;
    if (!root) {
      throw new Error('createQueryPlanner needs a root or a schemaDir');
    }
    return root;
  }

  invalidate(): void {
    this.sources = undefined;
  }

  async schemaStatus(): Promise<SchemaStatus> {
    return this.run(async (l) => l.status, undefined);
  }

  async schema(): Promise<SchemaModel> {
    return this.run(async (l) => l.model, undefined);
  }

  async prepare(o?: ExplainOptions): Promise<SchemaStatus> {
    return this.run(async (l) => l.status, o);
  }

  isReady(): boolean {
    return this.loaded !== undefined && this.loaded.worker.alive && this.loading === undefined;
  }

  async explain(sql: string, o: ExplainOptions = {}): Promise<PlanReport> {
    return this.run(async (l) => {
      const executed = normalisePlaceholders(sql.trim().replace(/;\s*$/, ''));
      await this.ensureData(l, executed);
      const params = await this.params(l, executed);
      return (await this.explainSteps(l, executed, params, [], EXPLAIN_RUNS)).report;
    }, o);
  }

  async checkFix(query: string, fixSql: string, o: ExplainOptions = {}): Promise<FixCheck> {
    return this.run(async (l) => {
      const executed = normalisePlaceholders(query.trim().replace(/;\s*$/, ''));
      const prepared = prepareFix(fixSql);
      await this.ensureData(l, [executed, prepared.replacementQuery ?? '', ...prepared.ddl].join('\n'));
      const params = await this.params(l, executed);
      const before = (await this.explainSteps(l, executed, params, [], FIX_RUNS)).report;
      if (!before.ok) {
        return compareFix(query, fixSql, prepared, before, undefined);
      }
      const afterQuery = prepared.replacementQuery ? normalisePlaceholders(prepared.replacementQuery) : executed;
      const { report: after, failure } = await this.explainSteps(l, afterQuery, params, prepared.ddl, FIX_RUNS);
      if (prepared.ddl.length === 0 && !prepared.replacementQuery) {
        return compareFix(query, fixSql, prepared, before, after, { message: 'the fix has no SQL statement to apply', statement: fixSql });
      }
      return compareFix(query, fixSql, prepared, before, failure ? undefined : after, failure);
    }, o);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.idleTimer);
    // The command line and the MCP server save right after the load, before any data: the tables
    // generated since are saved too, so the next run with this schema and scale starts with them.
    await this.stop(this.options.snapshotAfterLoad === true && this.loaded?.atKeyScale === true);
  }

  // -------------------------------------------------------------------------------------------

  /** `o` undefined: whatever scale is loaded; otherwise the scale asked for (default rows when none). */
  private async run<T>(fn: (l: Loaded) => Promise<T>, o: ExplainOptions | undefined): Promise<T> {
    if (this.disposed) {
      throw new Error('the query planner was disposed');
    }
    this.busy++;
    clearTimeout(this.idleTimer);
    try {
      const l = await this.ensure(o);
      return await fn(l);
    } catch (err) {
      if (err instanceof WorkerTimeout) {
        this.loaded = undefined;
      }
      throw err;
    } finally {
      this.busy--;
      this.armIdle();
    }
  }

  private armIdle(): void {
    clearTimeout(this.idleTimer);
    if (this.busy > 0 || !this.loaded || this.disposed) {
      return;
    }
    this.idleTimer = setTimeout(() => {
      if (this.busy === 0) {
        void this.stop(true);
      }
    }, this.options.idleMs ?? DEFAULT_IDLE_MS);
    this.idleTimer.unref?.();
  }

  /** Stops the worker (saving a snapshot first when one is pending and `snapshot` is set). */
  private async stop(snapshot: boolean): Promise<void> {
    const l = this.loaded;
    this.loaded = undefined;
    if (!l) {
      return;
    }
    if (snapshot) {
      await this.saveSnapshot(l).catch((err: unknown) => this.log(`could not save the schema snapshot: ${(err as Error).message}`));
    }
    await l.worker.terminate();
    this.log('embedded database stopped (idle)');
  }

  private cacheDir(): string {
    return this.options.cacheDir ?? path.join(os.tmpdir(), 'architect-personas-pg');
  }

  private async saveSnapshot(l: Loaded): Promise<void> {
    if (!l.snapshotPending || !l.worker.alive) {
      return;
    }
    const dir = this.cacheDir();
    const file = path.join(dir, `${l.key}.tgz`);
    const { bytes } = await l.worker.dump(file);
    const entry: CacheEntry = { status: l.status, model: l.model, regular: [...l.lazy.regular] };
    await fs.promises.writeFile(path.join(dir, `${l.key}.json`), JSON.stringify(entry));
    l.snapshotPending = false;
    this.log(`schema snapshot saved (${(bytes / 1e6).toFixed(1)} MB)`);
    await pruneCache(dir, 6);
  }

  private async ensure(o: ExplainOptions | undefined): Promise<Loaded> {
    if (this.loading) {
      await this.loading.catch(() => undefined);
    }
    const rows = o?.rows ?? this.options.rows ?? DEFAULT_ROWS;
    let l = this.loaded;
    if (l && l.worker.alive) {
      const sources = this.sources ?? (await this.discover());
      const signature = await sourcesSignature(sources);
      if (signature === l.signature) {
        const table = o?.table;
        if (o && (l.rows !== rows || l.table !== table)) {
          await this.rescale(l, rows, table);
        }
        return l;
      }
      this.log('schema files changed: reloading the embedded database');
      await this.stop(false);
    }
    this.loading = this.load(rows, o?.table);
    try {
      l = await this.loading;
      this.loaded = l;
      return l;
    } finally {
      this.loading = undefined;
    }
  }

  private async discover(): Promise<SchemaSources> {
    const sources = await discoverSchema(this.root, { ...(this.options.override ? { override: this.options.override } : {}) });
    this.sources = sources;
    return sources;
  }

  private resolveTable(model: SchemaModel, table: string | undefined): string | undefined {
    if (!table) {
      return undefined;
    }
    const forms = nameForms(table);
    return model.tables.find((t) => forms.includes(t.name.toLowerCase()))?.qualified;
  }

  private async load(rows: number, table: string | undefined, progress = new LoadReporter(this.options.progress, this.options.snapshotAfterLoad)): Promise<Loaded> {
    const t0 = Date.now();
    const sources = this.sources ?? (await this.discover());
    const signature = await sourcesSignature(sources);
    const texts = new Map<string, string>();
    const hash = createHash('sha256').update(`${LOADER_VERSION}|${rows}|${table ?? ''}|${this.options.seed ?? 42}|${sources.tool}|`);
    let pre: Prescan = { extensions: [], roles: [], createdTables: new Set() };
    for (const f of sources.files) {
      const text = await fs.promises.readFile(f.path, 'utf8').catch(() => undefined);
      if (text !== undefined) {
        texts.set(f.path, text);
        hash.update(f.rel).update('\0').update(text).update('\0');
        const p = prescan([applicableText(f, text).text]);
        pre = {
          extensions: [...new Set([...pre.extensions, ...p.extensions])],
          roles: [...new Set([...pre.roles, ...p.roles])],
          createdTables: new Set([...pre.createdTables, ...p.createdTables]),
        };
        await yieldToLoop();
      }
    }
    const key = hash.digest('hex').slice(0, 24);
    const extensions = extensionsToLoad(pre.extensions);
    const assets = findAssets(this.options.assetsDir);
    const extensionDirs = [assets, pgliteDist()].filter((d): d is string => d !== undefined);
    const snapshot = path.join(this.cacheDir(), `${key}.tgz`);
    const cached = await readCache(path.join(this.cacheDir(), `${key}.json`));
    const useSnapshot = cached !== undefined && fs.existsSync(snapshot);
    progress.starting(sources.files.length, useSnapshot);
    const base = assets ? path.join(assets, 'base-datadir.tgz') : undefined;
    const worker = new PgliteWorker(findWorker(this.options.workerPath), this.options.timeoutMs ?? 60_000);
    try {
      const init = await worker.init({ extensions, extensionDirs, ...(useSnapshot ? { dataDir: snapshot } : base && fs.existsSync(base) ? { dataDir: base } : {}) }).catch(async (err: unknown) => {
        if (!useSnapshot) {
          throw err;
        }
        // A snapshot this PGlite cannot open (another version, a damaged file): load afresh.
        this.log(`the schema snapshot could not be opened (${(err as Error).message}); loading the schema again`);
        await Promise.all([snapshot, snapshot.replace(/\.tgz$/, '.json')].map((f) => fs.promises.rm(f, { force: true })));
        return undefined;
      });
      if (!init) {
        await worker.terminate();
        return await this.load(rows, table, progress);
      }
      this.log(`embedded PostgreSQL ${init.version} started in ${init.ms} ms (${useSnapshot ? 'schema snapshot' : init.fromDataDir ? 'prebuilt data directory' : 'initdb'})`);
      progress.started(useSnapshot, sources.files.length, init.ms);
      if (useSnapshot && cached) {
        const status: SchemaStatus = { ...cached.status, timings: { ...cached.status.timings, startMs: init.ms, fromSnapshot: true } };
        this.log(`${status.summary} — from a snapshot`);
        progress.ready(true, false);
        return { worker, sources, signature, key, status, model: cached.model, pre, rows, ...(table ? { table } : {}), snapshotPending: false, lazy: lazyFromStatus(status, cached.regular), atKeyScale: true };
      }
      const report = await loadSchema(worker, sources, texts, pre, extensions.filter((e) => !init.missing.includes(e)), this.log);
      const model = await readSchemaModel(worker);
      const tracking = new Set(model.tables.filter((t) => isTrackingTable(t.qualified, sources)).map((t) => t.qualified));
      const anchor = this.resolveTable(model, table);
      progress.schemaApplied(model.tables.filter((t) => !tracking.has(t.qualified)).map((t) => t.qualified), report.ms, true);
      // No table is filled at load: each plan generates the tables its query names (ensureData).
      const data = await generateData(worker, model, { rows, seed: this.options.seed ?? 42, exclude: tracking, only: new Set(), ...(anchor ? { anchorTable: anchor } : {}) }, progress.dataLog(this.log));
      progress.dataDone(data.ms);
      const base0: Omit<SchemaStatus, 'summary'> = {
        ok: sources.tool !== undefined,
        ...(sources.tool ? { tool: sources.tool } : {}),
        location: sources.location,
        files: sources.files.length,
        tables: model.tables.filter((t) => !tracking.has(t.qualified)).length,
        statementsSkipped: report.skipped.filter((s) => s.kind !== 'meta' && s.kind !== 'copy-data').length,
        skipped: report.skipped,
        adapted: [...report.adapted, ...data.adapted.map((what) => ({ what: `synthetic data for ${what}` }))],
        notes: sources.notes,
        extensionsLoaded: report.extensionsLoaded,
        extensionsMissing: report.extensionsMissing,
        rows: [...data.rows].map(([t, n]) => ({ table: t, rows: n })).sort((a, b) => b.rows - a.rows),
        dataSkipped: data.skipped,
        postgresVersion: init.version,
        timings: { startMs: init.ms, loadMs: report.ms, dataMs: data.ms, fromSnapshot: false },
      };
      const status: SchemaStatus = { ...base0, summary: withDataStatus(statusSummary(base0), data.skipped) };
      this.log(`${status.summary} — loaded in ${Date.now() - t0} ms (start ${init.ms}, schema ${report.ms}, data ${data.ms})`);
      for (const s of status.skipped.filter((x) => x.kind !== 'cascade')) {
        this.log(`  skipped ${s.file}:${s.line}: ${s.reason}`);
      }
      const lazy = emptyLazyState();
      data.rows.forEach((n, t) => lazy.rows.set(t, n));
      data.regular.forEach((t) => lazy.regular.add(t));
      const fresh: Loaded = { worker, sources, signature, key, status, model, pre, rows, ...(table ? { table } : {}), snapshotPending: true, lazy, atKeyScale: true };
      if (this.options.snapshotAfterLoad) {
        progress.snapshotSaving();
        await this.saveSnapshot(fresh).catch((err: unknown) => this.log(`could not save the schema snapshot: ${(err as Error).message}`));
      }
      progress.ready(false, !fresh.snapshotPending);
      return fresh;
    } catch (err) {
      await worker.terminate();
      throw err;
    }
  }

  private async rescale(l: Loaded, rows: number, table: string | undefined): Promise<void> {
    const tables = l.model.tables.filter((t) => !isTrackingTable(t.qualified, l.sources));
    const t0 = Date.now();
    if (tables.length > 0) {
      await l.worker.exec(`TRUNCATE ${tables.map((t) => `"${t.schema.replace(/"/g, '""')}"."${t.name.replace(/"/g, '""')}"`).join(', ')} CASCADE`);
    }
    for (const t of tables) {
      t.rows = 0;
    }
    // Nothing generated at the new scale yet: the next plan generates the tables its query names.
    l.lazy = emptyLazyState();
    l.rows = rows;
    l.table = table;
    this.refreshDataStatus(l);
    l.snapshotPending = false; // the snapshot on disk is for the first scale
    l.atKeyScale = false;
    this.log(`synthetic data cleared for the new scale: ${rows} rows${table ? ` in ${table}` : ''}, generated per query (${Date.now() - t0} ms)`);
  }

  /** The options the data of `l` is generated with (its scale, seed, the tracking table left empty). */
  private dataOptions(l: Loaded): SynthOptions {
    const anchor = this.resolveTable(l.model, l.table);
    const tracking = new Set(l.model.tables.filter((t) => isTrackingTable(t.qualified, l.sources)).map((t) => t.qualified));
    return { rows: l.rows, seed: this.options.seed ?? 42, exclude: tracking, ...(anchor ? { anchorTable: anchor } : {}) };
  }

  /** Generates the tables `sql` names (and the parents they need) that have no data yet, then refreshes the status. */
  private async ensureData(l: Loaded, sql: string): Promise<void> {
    const next = this.generating.then(() => this.generateFor(l, sql));
    this.generating = next.catch(() => undefined);
    await next;
  }

  private async generateFor(l: Loaded, sql: string): Promise<void> {
    const before = l.lazy.rows.size;
    const report = await ensureDataFor(l.worker, l.model, sql, l.lazy, this.dataOptions(l), this.log);
    if (!report) {
      return;
    }
    this.refreshDataStatus(l);
    if (l.atKeyScale) {
      l.snapshotPending = true;
    }
    this.log(`synthetic data for this query: ${l.lazy.rows.size - before} table(s) generated in ${report.ms} ms, ${l.lazy.rows.size} so far`);
  }

  /** status.rows, dataSkipped, the data adaptations and the summary from what was generated so far. */
  private refreshDataStatus(l: Loaded): void {
    const skipped = [...l.lazy.skipped];
    l.status = {
      ...l.status,
      rows: [...l.lazy.rows].map(([t, n]) => ({ table: t, rows: n })).sort((a, b) => b.rows - a.rows),
      dataSkipped: skipped,
      adapted: [...l.status.adapted.filter((a) => !a.what.startsWith(DATA_ADAPTED)), ...l.lazy.adapted.map((what) => ({ what: `${DATA_ADAPTED}${what}` }))],
      summary: withDataStatus(statusSummary(l.status), skipped),
    };
  }

  private async params(l: Loaded, executed: string): Promise<ParamValue[]> {
    try {
      return await sampleParameters(l.worker, executed, l.model);
    } catch {
      return []; // describe failed: the EXPLAIN reports Postgres's message
    }
  }

  /** `ddl` then EXPLAIN ANALYZE warmed up and timed `runs` times, rolled back (see measure.ts). */
  private async explainSteps(l: Loaded, sql: string, params: readonly ParamValue[], ddl: readonly string[], runs: number) {
    const v = l.status.postgresVersion;
    const budgetMs = Math.min(15_000, (this.options.timeoutMs ?? 60_000) / 4);
    return measurePlan(l.worker, l.model, sql, params, ddl, { warmups: 1, runs, budgetMs, dataSkipped: l.status.dataSkipped, ...(v ? { postgresVersion: v } : {}) });
  }
}

const DATA_ADAPTED = 'synthetic data for ';

/** The generated tables a snapshot holds, from its status (every table with an entry in status.rows was generated or given up on). */
function lazyFromStatus(status: SchemaStatus, regular: readonly string[] | undefined): LazyDataState {
  const lazy = emptyLazyState();
  for (const r of status.rows) {
    lazy.rows.set(r.table, r.rows);
  }
  (regular ?? []).forEach((t) => lazy.regular.add(t));
  lazy.skipped.push(...status.dataSkipped);
  lazy.adapted.push(...status.adapted.filter((a) => a.what.startsWith(DATA_ADAPTED)).map((a) => a.what.slice(DATA_ADAPTED.length)));
  return lazy;
}

function isTrackingTable(qualified: string, sources: SchemaSources): boolean {
  const t = sources.trackingTable;
  if (!t) {
    return /^public\.(schema_migrations|ar_internal_metadata)$/.test(qualified);
  }
  return qualified === t || qualified === `public.${t}` || /^public\.(schema_migrations|ar_internal_metadata)$/.test(qualified);
}

export function createQueryPlanner(options: QueryPlannerOptions): QueryPlanner {
  return new Planner(options);
}
