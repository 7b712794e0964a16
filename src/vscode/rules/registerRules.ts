/**
 * The rules room: Problems-panel diagnostics on open/save/edit, quick fixes, the workspace
 * command, and the chat's access to rule findings. Nothing is parsed at activation: the worker
 * and its wasm start with the first document check.
 */
import type { RulesAccess } from '../../core/tools';
import * as vscode from 'vscode';
import type { Log } from '../common/log';
import { ChatRules } from './chatRules';
import { RuleCodeActions } from './ruleCodeActions';
import { registerRuleCommands } from './ruleCommands';
import { RuleDiagnostics } from './ruleDiagnostics';
import { RulesService } from './rulesService';

export interface RulesRoom {
  readonly chat: ChatRules;
  readonly diagnostics: RuleDiagnostics;
  /** The rules worker as the run_rules tool's engine. */
  readonly toolAccess: (root: string | undefined) => RulesAccess;
}

/** @param preferOwnModel true when our Anthropic model should answer (a key is set). */
export function registerRules(context: vscode.ExtensionContext, log: Log, preferOwnModel?: () => Promise<boolean>): RulesRoom {
  const service = new RulesService(log);
  const diagnostics = new RuleDiagnostics(service, log);
  context.subscriptions.push(
    service,
    diagnostics,
    vscode.languages.registerCodeActionsProvider(
      [{ language: 'typescript' }, { language: 'typescriptreact' }, { language: 'javascript' }, { language: 'javascriptreact' }, { language: 'python' }, { language: 'sql' }, { pattern: '**/*.sql' }],
      new RuleCodeActions(),
      { providedCodeActionKinds: RuleCodeActions.kinds },
    ),
  );
  registerRuleCommands(context, service, diagnostics, log, preferOwnModel);
  // documents already open when the extension starts (checked after activation returns)
  setTimeout(() => diagnostics.recheckOpen(), 0);
  return { chat: new ChatRules(service, log), diagnostics, toolAccess: (root) => service.toolAccess(root) };
}
