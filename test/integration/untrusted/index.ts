/**
 * Entry point of the untrusted-workspace instance (`npm run test:untrusted`: the code-server
 * harness with `--workspace-trust`, so the test folder opens in restricted mode). Runs only the
 * suites in this folder; the main integration run keeps trust disabled.
 */
import { runSuitesIn } from '../../harness/mochaSuite';

export function run(): Promise<void> {
  return runSuitesIn(__dirname, 'untrusted');
}
