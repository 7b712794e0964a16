/**
 * Entry point of the other-vendor instance (`npm run test:vendor`: the code-server
 * harness with ARCHITECT_EXTRA_EXTENSIONS loading test/fixtures/vendor-extension). Runs only the
 * suites in this folder; the main run has no second vendor (its no-model tests need none).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  if (process.env.MOCHA_GREP) {
    mocha.grep(process.env.MOCHA_GREP);
  }
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) {
      mocha.addFile(path.join(__dirname, file));
    }
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passes = runner.stats?.passes ?? 0;
      console.log(`vendor: ${passes} passed, ${failures} failed`);
      if (failures > 0 || passes === 0) {
        reject(new Error(failures > 0 ? `${failures} test(s) failed` : 'no test ran'));
      } else {
        resolve();
      }
    });
  });
}
