/**
 * Helpers for integration tests running in the extension host of a real VS Code. The model is
 * the fake Anthropic server on 127.0.0.1, reached through the real SDK; the chat panel is read
 * through the harness's UI driver (code-server) or, under test-electron, from the extension's
 * session transcript.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ArchitectPersonasApi } from '../../src/extension';
import { startFakeAnthropic, type FakeAnthropicServer } from '../fakeServer/fakeAnthropic';
// Every suite using these helpers gets the fixture workspace restored after each test.
import './isolation';

export const EXTENSION_ID = 'architect-personas.architect-personas';
export const TEST_KEY = 'sk-ant-test-0000000000000000';
const DRIVER = process.env.ARCHITECT_UI_DRIVER_URL;
export const hasChatDom = Boolean(DRIVER);

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return folder.uri.fsPath;
}

export async function api(): Promise<ArchitectPersonasApi> {
  const ext = vscode.extensions.getExtension<ArchitectPersonasApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  return ext.isActive ? ext.exports : ext.activate();
}

/** Starts a fake Anthropic server and points the extension at it with a test key. */
export async function useFakeAnthropic(options: { withKey?: boolean } = {}): Promise<FakeAnthropicServer> {
  const server = await startFakeAnthropic();
  await api();
  await vscode.workspace.getConfiguration('architectPersonas').update('baseUrl', server.url, vscode.ConfigurationTarget.Global);
  if (options.withKey ?? true) {
    await vscode.commands.executeCommand('architectPersonas.setApiKey', TEST_KEY);
  } else {
    await vscode.commands.executeCommand('architectPersonas.clearApiKey');
  }
  return server;
}

export async function openFixture(relative: string, selection?: { startLine: number; endLine: number }): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.file(path.join(workspaceRoot(), relative));
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (selection) {
    const end = doc.lineAt(selection.endLine - 1).range.end;
    editor.selection = new vscode.Selection(selection.startLine - 1, 0, end.line, end.character);
  }
  return editor;
}

/** Opens the chat panel and sends `query`, with our Anthropic model selected. */
export async function askInChat(query: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.chat.newChat');
  await vscode.commands.executeCommand('workbench.action.chat.open', {
    query,
    modelSelector: { vendor: 'architect-personas' },
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) {
        return value;
      }
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Calls a route of the harness's UI driver (test/harness/uiDriver.ts). */
export async function driver<T>(route: string, params: Record<string, string> = {}): Promise<T> {
  const url = new URL(route, DRIVER);
  for (const [k, v] of Object.entries(params)) {
    url.searchParams.set(k, v);
  }
  const res = await fetch(url);
  if (!res.ok) {
    throw new Error(`UI driver ${route}: ${res.status} ${await res.text()}`);
  }
  return (await res.json()) as T;
}

/** The text of the chat panel (all request/response items), or the recorded transcript. */
export async function chatPanelText(): Promise<string> {
  if (hasChatDom) {
    const { items } = await driver<{ items: string[] }>('/chat');
    return items.join('\n');
  }
  const { transcript } = await api();
  return transcript
    .all()
    .map((t) => `${t.prompt}\n${t.markdown}\n${t.buttons.map((b) => b.title).join('\n')}`)
    .join('\n');
}

/** Button titles shown in the chat panel. */
export async function chatButtons(): Promise<string[]> {
  if (hasChatDom) {
    return (await driver<{ buttons: string[] }>('/chat-buttons')).buttons;
  }
  const { transcript } = await api();
  return transcript.all().flatMap((t) => t.buttons.map((b) => b.title));
}

/** Waits until the chat panel shows `text` (and the response is complete). */
export async function waitForChatText(text: string, timeoutMs = 30_000): Promise<string> {
  return waitFor(`chat panel to show ${JSON.stringify(text)}`, async () => {
    const all = await chatPanelText();
    return all.includes(text) ? all : undefined;
  }, timeoutMs);
}

/**
 * Waits until the chat panel's text matches every pattern, and returns it. The panel renders a
 * message progressively, even after the turn is done: wait for all that is asserted, never for
 * a first line and then assert the rest.
 */
export async function waitForChatMatch(what: string, ...patterns: RegExp[]): Promise<string> {
  return waitFor(what, async () => {
    const all = await chatPanelText();
    return patterns.every((p) => p.test(all)) ? all : undefined;
  }).catch(async (err: unknown) => {
    throw new Error(`${(err as Error).message}\nchat panel:\n${await chatPanelText()}`);
  });
}

export async function waitForTurnDone(): Promise<void> {
  const { transcript } = await api();
  await waitFor('the @backend turn to finish', () => transcript.last()?.done || undefined);
}

export async function screenshot(name: string): Promise<void> {
  if (hasChatDom) {
    await driver('/screenshot', { name });
  }
}

export async function clickChatButton(text: string): Promise<void> {
  assert.ok(hasChatDom, 'clicking needs the UI driver');
  await driver('/click-chat-button', { text });
}

export function readWorkspaceFile(relative: string): string {
  return fs.readFileSync(path.join(workspaceRoot(), relative), 'utf8');
}

/** Text of the notification toasts on screen. */
export async function notificationTexts(): Promise<string[]> {
  assert.ok(hasChatDom, 'notifications are read through the UI driver');
  await vscode.commands.executeCommand('notifications.showList');
  return (await driver<{ texts: string[] }>('/notifications')).texts;
}

/** Clicks a button of the notification toast that contains `containing`. */
export async function clickNotificationButton(containing: string, text: string): Promise<void> {
  assert.ok(hasChatDom, 'clicking a notification needs the UI driver');
  await driver('/click-notification-button', { containing, text });
}

export function fixtureText(relative: string): string {
  return fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', relative), 'utf8');
}
