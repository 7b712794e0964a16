import * as vscode from 'vscode';

/** Typed access to the extension's settings (`architectPersonas.*`). */
export const SETTINGS_SECTION = 'architectPersonas';

export interface ModelSettings {
  readonly model: string;
  readonly baseUrl: string;
  readonly maxOutputTokens: number;
  readonly idleTimeoutMs: number;
  readonly redactSecrets: boolean;
  readonly maxContextTokens: number;
}

export function readModelSettings(): ModelSettings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    model: c.get<string>('model', 'claude-sonnet-5-5').trim() || 'claude-sonnet-5-5',
    baseUrl: c.get<string>('baseUrl', 'https://api.anthropic.com').trim() || 'https://api.anthropic.com',
    maxOutputTokens: Math.max(256, c.get<number>('maxOutputTokens', 8192)),
    idleTimeoutMs: Math.max(5, c.get<number>('idleTimeoutSeconds', 60)) * 1000,
    redactSecrets: c.get<boolean>('redactSecrets', true),
    maxContextTokens: Math.max(1000, c.get<number>('maxContextTokens', 60_000)),
  };
}

export function onDidChangeSettings(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SETTINGS_SECTION)) {
      listener();
    }
  });
}
