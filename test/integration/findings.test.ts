import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FakeAnthropicServer } from '../fakeServer/fakeAnthropic';
import {
  api, askInChat, chatPanelText, clickChatButton, driver, clickNotificationButton, fixtureText, notificationTexts, openFixture,
  readWorkspaceFile, screenshot, useFakeAnthropic, waitFor, waitForChatMatch, waitForChatText, waitForTurnDone, workspaceRoot,
} from './support';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rng } from '../util/rng';

describe('Structured findings in the real chat panel', () => {
  let server: FakeAnthropicServer;

  afterEach(async () => {
    await server?.close();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('anchors a finding with a wrong line number to the right line, marks an unverifiable one, and applies a fix only after acceptance', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: fixtureText('integration/debug-findings.txt'), chunkSize: 40, delayMs: 5 });
    const before = readWorkspaceFile('src/db/users.ts');
    await openFixture('src/db/users.ts');
    await askInChat('@backend /debug why is listUsersWithOrders slow?');
    await waitForChatText('Fix the first one before anything else.');
    await waitForTurnDone();

    const text = await chatPanelText();
    // The model claimed line 4; the quote is at lines 14-17 of the file that was sent.
    assert.match(text, /src\/db\/users\.ts:14-17/, `the anchor points at the verified lines; chat shows:\n${text}`);
    assert.match(text, /line corrected from 4/i);
    assert.doesNotMatch(text, /users\.ts:4-7/, 'the wrong claimed range is never shown as an anchor');
    assert.match(text, /Unverified: quote not found in what was sent/, 'the invented quote is marked unverified');
    assert.match(text, /Root cause|Cause/);
    assert.match(text, /Trade-off|Tradeoff/i);

    const { transcript } = await api();
    const links = [...(transcript.last()?.markdown ?? '').matchAll(/\[([^\]]+)\]\(command:architectPersonas\.(\w+)\?/g)].map((m) => `${m[1]} → ${m[2]}`);
    assert.deepEqual(
      links,
      ['src/db/users.ts:14-17 → revealFinding', 'Preview & Apply → previewAndApplyFix', 'Open in SQL Editor → openFixInEditor', 'Copy → copyFix'],
      'the verified finding links its location and fixes; the unverified one has neither anchor nor apply',
    );

    // The anchor re-locates before revealing: insert a line above, then click it.
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('src/db/users.ts'));
    assert.ok(editor);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '// a new first line\n'));
    await clickChatButton('src/db/users.ts:14-17');
    await waitFor('the reveal at the shifted lines', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.path.endsWith('src/db/users.ts') && active.selection.start.line === 14 ? true : undefined;
    });
    await editor.edit((e) => e.delete(new vscode.Range(0, 0, 1, 0)));
    await screenshot('chat-findings');

    // Preview & Apply: a diff preview and a question; the file changes only after "Apply".
    await clickChatButton('Preview & Apply');
    const question = await waitFor('the apply question', async () => (await notificationTexts()).find((t) => t.includes('Apply this fix')));
    assert.match(question, /src\/db\/users\.ts/);
    const diffOpen = vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputTextDiff);
    assert.ok(diffOpen, 'a diff editor previews the fix');
    assert.equal(readWorkspaceFile('src/db/users.ts'), before, 'nothing is written before acceptance');
    assert.equal(usersDocument()?.getText(), before, 'the document is untouched before acceptance');
    await screenshot('fix-preview');

    await clickNotificationButton('Apply this fix', 'Apply');
    const doc = await waitFor('the edit', () => {
      const d = usersDocument();
      return d && d.getText().includes('ANY($1)') ? d : undefined;
    });
    assert.doesNotMatch(doc.getText(), /WHERE user_id = \$1'/, 'the quoted loop was replaced');
    assert.match(doc.getText(), /findUserByEmail/, 'the rest of the file is intact');
    // (The harness sets files.autoSave to desktop VS Code's 'off'; the web default would save after 1 s.)
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off', 'the harness runs with auto-save off');
    assert.equal(doc.isDirty, true, 'applied as an undoable edit, not written behind the editor');
    await vscode.commands.executeCommand('undo');
    await waitFor('the undo', () => (usersDocument()?.getText() === before ? true : undefined));
    await doc.save();
  });

  it('refuses Preview & Apply when the quoted code no longer matches', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: fixtureText('integration/debug-findings.txt') });
    const editor = await openFixture('src/db/users.ts');
    await askInChat('@backend /debug why is listUsersWithOrders slow?');
    await waitForChatText('Fix the first one before anything else.');
    await waitForTurnDone();
    // The user rewrites the loop before applying the fix.
    await editor.edit((e) => e.replace(new vscode.Range(13, 0, 17, 0), '  // rewritten by hand\n'));
    await clickChatButton('Preview & Apply');
    const refusal = await waitFor('the refusal', async () => (await notificationTexts()).find((t) => /Cannot apply the fix/.test(t)));
    assert.match(refusal, /no longer in src\/db\/users\.ts/);
    assert.doesNotMatch(editor.document.getText(), /ANY\(\$1\)/);
    await vscode.commands.executeCommand('undo');
    await editor.document.save();
  });
});

describe('Command links in the real chat panel (issue #17)', () => {
  let server: FakeAnthropicServer;

  afterEach(async () => {
    await server?.close();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** A deterministic "random" SQL fix full of characters that break naive links. */
  function nastyFix(seed: number, length: number): string {
    const rand = rng(seed);
    const alphabet = [...'abc XYZ 019()[]{}<>"\'`~!*_#|&%\\/:;=?-+.,', 'é', '中', '🙂', '%41', '%2', ')', '](', '\n', '-- 1) '];
    let s = 'SELECT 1; -- 1) build the index';
    // `length` in UTF-8 bytes (100 KB = 102,400), so the whole block stays within the parser's 100,000-character limit.
    while (Buffer.byteLength(s) < length) {
      s += alphabet[Math.floor(rand() * alphabet.length)];
    }
    // The parser trims blank lines around a fix and keeps the rest verbatim; no tag may close early.
    return s.replace(/<\/?(fix|finding)/gi, '').replace(/\n\s*$/, '').trimEnd();
  }

  function answerWithFix(content: string): string {
    return [
      'Here is the fix.',
      '',
      '<finding severity="high" title="Missing index (orders)">',
      '<issue>Sequential scan.</issue>',
      '<fix kind="run" lang="sql" title="Index (step 1)">',
      content,
      '</fix>',
      '</finding>',
      '',
      'End of answer.',
      '',
    ].join('\n');
  }

  for (const [label, length, chunkSize] of [
    ['model text with ) ] ` " %41 and non-ASCII', 600, 37],
    ['100 KB of model text', 100 * 1024, 4096],
  ] as const) {
    it(`Open in SQL Editor opens exactly the fix it was rendered with: ${label}`, async function () {
      this.timeout(180_000);
      const content = nastyFix(length, length);
      server = await useFakeAnthropic();
      server.script({ kind: 'reply', text: answerWithFix(content), chunkSize });
      await openFixture('src/db/users.ts');
      await askInChat('@backend /optimize the orders query');
      // (The chat cuts a Markdown part over 100,000 characters, so the end of a 100 KB answer is not on screen: wait for the turn.)
      await waitForChatText('Here is the fix.', 60_000);
      await waitForTurnDone();
      // The chat renders a long answer progressively: wait until the button is on screen.
      await waitFor('the Open in SQL Editor button', async () => (await chatPanelText()).includes('Open in SQL Editor') || undefined, 120_000);
      await clickChatButton('Open in SQL Editor');
      const doc = await waitFor('the fix in an untitled SQL editor', () => {
        const d = vscode.window.activeTextEditor?.document;
        return d?.isUntitled && d.languageId === 'sql' ? d : undefined;
      });
      const text = doc.getText();
      // Close the untitled editor without a save prompt before comparing.
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      assert.equal(text.length, content.length, 'the editor holds a fix of the same length');
      assert.equal(text, content, 'the editor holds exactly the fix text');
    });
  }
});

describe('Chat paths nothing tested before (issue #17)', () => {
  let server: FakeAnthropicServer;

  afterEach(async () => {
    await server?.close();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const ANSWER = fixtureText('integration/debug-findings.txt');

  function lastRequestText(): string {
    const body = server.requests.at(-1)?.body;
    return JSON.stringify(body?.messages ?? []);
  }

  it('a #file reference (a plain Uri) is sent whole, and a reference that cannot be read is named in the chat while the rest is answered', async () => {
    const root = workspaceRoot();
    const binary = path.join(root, 'src', 'blob.bin');
    fs.writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 255, 0, 0, 10]));
    try {
      server = await useFakeAnthropic();
      server.script({ kind: 'reply', text: 'Both looked at.' });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.action.chat.newChat');
      await vscode.commands.executeCommand('workbench.action.chat.open', {
        query: '@backend /debug what is wrong here?',
        attachFiles: [vscode.Uri.file(path.join(root, 'src/db/users.ts')), vscode.Uri.file(binary)],
        modelSelector: { vendor: 'architect-personas' },
      });
      await waitForChatText('Both looked at.');
      await waitForTurnDone();
      const sent = lastRequestText();
      assert.match(sent, /findUserByEmail/, 'the whole #file is sent');
      assert.match(sent, /listUsersWithOrders/, 'the whole #file is sent');
      assert.doesNotMatch(sent, /blob\.bin.*\\u0000/, 'nothing of the unreadable file is sent');
      const text = await chatPanelText();
      assert.match(text, /Could not read src\/blob\.bin/, `the chat names the unreadable reference:\n${text}`);
    } finally {
      fs.rmSync(binary, { force: true });
    }
  });

  it('follow-up chips under an answer with findings ask the next question when clicked', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: ANSWER }, { kind: 'reply', text: 'Here is how to confirm it.' });
    await openFixture('src/db/users.ts');
    await askInChat('@backend /debug why is listUsersWithOrders slow?');
    await waitForChatText('Fix the first one before anything else.');
    await waitForTurnDone();
    const chips = async () => (await driver<{ texts: string[] }>('/selector-text', { selector: '.interactive-session-followups' })).texts.join('\n');
    await waitFor('the follow-up chips', async () => (await chips()).includes('Explain finding #1 further') || undefined);
    assert.match(await chips(), /Fix all \d+ high-severity findings?/);
    await driver('/click-followup', { text: 'Explain finding #1 further' });
    await waitForChatText('Here is how to confirm it.');
    assert.equal(server.requests.length, 2);
    assert.match(lastRequestText(), /Explain finding #1 \(/, 'the chip sends its prompt');
    assert.match(lastRequestText(), /Findings in this answer, numbered for follow-ups/, 'with the numbered findings of the previous answer');
  });

  it('a persona refresh that fails before the request is answered ends in a note with a next step, not a raw error or silence', async () => {
    // The personas folder setting names a file: re-reading the personas fails (the ones loaded before stay).
    const config = vscode.workspace.getConfiguration('architectPersonas');
    await config.update('personasFolder', path.join(workspaceRoot(), 'src', 'db', 'users.ts'), vscode.ConfigurationTarget.Global);
    try {
      server = await useFakeAnthropic();
      server.script({ kind: 'reply', text: 'Answered anyway.' });
      await openFixture('src/db/users.ts');
      await askInChat('@backend /debug why is listUsersWithOrders slow?');
      await waitForChatText('Answered anyway.');
      await waitForTurnDone();
      // The note renders progressively: wait for all of it (up to the Show Log link).
      await waitForChatMatch('the persona note', /Could not re-read the persona files/, /answering as .+ as it was loaded before/, /Show Log/);
      assert.equal(server.requests.length, 1, 'the request was still answered');
    } finally {
      await config.update('personasFolder', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('an answer cut at max tokens says so, keeps what arrived, and names the setting', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: 'The first half of a long answer about the pool', stopReason: 'max_tokens' });
    await openFixture('src/db/users.ts');
    await askInChat('@backend /scale how far does this go?');
    await waitForChatText('was cut short');
    await waitForTurnDone();
    const text = await chatPanelText();
    assert.match(text, /The first half of a long answer about the pool/, 'the partial answer stays');
    assert.match(text, /hit the output limit/);
    assert.match(text, /architectPersonas\.maxOutputTokens/);
  });
});

function usersDocument(): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.path.endsWith('src/db/users.ts'));
}
