import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (this file is compiled to out/test/harness). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** Screenshots and logs a test run keeps (gitignored). */
export const ARTIFACTS_DIR = process.env.ARCHITECT_TEST_ARTIFACTS ?? path.join(REPO_ROOT, 'test-artifacts');

/** Copies the fixture workspace into `root/workspace` so tests may change files freely. */
export function prepareWorkspace(root: string): string {
  const target = path.join(root, 'workspace');
  fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), target, { recursive: true });
  return target;
}
