/**
 * Maps a ModelRequest onto the Anthropic Messages API's request shape: system text blocks (the
 * one marked `cache` gets a cache breakpoint), tools, the conversation, and each earlier tool
 * round as an assistant turn with `tool_use` blocks followed by a user turn with `tool_result`s.
 *
 * Prompt caching: the API caches the prefix tools → system → messages up to a breakpoint. The
 * tools come first, so they are cached together with the persona block as long as the tool list
 * is the same from request to request. In a tool loop the last tool_result block carries a
 * second breakpoint, so round N+1 reads rounds 1..N from the cache (2 of the 4 allowed).
 */
import type { ModelContentBlock, ModelRequest, ToolExchange } from './modelClient';

type CacheControl = { type: 'ephemeral' };

export interface AnthropicTextBlock {
  type: 'text';
  text: string;
  cache_control?: CacheControl;
}
export interface AnthropicToolUseBlock {
  type: 'tool_use';
  id: string;
  name: string;
  input: unknown;
}
export interface AnthropicToolResultBlock {
  type: 'tool_result';
  tool_use_id: string;
  content: string;
  is_error?: boolean;
  cache_control?: CacheControl;
}
export type AnthropicContent = string | Array<AnthropicTextBlock | AnthropicToolUseBlock | AnthropicToolResultBlock>;

export interface AnthropicParams {
  system: AnthropicTextBlock[];
  messages: Array<{ role: 'user' | 'assistant'; content: AnthropicContent }>;
  tools?: Array<{ name: string; description: string; input_schema: Record<string, unknown> }>;
  tool_choice?: { type: 'auto' | 'any' };
}

export function toAnthropicParams(request: ModelRequest): AnthropicParams {
  const system = request.system
    .filter((block) => block.text.length > 0)
    .map((block): AnthropicTextBlock => (block.cache ? { type: 'text', text: block.text, cache_control: { type: 'ephemeral' } } : { type: 'text', text: block.text }));
  const messages: AnthropicParams['messages'] = request.messages.map((m) => ({ role: m.role, content: m.blocks ? m.blocks.map(toBlock) : m.content }));
  const exchanges = request.toolExchanges ?? [];
  exchanges.forEach((exchange, i) => {
    messages.push(...exchangeMessages(exchange, i === exchanges.length - 1));
  });
  const params: AnthropicParams = { system, messages };
  if (request.tools && request.tools.length > 0) {
    params.tools = request.tools.map((t) => ({ name: t.name, description: t.description, input_schema: { ...t.inputSchema } }));
    if (request.toolChoice === 'any') {
      params.tool_choice = { type: 'any' };
    }
  }
  return params;
}

function exchangeMessages(exchange: ToolExchange, last: boolean): AnthropicParams['messages'] {
  const assistant: Array<AnthropicTextBlock | AnthropicToolUseBlock> = [];
  if (exchange.text.trim() !== '') {
    assistant.push({ type: 'text', text: exchange.text });
  }
  for (const call of exchange.calls) {
    // A call whose input did not parse is replayed with an empty input; its result says why.
    const input = call.inputError === undefined && isObject(call.input) ? call.input : {};
    assistant.push({ type: 'tool_use', id: call.id, name: call.name, input });
  }
  const results: AnthropicToolResultBlock[] = exchange.results.map((r) => ({
    type: 'tool_result',
    tool_use_id: r.callId,
    content: r.content,
    ...(r.isError ? { is_error: true } : {}),
  }));
  if (last && results.length > 0) {
    results[results.length - 1].cache_control = { type: 'ephemeral' };
  }
  return [
    { role: 'assistant', content: assistant },
    { role: 'user', content: results },
  ];
}

function toBlock(block: ModelContentBlock): AnthropicTextBlock | AnthropicToolUseBlock | AnthropicToolResultBlock {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: block.text };
    case 'toolCall':
      return { type: 'tool_use', id: block.call.id, name: block.call.name, input: isObject(block.call.input) ? block.call.input : {} };
    case 'toolResult':
      return { type: 'tool_result', tool_use_id: block.result.callId, content: block.result.content, ...(block.result.isError ? { is_error: true } : {}) };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
