import * as assert from 'node:assert/strict';
import { redact } from '../../../src/core/redact';
import { work } from '../../../src/core/redact/work';
import { pathologicalInputs } from './pathological';

/**
 * Inputs built to make scanners go quadratic: the detectors' work (characters scanned, hits,
 * lines, counted by src/core/redact/work.ts) must grow linearly with the input. Counting, not
 * timing: the bench prints the milliseconds. The patterns themselves are proven free of
 * super-linear backtracking in redos.test.ts.
 */
function workFor(text: string): number {
  work.steps = 0;
  redact(text);
  return work.steps;
}

describe('Redaction: linear work on pathological inputs', function () {
  this.timeout(60_000);
  const small = pathologicalInputs(64 * 1024);
  const large = pathologicalInputs(512 * 1024);
  for (let i = 0; i < small.length; i++) {
    it(small[i].name, () => {
      const a = workFor(small[i].text);
      const b = workFor(large[i].text);
      const ratio = b / a;
      assert.ok(ratio <= 8 * 1.15, `8x the input cost ${ratio.toFixed(2)}x the work`);
      assert.ok(b <= 16 * large[i].text.length, `${(b / large[i].text.length).toFixed(1)} steps per character`);
    });
  }

  it('the counter does count (a quadratic loop would show)', () => {
    const a = workFor('password=x '.repeat(1000));
    assert.ok(a > 1000);
  });

  it('redacts a 200 KB line of eyJ fragments and 2,000 BEGIN lines without END', () => {
    const line = 'eyJ'.repeat(70_000);
    assert.equal(redact(line).text, line);
    const begins = '-----BEGIN PRIVATE KEY-----\n'.repeat(2000);
    const out = redact(begins);
    assert.equal(out.text.split('\n').length, begins.split('\n').length);
  });
});
