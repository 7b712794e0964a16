/**
 * The engines behind run_rules (src/core/rules) and the SQL tools (src/core/sql), adapted to the
 * small interfaces the tools use. Both load on first use, never when a surface starts.
 */
import type { QueryPlanner, SchemaModel } from '../sql';
import type { RuleFindingLike, RulesAccess, SqlAccess } from './types';

/**
 * The rules engine; `wasmDir` is where the grammars ship (the extension's dist/), default next to
 * the bundle. With `root`, the schema rules read the .sql files of that folder's file set
 * (src/core/fileSet, the same files `rules` reads), loaded on the first run.
 */
export function createRulesAccess(options: { wasmDir?: string; root?: string } = {}): RulesAccess {
  let schema: Promise<{ path: string; text: string }[]> | undefined;
  const schemaFiles = async (): Promise<{ path: string; text: string }[]> => {
    if (!options.root) {
      return [];
    }
    schema ??= import('../fileSet/fileSet').then(async ({ collectFileSet, schemaFilesOf }) =>
      schemaFilesOf(await collectFileSet({ root: options.root!, accept: (p) => p.toLowerCase().endsWith('.sql') })).map((f) => ({ path: f.path, text: f.text })),
    );
    return schema.catch(() => []);
  };
  return {
    async run(files, signal) {
      const { runRules } = await import('../rules');
      const paths = new Set(files.map((f) => f.path));
      return runRules(
        files.map((f) => ({ path: f.path, text: f.text, ...(f.languageId ? { languageId: f.languageId } : {}) })),
        { signal, schemaFiles: (await schemaFiles()).filter((f) => !paths.has(f.path)), ...(options.wasmDir ? { wasmDir: options.wasmDir } : {}) },
      );
    },
  };
}

/** What the rules worker client (src/core/rules/worker/workerClient.ts) offers. */
export interface RulesWorkerLike {
  run(files: readonly { path: string; text: string; languageId?: string }[], options: { root?: string; signal?: AbortSignal }): Promise<{ findings: RuleFindingLike[] }>;
}

/**
 * The rules engine in its worker thread (the extension host's event loop must not parse a
 * folder of files); `root` lets the worker read the workspace schema for the schema rules.
 */
export function createWorkerRulesAccess(worker: RulesWorkerLike, root?: string): RulesAccess {
  return {
    async run(files, signal) {
      const result = await worker.run(files, { ...(root ? { root } : {}), signal });
      return result.findings;
    },
  };
}

export interface SqlAccessOptions {
  /** Workspace root: the schema is discovered under it. */
  readonly root: string;
  /** Rows in the largest table when the model gives none. */
  readonly rows?: number;
  /** architectPersonas.queryPlans.schemaPath, when set. */
  readonly override?: string;
  readonly log?: (s: string) => void;
  /**
   * A planner owned by the surface (the extension's one embedded Postgres per folder, shared
   * with Explain Query Plan and the chat's checks). Given: it is used, and `dispose` leaves it
   * to its owner. Absent: this access creates and disposes its own.
   */
  readonly planner?: () => QueryPlanner;
}

/**
 * The embedded Postgres (src/core/sql createQueryPlanner): the planner and its worker start on
 * the first call and stay until `dispose`. The tools only ever see the human summaries.
 */
export function createSqlAccess(options: SqlAccessOptions): SqlAccess & { dispose(): Promise<void> } {
  type Sql = typeof import('../sql');
  let planner: Promise<{ sql: Sql; planner: QueryPlanner }> | undefined;
  const get = () =>
    (planner ??= import('../sql').then((sql) => ({
      sql,
      planner: options.planner?.() ?? sql.createQueryPlanner({
        root: options.root,
        ...(options.override ? { override: options.override } : {}),
        ...(options.rows ? { rows: options.rows } : {}),
        ...(options.log ? { log: options.log } : {}),
      }),
    })));
  const defaultRows = options.rows ?? 100_000;
  return {
    defaultRows,
    async explain(query, rows) {
      const { sql, planner: p } = await get();
      const report = await p.explain(query, { rows });
      return sql.formatPlanReport(report);
    },
    async checkFix(query, fixSql, rows) {
      const { sql, planner: p } = await get();
      return sql.formatFixCheck(await p.checkFix(query, fixSql, { rows }));
    },
    async schema() {
      const { planner: p } = await get();
      const [status, model] = await Promise.all([p.schemaStatus(), p.schema()]);
      return `${status.summary}\n\n${formatSchemaModel(model)}`;
    },
    async dispose() {
      const current = planner;
      planner = undefined;
      if (current && !options.planner) {
        await (await current).planner.dispose();
      }
    },
  };
}

const MAX_SCHEMA_TABLES = 80;

/** Tables as compact text: columns with types, primary key, indexes, foreign keys. */
export function formatSchemaModel(model: SchemaModel): string {
  if (model.tables.length === 0) {
    return 'No tables were loaded from the workspace.';
  }
  const out: string[] = [];
  for (const t of model.tables.slice(0, MAX_SCHEMA_TABLES)) {
    const cols = t.columns.map((c) => `${c.name} ${c.type}${c.notNull ? ' not null' : ''}${c.default !== undefined ? ` default ${c.default}` : ''}`);
    out.push(`table ${t.qualified}${t.rows !== undefined ? ` (${t.rows.toLocaleString('en-US')} synthetic rows)` : ''}`);
    out.push(`  columns: ${cols.join(', ')}`);
    if (t.primaryKey.length > 0) {
      out.push(`  primary key: (${t.primaryKey.join(', ')})`);
    }
    for (const i of t.indexes.filter((x) => !x.primary)) {
      out.push(`  index ${i.name}: ${i.definition}`);
    }
    for (const fk of t.foreignKeys) {
      out.push(`  foreign key (${fk.columns.join(', ')}) -> ${fk.refTable} (${fk.refColumns.join(', ')})`);
    }
  }
  if (model.tables.length > MAX_SCHEMA_TABLES) {
    out.push(`(${model.tables.length - MAX_SCHEMA_TABLES} more tables not shown)`);
  }
  return out.join('\n');
}
