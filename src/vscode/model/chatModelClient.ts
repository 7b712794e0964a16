import * as vscode from 'vscode';
import type { ModelClient, ModelRequest, ModelResult } from '../../core/model/modelClient';
import { ModelError } from '../../core/model/modelErrors';
import { flattenSystemIntoMessages } from '../../core/prompt/promptBuilder';

/**
 * Model stage for another vendor's chat model (e.g. Copilot's), through `request.model`.
 * VS Code chat models have no system role, so the persona goes in as the first user message.
 */
export class ChatModelClient implements ModelClient {
  constructor(private readonly model: vscode.LanguageModelChat) {}

  async stream(request: ModelRequest, onText: (delta: string) => void): Promise<ModelResult> {
    const messages = flattenSystemIntoMessages({ system: request.system, messages: request.messages }).map((m) =>
      m.role === 'user' ? vscode.LanguageModelChatMessage.User(m.content) : vscode.LanguageModelChatMessage.Assistant(m.content),
    );
    const cts = new vscode.CancellationTokenSource();
    const onAbort = (): void => cts.cancel();
    request.signal.addEventListener('abort', onAbort);
    const sent = Date.now();
    let firstTokenMs: number | undefined;
    let text = '';
    try {
      const response = await this.model.sendRequest(messages, { justification: 'Architect Personas sends your selected code to the chat model you picked.' }, cts.token);
      for await (const chunk of response.text) {
        if (request.signal.aborted) {
          throw new ModelError('cancelled', 'The request was cancelled.');
        }
        firstTokenMs ??= Date.now() - sent;
        text += chunk;
        onText(chunk);
      }
      return { text, firstTokenMs, retries: 0 };
    } catch (err) {
      throw toChatModelError(err, text, this.model.name);
    } finally {
      request.signal.removeEventListener('abort', onAbort);
      cts.dispose();
    }
  }
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
