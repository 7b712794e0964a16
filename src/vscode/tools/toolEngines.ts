import * as vscode from 'vscode';
import { RulesWorkerClient } from '../../core/rules/worker/workerClient';
import { createSqlAccess, createWorkerRulesAccess } from '../../core/tools/engines';
import type { RulesAccess, SqlAccess } from '../../core/tools';
import type { QueryPlanner } from '../../core/sql';
import { SETTINGS_SECTION } from '../common/settings';

/**
 * The engines behind the tools on the VS Code surface, each in its worker thread.
 * One embedded Postgres per workspace folder for the SQL tools, started on the first
 * explain_query / check_sql_fix / schema call (never at activation) and stopped when the
 * extension deactivates. The planner itself stops its worker after idle.
 */
const planners = new Map<string, { signature: string; access: ReturnType<typeof createSqlAccess> }>();
/** The extension's query-plan service (one embedded Postgres per folder), when registered. */
let sharedPlanner: ((root: string) => QueryPlanner) | undefined;

export function sqlAccessFor(root: string, log?: (s: string) => void): SqlAccess {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const rows = c.get<number>('queryPlans.rows');
  const override = c.get<string>('queryPlans.schemaPath')?.trim() || undefined;
  const signature = JSON.stringify([rows, override]);
  const existing = planners.get(root);
  if (existing && existing.signature === signature) {
    return existing.access;
  }
  if (existing) {
    void existing.access.dispose().catch(() => undefined);
  }
  const shared = sharedPlanner;
  const access = createSqlAccess({
    root,
    ...(typeof rows === 'number' && rows > 0 ? { rows } : {}),
    ...(override ? { override } : {}),
    ...(log ? { log } : {}),
    ...(shared ? { planner: () => shared(root) } : {}),
  });
  planners.set(root, { signature, access });
  return access;
}

let rulesWorker: RulesWorkerClient | undefined;

/** The tools' rules run in one worker thread, started on the first run_rules call. */
export function rulesAccessFor(root: string | undefined): RulesAccess {
  rulesWorker ??= new RulesWorkerClient();
  return createWorkerRulesAccess(rulesWorker, root);
}

/**
 * `plannerFor`: the extension's QueryPlanService, so the SQL tools share its embedded Postgres
 * (one worker of ~450 MB per folder, not two) and its snapshot cache.
 */
export function registerToolEngines(context: vscode.ExtensionContext, plannerFor?: (root: string) => QueryPlanner): void {
  sharedPlanner = plannerFor;
  context.subscriptions.push({
    dispose: () => {
      void rulesWorker?.dispose().catch(() => undefined);
      rulesWorker = undefined;
      for (const { access } of planners.values()) {
        void access.dispose().catch(() => undefined);
      }
      planners.clear();
      sharedPlanner = undefined;
    },
  });
}
