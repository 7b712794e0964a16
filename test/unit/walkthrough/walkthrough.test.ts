import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WALKTHROUGH_ID, WALKTHROUGH_STEPS } from '../../../src/vscode/walkthrough/walkthroughSteps';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}
interface Manifest {
  contributes: { walkthroughs: { id: string; title: string; steps: Step[] }[]; commands: { command: string }[] };
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

describe('walkthrough', () => {
  const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === WALKTHROUGH_ID);

  it('package.json declares the table’s steps, in order', () => {
    assert.ok(walkthrough, `contributes.walkthroughs has ${WALKTHROUGH_ID}`);
    assert.deepEqual(walkthrough.steps.map((s) => s.id), WALKTHROUGH_STEPS.map((s) => s.id));
  });

  it('each step’s button runs its command, which is contributed (or VS Code’s own), and completes the step', () => {
    const ours = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const [i, step] of walkthrough!.steps.entries()) {
      const { command } = WALKTHROUGH_STEPS[i];
      assert.match(step.description, new RegExp(`\\]\\(command:${command.replace(/\./g, '\\.')}(\\?|\\))`), `${step.id}: the button runs ${command}`);
      assert.ok(command.startsWith('workbench.') || ours.has(command), `${command} is a contributed command`);
      assert.deepEqual(step.completionEvents, [`onCommand:${command}`], `${step.id} completes when its command runs`);
    }
  });

  it('every step’s Markdown exists and ships in the .vsix (.vscodeignore allowlist)', () => {
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
    assert.ok(ignore.includes('!media/walkthrough/**'), 'media/walkthrough is allowlisted');
    assert.ok(!ignore.some((l) => l.startsWith('!media/screenshots')), 'the README screenshots are not shipped');
    for (const step of walkthrough!.steps) {
      const md = step.media.markdown;
      assert.ok(md?.startsWith('media/walkthrough/'), `${step.id} has Markdown media under media/walkthrough/`);
      const text = fs.readFileSync(path.join(ROOT, md!), 'utf8');
      assert.match(text, /^# \S/, `${md} starts with a heading`);
    }
  });

  it('the chat link of the /debug step carries a valid query', () => {
    const debug = walkthrough!.steps.find((s) => s.id === 'debug')!;
    const encoded = /\(command:workbench\.action\.chat\.open\?([^)]+)\)/.exec(debug.description)?.[1];
    assert.ok(encoded);
    assert.deepEqual(JSON.parse(decodeURIComponent(encoded)), { query: '@backend /debug why is this slow?' });
  });
});
