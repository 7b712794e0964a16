import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FakeAnthropicServer } from '../fakeServer/fakeAnthropic';
import { api, chatPanelText, fixtureText, openFixture, screenshot, useFakeAnthropic, waitForChatText, waitForTurnDone, workspaceRoot } from './support';

/** Asks in a new chat on claude-sonnet-5-5 (a priced model; the fake server may list others first). */
async function askOnSonnet(query: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.chat.newChat');
  await vscode.commands.executeCommand('workbench.action.chat.open', { query, modelSelector: { vendor: 'architect-personas', id: 'claude-sonnet-5-5' } });
}

describe('Usage footer in the real chat panel', () => {
  let server: FakeAnthropicServer;

  afterEach(async () => {
    await server?.close();
    await vscode.workspace.getConfiguration('architectPersonas').update('showUsageFooter', undefined, vscode.ConfigurationTarget.Global);
  });

  it("ends the answer with the model, the fake server's token counts, cache reads and the estimated cost; the setting hides it", async () => {
    server = await useFakeAnthropic();
    server.script(
      { kind: 'reply', text: fixtureText('integration/debug-findings.txt'), usage: { inputTokens: 1234, outputTokens: 56, cacheReadInputTokens: 789, cacheCreationInputTokens: 0 } },
      { kind: 'reply', text: 'Second answer, no footer.', usage: { inputTokens: 99, outputTokens: 7, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 } },
    );
    // The fixture as shipped, whatever an earlier test left in the file or the editor.
    fs.writeFileSync(path.join(workspaceRoot(), 'src/db/users.ts'), fixtureText('workspace/src/db/users.ts'));
    await openFixture('src/db/users.ts');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await askOnSonnet('@backend /optimize how much does this cost?');
    // claude-sonnet-5-5: (1234 × $2 + 56 × $10 + 789 × $0.10) / 1M = $0.0031
    const text = await waitForChatText('claude-sonnet-5-5 · 1,234 in · 56 out · 789 cache read · ≈ $0.0031 at list prices of');
    await waitForTurnDone();
    assert.equal(server.requests[0].body?.model, 'claude-sonnet-5-5');
    assert.ok(text.indexOf('Fix the first one before anything else.') < text.indexOf('1,234 in'), 'the footer comes after the answer');
    const { transcript } = await api();
    assert.match(transcript.last()?.markdown ?? '', /\n\n\*claude-sonnet-5-5 · 1,234 in · 56 out · 789 cache read · ≈ \$0\.0031 at list prices of \d{4}-\d{2}-\d{2}\*\n$/, 'the footer is the last line');
    // The README's picture of an answer: fix links, an unverified finding, the footer.
    await screenshot('chat-answer');

    await vscode.workspace.getConfiguration('architectPersonas').update('showUsageFooter', false, vscode.ConfigurationTarget.Global);
    await askOnSonnet('@backend /optimize and now?');
    await waitForChatText('Second answer, no footer.');
    await waitForTurnDone();
    assert.doesNotMatch(transcript.last()?.markdown ?? '', /99 in|cache read|list prices/);
    assert.doesNotMatch(await chatPanelText(), /99 in · 7 out/);
  });
});
