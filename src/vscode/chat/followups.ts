import type * as vscode from 'vscode';
import { SESSION_SUMMARY_PROMPT } from '../../core/design/summary';
import type { AnswerMetadata } from './answerRequest';

/** Follow-ups offered under an `@backend` answer, from the findings it kept in its metadata. */
export function provideFollowups(result: vscode.ChatResult): vscode.ChatFollowup[] {
  const meta = result.metadata as Partial<AnswerMetadata> | undefined;
  if (!meta || meta.error || meta.command === 'help') {
    return [];
  }
  const followups: vscode.ChatFollowup[] = [];
  const findings = meta.findings ?? [];
  const serious = findings.filter((f) => f.severity === 'critical' || f.severity === 'high');
  if (serious.length > 0) {
    followups.push({
      prompt: `Give the complete fixes for all ${serious.length} high-severity findings (${serious.map((f) => `#${f.index}`).join(', ')}), as fix blocks.`,
      label: `Fix all ${serious.length} high-severity findings`,
    });
  }
  const first = findings[0];
  if (first) {
    followups.push({
      prompt: `Explain finding #${first.index} ("${first.title}") further: how to confirm it, and what happens if we leave it.`,
      label: `Explain finding #${first.index} further`,
    });
  }
  if (meta.command === 'design') {
    followups.push({ prompt: SESSION_SUMMARY_PROMPT, label: 'Summarize this session' });
  }
  return followups;
}
