/**
 * The mocha runner every extension-host entry point uses (integration, untrusted, vendor, smoke):
 * runs each *.test.js of one folder, honours MOCHA_GREP, prints the plain closing line
 * "<label>: N passed, N failed[, N skipped]" and rejects when a test failed or none ran.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function runSuitesIn(dir: string, label: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  if (process.env.MOCHA_GREP) {
    mocha.grep(process.env.MOCHA_GREP);
  }
  for (const file of fs.readdirSync(dir).sort()) {
    if (file.endsWith('.test.js')) {
      mocha.addFile(path.join(dir, file));
    }
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      const passes = stats?.passes ?? 0;
      console.log(`${label}: ${passes} passed, ${failures} failed${stats?.pending ? `, ${stats.pending} skipped` : ''}`);
      if (failures > 0) {
        reject(new Error(`${failures} ${label} test(s) failed`));
      } else if (passes === 0) {
        reject(new Error(`no ${label} test ran`));
      } else {
        resolve();
      }
    });
  });
}
