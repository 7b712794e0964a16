/**
 * Lists the Architect Personas MCP server in VS Code (agent mode, MCP: List Servers): one
 * stdio server per workspace folder, run as `dist/cli.js mcp --root <folder>` by the editor's
 * own Node (process.execPath with ELECTRON_RUN_AS_NODE). The API key from secret storage, the
 * base URL and the model from settings are handed to the process only when the editor starts
 * it (resolveMcpServerDefinition), never written anywhere. Untrusted workspaces get no server:
 * it runs git and reads files in the folder.
 */
import * as vscode from 'vscode';
import type { Log } from '../common/log';
import { onDidChangeSettings, readModelSettings } from '../common/settings';
import type { ApiKeyStore } from '../model/apiKey';

export const MCP_PROVIDER_ID = 'architect-personas.mcp';

export interface McpDeps {
  readonly keys: ApiKeyStore;
  readonly log: Log;
}

/** The server definitions for the open folders (exported for tests). */
export function mcpServerDefinitions(context: vscode.ExtensionContext): vscode.McpStdioServerDefinition[] {
  if (!vscode.workspace.isTrusted) {
    return [];
  }
  const cli = context.asAbsolutePath('dist/cli.js');
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '0.0.0');
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  return folders.map((folder) => {
    const label = folders.length > 1 ? `Architect Personas (${folder.name})` : 'Architect Personas';
    const def = new vscode.McpStdioServerDefinition(label, process.execPath, [cli, 'mcp', '--root', folder.uri.fsPath], { ELECTRON_RUN_AS_NODE: '1' }, version);
    def.cwd = folder.uri;
    return def;
  });
}

export function registerMcpServer(context: vscode.ExtensionContext, deps: McpDeps): void {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.McpServerDefinitionProvider<vscode.McpStdioServerDefinition> = {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: () => mcpServerDefinitions(context),
    async resolveMcpServerDefinition(server) {
      const settings = readModelSettings();
      const key = await deps.keys.get();
      server.env = {
        ...server.env,
        ANTHROPIC_BASE_URL: settings.baseUrl,
        ANTHROPIC_MODEL: settings.model,
        // Without a key the server still serves the rules and query plans.
        ANTHROPIC_API_KEY: key ?? null,
      };
      deps.log.info(`mcp: starting ${server.label}${key ? '' : ' (no API key: rules and query plans only)'}`);
      return server;
    },
  };
  context.subscriptions.push(
    changed,
    vscode.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider),
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
    onDidChangeSettings(() => changed.fire()),
    context.secrets.onDidChange(() => changed.fire()),
  );
}
