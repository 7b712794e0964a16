import * as assert from 'node:assert/strict';
import { FindingsStreamParser } from '../../../src/core/findings/parser';
import { mergeEvents, parseChunks, readTranscript, reconstruct, rng, transcriptNames } from './helpers';

/**
 * Chunk-boundary independence: for every transcript, any chunking gives the same merged event
 * stream as parsing it in one piece.
 */
describe('FindingsStreamParser: byte-split equivalence', () => {
  const names = transcriptNames();

  it('has transcripts for every slash command and malformed ones', () => {
    for (const n of ['design', 'scale', 'optimize', 'infra', 'debug', 'malformed-unclosed', 'malformed-mixed']) {
      assert.ok(names.includes(n), n);
    }
  });

  for (const name of names) {
    describe(name, () => {
      const text = readTranscript(name);
      const expected = mergeEvents(FindingsStreamParser.parseAll(text));

      it('split into two chunks at every position equals the one-shot parse', () => {
        for (let i = 0; i <= text.length; i++) {
          const got = mergeEvents(parseChunks([text.slice(0, i), text.slice(i)]));
          assert.deepEqual(got, expected, `split at ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))}`);
        }
      });

      it('random multi-chunk splits and one character at a time equal the one-shot parse', () => {
        const rand = rng(name.length * 7919 + text.length);
        for (let round = 0; round < 25; round++) {
          const chunks: string[] = [];
          let pos = 0;
          while (pos < text.length) {
            const len = 1 + Math.floor(rand() * (round % 2 === 0 ? 8 : 200));
            chunks.push(text.slice(pos, pos + len));
            pos += len;
          }
          const events = parseChunks(chunks);
          assert.equal(reconstruct(events), text);
          assert.deepEqual(mergeEvents(events), expected, `round ${round}`);
        }
        assert.deepEqual(mergeEvents(parseChunks([...text])), expected, 'char by char');
      });
    });
  }

  it('CRLF answers split everywhere equal the one-shot parse', () => {
    const text = readTranscript('optimize').replace(/\n/g, '\r\n');
    const expected = mergeEvents(FindingsStreamParser.parseAll(text));
    assert.equal(expected.filter((e) => e.kind === 'finding').length, 4);
    for (let i = 0; i <= text.length; i += 3) {
      assert.deepEqual(mergeEvents(parseChunks([text.slice(0, i), text.slice(i)])), expected, `split at ${i}`);
    }
  });
});
