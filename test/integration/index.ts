/**
 * Entry point loaded by the VS Code extension host (both under @vscode/test-electron and the
 * offline code-server harness): runs every *.test.js in this folder with mocha 11 (CommonJS).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.MOCHA_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) {
      mocha.addFile(path.join(__dirname, file));
    }
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      console.log(`integration: ${stats?.passes ?? 0} passed, ${failures} failed${stats?.pending ? `, ${stats.pending} skipped` : ''}`);
      if (failures > 0) {
        reject(new Error(`${failures} integration test(s) failed`));
      } else if ((stats?.passes ?? 0) === 0) {
        reject(new Error('no integration test ran'));
      } else {
        resolve();
      }
    });
  });
}
