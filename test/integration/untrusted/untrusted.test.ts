/**
 * @backend in an untrusted workspace (restricted mode), in real VS Code: workspace personas are
 * not loaded and the chat says so; the reviews of changes do not run git.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FakeAnthropicServer } from '../../fakeServer/fakeAnthropic';
import { askInChat, notificationTexts, openFixture, useFakeAnthropic, waitFor, waitForChatMatch, waitForChatText, waitForTurnDone, workspaceRoot } from '../support';

/**
 * A workspace copy of every bundled persona (same id, so it would take precedence when trusted),
 * renamed and with a marker in its instructions.
 */
function writeWorkspacePersonas(dir: string): string[] {
  const bundled = path.join(process.env.ARCHITECT_REPO_ROOT ?? '', 'personas');
  const names: string[] = [];
  for (const file of fs.readdirSync(bundled).filter((f) => f.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(bundled, file), 'utf8');
    const copy = text.replace(/^name: .*$/m, 'name: Wendy Workspace').replace(/\n---\n/, '\n---\n\nAlways start with WORKSPACE-PERSONA-MARKER.\n\n');
    assert.notEqual(copy, text);
    fs.writeFileSync(path.join(dir, file), copy);
    names.push(file);
  }
  assert.ok(names.length > 0, 'bundled personas found');
  return names;
}

describe('Untrusted workspace (issue #17)', () => {
  let server: FakeAnthropicServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('runs in restricted mode', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness opened the folder untrusted');
  });

  it('workspace personas are not loaded, the chat says so, and nothing of them reaches the model', async () => {
    const dir = path.join(workspaceRoot(), '.vscode', 'architects');
    fs.mkdirSync(dir, { recursive: true });
    const files = writeWorkspacePersonas(dir);
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: 'Answer from the bundled persona.' });
    await openFixture('src/db/users.ts');
    await askInChat('@backend /debug why is listUsersWithOrders slow?');
    await waitForChatText('Answer from the bundled persona.');
    await waitForTurnDone();
    const text = await waitForChatMatch('the trust notice', /This workspace is not trusted, so its personas \(.*\.vscode\/architects\/.*\) are not loaded and Git is not run/);
    assert.ok(files.some((f) => text.includes(f)), 'the notice names the files');
    assert.doesNotMatch(text, /Wendy Workspace/, 'the workspace persona does not answer');
    const system = JSON.stringify(server.requests[0]?.body?.system ?? '');
    assert.doesNotMatch(system, /WORKSPACE-PERSONA-MARKER/, 'the workspace persona is not in the prompt');
  });

  for (const [command, title] of [
    ['architectPersonas.reviewUncommittedChanges', 'Review Uncommitted Changes'],
    ['architectPersonas.reviewBranchChanges', 'Review Branch Changes'],
  ] as const) {
    it(`${title} does not run git and says to trust the workspace`, async () => {
      server = await useFakeAnthropic();
      server.script({ kind: 'reply', text: 'unused' });
      await vscode.commands.executeCommand(command, 'main');
      const warning = await waitFor('the warning', async () => (await notificationTexts()).find((t) => t.includes(`${title} runs git`)));
      assert.match(warning, /Trust this workspace first/);
      assert.equal(server.requests.length, 0, 'nothing was reviewed');
    });
  }
});
