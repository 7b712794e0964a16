/**
 * In an untrusted workspace, persona files in `.vscode/architects` are not loaded (a workspace
 * could otherwise steer the model). When there are some, the first answer of a chat says so,
 * with the way to change it, instead of silently answering as another persona.
 */
import * as vscode from 'vscode';
import { WORKSPACE_PERSONA_DIR } from '../personas/personaService';

/** The untrusted workspace's persona files that were left out (workspace-relative paths). */
export async function skippedWorkspacePersonas(): Promise<string[]> {
  if (vscode.workspace.isTrusted) {
    return [];
  }
  const out: string[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const dir = vscode.Uri.joinPath(folder.uri, ...WORKSPACE_PERSONA_DIR);
    const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(dir)).catch(() => [] as [string, vscode.FileType][]);
    for (const [name, type] of entries) {
      if ((type & vscode.FileType.File) !== 0 && name.toLowerCase().endsWith('.md')) {
        out.push(vscode.workspace.asRelativePath(vscode.Uri.joinPath(dir, name), false));
      }
    }
  }
  return out.sort();
}

/** Writes the notice on the first turn of a chat when workspace personas were left out. */
export async function renderTrustNotice(stream: vscode.ChatResponseStream, chatContext: vscode.ChatContext): Promise<void> {
  if (chatContext.history.length > 0) {
    return;
  }
  const skipped = await skippedWorkspacePersonas();
  if (skipped.length === 0) {
    return;
  }
  const list = skipped.slice(0, 3).map((p) => `\`${p}\``).join(', ') + (skipped.length > 3 ? ` and ${skipped.length - 3} more` : '');
  stream.markdown(
    `> This workspace is not trusted, so its personas (${list}) are not loaded and Git is not run. ` +
      'Trust the workspace (**Workspaces: Manage Workspace Trust**) to use them.\n\n',
  );
  stream.button({ command: 'workbench.trust.manage', title: 'Manage Workspace Trust' });
}
