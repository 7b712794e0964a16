import * as vscode from 'vscode';
import { fileExists } from '../common/fileExists';
import { personaItems, pickPersona } from './personaPicker';
import { agentFilePath, renderCopilotAgentFile } from '../../core/personas/agentFile';
import type { Persona } from '../../core/personas/persona';
import { resolveUserFolder } from './personaFiles';
import { PersonaService, SETTING_DEFAULT_PERSONA, SETTING_PERSONAS_FOLDER, type PersonaLog } from './personaService';

export const CHOOSE_PERSONA_COMMAND = 'architectPersonas.choosePersona';
export const EXPORT_PERSONA_COMMAND = 'architectPersonas.exportPersonaAsAgent';

/**
 * Creates the persona service and everything around it: file watchers, trust and settings
 * listeners, the diagnostics collection, the status-bar item, and the commands
 * `architectPersonas.choosePersona` and `architectPersonas.exportPersonaAsAgent`. Every disposable
 * goes to `context.subscriptions`. Bundled personas are available as soon as this returns; user and
 * workspace personas arrive with the first reload (`await service.settled()` to wait for it).
 */
export function registerPersonas(context: vscode.ExtensionContext, log?: PersonaLog): PersonaService {
  let ownLog: vscode.LogOutputChannel | undefined;
  if (!log) {
    ownLog = vscode.window.createOutputChannel('Architect Personas: Personas', { log: true });
    context.subscriptions.push(ownLog);
  }
  const diagnostics = vscode.languages.createDiagnosticCollection('architectPersonas.personas');
  const service = new PersonaService(context, log ?? ownLog!, diagnostics);
  context.subscriptions.push(diagnostics, service);

  const reload = () => void service.scheduleReload();

  // Workspace personas: one glob watcher covers every workspace folder.
  const workspaceWatcher = vscode.workspace.createFileSystemWatcher('**/.vscode/architects/*.md');
  context.subscriptions.push(workspaceWatcher, workspaceWatcher.onDidCreate(reload), workspaceWatcher.onDidChange(reload), workspaceWatcher.onDidDelete(reload));

  // The user folder lives outside the workspace; its watcher follows the setting.
  let userWatcher: vscode.Disposable | undefined;
  const watchUserFolder = () => {
    userWatcher?.dispose();
    userWatcher = undefined;
    const { uri } = resolveUserFolder(vscode.workspace.getConfiguration('architectPersonas').get<string>(SETTING_PERSONAS_FOLDER, ''));
    if (uri) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(uri, '*.md'));
      userWatcher = vscode.Disposable.from(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
    }
  };
  watchUserFolder();
  context.subscriptions.push({ dispose: () => userWatcher?.dispose() });

  // Bundled personas only change while the extension itself is being developed.
  if (context.extensionMode === vscode.ExtensionMode.Development) {
    const bundledWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(service.bundledFolder, '*.md'));
    const reloadBundled = () => {
      service.invalidateBundled();
      reload();
    };
    context.subscriptions.push(bundledWatcher, bundledWatcher.onDidCreate(reloadBundled), bundledWatcher.onDidChange(reloadBundled), bundledWatcher.onDidDelete(reloadBundled));
  }

  // Saving a persona file reloads at once, so the very next request sees the edit even if the
  // file watcher reports it a little later.
  const isPersonaFile = (uri: vscode.Uri): boolean => {
    if (!uri.path.toLowerCase().endsWith('.md')) {
      return false;
    }
    const dir = uri.path.slice(0, uri.path.lastIndexOf('/'));
    const user = resolveUserFolder(vscode.workspace.getConfiguration('architectPersonas').get<string>(SETTING_PERSONAS_FOLDER, '')).uri;
    return dir.endsWith('/.vscode/architects') || (user !== undefined && dir === user.path.replace(/\/$/, '')) || dir === service.bundledFolder.path;
  };

  context.subscriptions.push(
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (isPersonaFile(doc.uri)) {
        reload();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(reload),
    vscode.workspace.onDidChangeWorkspaceFolders(reload),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`architectPersonas.${SETTING_PERSONAS_FOLDER}`)) {
        watchUserFolder();
        reload();
      } else if (e.affectsConfiguration(`architectPersonas.${SETTING_DEFAULT_PERSONA}`)) {
        updateStatusBar();
      }
    }),
  );

  // Status bar: the active persona; clicking it opens Choose Persona.
  const status = vscode.window.createStatusBarItem('architectPersonas.persona', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Architect Persona';
  status.command = CHOOSE_PERSONA_COMMAND;
  const updateStatusBar = () => {
    let persona: Persona;
    try {
      persona = service.getActive();
    } catch {
      status.hide();
      return;
    }
    status.text = `$(${persona.icon ?? 'person'}) ${persona.name}`;
    status.accessibilityInformation = { label: `Architect persona: ${persona.name}. Choose another persona.` };
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(persona.name)}**, ${escapeMarkdown(persona.title)}\n\n`);
    tooltip.appendMarkdown(`${escapeMarkdown(persona.description)}\n\n`);
    tooltip.appendMarkdown(`*${escapeMarkdown(service.describeSource(persona))}*\n\n`);
    tooltip.appendMarkdown('Click to choose another persona.');
    status.tooltip = tooltip;
    status.show();
  };
  updateStatusBar();
  context.subscriptions.push(status, service.onDidChange(updateStatusBar));

  context.subscriptions.push(
    vscode.commands.registerCommand(CHOOSE_PERSONA_COMMAND, (id?: unknown) => choosePersona(service, typeof id === 'string' ? id : undefined)),
    vscode.commands.registerCommand(EXPORT_PERSONA_COMMAND, (id?: unknown, options?: unknown) =>
      exportPersonaAsAgent(service, typeof id === 'string' ? id : undefined, (options as { overwrite?: boolean } | undefined)?.overwrite === true),
    ),
  );

  void service.reload();
  return service;
}

/** Choose Persona: with an id, selects it directly (for keybindings and tests); else shows a picker. */
async function choosePersona(service: PersonaService, id: string | undefined): Promise<string | undefined> {
  await service.settled();
  if (id !== undefined) {
    if (!service.get(id)) {
      void vscode.window.showErrorMessage(`There is no persona with the id "${id}".`);
      return undefined;
    }
    await service.choose(id);
    return id;
  }
  const activeId = service.getActive().id;
  const items = personaItems(service, activeId);
  if (service.chosenId() !== undefined) {
    items.push(
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: '$(discard) Use the default persona', detail: 'Forget the choice and follow the architectPersonas.defaultPersona setting', resetToDefault: true },
    );
  }
  const picked = await pickPersona(service, 'Choose the architect persona for @backend', items, activeId);
  if (!picked) {
    return undefined;
  }
  await service.choose(picked.resetToDefault ? undefined : picked.personaId);
  return service.getActive().id;
}

/**
 * Writes `.github/agents/<id>.agent.md` in the first workspace folder, asking before it
 * overwrites an existing file, and opens it. Returns the file's URI, or undefined if cancelled.
 */
async function exportPersonaAsAgent(service: PersonaService, id: string | undefined, overwrite: boolean): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage('Open a folder first: the persona is exported to .github/agents/ in the first workspace folder.');
    return undefined;
  }
  await service.settled();
  let persona: Persona | undefined;
  if (id !== undefined) {
    persona = service.get(id);
    if (!persona) {
      void vscode.window.showErrorMessage(`There is no persona with the id "${id}".`);
      return undefined;
    }
  } else {
    const activeId = service.getActive().id;
    const picked = await pickPersona(service, 'Export a persona as a Copilot custom agent', personaItems(service, activeId), activeId);
    persona = picked?.personaId !== undefined ? service.get(picked.personaId) : undefined;
    if (!persona) {
      return undefined;
    }
  }

  const target = vscode.Uri.joinPath(folder.uri, ...agentFilePath(persona).split('/'));
  if (!overwrite && (await fileExists(target))) {
    const answer = await vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(target, false)} already exists. Overwrite it?`,
      { modal: true, detail: 'The file will be replaced with the exported persona.' },
      'Overwrite',
    );
    if (answer !== 'Overwrite') {
      return undefined;
    }
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, '.github', 'agents'));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderCopilotAgentFile(persona)));
  await vscode.window.showTextDocument(target, { preview: false });
  return target;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
