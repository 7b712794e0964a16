/**
 * Isolation between integration tests (loaded through support.ts, so it applies to every suite
 * that uses the shared helpers): after each test, documents of the fixture workspace left
 * unsaved are reverted and fixture files changed on disk are written back, so a test that
 * failed half-way (or forgot to clean up) never shifts the lines the next one expects.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const FIXTURE = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace');

function fixtureFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = path.join(rel, e.name);
    return e.isDirectory() ? fixtureFiles(dir, r) : [r];
  });
}

async function restoreFixtureWorkspace(): Promise<void> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!root || !fs.existsSync(FIXTURE)) {
    return;
  }
  const files = fixtureFiles(FIXTURE);
  for (const rel of files) {
    const target = path.join(root, rel);
    const original = fs.readFileSync(path.join(FIXTURE, rel));
    if (!fs.existsSync(target) || !fs.readFileSync(target).equals(original)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, original);
    }
  }
  const fixturePaths = new Set(files.map((rel) => path.join(root, rel)));
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.scheme === 'file' && fixturePaths.has(doc.uri.fsPath)) {
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
}

// Only under mocha: the activation bench (test/bench/activation) loads the same helpers without it.
if (typeof afterEach === 'function') {
  afterEach(async function () {
    this.timeout(30_000);
    await restoreFixtureWorkspace();
  });
}
