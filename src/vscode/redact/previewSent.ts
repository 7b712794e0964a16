import * as vscode from 'vscode';
import { countLines } from '../../core/context/lineNumbers';
import { describeRedactions, describeWindow, placeholderMarks } from '../../core/redact/sentPreview';
import { gatherChatContext } from '../chat/chatContext';
import { readModelSettings } from '../common/settings';

/**
 * Preview What Will Be Sent: opens, read-only, exactly the context the next `@backend` request
 * or review would send from the active editor (its selection, else the whole file) — gathered
 * by the chat's own context stage, so after the whole-document redaction and the budget cut —
 * with every placeholder highlighted and a hover naming what it replaced.
 */
export const PREVIEW_SENT_COMMAND = 'architectPersonas.previewWhatWillBeSent';
const SCHEME = 'architect-sent';

class SentContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  set(label: string, text: string): vscode.Uri {
    // one document per source: a new preview of the same file replaces the previous one
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${label}`, query: String(++this.counter) });
    this.contents.set(uri.toString(), text);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }
}

export interface PreviewResult {
  readonly uri: vscode.Uri;
  readonly text: string;
  readonly summary: string;
  readonly placeholders: number;
}

async function previewWhatWillBeSent(provider: SentContentProvider, decoration: vscode.TextEditorDecorationType): Promise<PreviewResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme === SCHEME) {
    void vscode.window.showInformationMessage('Open a file (or select code) first: the preview shows what @backend would send from the active editor.');
    return undefined;
  }
  const settings = readModelSettings();
  const source = editor.document;
  const gathered = await gatherChatContext([], { maxChars: settings.maxContextTokens * 4, redactSecrets: settings.redactSecrets });
  const file = gathered.files[0];
  if (!file) {
    void vscode.window.showWarningMessage(gathered.notices.map((n) => n.message).join(' ') || 'Nothing would be sent from this editor.');
    return undefined;
  }
  const redacted = gathered.notices.find((n) => n.kind === 'redacted')?.redactions ?? [];
  const window = describeWindow(file, countLines(source.getText()));
  const summary = settings.redactSecrets
    ? `${file.path}: ${window} would be sent; ${describeRedactions(redacted)}.`
    : `${file.path}: ${window} would be sent; secret redaction is OFF (architectPersonas.redactSecrets), nothing is replaced.`;
  const name = file.path.split('/').pop() || 'untitled';
  const uri = provider.set(`Sent - ${name}`, file.text);
  let doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== source.languageId) {
    doc = await vscode.languages.setTextDocumentLanguage(doc, source.languageId).then(
      (d) => d,
      () => doc,
    );
  }
  const shown = await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  const marks = placeholderMarks(file.text);
  shown.setDecorations(
    decoration,
    marks.map((m) => ({
      range: new vscode.Range(m.line - 1, m.startColumn, m.line - 1, m.endColumn),
      hoverMessage: new vscode.MarkdownString(`Redacted before sending: a **${m.kind}** (document line ${file.firstLine + m.line - 1}). The model sees only this placeholder.`),
    })),
  );
  void vscode.window.showInformationMessage(file.firstLine > 1 ? `${summary} Line 1 here is line ${file.firstLine} of the file.` : summary);
  return { uri, text: file.text, summary, placeholders: marks.length };
}

export function registerPreviewSent(context: vscode.ExtensionContext): void {
  const provider = new SentContentProvider();
  const decoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    border: '1px solid',
    borderColor: new vscode.ThemeColor('editorWarning.foreground'),
    overviewRulerColor: new vscode.ThemeColor('editorWarning.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  context.subscriptions.push(
    provider,
    decoration,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    vscode.commands.registerCommand(PREVIEW_SENT_COMMAND, () => previewWhatWillBeSent(provider, decoration)),
  );
}
