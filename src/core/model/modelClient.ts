/**
 * The model client interface the pipeline talks to. Implementations: the Anthropic SDK client
 * (src/core/model/anthropicClient.ts) and the VS Code language-model adapter (src/vscode).
 */
export interface ModelMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
  /**
   * The message as content blocks, when it carries tool calls or results (a conversation handed
   * to our chat model provider by an agent). Wins over `content` for the Anthropic API.
   */
  readonly blocks?: readonly ModelContentBlock[];
}

export type ModelContentBlock =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'toolCall'; readonly call: ModelToolCall }
  | { readonly type: 'toolResult'; readonly result: ModelToolResult };

export interface SystemBlock {
  readonly text: string;
  /** Mark this block (and everything before it) as a cacheable prefix. */
  readonly cache?: boolean;
}

/** A tool the model may call: name, what it does, and the JSON schema of its input. */
export interface ModelToolSpec {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: Readonly<Record<string, unknown>>;
}

/** One tool call the model made. */
export interface ModelToolCall {
  readonly id: string;
  readonly name: string;
  /** The parsed input; `{}` when it could not be parsed (see `inputError`). */
  readonly input: unknown;
  /** Set when the streamed input was not valid JSON: the tool is not run, the model is told. */
  readonly inputError?: string;
}

export interface ModelToolResult {
  readonly callId: string;
  readonly content: string;
  readonly isError?: boolean;
}

/** One finished tool round: what the assistant said and called, and what the tools returned. */
export interface ToolExchange {
  readonly text: string;
  readonly calls: readonly ModelToolCall[];
  readonly results: readonly ModelToolResult[];
}

export interface ModelRequest {
  readonly model: string;
  readonly system: readonly SystemBlock[];
  readonly messages: readonly ModelMessage[];
  readonly maxTokens: number;
  readonly signal: AbortSignal;
  /** Tools offered to the model. Keep the list and its order stable: it is part of the cached prefix. */
  readonly tools?: readonly ModelToolSpec[];
  /** 'any': the model must call one of the tools (VS Code's LanguageModelChatToolMode.Required). Default auto. */
  readonly toolChoice?: 'auto' | 'any';
  /** Earlier tool rounds of this answer, appended after `messages` (which end with the user turn). */
  readonly toolExchanges?: readonly ToolExchange[];
}

export interface ModelUsage {
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
}

export interface ModelResult {
  readonly text: string;
  readonly stopReason?: string;
  readonly usage?: ModelUsage;
  readonly requestId?: string;
  /** Milliseconds from sending the request to the first text delta. */
  readonly firstTokenMs?: number;
  readonly retries: number;
  /** The tool calls the model made in this round (stopReason 'tool_use'), in order. */
  readonly toolCalls?: readonly ModelToolCall[];
}

export interface ModelClient {
  /**
   * Streams one round of the answer; `onText` receives each text delta in order. When the
   * request offers tools and the model calls some, they come back in `toolCalls` (the caller
   * runs them and calls again with `toolExchanges`, see toolLoop.ts). Rejects with a ModelError.
   */
  stream(request: ModelRequest, onText: (delta: string) => void): Promise<ModelResult>;
}
