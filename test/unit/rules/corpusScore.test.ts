/** The labelled corpus (test/fixtures/rules/corpus): every rule meets its precision and recall targets. */
import * as assert from 'node:assert/strict';
import { RULE_TABLE } from '../../../src/core/rules';
import { loadCorpus, parseCorpusFile, precision, recall, scoreCorpus } from './corpus';

describe('Rules: labelled corpus', function () {
  this.timeout(60000);

  it('reads labels: header rules, line, previous-line and file-wide expectations', () => {
    const c = parseCorpusFile('x.py', '# corpus-rules: sql-injection, no-timeout\nq = f"""\nSELECT {a}"""  # expect-previous-line: sql-injection\nrequests.get(u)  # expect: no-timeout\n');
    assert.deepEqual([...c.rules], ['sql-injection', 'no-timeout']);
    assert.deepEqual([...(c.lines.get('sql-injection') ?? [])], [2]);
    assert.deepEqual([...(c.lines.get('no-timeout') ?? [])], [4]);
    assert.equal(parseCorpusFile('y.sql', '-- corpus-rules: select-star\n-- expect-file: select-star\nSELECT * FROM t;').fileWide.has('select-star'), true);
  });

  it('labels every rule, and each meets precision >= 0.9 and recall >= 0.8', async () => {
    const { scores } = await scoreCorpus(loadCorpus());
    for (const r of RULE_TABLE) {
      const s = scores.get(r.id);
      assert.ok(s && s.tp + s.fn > 0, `${r.id} has positive cases in the corpus`);
      assert.ok(precision(s) >= 0.9, `${r.id} precision ${precision(s).toFixed(2)}; false alarms: ${s.falseAlarms.join(', ')}`);
      assert.ok(recall(s) >= 0.8, `${r.id} recall ${recall(s).toFixed(2)}; missed: ${s.misses.join(', ')}`);
    }
  });
});
