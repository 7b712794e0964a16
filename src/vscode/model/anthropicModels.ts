import * as vscode from 'vscode';
import type { AnthropicModelInfo } from '../../core/model/anthropicClient';
import type { ModelContentBlock, ModelMessage, ModelToolCall, SystemBlock } from '../../core/model/modelClient';
import { ANTHROPIC_VENDOR, type AnthropicAccess } from './anthropicAccess';
import type { Log } from '../common/log';
import { onDidChangeSettings, readModelSettings } from '../common/settings';

/**
 * Registers the user's Anthropic models as VS Code chat models, so that `@backend` works for a
 * user who has only an Anthropic key (VS Code calls no participant until a chat model exists),
 * Claude appears in the model picker, and VS Code's agent mode can run on it.
 *
 * - The models are the ones the key can use (`models.list`), with their real input and output
 *   limits; when the list cannot be fetched, the `architectPersonas.model` setting.
 * - Tool calling is real: the tools VS Code passes go to Anthropic as `tools`, the model's
 *   `tool_use` blocks are reported as LanguageModelToolCallParts, and the
 *   LanguageModelToolCallPart / LanguageModelToolResultPart of earlier turns become
 *   `tool_use` / `tool_result` blocks. The caller (VS Code's agent) runs the tools.
 */
const DEFAULT_INPUT_TOKENS = 200_000;
const LIST_TTL_MS = 10 * 60_000;

export function registerAnthropicModels(context: vscode.ExtensionContext, access: AnthropicAccess, log: Log): void {
  const changed = new vscode.EventEmitter<void>();
  let listed: { at: number; baseUrl: string; models: AnthropicModelInfo[] } | undefined;

  async function modelList(): Promise<AnthropicModelInfo[] | undefined> {
    const s = readModelSettings();
    if (listed && listed.baseUrl === s.baseUrl && Date.now() - listed.at < LIST_TTL_MS) {
      return listed.models;
    }
    const client = await access.getClient();
    if (!client) {
      return undefined;
    }
    try {
      const models = await client.listModels();
      listed = { at: Date.now(), baseUrl: s.baseUrl, models };
      log.info(`models.list: ${models.length} models`);
      return models;
    } catch (err) {
      log.warn(`could not list the Anthropic models, using the architectPersonas.model setting: ${(err as Error).message}`);
      return undefined;
    }
  }

  const provider: vscode.LanguageModelChatProvider = {
    onDidChangeLanguageModelChatInformation: changed.event,
    async provideLanguageModelChatInformation() {
      const s = readModelSettings();
      const models = (await modelList()) ?? [];
      // The configured model comes first (what a picker with only our vendor selects) and stays
      // available even when the list does not name it (a gateway may serve other ids).
      const configured = models.find((m) => m.id === s.model) ?? { id: s.model, displayName: s.model };
      const others = models.filter((m) => m.id !== s.model && m.id.startsWith('claude'));
      return [configured, ...others].map((m) => info(m, s.maxOutputTokens));
    },
    async provideLanguageModelChatResponse(model, messages, options, progress, token) {
      const client = await access.getClient();
      if (!client) {
        throw new Error('No Anthropic API key is set. Run "Architect Personas: Set Anthropic API Key".');
      }
      const controller = new AbortController();
      const sub = token.onCancellationRequested(() => controller.abort());
      try {
        const { system, turns } = toAnthropicConversation(messages);
        const tools = (options.tools ?? []).map((t) => ({ name: t.name, description: t.description, inputSchema: (t.inputSchema ?? { type: 'object', properties: {} }) as Record<string, unknown> }));
        const result = await client.stream(
          {
            model: model.id,
            system,
            messages: turns,
            maxTokens: Math.min(model.maxOutputTokens, readModelSettings().maxOutputTokens),
            signal: controller.signal,
            ...(tools.length > 0 ? { tools, ...(options.toolMode === vscode.LanguageModelChatToolMode.Required ? { toolChoice: 'any' as const } : {}) } : {}),
          },
          (delta) => progress.report(new vscode.LanguageModelTextPart(delta)),
        );
        for (const call of result.toolCalls ?? []) {
          progress.report(new vscode.LanguageModelToolCallPart(call.id, call.name, toolInput(call)));
        }
      } finally {
        sub.dispose();
      }
    },
    async provideTokenCount(_model, text) {
      const value = typeof text === 'string' ? text : textOf(text.content);
      return Math.ceil(value.length / 4);
    },
  };
  context.subscriptions.push(
    changed,
    vscode.lm.registerLanguageModelChatProvider(ANTHROPIC_VENDOR, provider),
    onDidChangeSettings(() => {
      listed = undefined;
      changed.fire();
    }),
    context.secrets.onDidChange(() => {
      listed = undefined;
      changed.fire();
    }),
  );
  log.info('Anthropic chat model provider registered');
}

function info(m: AnthropicModelInfo, maxOutputSetting: number): vscode.LanguageModelChatInformation {
  return {
    id: m.id,
    name: `Claude · ${m.displayName}`,
    family: 'claude',
    version: m.id,
    detail: 'Architect Personas',
    tooltip: `Anthropic ${m.id} through your own API key (Architect Personas)`,
    maxInputTokens: m.maxInputTokens ?? DEFAULT_INPUT_TOKENS,
    maxOutputTokens: m.maxOutputTokens ?? maxOutputSetting,
    capabilities: { toolCalling: true },
  };
}

function toolInput(call: ModelToolCall): object {
  return typeof call.input === 'object' && call.input !== null && !Array.isArray(call.input) ? call.input : {};
}

function textOf(parts: readonly unknown[]): string {
  return parts
    .map((p) => {
      if (p instanceof vscode.LanguageModelTextPart) {
        return p.value;
      }
      if (p instanceof vscode.LanguageModelToolResultPart) {
        return textOf(p.content);
      }
      if (p instanceof vscode.LanguageModelToolCallPart) {
        return JSON.stringify(p.input);
      }
      return '';
    })
    .join('');
}

function blocksOf(parts: readonly unknown[]): ModelContentBlock[] {
  const blocks: ModelContentBlock[] = [];
  for (const p of parts) {
    if (p instanceof vscode.LanguageModelTextPart) {
      if (p.value !== '') {
        blocks.push({ type: 'text', text: p.value });
      }
    } else if (p instanceof vscode.LanguageModelToolCallPart) {
      blocks.push({ type: 'toolCall', call: { id: p.callId, name: p.name, input: p.input } });
    } else if (p instanceof vscode.LanguageModelToolResultPart) {
      blocks.push({ type: 'toolResult', result: { callId: p.callId, content: textOf(p.content) || '(no output)' } });
    }
  }
  return blocks;
}

/**
 * VS Code's messages as Anthropic turns: a system-role message (if the caller sends one) becomes a
 * system block; consecutive messages of one role merge; tool results go first in their user turn
 * (the API wants them right after the assistant's tool_use); the conversation starts with the user.
 */
export function toAnthropicConversation(messages: readonly vscode.LanguageModelChatRequestMessage[]): { system: SystemBlock[]; turns: ModelMessage[] } {
  const system: SystemBlock[] = [];
  const turns: { role: 'user' | 'assistant'; blocks: ModelContentBlock[] }[] = [];
  for (const m of messages) {
    const blocks = blocksOf(m.content);
    if (m.role !== vscode.LanguageModelChatMessageRole.User && m.role !== vscode.LanguageModelChatMessageRole.Assistant) {
      const text = textOf(m.content);
      if (text.trim()) {
        system.push({ text });
      }
      continue;
    }
    if (blocks.length === 0) {
      continue;
    }
    const role = m.role === vscode.LanguageModelChatMessageRole.Assistant ? 'assistant' : 'user';
    const last = turns[turns.length - 1];
    if (last?.role === role) {
      last.blocks.push(...blocks);
    } else if (turns.length > 0 || role === 'user') {
      turns.push({ role, blocks });
    }
  }
  if (system.length > 0) {
    // the caller's system prompt is the stable prefix of an agent conversation: cache it
    system[system.length - 1] = { ...system[system.length - 1], cache: true };
  }
  return {
    system,
    turns: turns.map((t) => {
      const ordered = t.role === 'user' ? [...t.blocks.filter((b) => b.type === 'toolResult'), ...t.blocks.filter((b) => b.type !== 'toolResult')] : t.blocks;
      const text = ordered.map((b) => (b.type === 'text' ? b.text : '')).join('');
      const plain = ordered.every((b) => b.type === 'text');
      return plain ? { role: t.role, content: text } : { role: t.role, content: text, blocks: ordered };
    }),
  };
}
