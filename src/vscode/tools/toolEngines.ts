import * as vscode from 'vscode';
import { createSqlAccess } from '../../core/tools/engines';
import type { RulesAccess, SqlAccess } from '../../core/tools';
import type { QueryPlanner } from '../../core/sql';
import { readQueryPlanSettings } from '../sql/queryPlanService';

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
  // the same reading (and bounds) of the settings as the query-plan service's planner
  const { rows, schemaPath: override } = readQueryPlanSettings(vscode.Uri.file(root));
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
    ...(rows ? { rows } : {}),
    ...(override ? { override } : {}),
    ...(log ? { log } : {}),
    ...(shared ? { planner: () => shared(root) } : {}),
  });
  planners.set(root, { signature, access });
  return access;
}

/** The extension's rules service (its worker thread), when registered. */
let sharedRules: ((root: string | undefined) => RulesAccess) | undefined;

/** The tools' rules run in the rules service's worker thread (started on first use); none before it is registered. */
export function rulesAccessFor(root: string | undefined): RulesAccess | undefined {
  return sharedRules?.(root);
}

export interface ToolEngines {
  /** The extension's QueryPlanService: the SQL tools share its embedded Postgres (one worker of ~450 MB per folder, not two) and its snapshot cache. */
  readonly plannerFor?: (root: string) => QueryPlanner;
  /** The extension's rules service: run_rules shares its worker thread and grammars. */
  readonly rulesFor: (root: string | undefined) => RulesAccess;
}

export function registerToolEngines(context: vscode.ExtensionContext, engines: ToolEngines): void {
  sharedPlanner = engines.plannerFor;
  sharedRules = engines.rulesFor;
  context.subscriptions.push({
    dispose: () => {
      sharedRules = undefined;
      for (const { access } of planners.values()) {
        void access.dispose().catch(() => undefined);
      }
      planners.clear();
      sharedPlanner = undefined;
    },
  });
}
