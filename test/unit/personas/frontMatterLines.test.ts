import * as assert from 'node:assert/strict';
import { frontMatterKeyLine, indexKeyLines } from '../../../src/core/personas/frontMatterLines';

describe('front matter key lines', () => {
  it('indexes nested keys, sequence items and skips multi-line values', () => {
    const yaml = [
      'id: a', // 2
      'greeting: |', // 3
      '  fake: key', // 4 (block scalar content)
      'principles:', // 5
      '- first', // 6 (dash at the key's indent)
      '- second', // 7
      '  wrapped', // 8
      'commands:', // 9
      '  # comment', // 10
      '  design: >-', // 11
      '    text: with colon', // 12
      '  debug: x', // 13
      '"quoted key": 1', // 14
    ];
    const index = indexKeyLines(yaml, 2);
    assert.equal(index.get('id'), 2);
    assert.equal(index.get('greeting'), 3);
    assert.equal(index.get('fake'), undefined);
    assert.equal(index.get('greeting.fake'), undefined);
    assert.equal(index.get('principles.0'), 6);
    assert.equal(index.get('principles.1'), 7);
    assert.equal(index.get('commands'), 9);
    assert.equal(index.get('commands.design'), 11);
    assert.equal(index.get('commands.text'), undefined);
    assert.equal(index.get('commands.debug'), 13);
    assert.equal(index.get('quoted key'), 14);
  });

  it('falls back to the nearest ancestor, then to line 1', () => {
    const text = '---\nid: a\ncommands:\n  design: x\n---\nbody';
    assert.equal(frontMatterKeyLine(text, ['commands', 'design']), 4);
    assert.equal(frontMatterKeyLine(text, ['commands', 'scale']), 3);
    assert.equal(frontMatterKeyLine(text, ['name']), 1);
  });
});
