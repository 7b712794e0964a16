/**
 * Commands behind the buttons and anchors of rendered findings. SQL and commands are never
 * executed: they are opened in an editor or copied.
 */
import * as vscode from 'vscode';
import type { CopyFixArgs, OpenFixArgs, PreviewAndApplyFixArgs, RevealFindingArgs } from '../../core/render/chatParts';
import { FINDING_COMMANDS } from '../../core/render/chatParts';
import { fixPlanMessage, locateQuote, planFix } from '../../core/redact';
import { commandArgument } from './commandArguments';
import { toVscodeRange } from './renderChatParts';

export const FIX_SCHEME = 'architect-fix';

const LANGUAGE_IDS: Readonly<Record<string, string>> = {
  sh: 'shellscript',
  bash: 'shellscript',
  shell: 'shellscript',
  zsh: 'shellscript',
  console: 'shellscript',
  ts: 'typescript',
  js: 'javascript',
  py: 'python',
  yml: 'yaml',
  psql: 'sql',
  pgsql: 'sql',
  plpgsql: 'sql',
  mysql: 'sql',
  sqlite: 'sql',
  tf: 'terraform',
  dockerfile: 'dockerfile',
  ps1: 'powershell',
};

function languageId(lang: string): string {
  const l = lang.trim().toLowerCase();
  return LANGUAGE_IDS[l] ?? (l === '' ? 'plaintext' : l);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

function str(x: Record<string, unknown>, key: string): string | undefined {
  const v = x[key];
  return typeof v === 'string' ? v : undefined;
}

function asOpenFix(x: unknown): OpenFixArgs | undefined {
  if (!isRecord(x) || str(x, 'content') === undefined) {
    return undefined;
  }
  return { content: str(x, 'content') as string, language: str(x, 'language') ?? '' };
}

function asCopyFix(x: unknown): CopyFixArgs | undefined {
  if (!isRecord(x) || str(x, 'content') === undefined) {
    return undefined;
  }
  return { content: str(x, 'content') as string, title: str(x, 'title') };
}

function asPreview(x: unknown): PreviewAndApplyFixArgs | undefined {
  if (!isRecord(x)) {
    return undefined;
  }
  const uri = str(x, 'uri');
  const quote = str(x, 'quote');
  const replacement = str(x, 'replacement');
  if (uri === undefined || quote === undefined || replacement === undefined) {
    return undefined;
  }
  return {
    uri,
    quote,
    replacement,
    path: str(x, 'path') ?? uri,
    line: typeof x.line === 'number' ? x.line : 1,
    language: str(x, 'language') ?? '',
    title: str(x, 'title') ?? 'fix',
  };
}

function asReveal(x: unknown): RevealFindingArgs | undefined {
  if (!isRecord(x) || str(x, 'uri') === undefined) {
    return undefined;
  }
  return {
    uri: str(x, 'uri') as string,
    quote: str(x, 'quote'),
    line: typeof x.line === 'number' ? x.line : 1,
    endLine: typeof x.endLine === 'number' ? x.endLine : undefined,
  };
}

/** Serves the patched text of a pending fix for the diff view. */
class FixContentProvider implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private next = 1;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  add(basename: string, text: string): vscode.Uri {
    const id = String(this.next++);
    this.contents.set(id, text);
    return vscode.Uri.from({ scheme: FIX_SCHEME, path: `/${id}/${basename}` });
  }

  remove(uri: vscode.Uri): void {
    this.contents.delete(uri.path.split('/')[1] ?? '');
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.path.split('/')[1] ?? '') ?? '';
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }
}

async function openFixInEditor(...args: unknown[]): Promise<void> {
  const a = asOpenFix(commandArgument(args, 'fix'));
  if (!a) {
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: languageId(a.language), content: a.content });
  await vscode.window.showTextDocument(doc, { preview: false });
}

async function copyFix(...args: unknown[]): Promise<void> {
  const a = asCopyFix(commandArgument(args, 'fix'));
  if (!a) {
    return;
  }
  await vscode.env.clipboard.writeText(a.content);
  void vscode.window.showInformationMessage(a.title ? `Copied "${a.title}" to the clipboard.` : 'Copied the fix to the clipboard.');
}

async function revealFinding(...args: unknown[]): Promise<void> {
  const a = asReveal(commandArgument(args, 'location'));
  if (!a) {
    return;
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(a.uri));
  let range = toVscodeRange({ startLine: a.line, endLine: a.endLine ?? a.line });
  if (a.quote !== undefined) {
    const loc = locateQuote(doc.getText(), a.quote, a.line); // also when the quote shows a redacted secret
    if (loc) {
      range = new vscode.Range(doc.positionAt(loc.startOffset), doc.positionAt(loc.endOffset));
    } else {
      void vscode.window.showWarningMessage('The quoted code is no longer in this file; showing the line the finding was about.');
    }
  }
  range = doc.validateRange(range);
  await vscode.window.showTextDocument(doc, { selection: range, preview: true });
}

async function closeDiff(patchedUri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === patchedUri.toString());
  if (tabs.length > 0) {
    await vscode.window.tabGroups.close(tabs);
  }
}

async function previewAndApplyFix(provider: FixContentProvider, args: readonly unknown[]): Promise<void> {
  const a = asPreview(commandArgument(args, 'fix'));
  if (!a) {
    return;
  }
  const uri = vscode.Uri.parse(a.uri);
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch {
    void vscode.window.showErrorMessage(`Cannot apply the fix: ${a.path} could not be opened.`);
    return;
  }
  // planned on the real text even when quote or fix carry redaction placeholders (restored locally)
  const planned = planFix(doc.getText(), a.quote, a.replacement, a.line);
  if (!('plan' in planned)) {
    void vscode.window.showErrorMessage(fixPlanMessage(planned, a.path));
    return;
  }
  const plan = planned.plan;
  const text = doc.getText();
  const patched = text.slice(0, plan.startOffset) + plan.newText + text.slice(plan.endOffset);
  const basename = uri.path.split('/').pop() || 'fix';
  const patchedUri = provider.add(basename, patched);
  const version = doc.version;
  try {
    await vscode.commands.executeCommand('vscode.diff', uri, patchedUri, `${basename} ↔ ${a.title} (proposed)`, { preview: true });
    // Not modal: a modal dialog would block scrolling the diff the user is asked to judge.
    const choice = await vscode.window.showInformationMessage(
      `Apply this fix to ${a.path}? "${a.title}" replaces lines ${plan.startLine}-${plan.endLine} (shown in the diff); you can undo it.`,
      'Apply',
      'Discard',
    );
    await closeDiff(patchedUri);
    if (choice !== 'Apply') {
      return;
    }
    // The document may have changed while the diff was open: plan again on the current text.
    const current = await vscode.workspace.openTextDocument(uri);
    const replanned = current.version === version ? planned : planFix(current.getText(), a.quote, a.replacement, a.line);
    const finalPlan = 'plan' in replanned ? replanned.plan : undefined;
    if (!finalPlan) {
      void vscode.window.showErrorMessage(`Cannot apply the fix: the code it replaces changed in ${a.path} meanwhile.`);
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(current.positionAt(finalPlan.startOffset), current.positionAt(finalPlan.endOffset)), finalPlan.newText);
    const ok = await vscode.workspace.applyEdit(edit);
    if (!ok) {
      void vscode.window.showErrorMessage(`Could not apply the fix to ${a.path}.`);
      return;
    }
    const editor = await vscode.window.showTextDocument(current, { preview: false });
    const start = current.positionAt(finalPlan.startOffset);
    const end = current.positionAt(finalPlan.startOffset + finalPlan.newText.length);
    editor.selection = new vscode.Selection(start, end);
    editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  } finally {
    provider.remove(patchedUri);
  }
}

/** Registers the finding commands and the `architect-fix:` content provider. */
export function registerFindingCommands(context: vscode.ExtensionContext): void {
  const provider = new FixContentProvider();
  context.subscriptions.push(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(FIX_SCHEME, provider),
    vscode.commands.registerCommand(FINDING_COMMANDS.openFixInEditor, openFixInEditor),
    vscode.commands.registerCommand(FINDING_COMMANDS.copyFix, copyFix),
    vscode.commands.registerCommand(FINDING_COMMANDS.previewAndApplyFix, (...args: unknown[]) => previewAndApplyFix(provider, args)),
    vscode.commands.registerCommand(FINDING_COMMANDS.revealFinding, revealFinding),
  );
}
