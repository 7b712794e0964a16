import * as vscode from 'vscode';
import type { ModelMessage } from '../../core/model/modelClient';
import { toAlternatingTurns } from '../../core/model/turns';
import { ANTHROPIC_VENDOR, type AnthropicAccess } from './anthropicAccess';
import type { Log } from '../common/log';
import { onDidChangeSettings, readModelSettings } from '../common/settings';

/**
 * Registers the user's Anthropic model as a VS Code chat model, so that `@backend` works for a
 * user who has only an Anthropic key (VS Code calls no participant until a chat model exists)
 * and Claude appears in the model picker. `@backend` itself calls the SDK directly when this
 * model is picked; this provider serves everything else that asks VS Code for the model.
 */
export function registerAnthropicModels(context: vscode.ExtensionContext, access: AnthropicAccess, log: Log): void {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.LanguageModelChatProvider = {
    onDidChangeLanguageModelChatInformation: changed.event,
    provideLanguageModelChatInformation() {
      const s = readModelSettings();
      return [
        {
          id: s.model,
          name: `Claude · ${s.model}`,
          family: 'claude',
          version: s.model,
          detail: 'Architect Personas',
          tooltip: `Anthropic ${s.model} through your own API key (Architect Personas)`,
          maxInputTokens: 200_000,
          maxOutputTokens: s.maxOutputTokens,
          // The chat's default Agent mode hides models without tool calling. Tools offered to
          // this provider are not forwarded to the model (it answers in text only).
          capabilities: { toolCalling: true },
        },
      ];
    },
    async provideLanguageModelChatResponse(model, messages, _options, progress, token) {
      const client = await access.getClient();
      if (!client) {
        throw new Error('No Anthropic API key is set. Run "Architect Personas: Set Anthropic API Key".');
      }
      const controller = new AbortController();
      const sub = token.onCancellationRequested(() => controller.abort());
      try {
        await client.stream(
          {
            model: model.id,
            system: [],
            messages: toAnthropicMessages(messages),
            maxTokens: Math.min(model.maxOutputTokens, readModelSettings().maxOutputTokens),
            signal: controller.signal,
          },
          (delta) => progress.report(new vscode.LanguageModelTextPart(delta)),
        );
      } finally {
        sub.dispose();
      }
    },
    async provideTokenCount(_model, text) {
      const value = typeof text === 'string' ? text : textOf(text);
      return Math.ceil(value.length / 4);
    },
  };
  context.subscriptions.push(
    changed,
    vscode.lm.registerLanguageModelChatProvider(ANTHROPIC_VENDOR, provider),
    onDidChangeSettings(() => changed.fire()),
  );
  log.info('Anthropic chat model provider registered');
}

function textOf(message: vscode.LanguageModelChatRequestMessage): string {
  return message.content
    .map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : ''))
    .join('');
}

function toAnthropicMessages(messages: readonly vscode.LanguageModelChatRequestMessage[]): ModelMessage[] {
  const turns = messages.map((m): ModelMessage => ({
    role: m.role === vscode.LanguageModelChatMessageRole.Assistant ? 'assistant' : 'user',
    content: textOf(m),
  }));
  return toAlternatingTurns(turns);
}
