/**
 * Rule findings in the Problems panel (source "Architect rules"): documents are checked when
 * opened, saved and (debounced) edited, in the rules worker; no API key, no model, and in
 * untrusted workspaces too (the rules only read). A .sql change re-checks the open documents,
 * since the schema rules read every .sql file.
 */
import * as vscode from 'vscode';
import type { Severity } from '../../core/findings/types';
import type { RuleFinding } from '../../core/rules/types';
import type { Log } from '../common/log';
import { affectsRuleSettings } from './ruleSettings';
import { isRuleDocument, relativePath, type RulesService } from './rulesService';

export const RULES_DIAGNOSTIC_SOURCE = 'Architect rules';
export const RULES_DIAGNOSTIC_COLLECTION = 'architect-rules';
const EDIT_DEBOUNCE_MS = 600;

const LEVELS: Record<Severity, vscode.DiagnosticSeverity> = {
  critical: vscode.DiagnosticSeverity.Error,
  high: vscode.DiagnosticSeverity.Warning,
  medium: vscode.DiagnosticSeverity.Warning,
  low: vscode.DiagnosticSeverity.Information,
  info: vscode.DiagnosticSeverity.Hint,
};

/** A diagnostic that remembers its finding (for code actions). */
export class RuleDiagnostic extends vscode.Diagnostic {
  constructor(
    readonly finding: RuleFinding,
    readonly documentUri: vscode.Uri,
  ) {
    const start = new vscode.Position(finding.line - 1, Math.max(0, (finding.column ?? 1) - 1));
    const end = finding.endColumn !== undefined ? new vscode.Position(finding.endLine - 1, Math.max(0, finding.endColumn - 1)) : new vscode.Position(finding.endLine - 1, Number.MAX_SAFE_INTEGER);
    super(new vscode.Range(start, end.isBefore(start) ? start : end), finding.message, LEVELS[finding.severity]);
    this.source = RULES_DIAGNOSTIC_SOURCE;
    this.code = finding.ruleId;
  }
}

export class RuleDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(RULES_DIAGNOSTIC_COLLECTION);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly runs = new Map<string, AbortController>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's rule diagnostics were (re)published (tests wait on it). */
  readonly onDidUpdate = this.changed.event;

  constructor(
    private readonly service: RulesService,
    private readonly log: Log,
  ) {
    this.disposables.push(
      this.collection,
      this.changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.languageId === 'sql' || d.uri.path.toLowerCase().endsWith('.sql')) {
          this.service.schemaChanged();
          this.recheckOpen();
        } else {
          this.schedule(d, 0);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) {
          this.schedule(e.document, EDIT_DEBOUNCE_MS);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cancel(d.uri);
        this.collection.delete(d.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsRuleSettings(e)) {
          this.recheckOpen();
        }
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.sql', false, true, false);
    this.disposables.push(watcher, watcher.onDidCreate(() => this.onSchemaFile()), watcher.onDidDelete(() => this.onSchemaFile()));
  }

  private onSchemaFile(): void {
    this.service.schemaChanged();
    this.recheckOpen();
  }

  /** Checks every open document the rules read. */
  recheckOpen(): void {
    for (const doc of vscode.workspace.textDocuments) {
      this.schedule(doc, 0);
    }
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.runs.get(key)?.abort();
    this.runs.delete(key);
  }

  schedule(doc: vscode.TextDocument, delayMs: number): void {
    if (!isRuleDocument(doc)) {
      return;
    }
    this.cancel(doc.uri);
    const key = doc.uri.toString();
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(doc);
      }, delayMs),
    );
  }

  private async check(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    const controller = new AbortController();
    this.runs.set(key, controller);
    const version = doc.version;
    try {
      const findings = await this.service.checkDocuments([doc], controller.signal);
      if (controller.signal.aborted || doc.isClosed || doc.version !== version) {
        return;
      }
      this.publish(doc.uri, findings.filter((f) => f.file === relativePath(doc.uri)));
    } catch (err) {
      if (!controller.signal.aborted) {
        this.log.warn(`rules could not check ${relativePath(doc.uri)}: ${(err as Error)?.message ?? String(err)}`);
      }
    } finally {
      if (this.runs.get(key) === controller) {
        this.runs.delete(key);
      }
    }
  }

  publish(uri: vscode.Uri, findings: readonly RuleFinding[]): void {
    this.collection.set(uri, findings.map((f) => new RuleDiagnostic(f, uri)));
    this.changed.fire(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) {
      clearTimeout(t);
    }
    for (const r of this.runs.values()) {
      r.abort();
    }
    this.disposables.forEach((d) => d.dispose());
  }
}
