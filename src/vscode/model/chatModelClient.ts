import * as vscode from 'vscode';
import type { ModelClient, ModelRequest, ModelResult, ModelToolCall, ToolExchange } from '../../core/model/modelClient';
import { ModelError } from '../../core/model/modelErrors';
import { flattenSystemIntoMessages } from '../../core/prompt/promptBuilder';
import { isToolGuidance } from '../../core/tools';

/**
 * Model stage for another vendor's chat model (e.g. Copilot's), through `request.model`.
 * VS Code chat models have no system role, so the persona goes in as the first user message.
 * Tools go out as `options.tools`; the model's LanguageModelToolCallParts come back as
 * `toolCalls`, and earlier rounds are replayed as an Assistant message with the call parts
 * followed by a User message with LanguageModelToolResultParts (the tool loop is toolLoop.ts).
 */
export class ChatModelClient implements ModelClient {
  /** Set when the model refused a request because of the tools: later rounds go without them. */
  private toolsRefused = false;

  constructor(private readonly model: vscode.LanguageModelChat) {}

  async stream(request: ModelRequest, onText: (delta: string) => void): Promise<ModelResult> {
    // Without tools (refused), the system blocks go without the tool guidance too.
    const messagesFor = (withTools: boolean): vscode.LanguageModelChatMessage[] => {
      const system = withTools ? request.system : request.system.filter((b) => !isToolGuidance(b));
      const messages = flattenSystemIntoMessages({ system, messages: request.messages }).map((m) =>
        m.role === 'user' ? vscode.LanguageModelChatMessage.User(m.content) : vscode.LanguageModelChatMessage.Assistant(m.content),
      );
      for (const exchange of request.toolExchanges ?? []) {
        messages.push(...exchangeMessages(exchange));
      }
      return messages;
    };
    const tools = this.toolsRefused ? undefined : request.tools?.map((t): vscode.LanguageModelChatTool => ({ name: t.name, description: t.description, inputSchema: t.inputSchema }));
    const toolCalls: ModelToolCall[] = [];
    const cts = new vscode.CancellationTokenSource();
    const onAbort = (): void => cts.cancel();
    request.signal.addEventListener('abort', onAbort);
    const sent = Date.now();
    let firstTokenMs: number | undefined;
    let text = '';
    try {
      const justification = 'Architect Personas sends your selected code to the chat model you picked.';
      const consume = async (withTools: boolean): Promise<void> => {
        const options: vscode.LanguageModelChatRequestOptions = withTools && tools ? { justification, tools, toolMode: vscode.LanguageModelChatToolMode.Auto } : { justification };
        const response = await this.model.sendRequest(messagesFor(withTools && !!tools), options, cts.token);
        for await (const part of response.stream) {
          if (request.signal.aborted) {
            throw new ModelError('cancelled', 'The request was cancelled.');
          }
          if (part instanceof vscode.LanguageModelTextPart) {
            firstTokenMs ??= Date.now() - sent;
            text += part.value;
            onText(part.value);
          } else if (part instanceof vscode.LanguageModelToolCallPart) {
            toolCalls.push({ id: part.callId, name: part.name, input: part.input });
          }
        }
      };
      const withTools = !!tools && tools.length > 0;
      try {
        await consume(withTools);
      } catch (err) {
        if (!withTools || !refusedTheTools(err) || text !== '' || toolCalls.length > 0 || request.signal.aborted) {
          throw err;
        }
        this.toolsRefused = true;
        await consume(false);
      }
      return { text, firstTokenMs, retries: 0, ...(toolCalls.length > 0 ? { toolCalls, stopReason: 'tool_use' } : {}) };
    } catch (err) {
      throw toChatModelError(err, text, this.model.name);
    } finally {
      request.signal.removeEventListener('abort', onAbort);
      cts.dispose();
    }
  }
}

/**
 * Whether a failure is a model refusing the tools. The stable API does not say whether a model
 * supports tools; one that does not fails the request with an error naming them ("tool calling is
 * not supported", "tools are not supported by this model"), from sendRequest or, for another
 * extension's provider, inside the stream. Permission, quota, cancellation and other failures
 * are not retried: they are shown as they are.
 */
function refusedTheTools(err: unknown): boolean {
  if (err instanceof vscode.LanguageModelError || err instanceof vscode.CancellationError || err instanceof ModelError) {
    return false;
  }
  const message = err instanceof Error ? err.message : String(err);
  return /\btools?\b|tool[ _-]?call|function[ _-]?call/i.test(message);
}

function toChatModelError(err: unknown, partialText: string, modelName: string): ModelError {
  if (err instanceof ModelError) {
    return err;
  }
  if (err instanceof vscode.LanguageModelError) {
    const code = err.code;
    if (code === vscode.LanguageModelError.NoPermissions().code) {
      return new ModelError('forbidden', `VS Code did not allow this extension to use ${modelName}. Allow it when asked, or pick another model.`, { partialText });
    }
    if (code === vscode.LanguageModelError.NotFound().code) {
      return new ModelError('notFound', `The chat model ${modelName} is not available any more. Pick another model in the chat's model picker.`, { partialText });
    }
    if (code === vscode.LanguageModelError.Blocked().code) {
      return new ModelError('rateLimited', `${modelName} refused the request (quota or rate limit). Try again later or pick another model.`, { partialText });
    }
    return new ModelError(partialText ? 'cut' : 'unknown', `${modelName} failed: ${err.message}`, { partialText });
  }
  if (err instanceof vscode.CancellationError) {
    return new ModelError('cancelled', 'The request was cancelled.', { partialText });
  }
  return new ModelError(partialText ? 'cut' : 'unknown', `${modelName} failed: ${(err as Error)?.message ?? String(err)}`, { partialText });
}

/** One earlier tool round as VS Code chat messages: the calls (assistant), then their results (user). */
function exchangeMessages(exchange: ToolExchange): vscode.LanguageModelChatMessage[] {
  const assistant: (vscode.LanguageModelTextPart | vscode.LanguageModelToolCallPart)[] = [];
  if (exchange.text.trim() !== '') {
    assistant.push(new vscode.LanguageModelTextPart(exchange.text));
  }
  for (const call of exchange.calls) {
    const input = typeof call.input === 'object' && call.input !== null && !Array.isArray(call.input) ? call.input : {};
    assistant.push(new vscode.LanguageModelToolCallPart(call.id, call.name, input));
  }
  const results = exchange.results.map(
    (r) => new vscode.LanguageModelToolResultPart(r.callId, [new vscode.LanguageModelTextPart(r.isError ? `Error: ${r.content}` : r.content)]),
  );
  return [vscode.LanguageModelChatMessage.Assistant(assistant), vscode.LanguageModelChatMessage.User(results)];
}
