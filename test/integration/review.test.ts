import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FakeAnthropicServer } from '../fakeServer/fakeAnthropic';
import { api, clickNotificationButton, driver, hasChatDom, notificationTexts, openFixture, screenshot, useFakeAnthropic, waitFor, workspaceRoot } from './support';
import { git, lines, reviewDiagnostics, transcriptPath, waitForDiagnostics } from './reviewSupport';

function userMessage(server: FakeAnthropicServer, index: number): string {
  const content = server.requests[index]?.body?.messages?.at(-1)?.content;
  return typeof content === 'string' ? content : JSON.stringify(content);
}

const OUR_ACTION_COMMANDS = new Set(['architectPersonas.previewAndApplyFix', 'architectPersonas.explainFindingInChat', 'architectPersonas.dismissReviewDiagnostic']);

/** The quick fixes offered at a diagnostic's range. */
async function codeActions(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const all = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  // Ours only (the command does not return the actions' diagnostics; other providers add their own).
  return all.filter((a) => a.command && OUR_ACTION_COMMANDS.has(a.command.command));
}

describe('Review with Architect', () => {
  let server: FakeAnthropicServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
    await vscode.workspace.getConfiguration('architectPersonas').update('diagnostics.minimumSeverity', undefined, vscode.ConfigurationTarget.Global);
  });

  it('reviews the selection in chat, publishes verified findings as diagnostics that follow edits, with quick fixes', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: fs.readFileSync(transcriptPath('review-users.md'), 'utf8'), chunkSize: 48, delayMs: 5 });
    const editor = await openFixture('src/db/users.ts', { startLine: 11, endLine: 19 });
    const uri = editor.document.uri;

    // The editor context menu passes the document's URI; the command returns when the answer is complete.
    await vscode.commands.executeCommand('architectPersonas.reviewWithArchitect', uri);

    assert.equal(server.requests.length, 1);
    const user = userMessage(server, 0);
    assert.match(user, /@?Review lines 11-19 of `src\/db\/users\.ts`/, 'the review prompt names the selection');
    assert.match(user, /14 \| {3}for \(const user of users\.rows\)/, 'the selection arrives as an attachment (request.references) and is sent with line numbers');
    assert.doesNotMatch(user, /findUserByEmail/, 'only the selection is sent');

    const { transcript } = await api();
    const persona = transcript.last()?.personaName;
    assert.ok(persona, 'the answer came from @backend');

    // Verified findings only (the redis one is unverified), at their verified lines; info is below the default minimum.
    const ds = await waitForDiagnostics(uri, 'three review diagnostics', (d) => d.length === 3);
    assert.deepEqual(lines(ds), [[11, 11], [13, 16], [17, 17]]);
    assert.deepEqual(
      ds.map((d) => d.severity),
      [vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Information],
    );
    assert.ok(ds.every((d) => d.source === persona), 'source is the persona name');
    assert.match(ds[1].message, /^N\+1 query in listUsersWithOrders: One orders query per user/);
    assert.equal(ds[1].relatedInformation?.length, 1);
    assert.match(ds[1].relatedInformation![0].message, /Root cause: The orders are fetched inside the loop/);
    assert.equal(ds[1].relatedInformation![0].location.range.start.line, 13);
    assert.ok(!ds.some((d) => /Cache stampede/.test(d.message)), 'an unverified finding never becomes a diagnostic');

    // The minimum-severity setting filters what is shown.
    const config = vscode.workspace.getConfiguration('architectPersonas');
    await config.update('diagnostics.minimumSeverity', 'info', vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(uri, 'the info finding to appear', (d) => d.length === 4);
    await config.update('diagnostics.minimumSeverity', 'high', vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(uri, 'only high and critical', (d) => d.length === 1 && d[0].range.start.line === 13);
    await config.update('diagnostics.minimumSeverity', undefined, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(uri, 'the default minimum again', (d) => d.length === 3);

    await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (hasChatDom) {
      await waitFor('the Problems panel to list the findings', async () => {
        const { texts } = await driver<{ texts: string[] }>('/selector-text', { selector: '.markers-panel .monaco-list-row' });
        return texts.some((t) => t.includes('N+1 query in listUsersWithOrders')) || undefined;
      });
    }
    await screenshot('problems-panel');

    // Two lines inserted above move every diagnostic down by two.
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(0, 0), '// reviewed\n// by the architect\n')));
    await waitForDiagnostics(uri, 'diagnostics moved down by 2', (d) => JSON.stringify(lines(d)) === JSON.stringify([[13, 13], [15, 18], [19, 19]]));

    // Deleting the quoted line of the medium finding drops it; the others move up by one.
    assert.ok(await editor.edit((e) => e.delete(new vscode.Range(13, 0, 14, 0))));
    await waitForDiagnostics(uri, 'the medium diagnostic dropped', (d) => JSON.stringify(lines(d)) === JSON.stringify([[14, 17], [18, 18]]));

    // Quick fixes on the high finding.
    const high = reviewDiagnostics(uri)[0];
    const actions = await codeActions(uri, high);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Preview & Apply fix', 'Explain in Chat', 'Dismiss'],
    );
    assert.ok(actions.every((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value));

    // Dismiss removes only that diagnostic.
    const low = reviewDiagnostics(uri)[1];
    const dismiss = (await codeActions(uri, low)).find((a) => a.title === 'Dismiss');
    assert.ok(dismiss?.command);
    await vscode.commands.executeCommand(dismiss.command.command, ...(dismiss.command.arguments ?? []));
    await waitForDiagnostics(uri, 'the low diagnostic dismissed', (d) => d.length === 1 && d[0].range.start.line === 14);

    // Explain in Chat: a follow-up to @backend about that finding, with its lines attached.
    server.script({ kind: 'reply', text: 'Each loop iteration waits for a round trip to Postgres.' });
    const explain = actions.find((a) => a.title === 'Explain in Chat');
    await vscode.commands.executeCommand(explain!.command!.command, ...(explain!.command!.arguments ?? []));
    await server.waitFor((r) => r.length === 2, 20_000);
    const followUp = userMessage(server, 1);
    assert.match(followUp, /Explain the high finding "N\+1 query in listUsersWithOrders" at lines 15-18 of `src\/db\/users\.ts`/);
    assert.match(followUp, /15 \| {3}for \(const user of users\.rows\)/, 'the finding lines are attached at their current position');
    assert.doesNotMatch(followUp, /listUsersWithOrders\(limit/, 'nothing but the finding lines is sent');

    // Preview & Apply (the chat's diff-preview path): nothing changes until "Apply" is chosen.
    const preview = actions[0].command!;
    const before = editor.document.getText();
    if (!hasChatDom) {
      return; // the question cannot be answered without the UI driver
    }
    const discarded = vscode.commands.executeCommand(preview.command, ...(preview.arguments ?? []));
    await waitFor('the apply question', async () => (await notificationTexts()).find((t) => t.includes('Apply this fix to src/db/users.ts')));
    assert.equal(editor.document.getText(), before, 'not applied while the question is open');
    await clickNotificationButton('Apply this fix', 'Discard');
    await discarded;
    assert.equal(editor.document.getText(), before, 'not applied when discarded');
    assert.equal(reviewDiagnostics(uri).length, 1);

    const accepted = vscode.commands.executeCommand(preview.command, ...(preview.arguments ?? []));
    await waitFor('the apply question', async () => (await notificationTexts()).find((t) => t.includes('Apply this fix to src/db/users.ts')));
    await clickNotificationButton('Apply this fix', 'Apply');
    await accepted;
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /user_id = ANY\(\$1\)/, 'the fix was applied after Apply');
    assert.doesNotMatch(doc.getText(), /WHERE user_id = \$1'/);
    await waitForDiagnostics(uri, 'the fixed finding to disappear', (d) => d.length === 0);
    // Leave the file as on disk for the next suites: revert this document (whatever editor is active).
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('users.ts reverted', () => (!doc.isDirty && doc.getText() === fs.readFileSync(uri.fsPath, 'utf8') ? true : undefined));
  });

  it('Review Uncommitted Changes sends only the changed hunks (git diff HEAD), and Clear Review Diagnostics clears', async () => {
    const root = workspaceRoot();
    const rel = 'src/review/orders.ts';
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const body = (tenantFilter: boolean): string =>
      [
        "import { Pool } from 'pg';",
        '',
        'const pool = new Pool();',
        '',
        'export async function getOrder(id: number, tenantId: number) {',
        tenantFilter ? "  return pool.query('SELECT * FROM orders WHERE id = $1 AND tenant_id = $2', [id, tenantId]);" : "  return pool.query('SELECT * FROM orders WHERE id = $1', [id]);",
        '}',
        '',
        ...Array.from({ length: 30 }, (_, i) => `export const padding${i} = ${i};`),
        '',
        'export function farAwayUnchangedHelper(): string {',
        "  return 'far away';",
        '}',
        '',
      ].join('\n');
    fs.writeFileSync(file, body(true));
    fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'baseline');
    fs.writeFileSync(file, body(false));
    assert.match(git(root, 'diff', 'HEAD', '--stat'), /orders\.ts/);

    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: fs.readFileSync(transcriptPath('review-uncommitted.md'), 'utf8'), chunkSize: 40 });
    await vscode.commands.executeCommand('architectPersonas.reviewUncommittedChanges');

    assert.equal(server.requests.length, 1);
    const user = userMessage(server, 0);
    assert.match(user, /Review my uncommitted changes/);
    assert.match(user, /`src\/review\/orders\.ts` \(changed lines 6\)/, 'the prompt names the changed line');
    assert.match(user, /6 \| {3}return pool\.query\('SELECT \* FROM orders WHERE id = \$1', \[id\]\);/, 'the changed line is sent with its line number');
    assert.match(user, /3 \| const pool = new Pool\(\);/, 'with the hunk context');
    assert.doesNotMatch(user, /farAwayUnchangedHelper/, 'unchanged far-away lines are not sent');
    assert.doesNotMatch(user, /padding20/, 'lines beyond the hunk context are not sent');
    assert.doesNotMatch(user, /listUsersWithOrders/, 'unchanged files are not sent');

    const uri = vscode.Uri.file(file);
    const ds = await waitForDiagnostics(uri, 'the critical diagnostic', (d) => d.length === 1);
    assert.equal(ds[0].range.start.line, 5);
    assert.equal(ds[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(ds[0].message, /^Tenant filter removed: Any tenant can now read any order by id\./);

    await vscode.commands.executeCommand('architectPersonas.clearReviewDiagnostics');
    await waitFor('diagnostics cleared', () => reviewDiagnostics(uri).length === 0 || undefined);
    // The repository stays: removing it under the running Git extension makes its git calls fail.
  });

  /** A fresh repository in the workspace with src/review/shop.ts committed; returns its path. */
  function freshRepoWithShop(root: string): { rel: string; file: string; body: (a: string, b: string) => string } {
    const rel = 'src/review/shop.ts';
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const body = (top: string, bottom: string): string =>
      [
        "import { Pool } from 'pg';",
        'const pool = new Pool();',
        `export const top = ${top};`,
        '',
        ...Array.from({ length: 30 }, (_, i) => `export const middleUnchanged${i} = ${i};`),
        '',
        `export const bottom = ${bottom};`,
        '',
      ].join('\n');
    fs.writeFileSync(file, body("'a'", "'b'"));
    fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'baseline');
    return { rel, file, body };
  }

  it('Review Uncommitted Changes includes untracked files and sends each hunk (not one span from the first hunk to the last)', async () => {
    const root = workspaceRoot();
    const { file, body } = freshRepoWithShop(root);
    fs.writeFileSync(file, body("'A'", "'B'"));
    const untracked = path.join(root, 'src/review/brandNewUntracked.ts');
    fs.writeFileSync(untracked, "export const brandNewUntrackedValue = 'new';\n");
    try {
      server = await useFakeAnthropic();
      server.script({ kind: 'reply', text: 'Reviewed.' });
      await vscode.commands.executeCommand('architectPersonas.reviewUncommittedChanges');
      assert.equal(server.requests.length, 1);
      const user = userMessage(server, 0);
      assert.match(user, /`src\/review\/brandNewUntracked\.ts` \(new, untracked: all of it\)/, 'the prompt names the untracked file');
      assert.match(user, /1 \| export const brandNewUntrackedValue = 'new';/, 'the untracked file is sent');
      assert.match(user, /3 \| export const top = 'A';/, 'the first hunk is sent');
      assert.match(user, /36 \| export const bottom = 'B';/, 'the last hunk is sent');
      assert.match(user, /middleUnchanged0 = 0/, 'with its context lines');
      assert.doesNotMatch(user, /middleUnchanged15/, 'the unchanged code between the hunks is not sent');
    } finally {
      fs.rmSync(untracked, { force: true });
      fs.writeFileSync(file, body("'a'", "'b'"));
    }
  });

  it('Review Branch Changes reviews the branch against its merge base with the chosen branch', async () => {
    const root = workspaceRoot();
    const { file, body } = freshRepoWithShop(root);
    git(root, 'checkout', '-q', '-b', 'feature/discounts');
    fs.writeFileSync(file, body("'a'", "'discounted'"));
    git(root, 'commit', '-q', '-am', 'discounts');
    try {
      server = await useFakeAnthropic();
      server.script({ kind: 'reply', text: 'Reviewed the branch.' });
      await vscode.commands.executeCommand('architectPersonas.reviewBranchChanges', 'main');
      assert.equal(server.requests.length, 1);
      const user = userMessage(server, 0);
      assert.match(user, /Review the changes of this branch against `main`/);
      assert.match(user, /36 \| export const bottom = 'discounted';/, 'the committed change of the branch is sent');
      assert.doesNotMatch(user, /export const top/, 'code the branch did not touch is not sent');
      // Nothing to review against the branch itself.
      server.script({ kind: 'reply', text: 'unused' });
      await vscode.commands.executeCommand('architectPersonas.reviewBranchChanges', 'feature/discounts');
      assert.equal(server.requests.length, 1, 'no request when there are no changes');
    } finally {
      git(root, 'checkout', '-q', 'main');
    }
  });

  it('reviews a whole file from the explorer context menu', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: 'Looks fine.' });
    const uri = vscode.Uri.file(path.join(workspaceRoot(), 'src/db/users.ts'));
    await vscode.commands.executeCommand('architectPersonas.reviewWithArchitect', uri, [uri]);
    assert.equal(server.requests.length, 1);
    const user = userMessage(server, 0);
    assert.match(user, /Review `src\/db\/users\.ts` \(attached\)/);
    assert.match(user, /\| import \{ Pool \} from 'pg';/, 'the whole file is sent');
    assert.match(user, /findUserByEmail/, 'the whole file is sent');
  });
});
