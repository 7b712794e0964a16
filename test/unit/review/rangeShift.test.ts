import * as assert from 'node:assert/strict';
import { lineDelta, shiftRange, shiftRangeAll, type TextChange } from '../../../src/core/review/rangeShift';
import { diagnosticLevel, meetsMinimum } from '../../../src/core/review/reviewModel';

const at = (line: number, character = 0) => ({ line, character });
const range = { startLine: 10, endLine: 13 };

describe('review range shifting', () => {
  it('moves the range when lines are inserted or removed above', () => {
    const insert: TextChange = { start: at(0), end: at(0), text: 'a\nb\n' };
    assert.equal(lineDelta(insert), 2);
    assert.deepEqual(shiftRange(range, insert), { kind: 'moved', range: { startLine: 12, endLine: 15 } });
    const removeTwo: TextChange = { start: at(3), end: at(5), text: '' };
    assert.deepEqual(shiftRange(range, removeTwo), { kind: 'moved', range: { startLine: 8, endLine: 11 } });
    // Inserting whole lines at column 0 of the first line pushes it down without touching it.
    assert.deepEqual(shiftRange(range, { start: at(10), end: at(10), text: '// x\n' }), { kind: 'moved', range: { startLine: 11, endLine: 14 } });
  });

  it('leaves the range alone for edits below it or on lines above that keep their count', () => {
    assert.deepEqual(shiftRange(range, { start: at(20), end: at(25), text: '' }), { kind: 'moved', range });
    assert.deepEqual(shiftRange(range, { start: at(2, 3), end: at(2, 8), text: 'abc' }), { kind: 'moved', range });
  });

  it('reports edits inside the range (or joining onto its first line) as touched', () => {
    assert.equal(shiftRange(range, { start: at(11, 2), end: at(11, 4), text: 'zz' }).kind, 'touched');
    assert.equal(shiftRange(range, { start: at(10), end: at(10), text: 'prefix ' }).kind, 'touched');
    assert.equal(shiftRange(range, { start: at(9, 4), end: at(10, 0), text: '' }).kind, 'touched');
    assert.deepEqual(shiftRange(range, { start: at(12), end: at(13), text: '' }), { kind: 'touched', range: { startLine: 10, endLine: 12 } });
  });

  it('applies the changes of one event in order', () => {
    const r = shiftRangeAll(range, [
      { start: at(30), end: at(30), text: 'x\n' },
      { start: at(0), end: at(0), text: 'a\n' },
      { start: at(5), end: at(7), text: '' },
    ]);
    assert.deepEqual(r, { kind: 'moved', range: { startLine: 9, endLine: 12 } });
  });
});

describe('review severities', () => {
  it('maps severities to diagnostic levels and filters by the minimum', () => {
    assert.deepEqual(
      (['critical', 'high', 'medium', 'low', 'info'] as const).map(diagnosticLevel),
      ['error', 'error', 'warning', 'information', 'hint'],
    );
    assert.equal(meetsMinimum('low', 'low'), true);
    assert.equal(meetsMinimum('info', 'low'), false);
    assert.equal(meetsMinimum('medium', 'high'), false);
    assert.equal(meetsMinimum('critical', 'high'), true);
    assert.equal(meetsMinimum('info', 'bogus'), false);
  });
});
