/**
 * Commands: Run Backend Rules on Workspace (in the worker, progress notification with cancel),
 * Ask the architect about a rule finding (opens @backend with the lines attached), Disable rule.
 */
import * as vscode from 'vscode';
import { RULE_TABLE } from '../../core/rules/ruleTable';
import { RulesCancelled } from '../../core/rules/worker/workerClient';
import type { Log } from '../common/log';
import { askQuery, RULE_COMMANDS, type AskArchitectArgs } from './ruleCodeActions';
import type { RuleDiagnostics } from './ruleDiagnostics';
import { disableRule, enabledRuleIds } from './ruleSettings';
import type { RulesService } from './rulesService';

const CONTEXT_LINES = 20;
const MAX_WORKSPACE_FILES = 5000;

export async function askArchitect(args: AskArchitectArgs, preferOwnModel?: () => Promise<boolean>): Promise<void> {
  const uri = vscode.Uri.parse(args.uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  const f = args.finding;
  const start = Math.max(0, f.line - 1 - CONTEXT_LINES);
  const end = Math.min(doc.lineCount - 1, f.endLine - 1 + CONTEXT_LINES);
  // the workbench's 1-based range shape (a vscode.Range would arrive as JSON and lose its lines)
  const range = { startLineNumber: start + 1, startColumn: 1, endLineNumber: end + 1, endColumn: doc.lineAt(end).range.end.character + 1 };
  await vscode.window.showTextDocument(doc, { selection: new vscode.Selection(f.line - 1, 0, f.endLine - 1, doc.lineAt(f.endLine - 1).range.end.character), preview: true });
  const own = (await preferOwnModel?.().catch(() => false)) ?? false;
  await vscode.commands.executeCommand('workbench.action.chat.open', {
    query: `@backend ${askQuery(f)}`,
    attachFiles: [{ uri, range }],
    ...(own ? { modelSelector: { vendor: 'architect-personas' } } : {}),
  });
}

export async function runOnWorkspace(service: RulesService, diagnostics: RuleDiagnostics, log: Log): Promise<void> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Open a folder to run the backend rules on it.');
    return;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Backend rules', cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      let findings = 0;
      let files = 0;
      let skipped = 0;
      let lastDone = 0;
      try {
        for (const folder of folders) {
          const enabled = enabledRuleIds(folder.uri);
          if (enabled.length === 0) {
            continue;
          }
          progress.report({ message: `reading ${folder.name}…` });
          lastDone = 0;
          const result = await service.checkFolder(folder.uri.fsPath, {
            maxFiles: MAX_WORKSPACE_FILES,
            enabled,
            signal: controller.signal,
            onProgress: (done, total, file) => {
              progress.report({ message: `${done}/${total} ${file}`, increment: ((done - lastDone) / Math.max(1, total)) * (100 / folders.length) });
              lastDone = done;
            },
          });
          const byFile = new Map<string, typeof result.findings>();
          for (const f of result.findings) {
            byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
          }
          for (const [file, list] of byFile) {
            diagnostics.publish(vscode.Uri.joinPath(folder.uri, file), list);
          }
          findings += result.findings.length;
          files += result.files;
          skipped += result.skipped;
          log.info(`rules on ${folder.name}: ${result.files} files, ${result.findings.length} findings, ${result.skipped} skipped`);
        }
      } catch (err) {
        if (err instanceof RulesCancelled || controller.signal.aborted) {
          void vscode.window.showInformationMessage('Backend rules cancelled.');
          return;
        }
        log.error(`rules on workspace failed: ${(err as Error)?.stack ?? String(err)}`);
        void vscode.window.showErrorMessage(`Backend rules failed: ${(err as Error)?.message ?? String(err)}`, 'Show Log').then((c) => c && log.show());
        return;
      } finally {
        cancel.dispose();
      }
      // the files are the CLI's file set (src/core/fileSet): same default excludes, same test-file policy
      const left = skipped > 0 ? ` ${skipped} file${skipped === 1 ? '' : 's'} skipped (too large, binary, generated or past ${MAX_WORKSPACE_FILES}).` : '';
      const summary = `Backend rules: ${findings} finding${findings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.${left}`;
      void vscode.window.showInformationMessage(summary, ...(findings > 0 ? ['Show Problems'] : [])).then((c) => c && vscode.commands.executeCommand('workbench.actions.view.problems'));
    },
  );
}

export function registerRuleCommands(context: vscode.ExtensionContext, service: RulesService, diagnostics: RuleDiagnostics, log: Log, preferOwnModel?: () => Promise<boolean>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(RULE_COMMANDS.runOnWorkspace, () => runOnWorkspace(service, diagnostics, log)),
    vscode.commands.registerCommand(RULE_COMMANDS.askArchitect, (args: AskArchitectArgs) => askArchitect(args, preferOwnModel)),
    vscode.commands.registerCommand(RULE_COMMANDS.disableRule, async (ruleId?: string) => {
      const id = ruleId ?? (await vscode.window.showQuickPick(RULE_TABLE.map((r) => ({ label: r.id, description: r.summary })), { title: 'Disable a backend rule' }))?.label;
      if (id) {
        await disableRule(id);
        void vscode.window.showInformationMessage(`Rule ${id} is off (setting architectPersonas.rules.${id}).`);
      }
    }),
  );
}
