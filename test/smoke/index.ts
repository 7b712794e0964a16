/**
 * Entry point of the smoke suite, loaded by the extension host of a code-server into which the
 * packaged .vsix was installed (`npm run test:smoke`): runs every *.test.js in this folder.
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
      console.log(`smoke: ${passes} passed, ${failures} failed`);
      if (failures > 0) {
        reject(new Error(`${failures} smoke test(s) failed`));
      } else if (passes === 0) {
        reject(new Error('no smoke test ran'));
      } else {
        resolve();
      }
    });
  });
}
