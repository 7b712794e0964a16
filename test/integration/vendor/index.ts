/**
 * Entry point of the other-vendor instance (`npm run test:vendor`: the code-server
 * harness with ARCHITECT_EXTRA_EXTENSIONS loading test/fixtures/vendor-extension). Runs only the
 * suites in this folder; the main run has no second vendor (its no-model tests need none).
 */
import { runSuitesIn } from '../../harness/mochaSuite';

export function run(): Promise<void> {
  return runSuitesIn(__dirname, 'vendor');
}
