/**
 * Issue #17, "Parsing and rendering": code fences inside list items, `</finding>` inside code, and
 * the cost of one chunk. Each answer is also streamed in every chunking that matters (split at
 * every offset, and in 1- and 8-character chunks) so the result cannot depend on where the
 * network cut the text.
 */
import * as assert from 'node:assert/strict';
import { FindingsStreamParser } from '../../../src/core/findings/parser';
import { BlockEndScanner } from '../../../src/core/findings/blockScanner';
import { MarkdownFenceTracker } from '../../../src/core/findings/fenceTracker';
import type { Finding, ParsedEvent } from '../../../src/core/findings/types';
import { mergeEvents, parseChunks, reconstruct } from './helpers';

function findings(events: readonly ParsedEvent[]): Finding[] {
  return events.flatMap((e) => (e.kind === 'finding' ? [e.finding] : []));
}

function chunked(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) {
    out.push(text.slice(i, i + size));
  }
  return out;
}

/** Parses `text` whole, split at every offset, and in 1/8-character chunks; all must agree. */
function parseEveryWay(text: string): ParsedEvent[] {
  const whole = mergeEvents(FindingsStreamParser.parseAll(text));
  assert.equal(reconstruct(whole), text);
  for (let i = 1; i < text.length; i++) {
    assert.deepEqual(mergeEvents(parseChunks([text.slice(0, i), text.slice(i)])), whole, `split at ${i}`);
  }
  for (const size of [1, 8]) {
    assert.deepEqual(mergeEvents(parseChunks(chunked(text, size))), whole, `${size}-character chunks`);
  }
  return whole;
}

const REAL = [
  '<finding severity="medium" file="src/a.ts" line="3" title="Real one">',
  '<quote>',
  'const a = 1;',
  '</quote>',
  '<issue>Real.</issue>',
  '</finding>',
].join('\n');

describe('Parsing and rendering (issue #17)', () => {
  it('a <finding> example inside a fenced code block in a list item (indented fence) is not parsed as a finding', () => {
    const text = [
      'Two ways to report it:',
      '',
      '1. As a block, for example:',
      '',
      '    ```xml',
      '    <finding severity="high" file="src/db/users.ts" line="4" title="Example only">',
      '    <quote>',
      '    const x = 1;',
      '    </quote>',
      '    <issue>Example.</issue>',
      '    </finding>',
      '    ```',
      '',
      '- nested:',
      '  - deeper',
      '',
      '      ~~~',
      '      <finding severity="low" title="Also an example">',
      '      </finding>',
      '      ~~~',
      '',
      REAL,
      '',
    ].join('\n');
    const events = parseEveryWay(text);
    assert.deepEqual(
      findings(events).map((f) => f.title),
      ['Real one'],
    );
  });

  it('an indented fence that outlives its list item ends with it, so later findings still parse', () => {
    const text = ['- item', '', '  ```', '  never closed', '', 'Back at the top level.', '', REAL, ''].join('\n');
    assert.deepEqual(
      findings(parseEveryWay(text)).map((f) => f.title),
      ['Real one'],
    );
  });

  it('four spaces of indentation at the top level are not a fence (an indented code block holds no fence)', () => {
    const t = new MarkdownFenceTracker();
    t.line('    ```');
    assert.equal(t.inFence, false);
    t.line('- item');
    t.line('    ```');
    assert.equal(t.inFence, true, 'inside a list item four spaces are two of content indentation');
    t.line('    ```');
    assert.equal(t.inFence, false);
  });

  it('a literal </finding> inside inline code in a section does not end the block early', () => {
    const text = [
      '<finding severity="low" file="src/a.ts" line="3" title="Tag in prose">',
      '<quote>',
      'const a = 1;',
      '</quote>',
      '<issue>The model wrote `</finding>` in a sentence, and ``a `</finding>` here`` too.</issue>',
      '<recommendation>Keep going; a real `x` span and then the real close.</recommendation>',
      '</finding>',
      '',
      'After.',
      '',
    ].join('\n');
    const events = parseEveryWay(text);
    const [f] = findings(events);
    assert.ok(f, 'the block is parsed');
    assert.equal(f.sections.issue, 'The model wrote `</finding>` in a sentence, and ``a `</finding>` here`` too.');
    assert.equal(f.sections.recommendation, 'Keep going; a real `x` span and then the real close.');
    assert.ok(f.raw.endsWith('real close.</recommendation>\n</finding>'));
  });

  it('a </finding> inside a fenced example in a section does not end the block either', () => {
    const text = [
      '<finding severity="low" title="Fenced example">',
      '<recommendation>Write it like this:',
      '```',
      '</finding>',
      '```',
      '</recommendation>',
      '</finding>',
      '',
    ].join('\n');
    const [f] = findings(parseEveryWay(text));
    assert.ok(f);
    assert.match(f.sections.recommendation ?? '', /```\n<\/finding>\n```/);
  });

  it('a </finding> that only looked like code still closes the block when nothing else does', () => {
    // An unclosed backtick run on the closing line (and an unclosed fence) must not lose the finding.
    const unbalanced = ['<finding severity="low" title="Odd ticks">', '<issue>A ` tick.</issue>', '```', '</finding>', ''].join('\n');
    assert.deepEqual(
      findings(parseEveryWay(unbalanced)).map((f) => f.title),
      ['Odd ticks'],
    );
    const thenNext = ['<finding severity="low" title="First">', '```', '</finding>', REAL, ''].join('\n');
    assert.deepEqual(
      findings(parseEveryWay(thenNext)).map((f) => f.title),
      ['First', 'Real one'],
    );
  });

  it('cost of one chunk does not grow with the size of the block being buffered', () => {
    // A 99 KB finding arriving in 8-character chunks: the scanner looks at each character a
    // bounded number of times, however long the block already is (figures: npm run bench).
    const body = Array.from({ length: 3100 }, (_, i) => `step ${i}: do the thing right.`).join('\n');
    const text = `<finding severity="low" title="Big">\n<issue>${body}</issue>\n</finding>\n`;
    assert.ok(text.length > 90_000 && text.length < 100_000);
    const scanner = new BlockEndScanner();
    let end: ReturnType<BlockEndScanner['append']> | undefined;
    let maxPerChunk = 0;
    for (const c of chunked(text, 8)) {
      const before = scanner.charsExamined;
      end = scanner.append(c);
      maxPerChunk = Math.max(maxPerChunk, scanner.charsExamined - before);
      if (end.kind !== 'more') {
        break;
      }
    }
    assert.equal(end?.kind, 'closed');
    // Each completed line is examined once (twice counting its join): bounded by the line, not the block.
    assert.ok(maxPerChunk <= 3 * 40, `one chunk examined ${maxPerChunk} characters`);
    assert.ok(scanner.charsExamined <= 3 * text.length, `examined ${scanner.charsExamined} for ${text.length}`);
    const [f] = findings(parseChunks(chunked(text, 8)));
    assert.equal(f?.sections.issue, body);
  });
});
