/**
 * Entry point loaded by the VS Code extension host (both under @vscode/test-electron and the
 * offline code-server harness): runs every *.test.js in this folder with mocha 11 (CommonJS).
 */
import { runSuitesIn } from '../harness/mochaSuite';

export function run(): Promise<void> {
  return runSuitesIn(__dirname, 'integration');
}
