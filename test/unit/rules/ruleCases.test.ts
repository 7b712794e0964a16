/**
 * Every rule's own valid/invalid cases (RuleTester style): an invalid case must be reported on
 * exactly its lines, a valid one not at all.
 */
import * as assert from 'node:assert/strict';
import { RULES, runRules } from '../../../src/core/rules';

describe('Rules: each rule on its own cases', function () {
  this.timeout(30000);
  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      it('has valid and invalid cases', () => {
        assert.ok(rule.tests.valid.length >= 2, 'at least two valid cases');
        assert.ok(rule.tests.invalid.length >= 2, 'at least two invalid cases');
      });
      for (const c of rule.tests.valid) {
        it(`valid: ${c.name ?? c.code.slice(0, 40)}`, async () => {
          const found = await runRules([{ path: c.path, text: c.code }], { enabled: [rule.meta.id], schemaFiles: c.schema });
          assert.deepEqual(found.map((f) => `${f.line}: ${f.message}`), []);
        });
      }
      for (const c of rule.tests.invalid) {
        it(`invalid: ${c.name ?? c.code.slice(0, 40)}`, async () => {
          const found = await runRules([{ path: c.path, text: c.code }], { enabled: [rule.meta.id], schemaFiles: c.schema });
          assert.deepEqual(
            found.map((f) => f.line),
            [...(c.lines ?? [])],
            `found: ${JSON.stringify(found.map((f) => `${f.line}: ${f.message}`))}`,
          );
          for (const f of found) {
            assert.equal(f.ruleId, rule.meta.id);
            assert.equal(f.category, rule.meta.id);
            assert.ok(f.snippet.length > 0);
          }
        });
      }
    });
  }
});
