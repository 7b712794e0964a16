/**
 * What a new user meets: the walkthrough opened once on first install, and an immediate message
 * with a button (never a spinner) when no model can answer.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FakeAnthropicServer } from '../fakeServer/fakeAnthropic';
import { api, clickNotificationButton, driver, hasChatDom, notificationTexts, openFixture, screenshot, TEST_KEY, useFakeAnthropic, waitFor, waitForTurnDone, workspaceRoot } from './support';

const WALKTHROUGH_TITLE = 'Get Started with Architect Personas';
const STEP_TITLES = ['Connect a model', 'Choose a persona', 'Try @backend /debug on a selection', 'Review with Architect', 'Run the offline rules'];

async function walkthroughText(): Promise<string> {
  const { texts } = await driver<{ texts: string[] }>('/selector-text', { selector: '.gettingStartedContainer' });
  return texts.join('\n');
}

/** Set by the root hook below, which runs before the first test of any file (grep or not). */
let firstRun: { opened: boolean; text: string } | undefined;

before(async function () {
  this.timeout(60_000);
  // Activation happens here, before any test: the first-run walkthrough must not open in the
  // middle of another test (it would take the active editor away from it).
  const { walkthrough } = await api();
  const opened = await walkthrough.firstRun;
  let text = '';
  if (opened && hasChatDom) {
    text = await waitFor('the walkthrough to render', async () => {
      const t = await walkthroughText();
      return t.includes(WALKTHROUGH_TITLE) ? t : undefined;
    });
    await screenshot('walkthrough');
  }
  firstRun = { opened, text };
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

describe('First run', () => {
  let server: FakeAnthropicServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
    await vscode.commands.executeCommand('architectPersonas.setApiKey', TEST_KEY);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('opens the walkthrough once, on the first activation after install, with every step', async () => {
    assert.ok(firstRun, 'the root hook ran');
    assert.equal(firstRun.opened, true, 'the first activation opened the walkthrough');
    if (hasChatDom) {
      for (const title of STEP_TITLES) {
        assert.ok(firstRun.text.includes(title), `step "${title}" is shown:\n${firstRun.text}`);
      }
    }
    // Opened once: the flag is set, so the check of a later activation opens nothing.
    const { walkthrough } = await api();
    assert.equal(await walkthrough.firstRun, true);
    // And the command reopens it at a step.
    await vscode.commands.executeCommand('architectPersonas.openWalkthrough', 'review');
    if (hasChatDom) {
      await waitFor('the reopened walkthrough', async () => ((await walkthroughText()).includes('verified findings land in the Problems panel') ? true : undefined));
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('with no model, Review with Architect says so at once with a Set Anthropic API Key button; setting the key runs the review', async () => {
    server = await useFakeAnthropic({ withKey: false });
    const { readiness } = await api();
    const models = await vscode.lm.selectChatModels();
    const checkStarted = Date.now();
    assert.equal(await readiness.source(), 'none', `no model can answer in this test (models: ${models.map((m) => `${m.vendor}/${m.id}`).join(', ')})`);
    console.log(`      model check took ${Date.now() - checkStarted} ms`);
    const uri = vscode.Uri.file(path.join(workspaceRoot(), 'src/db/users.ts'));
    const editor = await openFixture('src/db/users.ts');
    editor.selection = new vscode.Selection(0, 0, 0, 0); // the whole file, whatever an earlier test selected

    const shown = new Promise<string>((resolve) => {
      const sub = readiness.onDidShowNoModel((what) => {
        sub.dispose();
        resolve(what);
      });
    });
    const started = Date.now();
    const review = vscode.commands.executeCommand('architectPersonas.reviewWithArchitect', uri);
    assert.equal(await shown, 'Review with Architect');
    const elapsed = Date.now() - started;
    // The command ends with the message (no progress notification waits for a chat turn).
    await review;
    console.log(`      no-model message after ${elapsed} ms; command done after ${Date.now() - started} ms`);
    assert.equal(server.requests.length, 0);

    if (!hasChatDom) {
      return; // the notification and its button are read through the UI driver
    }
    const message = await waitFor('the no-model notification', async () => (await notificationTexts()).find((t) => t.includes('Review with Architect needs a model')));
    assert.match(message, /no Anthropic API key is set and VS Code has no other chat model/);
    assert.match(message, /Set Anthropic API Key/, 'the button is on the notification');
    assert.ok(!(await notificationTexts()).some((t) => /Reviewing .* with @backend/.test(t)), 'no progress notification');
    await screenshot('no-model-review');

    // The button asks for the key; once it is saved the review runs.
    server.script({ kind: 'reply', text: 'Reviewed after the key was set.' });
    await clickNotificationButton('Review with Architect needs a model', 'Set Anthropic API Key');
    await waitFor('the API key input', async () => {
      const { texts } = await driver<{ texts: string[] }>('/selector-text', { selector: '.quick-input-widget:not([style*="display: none"]) .quick-input-title' });
      return texts.some((t) => t.includes('Set Anthropic API Key')) || undefined;
    });
    await driver('/type', { text: TEST_KEY });
    await driver('/press', { key: 'Enter' });
    await server.waitFor((r) => r.length === 1, 30_000);
    assert.match(JSON.stringify(server.requests[0].body?.messages), /Review `src\/db\/users\.ts`/);
    assert.equal(server.requests[0].auth.value, TEST_KEY);
    await waitForTurnDone();
  });

  it('with no model, Start Design Session says so before asking anything', async () => {
    server = await useFakeAnthropic({ withKey: false });
    const { readiness } = await api();
    const shown = new Promise<string>((resolve) => {
      const sub = readiness.onDidShowNoModel((what) => {
        sub.dispose();
        resolve(what);
      });
    });
    const result = await vscode.commands.executeCommand<string | undefined>('architectPersonas.startDesignSession');
    assert.equal(result, undefined, 'no session started');
    assert.equal(await shown, 'Start Design Session');
    if (hasChatDom) {
      await waitFor('the no-model notification', async () => (await notificationTexts()).find((t) => t.includes('Start Design Session needs a model')));
      const { texts } = await driver<{ texts: string[] }>('/selector-text', { selector: '.quick-input-widget:not([style*="display: none"]) .quick-input-title' });
      assert.deepEqual(texts.filter((t) => t.trim()), [], 'no persona pick or question was opened');
    }
  });
});
