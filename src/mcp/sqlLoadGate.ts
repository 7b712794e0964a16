/**
 * The first SQL tool call of a session loads the project's schema into the embedded PostgreSQL
 * (the synthetic data is generated afterwards, per query, for the tables the query reads):
 * seconds on a small schema, up to a minute on a large one, can be longer than an MCP client waits for an answer (60 s in the TypeScript SDK, which also resets
 * that timeout on progress only when asked to). So the call sends the load's phases as progress
 * notifications (with the request's progressToken) and, when the load is not done within the
 * wait, answers "still loading (N of M tables filled) — call again" while the load goes on in
 * the background; the next call finds the database loaded.
 */
import { LoadReporter, type LoadProgress, type QueryPlanner } from '../core/sql';

/** The tools that need the loaded schema. */
export const SQL_TOOL_NAMES: ReadonlySet<string> = new Set(['explain_query', 'check_sql_fix', 'schema']);

/** Under the 60 s an MCP client waits by default, with room for the answer. */
export const DEFAULT_LOAD_WAIT_MS = 45_000;

/** ARCHITECT_PERSONAS_MCP_LOAD_WAIT_MS, when it is a whole number of milliseconds (0: never wait). */
export function loadWaitMs(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.ARCHITECT_PERSONAS_MCP_LOAD_WAIT_MS?.trim();
  const n = raw ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_LOAD_WAIT_MS;
}

type Outcome = 'loaded' | 'waiting';

function settleWithin(load: Promise<unknown>, ms: number, signal: AbortSignal | undefined): Promise<Outcome> {
  if (ms <= 0 || signal?.aborted) {
    return Promise.resolve('waiting');
  }
  return new Promise<Outcome>((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      resolve('waiting');
    };
    const timer = setTimeout(onAbort, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    load.then(
      () => {
        finish();
        resolve('loaded');
      },
      (err: unknown) => {
        finish();
        reject(err);
      },
    );
  });
}

export class SqlLoadGate {
  private planner: QueryPlanner | undefined;
  private defaultRows = 100_000;
  private latest: LoadProgress | undefined;
  private latestAt = 0;
  private readonly listeners = new Set<(p: LoadProgress) => void>();

  constructor(private readonly waitMs: number) {}

  /** The planner the SQL tools run on, and the rows they use when the call gives none. */
  attach(planner: QueryPlanner, defaultRows: number): void {
    this.planner = planner;
    this.defaultRows = defaultRows;
  }

  /** The planner's progress option: remembered for the "still loading" answer and sent to the waiting calls. */
  readonly report = (p: LoadProgress): void => {
    this.latest = p;
    this.latestAt = Date.now();
    for (const listener of this.listeners) {
      listener(p);
    }
  };

  /**
   * Before a SQL tool runs: undefined when the database is (now) loaded and the tool may run;
   * otherwise the answer to give instead. A failed load rejects (the caller answers the error).
   */
  async before(tool: string, input: Readonly<Record<string, unknown>>, onProgress: ((p: LoadProgress) => void) | undefined, signal?: AbortSignal): Promise<string | undefined> {
    const planner = this.planner;
    if (!planner || !SQL_TOOL_NAMES.has(tool) || planner.isReady()) {
      return undefined;
    }
    // The scale the tool will ask for, so the call after the load does not regenerate the data.
    const rows = tool === 'schema' ? undefined : typeof input.rows === 'number' ? input.rows : this.defaultRows;
    if (onProgress) {
      this.listeners.add(onProgress);
    }
    try {
      const load = planner.prepare(rows === undefined ? undefined : { rows });
      load.catch(() => undefined); // a load nobody waits for any more must not end the process
      const outcome = await settleWithin(load, this.waitMs, signal);
      return outcome === 'loaded' ? undefined : this.stillLoading(tool);
    } finally {
      if (onProgress) {
        this.listeners.delete(onProgress);
      }
    }
  }

  private stillLoading(tool: string): string {
    return (
      `Still loading the schema into the embedded PostgreSQL (${LoadReporter.describe(this.latest, this.latest ? Date.now() - this.latestAt : 0)}); nothing was planned yet. ` +
      `The load goes on in the background: call ${tool} again in a few seconds and it will answer from the loaded database. ` +
      'This happens once per schema: the loaded database is saved as a snapshot that later sessions start from.'
    );
  }
}
