import * as vscode from 'vscode';

/**
 * The extension's log (a LogOutputChannel). It records request ids, models, latencies, token
 * counts, retries and errors — never code, prompts or keys.
 */
export type Log = vscode.LogOutputChannel;

export function registerLog(context: vscode.ExtensionContext): Log {
  const log = vscode.window.createOutputChannel('Architect Personas', { log: true });
  context.subscriptions.push(log, vscode.commands.registerCommand('architectPersonas.showLog', () => log.show(true)));
  return log;
}
