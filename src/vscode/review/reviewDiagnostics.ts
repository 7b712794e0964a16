/**
 * The Problems-panel side of reviews: each verified finding of an `@backend` answer becomes a
 * diagnostic in the 'architect-personas' collection, follows edits, and offers quick fixes.
 */
import * as vscode from 'vscode';
import type { SentFile } from '../../core/context/sentFile';
import { relocateQuote, type VerifiedFinding } from '../../core/findings/verify';
import { FINDING_COMMANDS, type PreviewAndApplyFixArgs } from '../../core/render/chatParts';
import { shiftRangeAll, type TextChange } from '../../core/review/rangeShift';
import { diagnosticsFromFindings, meetsMinimum, type ReviewDiagnosticData } from '../../core/review/reviewModel';

export const DIAGNOSTIC_COLLECTION = 'architect-personas';
export const MINIMUM_SEVERITY_SETTING = 'diagnostics.minimumSeverity';
export const REVIEW_COMMANDS = {
  explainFinding: 'architectPersonas.explainFindingInChat',
  dismissDiagnostic: 'architectPersonas.dismissReviewDiagnostic',
} as const;

/** One published finding and where it is now (0-based inclusive lines). */
export interface ReviewEntry {
  readonly id: number;
  readonly data: ReviewDiagnosticData;
  startLine: number;
  endLine: number;
}

export interface DismissArgs {
  readonly uri: string;
  readonly id: number;
}

export interface ExplainArgs {
  readonly uri: string;
  readonly id: number;
}

const LEVELS: Record<ReviewDiagnosticData['level'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export class ReviewDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION);
  private readonly entries = new Map<string, ReviewEntry[]>();
  /** The diagnostic objects last published, per entry, for code-action lookups. */
  private readonly published = new WeakMap<vscode.Diagnostic, ReviewEntry>();
  private readonly disposables: vscode.Disposable[] = [];
  private nextId = 1;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after diagnostics were published, moved or removed. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.disposables.push(
      this.collection,
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChanged(e)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`architectPersonas.${MINIMUM_SEVERITY_SETTING}`)) {
          for (const uri of this.entries.keys()) {
            this.publish(uri);
          }
          this.changed.fire();
        }
      }),
    );
  }

  /** The ParticipantDeps.onFindings sink: publishes an answer's verified findings. */
  readonly onFindings = (findings: readonly VerifiedFinding[], _sentFiles: readonly SentFile[], personaName = 'Architect Personas'): void => {
    const byUri = diagnosticsFromFindings(findings, personaName);
    if (byUri.size === 0) {
      return;
    }
    for (const [uri, list] of byUri) {
      const entries = list.map((data) => ({ id: this.nextId++, data, startLine: data.startLine - 1, endLine: data.endLine - 1 }));
      // A document edited since the context was built: place each entry on its quote in the current text.
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      const kept = doc ? entries.filter((e) => this.recheck(doc, e)) : entries;
      this.entries.set(uri, kept);
      this.publish(uri);
    }
    this.changed.fire();
  };

  /** Current entries of a document (for tests and code actions). */
  entriesOf(uri: vscode.Uri | string): readonly ReviewEntry[] {
    return this.entries.get(uri.toString()) ?? [];
  }

  find(uri: string, id: number): ReviewEntry | undefined {
    return this.entries.get(uri)?.find((e) => e.id === id);
  }

  entryOf(diagnostic: vscode.Diagnostic, uri: vscode.Uri): ReviewEntry | undefined {
    const direct = this.published.get(diagnostic);
    if (direct) {
      return direct;
    }
    // Diagnostics handed to code action providers are copies: match by code, then by range and message.
    const list = this.entries.get(uri.toString()) ?? [];
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return (
      list.find((e) => `finding-${e.id}` === String(code)) ??
      list.find((e) => e.data.message === diagnostic.message && e.startLine === diagnostic.range.start.line)
    );
  }

  dismiss(uri: string, id: number): void {
    const list = this.entries.get(uri);
    if (!list) {
      return;
    }
    this.entries.set(
      uri,
      list.filter((e) => e.id !== id),
    );
    this.publish(uri);
    this.changed.fire();
  }

  clear(): void {
    this.entries.clear();
    this.collection.clear();
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
  }

  private publish(uri: string): void {
    const list = this.entries.get(uri) ?? [];
    const vUri = vscode.Uri.parse(uri);
    const minimum = vscode.workspace.getConfiguration('architectPersonas', vUri).get<string>(MINIMUM_SEVERITY_SETTING, 'low');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    const diagnostics: vscode.Diagnostic[] = [];
    for (const e of list) {
      if (!meetsMinimum(e.data.severity, minimum)) {
        continue;
      }
      const endChar = doc && e.endLine < doc.lineCount ? doc.lineAt(e.endLine).range.end.character : Number.MAX_SAFE_INTEGER;
      const startChar = doc && e.startLine < doc.lineCount ? doc.lineAt(e.startLine).firstNonWhitespaceCharacterIndex : 0;
      const range = new vscode.Range(e.startLine, startChar, e.endLine, endChar);
      const d = new vscode.Diagnostic(range, e.data.message, LEVELS[e.data.level]);
      d.source = e.data.source;
      d.code = `finding-${e.id}`;
      if (e.data.cause) {
        d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(vUri, range), `Root cause: ${e.data.cause}`)];
      }
      this.published.set(d, e);
      diagnostics.push(d);
    }
    if (list.length === 0) {
      this.entries.delete(uri);
    }
    this.collection.set(vUri, diagnostics);
  }

  /** Re-locates an entry's quote in the document; false when the quoted code is gone. */
  private recheck(doc: vscode.TextDocument, e: ReviewEntry): boolean {
    const loc = relocateQuote(doc.getText(), e.data.quote, e.startLine + 1);
    if (!loc) {
      return false;
    }
    e.startLine = loc.startLine - 1;
    e.endLine = loc.endLine - 1;
    return true;
  }

  private onDocumentChanged(e: vscode.TextDocumentChangeEvent): void {
    const uri = e.document.uri.toString();
    const list = this.entries.get(uri);
    if (!list || e.contentChanges.length === 0) {
      return;
    }
    const changes: TextChange[] = e.contentChanges.map((c) => ({
      start: { line: c.range.start.line, character: c.range.start.character },
      end: { line: c.range.end.line, character: c.range.end.character },
      text: c.text,
    }));
    const kept: ReviewEntry[] = [];
    let dirty = false;
    for (const entry of list) {
      const r = shiftRangeAll({ startLine: entry.startLine, endLine: entry.endLine }, changes);
      if (r.range.startLine !== entry.startLine || r.range.endLine !== entry.endLine) {
        dirty = true;
      }
      entry.startLine = r.range.startLine;
      entry.endLine = r.range.endLine;
      if (r.kind === 'touched') {
        dirty = true;
        if (!this.recheck(e.document, entry)) {
          continue; // the quoted code is gone
        }
      }
      kept.push(entry);
    }
    if (dirty) {
      this.entries.set(uri, kept);
      this.publish(uri);
      this.changed.fire();
    }
  }
}

/** Quick fixes on review diagnostics: Preview & Apply fix, Explain in Chat, Dismiss. */
export class ReviewCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: ReviewDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const entry = this.diagnostics.entryOf(diagnostic, document.uri);
      if (!entry) {
        continue;
      }
      const uri = document.uri.toString();
      const f = entry.data.finding.finding;
      const fixes = f.fixes.filter((x) => x.kind === 'replace' && x.content !== '');
      fixes.forEach((fix, i) => {
        const args: PreviewAndApplyFixArgs = {
          uri,
          path: entry.data.path,
          quote: entry.data.quote,
          replacement: fix.content,
          line: entry.startLine + 1,
          language: fix.language || document.languageId,
          title: fix.title || entry.data.title,
        };
        const label = fixes.length > 1 ? `Preview & Apply fix: ${fix.title || `#${i + 1}`}` : 'Preview & Apply fix';
        const action = new vscode.CodeAction(label, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = i === 0;
        action.command = { command: FINDING_COMMANDS.previewAndApplyFix, title: label, arguments: [args] };
        actions.push(action);
      });
      const explain = new vscode.CodeAction('Explain in Chat', vscode.CodeActionKind.QuickFix);
      explain.diagnostics = [diagnostic];
      explain.command = { command: REVIEW_COMMANDS.explainFinding, title: 'Explain in Chat', arguments: [{ uri, id: entry.id } satisfies ExplainArgs] };
      actions.push(explain);
      const dismiss = new vscode.CodeAction('Dismiss', vscode.CodeActionKind.QuickFix);
      dismiss.diagnostics = [diagnostic];
      dismiss.command = { command: REVIEW_COMMANDS.dismissDiagnostic, title: 'Dismiss', arguments: [{ uri, id: entry.id } satisfies DismissArgs] };
      actions.push(dismiss);
    }
    return actions;
  }
}
