/**
 * Writes the usage footer (model, tokens, cache reads, estimated cost) at the end of an answer,
 * unless architectPersonas.showUsageFooter is off. The line itself is built in
 * src/core/render/usageFooter.ts.
 */
import * as vscode from 'vscode';
import type { ModelUsage } from '../../core/model/modelClient';
import { usageFooterMarkdown } from '../../core/render/usageFooter';
import { SETTINGS_SECTION } from '../common/settings';

export const SETTING_SHOW_USAGE_FOOTER = 'showUsageFooter';

export interface AnsweredBy {
  /** The chat model the request ran on. */
  readonly model: vscode.LanguageModelChat;
  /** True when the extension's own Anthropic client answered (then `modelId` is the API model id). */
  readonly anthropic: boolean;
  readonly modelId: string;
  readonly usage: ModelUsage | undefined;
  readonly requests?: number;
}

export function showUsageFooter(): boolean {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>(SETTING_SHOW_USAGE_FOOTER, true);
}

export function renderUsageFooter(stream: vscode.ChatResponseStream, by: AnsweredBy): void {
  if (!showUsageFooter()) {
    return;
  }
  const model = by.anthropic ? by.modelId : `${by.model.name} (${by.model.vendor})`;
  stream.markdown(usageFooterMarkdown({ model, anthropic: by.anthropic, usage: by.usage, requests: by.requests }));
}
