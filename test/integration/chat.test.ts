import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FakeAnthropicServer } from '../fakeServer/fakeAnthropic';
import { askInChat, chatButtons, chatPanelText, fixtureText, openFixture, screenshot, useFakeAnthropic, waitFor, waitForChatMatch, waitForChatText, waitForTurnDone, TEST_KEY } from './support';

describe('@backend in the real chat panel', () => {
  let server: FakeAnthropicServer;

  afterEach(async () => {
    await server?.close();
  });

  it('answers /debug on the selected lines, streaming from the Anthropic SDK', async () => {
    server = await useFakeAnthropic();
    const answer =
      'The loop on line 14 runs one query per user: an N+1 pattern. ' +
      'With 50 users that is 51 round trips. Fetch all orders in one query with `WHERE user_id = ANY($1)` and group them in memory.';
    server.script({ kind: 'reply', text: answer, chunkSize: 12, delayMs: 15 });
    await openFixture('src/db/users.ts', { startLine: 11, endLine: 19 });
    await askInChat('@backend /debug why is this slow?');

    await waitForChatText('group them in memory');
    await waitForTurnDone();
    await screenshot('chat-debug-answer');

    assert.equal(server.requests.length, 1);
    const req = server.requests[0];
    assert.equal(req.auth.value, TEST_KEY, 'the stored key is sent to the configured base URL');
    const body = req.body!;
    assert.equal(body.stream, true);
    const system = JSON.stringify(body.system);
    assert.match(system, /Task: \/debug/, 'the /debug instructions are in the system prompt');
    const user = JSON.stringify(body.messages?.at(-1)?.content);
    assert.match(user, /src\/db\/users\.ts/, 'the file is sent with its workspace-relative path');
    assert.match(user, /14 \| {3}for \(const user of users\.rows\)/, 'the selection is sent with line numbers');
    assert.doesNotMatch(user, /findUserByEmail/, 'only the selection is sent');
    assert.match(user, /why is this slow\?/);
  });

  it('without an API key says so and offers the Set Anthropic API Key button', async () => {
    server = await useFakeAnthropic({ withKey: false });
    await openFixture('src/db/users.ts');
    await askInChat('@backend /debug why is this slow?');
    await waitForChatText('No Anthropic API key is set');
    await waitForTurnDone();
    const buttons = await waitFor('the set-key button', async () => {
      const b = await chatButtons();
      return b.includes('Set Anthropic API Key') ? b : undefined;
    });
    assert.ok(buttons.includes('Set Anthropic API Key'));
    assert.equal(server.requests.length, 0, 'nothing is sent without a key');
    await vscode.commands.executeCommand('architectPersonas.setApiKey', TEST_KEY);
  });

  it('cancelling the request closes the HTTP request at the server', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: 'word '.repeat(400), chunkSize: 5, delayMs: 50 });
    await openFixture('src/db/users.ts');
    await askInChat('@backend /optimize make this faster');
    await waitForChatText('word word word');
    await vscode.commands.executeCommand('workbench.action.chat.cancel');
    await server.waitFor((reqs) => reqs[0]?.clientClosed === true, 10_000);
    assert.equal(server.requests[0].finished, false, 'the server had not finished when the client went away');
    await waitForTurnDone();
  });
});

describe('@backend context edge cases in the real chat panel', () => {
  let server: FakeAnthropicServer;

  afterEach(async () => {
    await server?.close();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('works on an untitled document', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: 'Use a prepared statement here.' });
    const doc = await vscode.workspace.openTextDocument({ language: 'sql', content: "SELECT * FROM users WHERE email = '" + "' || $1;\n" });
    await vscode.window.showTextDocument(doc);
    await askInChat('@backend /optimize is this query fine?');
    await waitForChatText('Use a prepared statement here.');
    await waitForTurnDone();
    const user = JSON.stringify(server.requests[0].body?.messages?.at(-1)?.content);
    assert.match(user, /<file path=\\"Untitled-\d+\\" language=\\"sql\\"/);
    assert.match(user, /SELECT \* FROM users WHERE email/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a file too large for the budget is cut, and the chat says which lines were sent', async () => {
    server = await useFakeAnthropic();
    await vscode.workspace.getConfiguration('architectPersonas').update('maxContextTokens', 1000, vscode.ConfigurationTarget.Global);
    try {
      server.script({ kind: 'reply', text: 'Looked at the top of the file.' });
      const lines = Array.from({ length: 3000 }, (_, i) => `export const value${i + 1} = ${i + 1}; // line ${i + 1}`);
      const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: lines.join('\n') });
      await vscode.window.showTextDocument(doc);
      // No selection: the whole file is the context, cut from the top to fit the budget.
      await askInChat('@backend /debug anything wrong here?');
      await waitForChatText('Looked at the top of the file.');
      await waitForTurnDone();
      const text = await chatPanelText();
      const sent = /sent lines 1-(\d+) of 3000/.exec(text);
      assert.ok(sent, `the chat says which lines were sent:\n${text}`);
      const last = Number(sent[1]);
      assert.ok(last > 10 && last < 3000);
      const user = JSON.stringify(server.requests[0].body?.messages?.at(-1)?.content);
      assert.match(user, /\/\/ line 1\b/);
      assert.match(user, new RegExp(`// line ${last}\\b`));
      assert.doesNotMatch(user, new RegExp(`// line ${last + 1}\\b`), 'nothing after the budget was sent');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.workspace.getConfiguration('architectPersonas').update('maxContextTokens', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('@backend help shows the active persona’s greeting without calling the model', async () => {
    server = await useFakeAnthropic();
    await askInChat('@backend help');
    await waitForChatText('What are we building?');
    await waitForTurnDone();
    await waitForChatMatch('the whole greeting', /Measure, find the bottleneck, fix it, monitor it/);
    assert.equal(server.requests.length, 0);
  });

  it('works with no editor open, answering from the question alone', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: 'Start with one Postgres instance.' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await askInChat('@backend /design a URL shortener for 1k users');
    await waitForChatText('Start with one Postgres instance.');
    await waitForTurnDone();
    const user = JSON.stringify(server.requests[0].body?.messages?.at(-1)?.content);
    assert.match(user, /No code was attached/);
    assert.match(user, /a URL shortener for 1k users/);
  });

  it('a follow-up turn carries the earlier answer and its numbered findings', async () => {
    server = await useFakeAnthropic();
    server.script(
      { kind: 'reply', text: fixtureText('integration/debug-findings.txt') },
      { kind: 'reply', text: 'Finding #1 first: batch the query.' },
    );
    await openFixture('src/db/users.ts');
    await askInChat('@backend /debug why is listUsersWithOrders slow?');
    await waitForChatText('Fix the first one before anything else.');
    await waitForTurnDone();
    await vscode.commands.executeCommand('workbench.action.chat.open', { query: '@backend which finding should I fix first?' });
    await waitForChatText('Finding #1 first: batch the query.');
    await waitForTurnDone();
    const messages = server.requests[1].body?.messages ?? [];
    assert.equal(messages.length, 3, 'user, assistant, user');
    assert.match(JSON.stringify(messages[1].content), /#1 \[high\] N\+1 queries in listUsersWithOrders — src\/db\/users\.ts:14-17/);
    assert.match(JSON.stringify(messages[1].content), /#2 \[medium\] Missing pagination cursor.*unverified/);
  });
});
