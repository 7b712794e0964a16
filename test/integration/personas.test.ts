import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FakeAnthropicServer } from '../fakeServer/fakeAnthropic';
import { askInChat, chatPanelText, openFixture, useFakeAnthropic, waitFor, waitForChatText, waitForTurnDone, workspaceRoot } from './support';

const ARCHITECTS = '.vscode/architects';

function systemOf(server: FakeAnthropicServer, index: number): string {
  return JSON.stringify(server.requests[index]?.body?.system ?? '');
}

async function pressInWorkbench(key: string): Promise<void> {
  const url = new URL('/press', process.env.ARCHITECT_UI_DRIVER_URL);
  url.searchParams.set('key', key);
  await fetch(url);
}

async function typeInWorkbench(text: string): Promise<void> {
  const url = new URL('/type', process.env.ARCHITECT_UI_DRIVER_URL);
  url.searchParams.set('text', text);
  await fetch(url);
}

/** Texts of `selector` inside the visible quick input. */
async function visibleQuickInput(selector: string): Promise<string[]> {
  const url = new URL('/selector-text', process.env.ARCHITECT_UI_DRIVER_URL);
  url.searchParams.set('selector', `.quick-input-widget:not([style*="display: none"]) ${selector}`);
  return ((await (await fetch(url)).json()) as { texts: string[] }).texts;
}

async function statusBarTexts(): Promise<string> {
  const url = new URL('/selector-text', process.env.ARCHITECT_UI_DRIVER_URL);
  url.searchParams.set('selector', '.statusbar-item');
  return ((await (await fetch(url)).json()) as { texts: string[] }).texts.join(' | ');
}

/** Writes a persona file through VS Code's file system, as an editor or a git checkout would. */
async function writePersona(name: string, text: string): Promise<string> {
  const file = path.join(workspaceRoot(), ARCHITECTS, name);
  await vscode.workspace.fs.writeFile(vscode.Uri.file(file), Buffer.from(text));
  return file;
}

const OVERRIDE = (body: string) => `---
id: pragmatic-platform-engineer
name: Team Marcus
title: Our team's platform engineer
description: The bundled pragmatic engineer, tuned to our stack.
principles:
  - Postgres first
---
${body}
`;

describe('Personas in the real VS Code', () => {
  let server: FakeAnthropicServer;

  afterEach(async () => {
    await server?.close();
    const dir = vscode.Uri.file(path.join(workspaceRoot(), ARCHITECTS));
    if (fs.existsSync(dir.fsPath)) {
      await vscode.workspace.fs.delete(dir, { recursive: true, useTrash: false });
    }
    await vscode.commands.executeCommand('architectPersonas.choosePersona', 'pragmatic-platform-engineer');
  });

  it('Choose Persona picks a persona from the quick pick; the status bar and the answer follow it', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: 'Reliability first.' });
    const picked = vscode.commands.executeCommand('architectPersonas.choosePersona');
    await waitFor('the persona quick pick', async () => ((await visibleQuickInput('.quick-input-title')).some((t) => t.includes('Choose the architect persona')) || undefined));
    await typeInWorkbench('Systems Sage');
    // Filtering happens in the workbench: wait until the sage is the highlighted row, then accept it.
    await waitFor('the sage highlighted', async () => ((await visibleQuickInput('.monaco-list-row.focused')).some((t) => t.includes('Dr. Marcus Rivera')) || undefined));
    await pressInWorkbench('Enter');
    await picked;
    await waitFor('the status bar to show the sage', async () => ((await statusBarTexts()).includes('Dr. Marcus Rivera') ? true : undefined));

    await openFixture('src/db/users.ts');
    await askInChat('@backend /design an API for orders');
    await waitForChatText('Reliability first.');
    await waitForTurnDone();
    assert.match(await chatPanelText(), /Dr\. Marcus Rivera/, 'the persona’s name heads the answer');
    assert.match(systemOf(server, 0), /Systems Sage/);
  });

  it('a workspace persona overrides the bundled one, says which file answered, and edits apply on the next request', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: 'First answer.' }, { kind: 'reply', text: 'Second answer.' });
    await writePersona('team-marcus.md', OVERRIDE('You are Team Marcus. Always mention pgbouncer.'));
    // No wait for the file watcher (its events come late on a busy machine, and may be missed for
    // a folder created after the watch started): each request re-checks the persona files first.
    await openFixture('src/db/users.ts');
    await askInChat('@backend /scale will this hold?');
    await waitForChatText('First answer.');
    await waitForTurnDone();
    // That reload also updated the status bar.
    await waitFor('the status bar to show the workspace persona', async () => ((await statusBarTexts()).includes('Team Marcus') ? true : undefined));
    const text = await chatPanelText();
    assert.match(text, /Team Marcus/);
    assert.match(text, /\.vscode\/architects\/team-marcus\.md/, 'the chat says which file answered');
    assert.match(systemOf(server, 0), /Always mention pgbouncer/);

    // Edited by another tool, behind VS Code's back: the next request still sees the edit.
    fs.writeFileSync(path.join(workspaceRoot(), ARCHITECTS, 'team-marcus.md'), OVERRIDE('You are Team Marcus. Always mention read replicas.'));
    await askInChat('@backend /scale and now?');
    await waitForChatText('Second answer.');
    await waitForTurnDone();
    assert.match(systemOf(server, 1), /Always mention read replicas/);
    assert.doesNotMatch(systemOf(server, 1), /pgbouncer/);
  });

  it('a broken persona file shows a diagnostic at its line while @backend keeps answering', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: 'Still answering.' });
    const file = await writePersona('broken.md', '---\nid: broken-one\nname: Broken\ntitle: t\ndescription: d\nprinciples: not-a-list\n---\nBody\n');
    const uri = vscode.Uri.file(file);
    // The request re-checks the persona files (no wait on the file watcher) and still answers.
    await openFixture('src/db/users.ts');
    await askInChat('@backend /debug why is this slow?');
    await waitForChatText('Still answering.');
    await waitForTurnDone();
    const diagnostics = await waitFor('a diagnostic on the broken persona', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length > 0 ? d : undefined;
    }).catch((err: Error) => {
      const all = vscode.languages.getDiagnostics().map(([u, d]) => `${u.toString()}: ${d.map((x) => x.message).join('; ')}`);
      throw new Error(`${err.message}; diagnostics: ${all.join(' || ')}`);
    });
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostics[0].range.start.line, 5, 'points at the principles line (line 6)');
    assert.match(diagnostics[0].message, /principles/);
  });
});
