/**
 * The held-out set (test/fixtures/rules/heldout) loads, and every label names a rule that exists.
 * Deliberately no precision/recall assertion: the set measures how the rules generalise
 * (test/bench/rulesHeldout.ts prints the figures) and must not be tuned on.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_TABLE } from '../../../src/core/rules';
import { loadCorpus } from './corpus';

const HELDOUT_DIR = path.resolve(__dirname, '../../../../test/fixtures/rules/heldout');

describe('Rules: held-out set loads', () => {
  it('every file names known rules, every label is one of them, and the README lists each source folder', () => {
    const known = new Set(RULE_TABLE.map((r) => r.id));
    const files = loadCorpus(HELDOUT_DIR);
    assert.ok(files.length > 50, `${files.length} files`);
    let positives = 0;
    for (const c of files) {
      assert.ok(c.rules.size > 0, `${c.file.path} has a corpus-rules header`);
      for (const id of c.rules) {
        assert.ok(known.has(id), `${c.file.path}: unknown rule ${id} in the header`);
      }
      for (const id of [...c.lines.keys(), ...c.fileWide]) {
        assert.ok(c.rules.has(id), `${c.file.path}: label ${id} not in the file's corpus-rules header`);
        positives += c.fileWide.has(id) ? 1 : (c.lines.get(id)?.size ?? 0);
      }
    }
    assert.ok(positives >= 150, `${positives} labelled positives`);
    const readme = fs.readFileSync(path.join(HELDOUT_DIR, 'README.md'), 'utf8');
    for (const folder of new Set(files.map((c) => c.file.path.split('/')[0]))) {
      assert.ok(readme.includes(`\`${folder}/\``), `README names ${folder}/`);
    }
  });
});
