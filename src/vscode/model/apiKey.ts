import * as vscode from 'vscode';
import type { Log } from '../common/log';

const SECRET_KEY = 'architectPersonas.anthropicApiKey';

/** The Anthropic API key, kept in SecretStorage only: never in settings, logs or messages. */
export class ApiKeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(): Promise<string | undefined> {
    const key = await this.secrets.get(SECRET_KEY);
    return key && key.trim() ? key.trim() : undefined;
  }

  async set(key: string): Promise<void> {
    await this.secrets.store(SECRET_KEY, key.trim());
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
  }
}

export function registerApiKey(context: vscode.ExtensionContext, log: Log): ApiKeyStore {
  const store = new ApiKeyStore(context.secrets);
  context.subscriptions.push(
    context.secrets.onDidChange((e) => {
      if (e.key === SECRET_KEY) {
        log.info('Anthropic API key changed');
      }
    }),
    // An optional argument lets automation (and tests) set the key without the input box.
    vscode.commands.registerCommand('architectPersonas.setApiKey', async (keyArg?: unknown) => {
      const key =
        typeof keyArg === 'string'
          ? keyArg
          : await vscode.window.showInputBox({
              title: 'Set Anthropic API Key',
              prompt: 'Your key is stored in VS Code’s secret storage and sent only to the configured Anthropic base URL.',
              placeHolder: 'sk-ant-…',
              password: true,
              ignoreFocusOut: true,
              validateInput: (v) => (v.trim().length < 8 ? 'That does not look like an API key.' : undefined),
            });
      if (!key || !key.trim()) {
        return false;
      }
      await store.set(key);
      if (typeof keyArg !== 'string') {
        void vscode.window.showInformationMessage('Anthropic API key saved. Ask @backend again.');
      }
      return true;
    }),
    vscode.commands.registerCommand('architectPersonas.clearApiKey', async () => {
      await store.clear();
      void vscode.window.showInformationMessage('Anthropic API key removed from secret storage.');
    }),
  );
  return store;
}
