/**
 * Embedded PostgreSQL figures for `npm run bench` (printed, never asserted): cold start to the
 * first plan from the prebuilt data directory, restart from the loaded snapshot, a warm EXPLAIN,
 * a 300-migration schema, 100,000 synthetic rows, the worker's memory before and after its idle
 * stop, the longest event-loop stall of the calling thread, and the .vsix size.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance as perfHooks } from 'node:perf_hooks';
import { createQueryPlanner, type QueryPlannerOptions } from '../../src/core/sql';
import { REPO_ROOT } from './core';
import { summarize, type Row } from './stats';

const MB = 1024 * 1024;
const QUERY = 'SELECT id, total FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT 20';

/** 300 migrations: 100 tables (each referencing the previous), then columns and indexes added. */
function writeMigrations(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  const file = (sql: string) => fs.writeFileSync(path.join(dir, `${String(++n).padStart(4, '0')}_m.sql`), sql);
  for (let i = 1; i <= 100; i++) {
    file(
      `CREATE TABLE t${i} (\n  id bigserial PRIMARY KEY,\n${i > 1 ? `  t${i - 1}_id bigint NOT NULL REFERENCES t${i - 1} (id),\n` : ''}` +
        `  name text NOT NULL,\n  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'done')),\n  created_at timestamptz NOT NULL DEFAULT now()\n);\n`,
    );
  }
  for (let i = 1; i <= 100; i++) {
    file(`ALTER TABLE t${i} ADD COLUMN note varchar(200);\nCOMMENT ON COLUMN t${i}.note IS 'free text';\n`);
  }
  for (let i = 1; i <= 100; i++) {
    file(`CREATE INDEX t${i}_created_at_idx ON t${i} (created_at);\n`);
  }
}

function shopRoot(): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', 'schema', 'shop');
}

export async function benchPglite(vsixBytes?: number): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-bench-pg-'));
  const assetsDir = path.join(REPO_ROOT, 'dist', 'pglite');
  const base: Partial<QueryPlannerOptions> = { assetsDir, workerPath: path.join(assetsDir, 'worker.js') };
  const raw: Record<string, unknown> = {};
  try {
    // Cold: a new planner, no snapshot; the schema loaded and 100,000 rows generated, then one plan.
    const rssBefore = process.memoryUsage().rss;
    let stopped: () => void = () => undefined;
    const stoppedOnce = new Promise<void>((r) => (stopped = r));
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const elu0 = perfHooks.eventLoopUtilization();
    const cacheDir = path.join(tmp, 'cache');
    const planner = createQueryPlanner({ ...base, root: shopRoot(), rows: 100_000, cacheDir, idleMs: 1_000, log: (s) => s.includes('stopped') && stopped() });
    const t0 = performance.now();
    const first = await planner.explain(QUERY);
    const coldMs = performance.now() - t0;
    loop.disable();
    // Share of the cold load the calling thread's event loop was busy (the work is in the worker).
    const busy = perfHooks.eventLoopUtilization(elu0).utilization;
    const status = await planner.schemaStatus();
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await planner.explain(QUERY);
      warm.push(performance.now() - t);
    }
    const rssLoaded = process.memoryUsage().rss;
    await stoppedOnce; // idle: snapshot saved, worker ended
    await new Promise((r) => setTimeout(r, 500));
    const rssAfterIdle = process.memoryUsage().rss;
    const t1 = performance.now();
    const again = await planner.explain(QUERY);
    const snapshotMs = performance.now() - t1;
    const restarted = await planner.schemaStatus();
    await planner.dispose();

    // A plain start from the prebuilt data directory, no schema: the floor of any first plan.
    const empty = path.join(tmp, 'empty');
    fs.mkdirSync(path.join(empty, 'migrations'), { recursive: true });
    fs.writeFileSync(path.join(empty, 'migrations', '001.sql'), 'CREATE TABLE one (id int PRIMARY KEY);\n');
    const bare = createQueryPlanner({ ...base, root: empty, rows: 10, cacheDir: path.join(tmp, 'cache2') });
    const t2 = performance.now();
    await bare.explain('SELECT * FROM one WHERE id = 1');
    const bareMs = performance.now() - t2;
    const bareStatus = await bare.schemaStatus();
    await bare.dispose();

    // 300 migrations, few rows: how long the schema itself takes beyond the start.
    const migrations = path.join(tmp, 'm300');
    writeMigrations(path.join(migrations, 'migrations'));
    const big = createQueryPlanner({ ...base, root: migrations, rows: 10, cacheDir: path.join(tmp, 'cache3') });
    const bigStatus = await big.schemaStatus();
    await big.dispose();

    const warmSummary = summarize(warm);
    const dist = fs.readdirSync(assetsDir).reduce((n, f) => n + fs.statSync(path.join(assetsDir, f)).size, 0);
    Object.assign(raw, {
      coldMs, snapshotMs, bareMs, warm, status: status.timings, restarted: restarted.timings, bare: bareStatus.timings, m300: bigStatus.timings,
      m300Summary: bigStatus.summary, firstShape: first.shape, againShape: again.shape, rssBefore, rssLoaded, rssAfterIdle,
      loopMaxMs: loop.max / 1e6, callerBusy: busy, distPgliteBytes: dist, vsixBytes,
    });
    const rows: Row[] = [
      { id: 'pgFirstPlanBare', label: '7. PGlite: start (prebuilt data dir) → first plan, 1-table schema', unit: 'ms', value: bareMs, target: { op: '<=', limit: 1500 } },
      { id: 'pgWorkerStart', label: '   worker start + PGlite from the prebuilt data dir', unit: 'ms', value: status.timings.startMs },
      { id: 'pgColdFirstPlan', label: '   cold start → first plan, shop schema + 120k synthetic rows', unit: 'ms', value: coldMs },
      { id: 'pgSnapshotFirstPlan', label: '   restart from the loaded snapshot → first plan', unit: 'ms', value: snapshotMs, target: { op: '<=', limit: 1500 } },
      { id: 'pgWarmExplain', label: '   warm EXPLAIN ANALYZE (Seq Scan on 100k rows, median of 20)', unit: 'ms', value: warmSummary.median, summary: warmSummary, target: { op: '<=', limit: 50 } },
      { id: 'pgSchema300', label: '   300-migration schema loaded (beyond the start)', unit: 'ms', value: bigStatus.timings.loadMs, target: { op: '<=', limit: 1000 } },
      { id: 'pgRows100k', label: '   100,000 + 20,000 synthetic rows generated and analysed', unit: 'ms', value: status.timings.dataMs, target: { op: '<=', limit: 2000 } },
      { id: 'pgRssLoaded', label: `   process RSS: ${(rssBefore / MB).toFixed(0)} MB before, loaded`, unit: 'MB', value: rssLoaded / MB },
      { id: 'pgRssIdle', label: '   process RSS after the idle stop', unit: 'MB', value: rssAfterIdle / MB },
      { id: 'pgLoopMax', label: '   longest event-loop delay of the caller during the cold load (incl. OS scheduling)', unit: 'ms', value: loop.max / 1e6, target: { op: '<=', limit: 50 } },
      { id: 'pgCallerBusy', label: '   caller event loop busy during the cold load (utilisation)', unit: '%', value: busy * 100 },
      { id: 'pgDist', label: '   dist/pglite (wasm, data, extensions, base data dir)', unit: 'MB', value: dist / MB },
    ];
    if (vsixBytes !== undefined) {
      rows.push({ id: 'pgVsix', label: '   .vsix with the embedded PostgreSQL', unit: 'MB', value: vsixBytes / MB, target: { op: '<=', limit: 25 } });
    }
    return { rows, raw };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
