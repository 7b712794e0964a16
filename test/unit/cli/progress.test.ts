import * as assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createProgress } from '../../../src/cli/review/progress';

function sink(isTTY: boolean): Writable & { isTTY: boolean; columns: number; text: string } {
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      out.text += chunk.toString('utf8');
      cb();
    },
  }) as Writable & { isTTY: boolean; columns: number; text: string };
  out.isTTY = isTTY;
  out.columns = 60;
  out.text = '';
  return out;
}

describe('CLI progress on stderr', () => {
  it('on a terminal: one line redrawn in place with a bar, cleared before a status line', () => {
    const s = sink(true);
    const p = createProgress(s, {}, false);
    p.start('rules', 4);
    p.step('a.ts');
    p.step('b.ts');
    p.info('rules: 2 findings');
    assert.match(s.text, /\r\x1b\[2Krules \[##########----------\] 2\/4 b\.ts/);
    assert.ok(s.text.endsWith('\r\x1b[2Karchitect-personas: rules: 2 findings\n'));
  });

  it('in CI or a pipe: plain lines, at most about ten per phase, no control characters', () => {
    const s = sink(false);
    const p = createProgress(s, { CI: 'true' }, false);
    p.start('rules', 100);
    for (let i = 0; i < 100; i++) {
      p.step(`f${i}.ts`);
    }
    p.done();
    const lines = s.text.trimEnd().split('\n');
    assert.equal(lines[0], 'architect-personas: rules (100)');
    assert.equal(lines.length, 11);
    assert.equal(lines[10], 'architect-personas: rules 100/100: f99.ts');
    assert.doesNotMatch(s.text, /[\r\x1b]/);
  });

  it('a terminal with CI set prints plain lines too; --quiet keeps only warnings', () => {
    const ci = sink(true);
    createProgress(ci, { CI: '1' }, false).start('x', 1);
    assert.equal(ci.text, 'architect-personas: x (1)\n');
    const quiet = sink(true);
    const q = createProgress(quiet, {}, true);
    q.start('x', 2);
    q.step('y');
    q.info('hello');
    q.warn('careful');
    assert.equal(quiet.text, 'architect-personas: warning: careful\n');
  });
});
