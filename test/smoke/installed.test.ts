/**
 * The packaged extension, installed from the .vsix the way a user installs it, answers: it
 * activates from the installed folder, every file the manifest points at shipped, `@backend`
 * answers through the bundled Anthropic SDK (against the fake server), and a review lands in
 * the Problems panel.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FakeAnthropicServer } from '../fakeServer/fakeAnthropic';
import { api, askInChat, EXTENSION_ID, openFixture, screenshot, TEST_KEY, useFakeAnthropic, waitFor, waitForChatMatch, waitForChatText, waitForTurnDone, workspaceRoot } from '../integration/support';
import { reviewDiagnostics, transcriptPath } from '../integration/reviewSupport';

/** As in src/vscode/rules/ruleDiagnostics.ts. */
const RULES_SOURCE = 'Architect rules';
const INSTALLED = process.env.ARCHITECT_INSTALLED_EXTENSION ?? '';
const REPO_ROOT = process.env.ARCHITECT_REPO_ROOT ?? '';

interface Manifest {
  main: string;
  icon?: string;
  contributes: {
    commands: { command: string }[];
    walkthroughs?: { steps: { media: { markdown?: string; image?: string } }[] }[];
  };
}

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext;
}

describe('Installed .vsix', () => {
  let server: FakeAnthropicServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('runs from the installed folder, not the development folder, with every file its manifest names', async () => {
    assert.ok(INSTALLED, 'the harness installed a .vsix');
    const ext = extension();
    assert.equal(fs.realpathSync(ext.extensionPath), fs.realpathSync(INSTALLED));
    assert.ok(!fs.realpathSync(ext.extensionPath).startsWith(fs.realpathSync(REPO_ROOT) + path.sep), 'not the repository');

    const manifest = ext.packageJSON as Manifest;
    const shipped = (rel: string) => fs.existsSync(path.join(ext.extensionPath, rel));
    for (const rel of [manifest.main, manifest.icon ?? 'media/icon.png', 'dist/anthropic-sdk.js', 'readme.md']) {
      assert.ok(shipped(rel), `${rel} is in the package`);
    }
    for (const step of (manifest.contributes.walkthroughs ?? []).flatMap((w) => w.steps)) {
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media && shipped(media), `walkthrough media ${media} is in the package`);
    }
    const personas = fs.readdirSync(path.join(ext.extensionPath, 'personas')).filter((f) => f.endsWith('.md'));
    assert.ok(personas.length >= 5, `bundled personas shipped: ${personas.join(', ')}`);
    // Nothing the allowlist keeps out: sources, tests, screenshots, maps.
    for (const rel of ['src', 'test', 'out', 'media/screenshots', 'node_modules', 'dist/extension.js.map']) {
      assert.ok(!shipped(rel), `${rel} is not in the package`);
    }
  });

  it('activates, registers every command in its manifest and opened the walkthrough on first install', async () => {
    const a = await api();
    assert.ok(extension().isActive);
    const commands = new Set(await vscode.commands.getCommands(true));
    const missing = (extension().packageJSON as Manifest).contributes.commands.map((c) => c.command).filter((c) => !commands.has(c));
    assert.deepEqual(missing, [], 'every contributed command is registered');
    assert.equal(await a.walkthrough.firstRun, true, 'the walkthrough opened on the first activation');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('@backend answers through the bundled Anthropic SDK', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: 'Smoke answer from the packaged extension.', usage: { inputTokens: 321, outputTokens: 12, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 } });
    await openFixture('src/db/users.ts', { startLine: 11, endLine: 19 });
    await askInChat('@backend /debug why is this slow?');
    await waitForChatText('Smoke answer from the packaged extension.');
    await waitForTurnDone();
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0].auth.value, TEST_KEY);
    assert.match(JSON.stringify(server.requests[0].body?.system), /Task: \/debug/, 'the bundled persona and command instructions were sent');
    await waitForChatMatch('the usage footer', /321 in · 12 out/);
    await screenshot('smoke-chat');
  });

  it('Review with Architect publishes the verified findings in the Problems panel', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: fs.readFileSync(transcriptPath('review-users.md'), 'utf8'), chunkSize: 200 });
    const editor = await openFixture('src/db/users.ts', { startLine: 11, endLine: 19 });
    await vscode.commands.executeCommand('architectPersonas.reviewWithArchitect', editor.document.uri);
    assert.equal(server.requests.length, 1);
    const ds = await waitFor('the review diagnostics', () => {
      const d = reviewDiagnostics(editor.document.uri);
      return d.length === 3 ? d : undefined;
    });
    assert.deepEqual(ds.map((d) => d.range.start.line), [11, 13, 17]);
    await vscode.commands.executeCommand('architectPersonas.clearReviewDiagnostics');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the offline rules engine (tree-sitter wasm in the rules worker) puts a rule finding in the Problems panel', async () => {
    const editor = await openFixture('src/db/users.ts');
    const uri = editor.document.uri;
    const rules = await waitFor('a rules diagnostic on src/db/users.ts', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === RULES_SOURCE);
      return d.length > 0 ? d : undefined;
    }, 30_000);
    const codes = rules.map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
    assert.ok(codes.some((c) => /n-?plus-?one/i.test(c)), `the query in the loop is found: ${codes.join(', ')}`);
    const loop = rules.find((d) => /n-?plus-?one/i.test(typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
    assert.equal(loop?.range.start.line, 14, 'at the query inside the loop (line 15)');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Explain Query Plan runs on the embedded PostgreSQL shipped in the package (PGlite wasm, data dir, worker)', async function () {
    this.timeout(240_000);
    const schemaDir = path.join(workspaceRoot(), 'db', 'migrations');
    fs.mkdirSync(schemaDir, { recursive: true });
    fs.writeFileSync(
      path.join(schemaDir, '001_shop.sql'),
      'CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE);\n' +
        'CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), total numeric(10, 2) NOT NULL);\n',
    );
    const config = vscode.workspace.getConfiguration('architectPersonas');
    await config.update('queryPlans.rows', 2000, vscode.ConfigurationTarget.Global);
    try {
      const sql = 'SELECT * FROM orders WHERE user_id = $1';
      const result = await vscode.commands.executeCommand<{ sql: string; status: string; report: { ok: boolean; shape: string } } | undefined>(
        'architectPersonas.explainQueryPlan',
        { sql, uri: vscode.Uri.file(path.join(workspaceRoot(), 'src', 'db', 'users.ts')).toString() },
      );
      assert.ok(result, 'the installed extension returned a plan');
      assert.equal(result.sql, sql);
      assert.match(result.status, /^Schema: 2 tables from db\/migrations/);
      assert.ok(result.report.ok, 'EXPLAIN ran on the embedded database');
      assert.equal(result.report.shape, 'Seq Scan', 'no index on orders(user_id) yet');
      assert.ok(fs.existsSync(path.join(extension().extensionPath, 'dist', 'pglite')), 'PGlite ships under dist/pglite');
    } finally {
      await config.update('queryPlans.rows', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(path.join(workspaceRoot(), 'db'), { recursive: true, force: true });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
