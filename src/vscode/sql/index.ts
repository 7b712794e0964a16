import * as vscode from 'vscode';
import type { Log } from '../common/log';
import { ChatQueryPlans } from './chatQueryPlans';
import { EXPLAIN_COMMAND, explainQueryPlan } from './explainCommand';
import { QueryPlanService } from './queryPlanService';

export type { ChatQueryPlans } from './chatQueryPlans';
export type { ExplainCommandResult } from './explainCommand';

/** Explain Query Plan and the chat's query plans; nothing starts until a plan is asked for. */
export function registerQueryPlans(context: vscode.ExtensionContext, log: Log): { chat: ChatQueryPlans; service: QueryPlanService } {
  const service = new QueryPlanService(context.globalStorageUri, log);
  context.subscriptions.push(
    service,
    vscode.commands.registerCommand(EXPLAIN_COMMAND, (arg?: { sql?: string; uri?: string } | vscode.Uri) =>
      explainQueryPlan(service, log, arg instanceof vscode.Uri ? { uri: arg.toString() } : arg),
    ),
  );
  return { chat: new ChatQueryPlans(service, log), service };
}
