/**
 * The extension's access to the rules engine: one worker thread (dist/rulesWorker.js), started
 * on the first check, never at activation. Documents are checked with the schema of their
 * workspace folder (its .sql files, cached in the worker until a .sql file changes).
 */
import * as vscode from 'vscode';
import type { RuleFinding, SourceFile } from '../../core/rules/types';
import { RulesWorkerClient, type WorkerRunResult } from '../../core/rules/worker/workerClient';
import type { RulesAccess } from '../../core/tools';
import { createWorkerRulesAccess } from '../../core/tools/engines';
import type { Log } from '../common/log';
import { enabledRuleIds } from './ruleSettings';

/** Language ids and extensions the engine reads (kept in step with core/rules/engine/languages.ts). */
const LANGUAGE_IDS = new Set(['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'sql']);
const EXTENSIONS = /\.(ts|mts|cts|tsx|js|mjs|cjs|jsx|py|sql)$/i;

export function isRuleDocument(doc: vscode.TextDocument): boolean {
  return (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled' || doc.uri.scheme === 'vscode-remote') && (LANGUAGE_IDS.has(doc.languageId) || EXTENSIONS.test(doc.uri.path));
}

/** Workspace-relative path with forward slashes (as findings carry it). */
export function relativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
}

export class RulesService implements vscode.Disposable {
  private client?: RulesWorkerClient;

  constructor(private readonly log: Log) {}

  private worker(): RulesWorkerClient {
    this.client ??= new RulesWorkerClient();
    return this.client;
  }

  /** Checks documents (their current text), each with its folder's schema. */
  async checkDocuments(docs: readonly vscode.TextDocument[], signal?: AbortSignal): Promise<RuleFinding[]> {
    const byRoot = new Map<string, { root?: string; files: SourceFile[]; enabled: string[] }>();
    for (const doc of docs) {
      const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
      const root = folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
      const key = root ?? '';
      const entry = byRoot.get(key) ?? { root, files: [], enabled: enabledRuleIds(doc.uri) };
      entry.files.push({ path: relativePath(doc.uri), text: doc.getText(), languageId: doc.languageId });
      byRoot.set(key, entry);
    }
    const out: RuleFinding[] = [];
    for (const { root, files, enabled } of byRoot.values()) {
      if (enabled.length === 0) {
        continue;
      }
      const started = Date.now();
      const r = await this.worker().run(files, { root, enabled, signal });
      this.log.debug?.(`rules: ${files.length} file(s), ${r.findings.length} finding(s) in ${Date.now() - started} ms`);
      out.push(...r.findings);
    }
    return out;
  }

  /** Reads and checks every rule file of a folder, in the worker. */
  checkFolder(root: string, options: { maxFiles: number; enabled: string[]; signal: AbortSignal; onProgress: (done: number, total: number, file: string) => void }): Promise<WorkerRunResult> {
    return this.worker().runFolder(root, options);
  }

  /** The run_rules tool's access: the same worker thread (one copy of the grammars in memory). */
  toolAccess(root: string | undefined): RulesAccess {
    return createWorkerRulesAccess({ run: (files, options) => this.worker().run(files, options) }, root);
  }

  schemaChanged(): void {
    this.client?.invalidateSchema();
  }

  dispose(): void {
    void this.client?.dispose();
    this.client = undefined;
  }
}
