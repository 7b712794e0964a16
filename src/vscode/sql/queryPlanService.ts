import * as path from 'node:path';
import * as vscode from 'vscode';
import { discoverSchema } from '../../core/schema';
import { createQueryPlanner, type ExplainOptions, type QueryPlanner } from '../../core/sql';
import type { Log } from '../common/log';
import { SETTINGS_SECTION } from '../common/settings';

export interface QueryPlanSettings {
  readonly enabled: boolean;
  readonly rows: number | undefined;
  readonly schemaPath: string | undefined;
}

export function readQueryPlanSettings(scope?: vscode.Uri): QueryPlanSettings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const rows = c.get<number>('queryPlans.rows');
  return {
    enabled: c.get<boolean>('queryPlans.enabled') ?? true,
    rows: typeof rows === 'number' && rows >= 10 ? Math.min(Math.round(rows), 1_000_000) : undefined,
    schemaPath: c.get<string>('queryPlans.schemaPath')?.trim() || undefined,
  };
}

/**
 * One embedded PostgreSQL per workspace folder, created on first use (never at activation; the
 * planner starts its worker thread only when asked for a plan). Schema file changes reload it;
 * a settings change replaces it; the extension's end disposes it.
 */
export class QueryPlanService implements vscode.Disposable {
  private readonly planners = new Map<string, { key: string; planner: QueryPlanner }>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Whether a folder has a schema at all (a cheap file search, no database): root -> answer. */
  private readonly found = new Map<string, Promise<boolean>>();

  constructor(
    private readonly storage: vscode.Uri,
    private readonly log: Log,
  ) {
    for (const pattern of ['**/*.sql', '**/meta/_journal.json']) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const changed = (uri: vscode.Uri) => this.invalidate(uri);
      this.disposables.push(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
    }
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.queryPlans`)) {
          this.disposeAll();
        }
      }),
    );
  }

  /** The workspace folder a file belongs to, or the first folder. */
  rootFor(uri?: vscode.Uri | string): string | undefined {
    const u = typeof uri === 'string' ? safeUri(uri) : uri;
    const folder = (u && vscode.workspace.getWorkspaceFolder(u)) ?? vscode.workspace.workspaceFolders?.[0];
    return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
  }

  plannerFor(root: string): QueryPlanner {
    const settings = readQueryPlanSettings(vscode.Uri.file(root));
    const key = JSON.stringify([settings.rows, settings.schemaPath]);
    const existing = this.planners.get(root);
    if (existing && existing.key === key) {
      return existing.planner;
    }
    if (existing) {
      void existing.planner.dispose().catch(() => undefined);
    }
    const planner = createQueryPlanner({
      root,
      ...(settings.rows ? { rows: settings.rows } : {}),
      ...(settings.schemaPath ? { override: settings.schemaPath } : {}),
      cacheDir: path.join(this.storage.fsPath, 'pg-snapshots'),
      log: (s) => this.log.info(`[query plans] ${s}`),
    });
    this.planners.set(root, { key, planner });
    return planner;
  }

  /** True when the folder has schema files to load; checked without starting the database. */
  hasSchema(root: string): Promise<boolean> {
    let answer = this.found.get(root);
    if (!answer) {
      const override = readQueryPlanSettings(vscode.Uri.file(root)).schemaPath;
      answer = discoverSchema(root, override ? { override } : {}).then(
        (s) => s.tool !== undefined && s.files.length > 0,
        () => false,
      );
      this.found.set(root, answer);
      // Only a positive answer is kept (until a schema file changes): a schema added later is seen.
      void answer.then((yes) => yes || this.found.delete(root));
    }
    return answer;
  }

  /** Explain options from a question's scale ("at 100k users"), else the setting's. */
  scaleOptions(rows: number | undefined, table: string | undefined): ExplainOptions {
    return rows ? { rows: Math.min(rows, 1_000_000), ...(table ? { table } : {}) } : {};
  }

  private invalidate(uri: vscode.Uri): void {
    const root = this.rootFor(uri);
    if (root) {
      this.found.delete(root);
    }
    const entry = root ? this.planners.get(root) : undefined;
    entry?.planner.invalidate();
  }

  private disposeAll(): void {
    this.found.clear();
    for (const { planner } of this.planners.values()) {
      void planner.dispose().catch(() => undefined);
    }
    this.planners.clear();
  }

  dispose(): void {
    this.disposeAll();
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}

function safeUri(s: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(s, true);
  } catch {
    return undefined;
  }
}
