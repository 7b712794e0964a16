import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePersona } from '../../../src/core/personas/parsePersona';
import { KNOWN_FRONT_MATTER_KEYS } from '../../../src/core/personas/schema';

const DOC = path.resolve(__dirname, '..', '..', '..', '..', 'docs', 'personas.md');

describe('docs/personas.md', () => {
  const doc = fs.readFileSync(DOC, 'utf8');

  it('contains an example persona that loads without problems', () => {
    const match = /## Example[\s\S]*?```markdown\n([\s\S]*?)\n```/.exec(doc);
    assert.ok(match, 'the example block exists');
    const { persona, problems } = parsePersona(match[1], { kind: 'workspace', path: 'frugal-architect.md' });
    assert.deepEqual(problems, []);
    assert.equal(persona?.id, 'frugal-architect');
  });

  it('documents every front-matter key', () => {
    for (const key of KNOWN_FRONT_MATTER_KEYS) {
      assert.ok(doc.includes(`| \`${key}\` |`), `schema table row for ${key}`);
    }
  });
});
