/**
 * Entry point of the smoke suite, loaded by the extension host of a code-server into which the
 * packaged .vsix was installed (`npm run test:smoke`): runs every *.test.js in this folder.
 */
import { runSuitesIn } from '../harness/mochaSuite';

export function run(): Promise<void> {
  return runSuitesIn(__dirname, 'smoke');
}
