import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FakeAnthropicServer } from '../fakeServer/fakeAnthropic';
import { askInChat, chatButtons, chatPanelText, openFixture, screenshot, useFakeAnthropic, waitForChatMatch, waitForChatText, waitForTurnDone } from './support';

describe('Model faults in the real chat panel', () => {
  let server: FakeAnthropicServer;

  afterEach(async () => {
    await server?.close();
    await vscode.workspace.getConfiguration('architectPersonas').update('idleTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
  });

  it('a 401 says the key was rejected and offers Set Anthropic API Key', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'error', status: 401 });
    await openFixture('src/db/users.ts');
    await askInChat('@backend /debug why is this slow?');
    await waitForChatText('rejected the API key (401)');
    await waitForTurnDone();
    const buttons = await chatButtons();
    assert.ok(buttons.includes('Set Anthropic API Key'), `buttons: ${buttons.join(', ')}`);
    assert.equal(server.requests.length, 1, 'a 401 is not retried');
  });

  it('a mid-stream overloaded error after text keeps the partial answer and says it was cut', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'midStreamError', errorType: 'overloaded_error', text: 'First finding: the loop issues one query per user.', chunkSize: 10 });
    await openFixture('src/db/users.ts');
    await askInChat('@backend /scale will this hold at 10k users?');
    await waitForChatText('was cut off before it finished');
    await waitForTurnDone();
    const text = await chatPanelText();
    assert.match(text, /the loop issues one query per user/, 'the partial answer stays visible');
    await screenshot('chat-mid-stream-error');
  });

  it('a mid-stream overloaded error before any text is retried once and then answers', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'midStreamError', errorType: 'overloaded_error', chunks: [] }, { kind: 'reply', text: 'Answer after one retry.' });
    await openFixture('src/db/users.ts');
    await askInChat('@backend /infra where should this run?');
    await waitForChatText('Answer after one retry.');
    await waitForTurnDone();
    assert.equal(server.requests.length, 2);
  });

  it('a stalled stream is aborted by the idle watchdog with a clear message', async () => {
    server = await useFakeAnthropic();
    await vscode.workspace.getConfiguration('architectPersonas').update('idleTimeoutSeconds', 5, vscode.ConfigurationTarget.Global);
    server.script({ kind: 'stall', chunks: ['Looking at the query plan'] });
    await openFixture('src/db/users.ts');
    await askInChat('@backend /optimize make this faster');
    await waitForChatText('no data for 5 s', 30_000);
    await waitForTurnDone();
    assert.match(await chatPanelText(), /Looking at the query plan/, 'the partial answer is kept');
    await server.waitFor((reqs) => reqs[0]?.clientClosed === true, 5000);
  });

  it('secrets in the code are redacted before sending and the chat says how many of what kind', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: 'Move these credentials to a secret manager.' });
    await openFixture('src/config/database.ts');
    await askInChat('@backend /infra is this config safe?');
    await waitForChatText('Move these credentials to a secret manager.');
    await waitForTurnDone();
    const sent = JSON.stringify(server.requests[0].body?.messages);
    assert.doesNotMatch(sent, /Sup3rS3cretPassw0rd/);
    assert.doesNotMatch(sent, /AKIAZ3MLQ5T7RBXW2PLK/);
    assert.doesNotMatch(sent, /ghp_4Rk8vQ2mN7pX1sT9wY3zB6cD0fG5hJ8kL2nM/);
    assert.match(sent, /REDACTED/);
    assert.match(sent, /poolSize: 10/, 'ordinary code is untouched');
    await waitForChatMatch('the redaction notice', /Redacted secrets in src\/config\/database\.ts/, /3 secrets|AWS|GitHub|password/i);
  });
});
