import * as assert from 'node:assert/strict';
import { check } from 'recheck';
import { PROVIDER_RULES } from '../../../src/core/redact/providerRules';
import { keywordPatterns } from '../../../src/core/redact/providerScan';
import { PLACEHOLDER_PATTERN } from '../../../src/core/redact/redactor';

/**
 * Every pattern that runs over text of unbounded size is checked by recheck's automaton checker
 * (it decides ambiguity exactly, no fuzzing). Counted repetitions are shrunk to their shape
 * first — `{20,}` becomes `{1,}` and `{20,300}` becomes `{1,2}` — because the checker expands
 * counts into states (it times out on `{109,269}`) while super-linear backtracking comes from the
 * shape (an unbounded repetition that can be split in several ways), never from a bound's size.
 */
function shape(source: string): string {
  return source.replace(/(?<!\\)\{(\d+)(,(\d*))?\}/g, (_m, min: string, comma?: string, max?: string) => {
    const lo = Number(min) === 0 ? 0 : 1;
    if (comma === undefined) {
      return `{${lo},${Math.max(lo, 1)}}`.replace('{1,1}', '');
    }
    return max === '' || max === undefined ? `{${lo},}` : `{${lo},2}`;
  });
}

const PATTERNS: Array<{ name: string; source: string; flags: string }> = [
  ...PROVIDER_RULES.map((r, i) => ({ name: `${r.kind} #${i}`, source: r.pattern, flags: `g${r.flags ?? ''}` })),
  ...keywordPatterns().map((r, i) => ({ name: `keyword alternation #${i}`, source: r.source, flags: r.flags })),
  { name: 'placeholder', source: PLACEHOLDER_PATTERN.source, flags: PLACEHOLDER_PATTERN.flags },
];

describe('Redaction: every pattern is free of super-linear backtracking (recheck)', function () {
  this.timeout(600_000);
  it('shrinks counted repetitions to their shape', () => {
    assert.equal(shape('a{20,}b{3,7}c{4}d{0,5}\\{2\\}'), 'a{1,}b{1,2}cd{0,2}\\{2\\}');
  });

  it(`checks ${PATTERNS.length} patterns`, async () => {
    // two at a time: the checker is CPU-bound and the machine may be busy
    const results: Array<{ name: string; source: string; status: string; why: string }> = [];
    const queue = [...PATTERNS];
    const worker = async (): Promise<void> => {
      for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
        const d = await check(shape(p.source), p.flags.replace('d', ''), { checker: 'automaton', timeout: 120_000 });
        results.push({ ...p, status: d.status, why: d.status === 'vulnerable' ? d.complexity.summary : d.status === 'unknown' ? d.error.kind : '' });
      }
    };
    await Promise.all([worker(), worker()]);
    assert.equal(results.length, PATTERNS.length);
    const bad = results.filter((r) => r.status !== 'safe').map((r) => `${r.name}: ${r.status} ${r.why} — ${r.source}`);
    assert.deepEqual(bad, []);
  });

  it('recheck flags a known-bad pattern (the check can fail)', async () => {
    const d = await check('(?:eyJ|ey)[A-Za-z0-9_-]+\\.', 'g', { checker: 'automaton', timeout: 30_000 });
    assert.equal(d.status, 'vulnerable');
  });
});
