import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FakeAnthropicServer } from '../fakeServer/fakeAnthropic';
import { api, chatButtons, clickChatButton, driver, hasChatDom, screenshot, useFakeAnthropic, waitFor, waitForChatText, workspaceRoot } from './support';

/** out/test/integration -> repository root. */
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'design');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const SUMMARY_PROMPT = 'Summarize this design session in your session-summary format.';
const DOCS = () => path.join(workspaceRoot(), 'docs', 'architecture');


/** Waits until the visible quick input's title contains `text`. */
async function waitForQuickInput(text: string): Promise<void> {
  await waitFor(`a quick input titled ${JSON.stringify(text)}`, async () => {
    const { texts } = await driver<{ texts: string[] }>('/selector-text', { selector: '.quick-input-widget:not([style*="display: none"]) .quick-input-title' });
    return texts.some((t) => t.includes(text)) || undefined;
  });
}

async function typeAndPress(text: string, key = 'Enter'): Promise<void> {
  if (text) {
    await driver('/type', { text });
  }
  await driver('/press', { key });
}

/** Waits for a new finished @backend turn after `count` recorded ones. */
async function waitForNewTurn(count: number): Promise<void> {
  const { transcript } = await api();
  await waitFor('a new @backend turn to finish', () => (transcript.all().length > count && transcript.last()?.done) || undefined, 30_000);
}

async function turnCount(): Promise<number> {
  return (await api()).transcript.all().length;
}

/** Sends `query` in the current chat (no new chat), with our model selected. */
async function sendInChat(query: string, newChat = false): Promise<void> {
  if (newChat) {
    await vscode.commands.executeCommand('workbench.action.chat.newChat');
  }
  await vscode.commands.executeCommand('workbench.action.chat.open', { query, modelSelector: { vendor: 'architect-personas' } });
}

function normaliseDates(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, 'YYYY-MM-DD');
}

function userText(server: FakeAnthropicServer, index: number): string {
  const content = server.requests[index]?.body?.messages?.at(-1)?.content;
  return typeof content === 'string' ? content : JSON.stringify(content);
}

describe('Design sessions', () => {
  let server: FakeAnthropicServer | undefined;

  before(() => {
    fs.rmSync(DOCS(), { recursive: true, force: true });
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('architectPersonas.choosePersona', 'pragmatic-platform-engineer');
    fs.rmSync(path.join(workspaceRoot(), 'docs'), { recursive: true, force: true });
  });

  it('Start Design Session: persona pick, subject, quick questions (answer, Escape, empty, Skip all) reach the model', async () => {
    // Typing into the quick input needs the harness's UI driver (npm run test:integration).
    assert.ok(hasChatDom, 'this test drives the quick input through the UI driver of the code-server harness');
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: 'Thanks. Two things decide this design: how many clinics share one database, and whether patients book online.' });
    await vscode.commands.executeCommand('architectPersonas.choosePersona', 'pragmatic-platform-engineer');
    const before = await turnCount();

    const started = vscode.commands.executeCommand<string | undefined>('architectPersonas.startDesignSession');
    await waitForQuickInput('Start Design Session: who designs it?');
    await screenshot('design-persona-pick');
    await typeAndPress('Hard-Questions');

    await waitForQuickInput('What are we designing? (The Hard-Questions Architect)');
    await typeAndPress('a booking system for physiotherapy clinics');

    await waitForQuickInput('(1/5): Expected users');
    await typeAndPress('40 clinics, about 2k staff');
    await waitForQuickInput('(2/5): Load');
    await typeAndPress('', 'Escape');
    await waitForQuickInput('(3/5): Data');
    await typeAndPress('');
    await waitForQuickInput('(4/5): Constraints');
    await screenshot('design-question-constraints');
    await driver('/type', { text: 'two Node developers, $300 a month' });
    // Skip all is clicked in the workbench, as a person does: the click reaches the extension host
    // after the typed value (one channel, in order), so no wait is needed in between.
    await driver('/click', { selector: '.quick-input-widget .quick-input-titlebar .action-label[aria-label^="Skip all"]' });

    const query = await started;
    assert.equal(
      query,
      '@backend /design a booking system for physiotherapy clinics\n\nWhat I know so far:\n- Expected users: 40 clinics, about 2k staff\n- Constraints: two Node developers, $300 a month',
    );
    await waitForNewTurn(before);
    await screenshot('design-session-chat');

    assert.equal(server.requests.length, 1, 'one request reached the model');
    const system = JSON.stringify(server.requests[0].body?.system);
    assert.match(system, /# Who you are: The Hard-Questions Architect/, 'the picked persona answers (and is now the active one)');
    assert.match(system, /Task: \/design/);
    assert.match(system, /do not design yet: ask the\s+clarifying questions first/, "the persona's own /design flow");
    const user = userText(server, 0);
    assert.match(user, /a booking system for physiotherapy clinics/);
    assert.match(user, /- Expected users: 40 clinics, about 2k staff/);
    assert.match(user, /- Constraints: two Node developers, \$300 a month/);
    assert.doesNotMatch(user, /Load:|Data:|Priorities:/, 'skipped questions are left out, Skip all ends the questions');
    const { transcript } = await api();
    assert.equal(transcript.last()?.personaId, 'hard-questions-architect');
    assert.equal(transcript.last()?.command, 'design');
  });

  it('Save Design Document from the /design answer button, never overwriting; summary appended; session export', async () => {
    server = await useFakeAnthropic();
    await vscode.commands.executeCommand('architectPersonas.choosePersona', 'pragmatic-platform-engineer');
    server.script(
      { kind: 'reply', text: fixture('design-answer.md'), chunkSize: 40 },
      { kind: 'reply', text: fixture('followup-answer.md') },
      { kind: 'reply', text: fixture('summary-answer.md') },
    );
    let count = await turnCount();
    await sendInChat('@backend /design a booking system for physiotherapy clinics', true);
    await waitForNewTurn(count);
    const buttons = await waitFor('the Save Design Document button', async () => ((await chatButtons()).includes('Save Design Document') ? true : undefined));
    assert.ok(buttons);

    count = await turnCount();
    await sendInChat('@backend How do we send reminders?');
    await waitForNewTurn(count);
    assert.ok(!(await api()).transcript.last()?.buttons.some((b) => b.title === 'Save Design Document'), 'only /design answers offer the button');

    // The button under the /design answer saves that conversation (with the follow-up).
    const { transcript } = await api();
    const designTurn = [...transcript.all()].reverse().find((t) => t.command === 'design');
    if (hasChatDom) {
      await clickChatButton('Save Design Document');
    } else {
      await vscode.commands.executeCommand('architectPersonas.saveDesignDocument', { fromTurnId: designTurn?.id });
    }
    const first = await waitFor('the design document', () => {
      const names = fs.existsSync(DOCS()) ? fs.readdirSync(DOCS()) : [];
      return names.length === 1 ? path.join(DOCS(), names[0]) : undefined;
    });
    assert.match(path.basename(first), /^\d{4}-\d{2}-\d{2}-booking-system-for-physiotherapy-clinics\.md$/);
    const firstText = fs.readFileSync(first, 'utf8');
    if (process.env.ARCHITECT_TEST_ARTIFACTS) {
      fs.writeFileSync(path.join(process.env.ARCHITECT_TEST_ARTIFACTS, 'design-document.md'), firstText);
    }
    assert.equal(normaliseDates(firstText), normaliseDates(fixture('expected-integration-document.md')));
    await waitFor('the document to open', () => (vscode.window.activeTextEditor?.document.uri.fsPath === first ? true : undefined));
    await screenshot('design-document-saved');

    // Saving again never overwrites: a -2 file appears, the first is unchanged.
    const second = await vscode.commands.executeCommand<vscode.Uri>('architectPersonas.saveDesignDocument');
    assert.equal(path.basename(second.fsPath), path.basename(first).replace(/\.md$/, '-2.md'));
    assert.equal(fs.readFileSync(first, 'utf8'), firstText);

    // The summary follow-up carries the persona's format; its answer is appended to the last saved document.
    count = await turnCount();
    await sendInChat(`@backend ${SUMMARY_PROMPT}`);
    await waitForNewTurn(count);
    const summaryReq = server.requests.at(-1);
    assert.match(JSON.stringify(summaryReq?.body?.system), /# Session summary format[\s\S]*BACKEND SESSION SUMMARY/);
    const secondText = await waitFor('the summary in the document', () => {
      const t = fs.readFileSync(second.fsPath, 'utf8');
      return t.includes('## Session summary') ? t : undefined;
    });
    assert.ok(secondText.endsWith(`\n## Session summary\n\n${fixture('summary-answer.md')}`), secondText.slice(-400));
    assert.equal(fs.readFileSync(first, 'utf8'), firstText, 'only the last saved document gets the summary');
    await waitForChatText('Summary added to the design document');

    // Export Session as Markdown: an untitled Markdown document with the recorded turns.
    const exported = await vscode.commands.executeCommand<vscode.Uri>('architectPersonas.exportSession');
    assert.equal(exported.scheme, 'untitled');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === exported.toString());
    assert.ok(doc);
    assert.equal(doc.languageId, 'markdown');
    assert.match(doc.getText(), /## \d+\. \/design a booking system for physiotherapy clinics/);
    assert.ok(doc.getText().includes('```sql\nCREATE TABLE reminder_jobs ('));
    await screenshot('design-session-export');
  });
});
