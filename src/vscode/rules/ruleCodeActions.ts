/**
 * Quick fixes on rule diagnostics: the rule's own mechanical fix where one is safe (shown as a
 * preview the user accepts), "Ask the architect about this", "Ignore on this line" and
 * "Disable rule …".
 */
import * as vscode from 'vscode';
import { ruleById } from '../../core/rules/ruleTable';
import type { RuleFinding } from '../../core/rules/types';
import { RuleDiagnostic } from './ruleDiagnostics';

export const RULE_COMMANDS = {
  askArchitect: 'architectPersonas.askArchitectAboutRuleFinding',
  disableRule: 'architectPersonas.disableRule',
  runOnWorkspace: 'architectPersonas.runRulesOnWorkspace',
} as const;

export interface AskArchitectArgs {
  readonly uri: string;
  readonly finding: RuleFinding;
}

const COMMENT_PREFIX: Record<string, string> = { python: '#', sql: '--' };

function commentPrefix(doc: vscode.TextDocument): string {
  if (COMMENT_PREFIX[doc.languageId]) {
    return COMMENT_PREFIX[doc.languageId];
  }
  if (/\.py$/i.test(doc.uri.path)) {
    return '#';
  }
  return /\.sql$/i.test(doc.uri.path) ? '--' : '//';
}

export class RuleCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (!(d instanceof RuleDiagnostic)) {
        continue;
      }
      const f = d.finding;
      if (f.fix) {
        const fix = new vscode.CodeAction(f.fix.title, vscode.CodeActionKind.QuickFix);
        const edit = new vscode.WorkspaceEdit();
        for (const e of f.fix.edits) {
          const end = Math.min(e.endLine, doc.lineCount) - 1;
          const range = new vscode.Range(e.line - 1, 0, end, doc.lineAt(end).range.end.character);
          edit.replace(doc.uri, range, e.text, { label: f.fix.title, needsConfirmation: true });
        }
        fix.edit = edit;
        fix.diagnostics = [d];
        fix.isPreferred = true;
        out.push(fix);
      }
      const ask = new vscode.CodeAction('Ask the architect about this', vscode.CodeActionKind.QuickFix);
      ask.command = { command: RULE_COMMANDS.askArchitect, title: ask.title, arguments: [{ uri: doc.uri.toString(), finding: f } satisfies AskArchitectArgs] };
      ask.diagnostics = [d];
      out.push(ask);

      const ignore = new vscode.CodeAction(`Ignore ${f.ruleId} on this line`, vscode.CodeActionKind.QuickFix);
      const line = doc.lineAt(f.line - 1);
      const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
      const ignoreEdit = new vscode.WorkspaceEdit();
      ignoreEdit.insert(doc.uri, new vscode.Position(f.line - 1, 0), `${indent}${commentPrefix(doc)} architect-ignore ${f.ruleId}\n`);
      ignore.edit = ignoreEdit;
      ignore.diagnostics = [d];
      out.push(ignore);

      const disable = new vscode.CodeAction(`Disable rule ${f.ruleId}`, vscode.CodeActionKind.QuickFix);
      disable.command = { command: RULE_COMMANDS.disableRule, title: disable.title, arguments: [f.ruleId] };
      disable.diagnostics = [d];
      out.push(disable);
    }
    return out;
  }
}

/** The chat question for a finding. */
export function askQuery(f: RuleFinding): string {
  const rule = ruleById(f.ruleId);
  return (
    `/debug The rule \`${f.ruleId}\` reports ${f.file}:${f.line}: ${f.message} ` +
    `Is this a real problem here, what does it cost, and what is the fix?${rule ? ` (Rule hint: ${rule.meta.docs.fixHint})` : ''}`
  );
}
