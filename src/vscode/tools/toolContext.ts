import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SentFile } from '../../core/context/sentFile';
import { createWorkspaceAccess, type ToolContext } from '../../core/tools';
import { SETTINGS_SECTION } from '../common/settings';
import { rulesAccessFor, sqlAccessFor } from './toolEngines';

/** The tools' settings (`architectPersonas.tools.*`). */
export interface ToolSettings {
  readonly enabled: boolean;
  readonly maxRounds: number;
  readonly denyList: readonly string[];
}

export function readToolSettings(): ToolSettings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const deny = c.get<unknown>('tools.denyList', []);
  return {
    enabled: c.get<boolean>('tools.enabled', true),
    maxRounds: Math.min(20, Math.max(1, Math.floor(c.get<number>('tools.maxRounds', 6)))),
    denyList: Array.isArray(deny) ? deny.filter((d): d is string => typeof d === 'string') : [],
  };
}

export interface ToolContextInput {
  /** Files the user attached or had open (what was sent): readable even when secret-looking or ignored. */
  readonly attached: readonly vscode.Uri[];
  readonly maxFileChars: number;
  readonly redactSecrets: boolean;
  readonly denyList: readonly string[];
}

/**
 * The ToolContext of the VS Code surface: the first workspace folder on disk, open editors' text
 * (unsaved edits included), and in an untrusted workspace only the attached files, no git, no
 * embedded Postgres. Undefined when no folder is open (there is nothing to read).
 */
export function vscodeToolContext(input: ToolContextInput): ToolContext | undefined {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  if (!folder) {
    return undefined;
  }
  const root = folder.uri.fsPath;
  const trusted = vscode.workspace.isTrusted;
  const attached = input.attached
    .filter((u) => u.scheme === 'file')
    .map((u) => path.relative(root, u.fsPath).split(path.sep).join('/'))
    .filter((rel) => rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel));
  const files = createWorkspaceAccess({
    root,
    attached,
    restricted: !trusted,
    denyList: input.denyList,
    uriOf: (abs) => vscode.Uri.file(abs).toString(),
    overlay: (rel) => {
      const abs = path.join(root, ...rel.split('/'));
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === abs);
      return doc?.isDirty ? { text: doc.getText(), languageId: doc.languageId } : undefined;
    },
  });
  return {
    files,
    maxFileChars: input.maxFileChars,
    redactSecrets: input.redactSecrets,
    // in an untrusted workspace the rules get no root: they read no schema files beyond the attachments
    rules: rulesAccessFor(trusted ? root : undefined),
    // The embedded Postgres reads the workspace's schema files: not in an untrusted workspace.
    sql: trusted ? sqlAccessFor(root) : undefined,
  };
}

/** URIs of the files a request sent (attached or the active editor's). */
export function sentFileUris(files: readonly SentFile[]): vscode.Uri[] {
  const out: vscode.Uri[] = [];
  for (const f of files) {
    try {
      out.push(vscode.Uri.parse(f.uri, true));
    } catch {
      // an untitled document has no file to read
    }
  }
  return out;
}
