/**
 * @backend through another vendor's chat model, in real VS Code: the test-only provider of
 * test/fixtures/vendor-extension (8,000 input tokens, its own token counter, scripted answers
 * and LanguageModelErrors).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, chatPanelText, openFixture, waitFor, waitForChatMatch, waitForChatText, waitForTurnDone, workspaceRoot } from '../support';

interface FixtureRequest {
  readonly model: string;
  readonly text: string;
  readonly tokens: number;
  readonly counted: number[];
  /** The tool names offered in options.tools. */
  readonly tools: string[];
  /** Tool calls of earlier rounds replayed in the messages, and their results. */
  readonly toolCalls: { callId: string; name: string; input: unknown }[];
  readonly toolResults: { callId: string; text: string }[];
}

async function script(...steps: unknown[]): Promise<void> {
  await vscode.commands.executeCommand('fixtureVendor.script', steps);
}

async function requests(): Promise<FixtureRequest[]> {
  return (await vscode.commands.executeCommand<FixtureRequest[]>('fixtureVendor.requests')) ?? [];
}

async function askWithFixtureModel(query: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.chat.newChat');
  await vscode.commands.executeCommand('workbench.action.chat.open', { query, modelSelector: { vendor: 'fixture-vendor' } });
}

describe("Another vendor's chat model (issue #17)", () => {
  before(async () => {
    await api();
    const models = await waitFor('the fixture vendor model', async () => {
      const m = await vscode.lm.selectChatModels({ vendor: 'fixture-vendor' });
      return m.length > 0 ? m : undefined;
    });
    assert.equal(models[0].maxInputTokens, 8000);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('answers through it: the prompt is measured with its countTokens and the code shrunk to fit its input limit', async () => {
    const rel = 'src/db/bigQueries.ts';
    const lines = Array.from({ length: 600 }, (_, i) => `export const query${i} = 'SELECT id, name FROM t${i} WHERE owner_id = $1';`);
    fs.writeFileSync(path.join(workspaceRoot(), rel), `${lines.join('\n')}\n`);
    await script({
      reply: [
        'Checked through the fixture vendor.',
        '',
        `<finding severity="low" file="${rel}" line="2" title="Table per query">`,
        '<quote>',
        lines[1],
        '</quote>',
        '<issue>One table per query.</issue>',
        '</finding>',
        '',
        'Done.',
      ].join('\n'),
    });
    await openFixture(rel);
    await askWithFixtureModel('@backend /optimize are these queries fine?');
    await waitForChatText('Done.');
    await waitForTurnDone();
    const [req] = await requests();
    assert.ok(req, 'the fixture model received the request');
    assert.equal(req.model, 'fixture-model');
    assert.ok(req.counted.length >= 1, 'the participant asked the model to count tokens');
    assert.ok(req.counted[0] > 8000 * 0.8, `the first measure (${req.counted[0]} tokens) did not fit`);
    assert.ok(req.tokens <= 8000, `what was sent (${req.tokens} tokens by the vendor's count) fits the input limit`);
    assert.match(req.text, /query1 = /, 'the start of the file is sent');
    assert.doesNotMatch(req.text, /query599 = /, 'the code was shrunk');
    const text = await chatPanelText();
    assert.match(text, /src\/db\/bigQueries\.ts:2/, `the finding is anchored to the verified line:\n${text}`);
    fs.rmSync(path.join(workspaceRoot(), rel), { force: true });
  });

  it('a LanguageModelError from it ends in a clear message about that model with what to do', async () => {
    await script({ error: 'Blocked', message: 'quota exceeded', afterText: 'Partial analysis of the pool' });
    await openFixture('src/db/users.ts');
    await askWithFixtureModel('@backend /debug why is this slow?');
    await waitForTurnDone();
    const text = await waitForChatMatch('the error message', /Fixture Model refused the request \(quota or rate limit\)\. Try again later or pick another model\./);
    assert.doesNotMatch(text, /Anthropic/, 'the message names the model that failed, not the Anthropic API');
    await script({ error: 'plain', message: 'connection reset by fixture' });
    await askWithFixtureModel('@backend /debug and now?');
    await waitForChatText('connection reset by fixture');
    await waitForTurnDone();
    assert.match(await chatPanelText(), /Fixture Model failed: .*connection reset by fixture/);
  });

  it('the tool loop runs through it: its tool calls run here, their results go back as LanguageModelToolResultParts, and the answer notes them', async () => {
    const secret = 'STRIPE_SECRET_KEY=sk_live_51HxQ2bC3dE4fG5hI6jK7lM8n';
    const envPath = path.join(workspaceRoot(), '.env');
    fs.writeFileSync(envPath, `${secret}\n`);
    try {
      await script(
        {
          reply: 'Let me run the rules on the data layer first.',
          toolCalls: [
            { callId: 'call_rules', name: 'run_rules', input: { path: 'src/db' } },
            { callId: 'call_env', name: 'read_file', input: { path: '.env' } },
          ],
        },
        { reply: 'The rules agree: one query per user in a loop.\n\nVendor tools done.' },
      );
      await openFixture('src/db/users.ts');
      await askWithFixtureModel('@backend /debug is this loop a problem?');
      await waitForChatText('Vendor tools done.');
      await waitForTurnDone();
      const [first, second, extra] = await requests();
      assert.ok(first && second, 'one tool round, then the answer');
      assert.equal(extra, undefined, 'no third request');
      assert.ok(first.tools.includes('run_rules') && first.tools.includes('read_file'), `the tools went out as options.tools: ${first.tools.join(', ')}`);
      assert.deepEqual(second.tools, first.tools, 'the same tools in the next round');
      assert.deepEqual(
        second.toolCalls.map((c) => [c.callId, c.name]),
        [['call_rules', 'run_rules'], ['call_env', 'read_file']],
        'the round is replayed as the model sent it',
      );
      const results = new Map(second.toolResults.map((r) => [r.callId, r.text]));
      assert.match(results.get('call_rules') ?? '', /src\/db\/users\.ts:\d+.*n-plus-one/, `the rules ran on the workspace: ${results.get('call_rules')}`);
      assert.match(results.get('call_env') ?? '', /^Error: /, '.env is refused, as an error result');
      assert.doesNotMatch(JSON.stringify(second), /sk_live_51HxQ2bC3dE4fG5hI6jK7lM8n/, 'the secret never reached the model');
      const { transcript } = await api();
      const markdown = transcript.last()!.markdown;
      assert.match(markdown, /Tools the architect ran\*\* \(2\)/, `the closing note lists the calls:\n${markdown}`);
      assert.match(markdown, /✓ `run_rules` — Ran the rules on src\/db/);
      assert.match(markdown, /✗ `read_file` — Refused to read \.env/);
    } finally {
      fs.rmSync(envPath, { force: true });
    }
  });

  it('a model that rejects the request with tools gets it again without them, and answers', async () => {
    await script({ refuseTools: 'tools are not supported by this model' }, { reply: 'Answered without tools.\n\nPlain answer done.' });
    await openFixture('src/db/users.ts');
    await askWithFixtureModel('@backend /debug and without tools?');
    await waitForChatText('Plain answer done.').catch(async (e) => assert.fail(`${e}\n${await chatPanelText()}`));
    await waitForTurnDone();
    const [withTools, without, extra] = await requests();
    assert.ok(withTools.tools.length > 0, 'the first request offered the tools');
    assert.ok(without, 'the request was sent again');
    assert.deepEqual(without.tools, [], 'without the tools');
    assert.match(withTools.text, /# Tools/, 'the first request told the model about its tools');
    assert.doesNotMatch(without.text, /# Tools/, 'and the second does not: no tools to call');
    assert.equal(extra, undefined);
    assert.doesNotMatch(await chatPanelText(), /tools are not supported/, 'the refusal is handled, not shown as a failure');
  });
});
