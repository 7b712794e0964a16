/**
 * The model client interface the pipeline talks to. Implementations: the Anthropic SDK client
 * (src/core/model/anthropicClient.ts) and the VS Code language-model adapter (src/vscode).
 */
export interface ModelMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

export interface SystemBlock {
  readonly text: string;
  /** Mark this block (and everything before it) as a cacheable prefix. */
  readonly cache?: boolean;
}

export interface ModelRequest {
  readonly model: string;
  readonly system: readonly SystemBlock[];
  readonly messages: readonly ModelMessage[];
  readonly maxTokens: number;
  readonly signal: AbortSignal;
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
}

export interface ModelClient {
  /** Streams the answer; `onText` receives each text delta in order. Rejects with a ModelError. */
  stream(request: ModelRequest, onText: (delta: string) => void): Promise<ModelResult>;
}
