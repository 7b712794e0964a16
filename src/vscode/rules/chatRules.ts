/**
 * The rules in a `@backend` answer: the facts they found go into the prompt (grounding), a
 * finding that names the rule it confirms is marked "confirmed by rule X", rule hits the model
 * did not take up are listed after the answer ("found by rules"), and without a model the
 * answer is the rule findings alone.
 */
import * as vscode from 'vscode';
import { lastLineOf, type SentFile } from '../../core/context/sentFile';
import type { VerifiedFinding } from '../../core/findings/verify';
import type { GroundingSection } from '../../core/prompt/promptBuilder';
import { confirmedRuleFinding, namedRule, unconfirmedRuleFindings } from '../../core/rules/confirm';
import { ruleFactsSection } from '../../core/rules/facts';
import { ruleById } from '../../core/rules/ruleTable';
import type { RuleFinding } from '../../core/rules/types';
import { gatherChatContext } from '../chat/chatContext';
import type { Log } from '../common/log';
import type { RulesService } from './rulesService';

const SEVERITY_ICON: Record<string, string> = { critical: '🔴', high: '🟠', medium: '🟡', low: '🔵', info: '⚪' };

export class ChatRules {
  constructor(
    private readonly service: RulesService,
    private readonly log: Log,
  ) {}

  /** Rule findings for what was sent: each whole document is checked, findings kept to the sent lines. */
  async findingsFor(files: readonly SentFile[], token?: vscode.CancellationToken): Promise<RuleFinding[]> {
    const docs: { doc: vscode.TextDocument; file: SentFile }[] = [];
    for (const file of files) {
      try {
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(file.uri));
        docs.push({ doc, file });
      } catch {
        // not a document we can open (e.g. a file read by a tool that is gone): no rules for it
      }
    }
    if (docs.length === 0) {
      return [];
    }
    const controller = new AbortController();
    const cancel = token?.onCancellationRequested(() => controller.abort());
    try {
      const found = await this.service.checkDocuments(
        docs.map((d) => d.doc),
        controller.signal,
      );
      // findings use the document's workspace path; the sent file may show a different one (untitled)
      return docs.flatMap(({ doc, file }) => {
        const rel = vscode.workspace.asRelativePath(doc.uri, false).replace(/\\/g, '/');
        const last = lastLineOf(file);
        return found.filter((f) => f.file === rel && f.line >= file.firstLine && f.line <= last).map((f) => ({ ...f, file: file.path }));
      });
    } catch (err) {
      this.log.warn(`rules for the chat failed: ${(err as Error)?.message ?? String(err)}`);
      return [];
    } finally {
      cancel?.dispose();
    }
  }

  grounding(findings: readonly RuleFinding[]): GroundingSection[] {
    return findings.length > 0 ? [ruleFactsSection(findings)] : [];
  }

  /** The note under a model finding that names a rule. */
  noteFor(v: VerifiedFinding, findings: readonly RuleFinding[]): string | undefined {
    const r = confirmedRuleFinding(v, findings);
    if (r) {
      return `\n> ✅ Confirmed by rule \`${r.ruleId}\` (${r.file}:${r.line}), a deterministic check on the parsed code.\n\n`;
    }
    const named = namedRule(v);
    return named && ruleById(named) ? `\n> The rule \`${named}\` did not report this spot; this is the architect's reading.\n\n` : undefined;
  }

  /** Rule findings the answer did not take up, listed after it. */
  renderUnconfirmed(stream: vscode.ChatResponseStream, findings: readonly RuleFinding[], verified: readonly VerifiedFinding[], files: readonly SentFile[]): void {
    const rest = unconfirmedRuleFindings(findings, verified);
    if (rest.length === 0) {
      return;
    }
    stream.markdown(`\n\n---\n\n**Found by rules** — ${rest.length === 1 ? 'one more finding' : `${rest.length} more findings`} of the backend rules the answer above does not cover:\n\n`);
    this.renderList(stream, rest, files);
  }

  /** Without a model: gathers the request's code and answers with the rule findings alone. */
  async answerWithoutModel(
    stream: vscode.ChatResponseStream,
    references: readonly vscode.ChatPromptReference[],
    options: { maxChars: number; redactSecrets: boolean },
    token?: vscode.CancellationToken,
  ): Promise<void> {
    try {
      const context = await gatherChatContext(references, options);
      this.renderRuleOnlyAnswer(stream, await this.findingsFor(context.files, token), context.files);
    } catch (err) {
      this.log.warn(`rule-only answer failed: ${(err as Error)?.message ?? String(err)}`);
    }
  }

  /** The answer when no model can answer: the rule findings alone, and how to get the persona's review. */
  renderRuleOnlyAnswer(stream: vscode.ChatResponseStream, findings: readonly RuleFinding[], files: readonly SentFile[]): void {
    if (files.length === 0) {
      stream.markdown('The backend rules had no code to check: open a file or select code and ask again.\n\n');
      return;
    }
    if (findings.length === 0) {
      stream.markdown(`**Found by rules:** the backend rules (no model needed) found nothing in ${files.map((f) => `\`${f.path}\``).join(', ')}.\n\n`);
    } else {
      stream.markdown(`**Found by rules** — the backend rules (deterministic, no model needed) report ${findings.length === 1 ? 'one finding' : `${findings.length} findings`}:\n\n`);
      this.renderList(stream, findings, files);
    }
    stream.markdown("\nThe persona's review of this code (root cause, impact, trade-offs and fixes) needs a model: set an Anthropic API key or pick another chat model, then ask again.\n\n");
  }

  private renderList(stream: vscode.ChatResponseStream, findings: readonly RuleFinding[], files: readonly SentFile[]): void {
    for (const f of findings) {
      const file = files.find((s) => s.path === f.file);
      stream.markdown(`- ${SEVERITY_ICON[f.severity] ?? ''} **${f.severity}** \`${f.ruleId}\` — ${f.message} `);
      if (file) {
        const uri = vscode.Uri.parse(file.uri);
        stream.anchor(new vscode.Location(uri, new vscode.Range(f.line - 1, 0, f.endLine - 1, Number.MAX_SAFE_INTEGER)), `${f.file}:${f.line}`);
      } else {
        stream.markdown(`${f.file}:${f.line}`);
      }
      const hint = ruleById(f.ruleId)?.meta.docs.fixHint;
      stream.markdown(`\n${hint ? `  *Fix:* ${hint}\n` : ''}`);
    }
  }
}
