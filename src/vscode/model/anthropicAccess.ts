import * as vscode from 'vscode';
import type { AnthropicModelClient } from '../../core/model/anthropicClient';
import type { ApiKeyStore } from './apiKey';
import type { Log } from '../common/log';
import { readModelSettings } from '../common/settings';

/**
 * Builds the Anthropic client from the stored key and the settings, on first use. The SDK
 * itself is imported by the client on its first request, never at activation.
 */
export class AnthropicAccess {
  private cached: { signature: string; client: AnthropicModelClient } | undefined;

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly log: Log,
  ) {}

  /** The client, or undefined when no API key is set. */
  async getClient(): Promise<AnthropicModelClient | undefined> {
    const apiKey = await this.keys.get();
    if (!apiKey) {
      return undefined;
    }
    const s = readModelSettings();
    // The signature decides reuse; it holds the key only in memory, never logged.
    const signature = JSON.stringify([apiKey, s.baseUrl, s.idleTimeoutMs]);
    if (this.cached?.signature !== signature) {
      const { AnthropicModelClient } = await import('../../core/model/anthropicClient');
      this.cached = {
        signature,
        client: new AnthropicModelClient({
          apiKey,
          baseURL: s.baseUrl,
          idleTimeoutMs: s.idleTimeoutMs,
          log: (entry) => this.log.info(`[anthropic] ${JSON.stringify(entry)}`),
        }),
      };
    }
    return this.cached.client;
  }
}

export function createAnthropicAccess(keys: ApiKeyStore, log: Log): AnthropicAccess {
  return new AnthropicAccess(keys, log);
}

/** Our models' vendor id, as in package.json `languageModelChatProviders`. */
export const ANTHROPIC_VENDOR = 'architect-personas';

export function isOurModel(model: vscode.LanguageModelChat | undefined): boolean {
  return model?.vendor === ANTHROPIC_VENDOR;
}
