/**
 * Review with Architect (editor / explorer / palette), Review Uncommitted Changes and Clear
 * Review Diagnostics. A review opens the chat panel with `@backend` and the code attached
 * (`workbench.action.chat.open` with `attachFiles`); the participant's context stage turns the
 * attachments (Uri, or Location for a range) into the files it sends. A progress notification
 * runs until the answer is complete; the findings reach the Problems panel through
 * ReviewDiagnostics (ParticipantDeps.onFindings).
 */
import * as vscode from 'vscode';
import { changesReviewPrompt, explainPrompt, reviewPrompt, uncommittedReviewPrompt } from '../../core/review/reviewModel';
import type { SessionTranscript } from '../chat/sessionTranscript';
import { type Attachment, displayPath, fullLines, type WorkbenchRange } from './chatAttachments';
import { collectChanges } from './changeCollector';
import { branchChoices, GitDiffError, mergeBase } from './gitDiff';
import { REVIEW_COMMANDS, ReviewCodeActions, ReviewDiagnostics, type DismissArgs, type ExplainArgs } from './reviewDiagnostics';

export const COMMANDS = {
  reviewWithArchitect: 'architectPersonas.reviewWithArchitect',
  reviewUncommittedChanges: 'architectPersonas.reviewUncommittedChanges',
  reviewBranchChanges: 'architectPersonas.reviewBranchChanges',
  clearReviewDiagnostics: 'architectPersonas.clearReviewDiagnostics',
} as const;

const PARTICIPANT = '@backend';
/** How long to wait for the chat to start answering before the progress notification gives up. */
const START_TIMEOUT_MS = 30_000;
const ANSWER_TIMEOUT_MS = 15 * 60_000;

export interface ReviewDeps {
  readonly transcript: SessionTranscript;
  /** True when our own Anthropic model can answer (an API key is set): the chat is switched to it. */
  readonly preferOwnModel: () => Promise<boolean>;
  /**
   * False when no model can answer (no API key, no other chat model): the user has then been told
   * so, with a button; `retry` runs the action again once a key is set. Absent: always true.
   */
  readonly canAnswer?: (what: string, retry: () => unknown) => Promise<boolean>;
}

export class ReviewCommands {
  constructor(
    private readonly deps: ReviewDeps,
    private readonly diagnostics: ReviewDiagnostics,
  ) {}

  /** Editor context menu (resource Uri), explorer context menu (Uri, Uri[]) or palette (nothing). */
  async reviewWithArchitect(arg?: unknown, selected?: unknown): Promise<void> {
    if (this.deps.canAnswer && !(await this.deps.canAnswer('Review with Architect', () => this.reviewWithArchitect(arg, selected)))) {
      return;
    }
    const fromExplorer = Array.isArray(selected);
    const uris = (fromExplorer ? (selected as unknown[]) : [arg]).filter((u): u is vscode.Uri => u instanceof vscode.Uri);
    const editor = vscode.window.activeTextEditor;
    if (uris.length === 0) {
      if (!editor) {
        void vscode.window.showInformationMessage('Open a file or select code to review with the architect.');
        return;
      }
      uris.push(editor.document.uri);
    }
    const attachments: Attachment[] = [];
    let query: string;
    const onlyEditor = !fromExplorer && uris.length === 1 && editor?.document.uri.toString() === uris[0].toString() ? editor : undefined;
    if (onlyEditor && !onlyEditor.selection.isEmpty) {
      const sel = onlyEditor.selection;
      const endLine = sel.end.character === 0 && sel.end.line > sel.start.line ? sel.end.line - 1 : sel.end.line;
      attachments.push({ uri: uris[0], range: fullLines(onlyEditor.document, sel.start.line, endLine) });
      query = reviewPrompt(displayPath(uris[0]), { startLine: sel.start.line + 1, endLine: endLine + 1 });
    } else {
      const files: vscode.Uri[] = [];
      for (const uri of uris) {
        const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
        if (uri.scheme === 'untitled' || (stat && stat.type & vscode.FileType.File)) {
          files.push(uri);
        }
      }
      if (files.length === 0) {
        void vscode.window.showInformationMessage('Choose a file to review (folders are not reviewed).');
        return;
      }
      for (const uri of files) {
        const doc = await vscode.workspace.openTextDocument(uri);
        attachments.push({ uri, range: fullLines(doc, 0, doc.lineCount - 1) });
      }
      query = reviewPrompt(files.map(displayPath));
    }
    await this.askInChat(`Reviewing ${uris.length === 1 ? displayPath(uris[0]) : `${uris.length} files`} with ${PARTICIPANT}…`, query, attachments, true);
  }

  async reviewUncommittedChanges(): Promise<void> {
    if (this.deps.canAnswer && !(await this.deps.canAnswer('Review Uncommitted Changes', () => this.reviewUncommittedChanges()))) {
      return;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Review Uncommitted Changes runs git, which a repository can configure to run programs. Trust this workspace first.');
      return;
    }
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    if (folders.length === 0) {
      void vscode.window.showInformationMessage('Review Uncommitted Changes needs a local folder in a Git repository.');
      return;
    }
    const { changed, attachments, errors } = await collectChanges(folders, async () => 'HEAD', true);
    if (changed.length === 0) {
      if (errors.length) {
        void vscode.window.showErrorMessage(`Cannot review uncommitted changes: ${errors.join('; ')}`);
      } else {
        void vscode.window.showInformationMessage('There are no uncommitted changes (compared with HEAD, untracked files included).');
      }
      return;
    }
    await this.askInChat(
      `Reviewing uncommitted changes in ${changed.length === 1 ? changed[0].path : `${changed.length} files`} with ${PARTICIPANT}…`,
      uncommittedReviewPrompt(changed),
      attachments,
      true,
    );
  }

  /**
   * Review Branch Changes: the working tree against the merge base with a branch (default: the
   * remote's default branch, else the upstream, else main or master), chosen in a quick pick, or
   * given as `base` (e.g. from a keybinding's args).
   */
  async reviewBranchChanges(base?: unknown): Promise<void> {
    if (this.deps.canAnswer && !(await this.deps.canAnswer('Review Branch Changes', () => this.reviewBranchChanges(base)))) {
      return;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Review Branch Changes runs git, which a repository can configure to run programs. Trust this workspace first.');
      return;
    }
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    if (folders.length === 0) {
      void vscode.window.showInformationMessage('Review Branch Changes needs a local folder in a Git repository.');
      return;
    }
    let chosen = typeof base === 'string' && base.trim() !== '' ? base.trim() : undefined;
    if (!chosen) {
      let choices;
      try {
        choices = await branchChoices(folders[0].uri.fsPath);
      } catch (err) {
        if (!(err instanceof GitDiffError)) {
          throw err;
        }
        void vscode.window.showErrorMessage(`Cannot review branch changes: ${err.message}`);
        return;
      }
      const ordered = [...new Set([...(choices.defaultBase ? [choices.defaultBase] : []), ...choices.branches])];
      if (ordered.length === 0) {
        void vscode.window.showInformationMessage(`There is no other branch to compare ${choices.current ?? 'the current branch'} with.`);
        return;
      }
      const pick = await vscode.window.showQuickPick(
        ordered.map((b) => ({ label: b, description: b === choices.defaultBase ? 'default' : undefined })),
        { title: 'Review Branch Changes', placeHolder: `Compare ${choices.current ?? 'HEAD'} with the merge base of…` },
      );
      if (!pick) {
        return;
      }
      chosen = pick.label;
    }
    const base_ = chosen;
    const bases = new Map<string, string>();
    const { changed, attachments, errors } = await collectChanges(
      folders,
      async (folder) => {
        const mb = await mergeBase(folder.uri.fsPath, base_);
        bases.set(folder.uri.toString(), mb);
        return mb;
      },
      false,
    );
    if (changed.length === 0) {
      if (errors.length) {
        void vscode.window.showErrorMessage(`Cannot review branch changes: ${errors.join('; ')}`);
      } else {
        void vscode.window.showInformationMessage(`There are no changes since the merge base with ${base_}.`);
      }
      return;
    }
    await this.askInChat(
      `Reviewing the changes against ${base_} in ${changed.length === 1 ? changed[0].path : `${changed.length} files`} with ${PARTICIPANT}…`,
      changesReviewPrompt(changed, { kind: 'branch', base: base_, mergeBase: [...bases.values()][0] ?? '' }),
      attachments,
      true,
    );
  }

  async explainFinding(arg: unknown): Promise<void> {
    const a = arg as Partial<ExplainArgs> | undefined;
    const entry = a?.uri !== undefined && typeof a.id === 'number' ? this.diagnostics.find(a.uri, a.id) : undefined;
    if (!entry || !a?.uri) {
      return;
    }
    if (this.deps.canAnswer && !(await this.deps.canAnswer('Explain in Chat', () => this.explainFinding(arg)))) {
      return;
    }
    const uri = vscode.Uri.parse(a.uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    const query = explainPrompt({
      path: entry.data.path,
      startLine: entry.startLine + 1,
      endLine: entry.endLine + 1,
      title: entry.data.title,
      severity: entry.data.severity,
    });
    await this.askInChat(`Asking ${PARTICIPANT} about "${entry.data.title}"…`, query, [{ uri, range: fullLines(doc, entry.startLine, entry.endLine) }], false);
  }

  dismiss(arg: unknown): void {
    const a = arg as Partial<DismissArgs> | undefined;
    if (typeof a?.uri === 'string' && typeof a.id === 'number') {
      this.diagnostics.dismiss(a.uri, a.id);
    }
  }

  /**
   * Opens the chat with `@backend <query>` and the attachments; shows progress until the answer
   * is complete. The first ranged attachment is revealed and selected in its editor, so the user
   * sees what is being reviewed. (The chat also sends the active editor's selection as implicit
   * context; the participant ignores implicit references when explicit ones are attached.)
   */
  private async askInChat(title: string, query: string, attachments: readonly Attachment[], newChat: boolean): Promise<void> {
    const first = attachments.find((a): a is { uri: vscode.Uri; range: WorkbenchRange } => !(a instanceof vscode.Uri));
    if (first) {
      const r = first.range;
      const selection = new vscode.Selection(r.startLineNumber - 1, r.startColumn - 1, r.endLineNumber - 1, r.endColumn - 1);
      // (A hunk attachment's URI carries a fragment that only keeps it apart in the chat; the document has none.)
      const doc = await vscode.workspace.openTextDocument(first.uri.with({ fragment: '' }));
      await vscode.window.showTextDocument(doc, { selection, preview: true });
    }
    const since = Date.now();
    const modelSelector = (await this.deps.preferOwnModel().catch(() => false)) ? { vendor: 'architect-personas' } : undefined;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
      if (newChat) {
        await vscode.commands.executeCommand('workbench.action.chat.newChat');
      }
      await vscode.commands.executeCommand('workbench.action.chat.open', {
        query: `${PARTICIPANT} ${query}`,
        attachFiles: attachments,
        ...(modelSelector ? { modelSelector } : {}),
      });
      const cancel = token.onCancellationRequested(() => void vscode.commands.executeCommand('workbench.action.chat.cancel'));
      try {
        await this.waitForAnswer(since, token);
      } finally {
        cancel.dispose();
      }
    });
  }

  /** Resolves when the first `@backend` turn that started after `since` is done (or it never starts). */
  private async waitForAnswer(since: number, token: vscode.CancellationToken): Promise<void> {
    const deadline = since + ANSWER_TIMEOUT_MS;
    while (!token.isCancellationRequested && Date.now() < deadline) {
      const turn = this.deps.transcript.all().find((t) => t.startedAt >= since);
      if (turn?.done || (!turn && Date.now() - since > START_TIMEOUT_MS)) {
        return;
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/** Registers the review commands, the diagnostics and the quick fixes; returns the findings sink. */
export function registerReview(context: vscode.ExtensionContext, deps: ReviewDeps): ReviewDiagnostics {
  const diagnostics = new ReviewDiagnostics();
  const commands = new ReviewCommands(deps, diagnostics);
  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }], new ReviewCodeActions(diagnostics), ReviewCodeActions.metadata),
    vscode.commands.registerCommand(COMMANDS.reviewWithArchitect, (arg?: unknown, selected?: unknown) => commands.reviewWithArchitect(arg, selected)),
    vscode.commands.registerCommand(COMMANDS.reviewUncommittedChanges, () => commands.reviewUncommittedChanges()),
    vscode.commands.registerCommand(COMMANDS.reviewBranchChanges, (base?: unknown) => commands.reviewBranchChanges(base)),
    vscode.commands.registerCommand(COMMANDS.clearReviewDiagnostics, () => diagnostics.clear()),
    vscode.commands.registerCommand(REVIEW_COMMANDS.explainFinding, (arg: unknown) => commands.explainFinding(arg)),
    vscode.commands.registerCommand(REVIEW_COMMANDS.dismissDiagnostic, (arg: unknown) => commands.dismiss(arg)),
  );
  return diagnostics;
}
