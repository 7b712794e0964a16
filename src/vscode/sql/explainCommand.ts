import * as vscode from 'vscode';
import { extractSqlQueries, formatPlanReport, type PlanReport, type SchemaStatus } from '../../core/sql';
import { codeBlock } from '../../core/render/renderFinding';
import type { Log } from '../common/log';
import type { QueryPlanService } from './queryPlanService';
import { schemaStatusMarkdown } from './statusText';

export const EXPLAIN_COMMAND = 'architectPersonas.explainQueryPlan';

/** What the command returns (for other extensions and tests): undefined when it showed a message instead. */
export interface ExplainCommandResult {
  readonly sql: string;
  readonly summary: string;
  readonly status: string;
  readonly report: PlanReport;
  readonly document: string;
}

/** The query to explain: the argument, the selection, or the SQL string around the cursor. */
export function queryAtEditor(editor: vscode.TextEditor | undefined): string | undefined {
  if (!editor) {
    return undefined;
  }
  const doc = editor.document;
  if (!editor.selection.isEmpty) {
    const text = doc.getText(editor.selection);
    return extractSqlQueries(text, doc.languageId)[0]?.sql ?? (text.trim() || undefined);
  }
  const cursorLine = editor.selection.active.line + 1;
  const queries = extractSqlQueries(doc.getText(), doc.languageId);
  const before = queries.filter((q) => q.line <= cursorLine);
  const q = before[before.length - 1];
  // Only when the cursor is inside (or just above the end of) that query.
  return q && cursorLine <= q.line + q.sql.split('\n').length ? q.sql : undefined;
}

export async function explainQueryPlan(service: QueryPlanService, log: Log, arg?: { sql?: string; uri?: string }): Promise<ExplainCommandResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  const sql = arg?.sql?.trim() || queryAtEditor(editor);
  if (!sql) {
    void vscode.window.showWarningMessage('Explain Query Plan: select a SQL query, or put the cursor inside a SQL string, and run it again.');
    return undefined;
  }
  const root = service.rootFor(arg?.uri ?? editor?.document.uri);
  if (!root) {
    void vscode.window.showWarningMessage('Explain Query Plan needs a workspace folder with your schema (migrations or schema.sql). Open the folder and run it again.');
    return undefined;
  }
  try {
    const planner = service.plannerFor(root);
    const { status, report } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Explaining on embedded PostgreSQL (synthetic data)…' },
      async (progress) => {
        progress.report({ message: 'loading the schema' });
        const status = await planner.schemaStatus();
        if (!status.ok) {
          return { status, report: undefined };
        }
        progress.report({ message: status.summary });
        return { status, report: await planner.explain(sql) };
      },
    );
    if (!report) {
      const choice = await vscode.window.showWarningMessage(
        `Explain Query Plan: no schema found in ${root} (pg_dump schema.sql, Prisma, Drizzle, Flyway, golang-migrate, dbmate or migrations/*.sql). Point architectPersonas.queryPlans.schemaPath at it.`,
        'Open Settings',
      );
      if (choice) {
        await vscode.commands.executeCommand('workbench.action.openSettings', 'architectPersonas.queryPlans.schemaPath');
      }
      return undefined;
    }
    log.info(`[query plans] explained: ${report.ok ? `${report.shape}, ${report.executionMs.toFixed(2)} ms` : `failed: ${report.error?.message}`}`);
    const summary = formatPlanReport(report);
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: planDocument(sql, summary, report, status) });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    return { sql, summary, status: status.summary, report, document: doc.uri.toString() };
  } catch (err) {
    const message = (err as Error)?.message ?? String(err);
    log.error(`[query plans] explain failed: ${message}`);
    void vscode.window.showErrorMessage(`Explain Query Plan failed: ${message}`, 'Show Log').then((c) => c && log.show());
    return undefined;
  }
}

/** A fenced block without its trailing newline (the document's lines are joined with one). */
function fence(content: string, lang: string): string {
  return codeBlock(content, lang).trimEnd();
}

export function planDocument(sql: string, summary: string, report: PlanReport, status: SchemaStatus): string {
  return [
    '# Query plan (embedded PostgreSQL, synthetic data)',
    '',
    'Measured on an embedded copy of your schema filled with synthetic data — never your database.',
    '',
    fence(sql, 'sql'),
    '',
    '## Summary',
    '',
    fence(summary, 'text'),
    '',
    '## Schema',
    '',
    schemaStatusMarkdown(status),
    '',
    '## Raw plan — EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)',
    '',
    fence(JSON.stringify(report.plan ?? null, null, 2), 'json'),
    '',
  ].join('\n');
}
