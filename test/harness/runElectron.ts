/**
 * Runs the same integration suite in a downloaded VS Code through @vscode/test-electron, for
 * machines that can download VS Code. (CI here has no such download: it uses runCodeServer.)
 * The UI-driver routes are unavailable in this mode; the suite then reads what the extension
 * rendered through its test recorder instead of the chat panel's DOM.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { prepareWorkspace, REPO_ROOT, ARTIFACTS_DIR } from './workspace';

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'architect-it-'));
  const workspace = prepareWorkspace(root);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? '1.139.1',
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'integration', 'index'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${path.join(root, 'user-data')}`],
      extensionTestsEnv: {
        ARCHITECT_TEST_WORKSPACE: workspace,
        ARCHITECT_TEST_ARTIFACTS: ARTIFACTS_DIR,
        ARCHITECT_TEST_HARNESS: 'electron',
        MOCHA_GREP: process.env.MOCHA_GREP ?? '',
      },
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
