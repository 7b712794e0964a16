/** Which rule finding a model finding confirms, and what stays "found by rules". */
import * as assert from 'node:assert/strict';
import type { VerifiedFinding } from '../../../src/core/findings/verify';
import { confirmedRuleFinding, unconfirmedRuleFindings } from '../../../src/core/rules/confirm';
import { ruleFactsSection } from '../../../src/core/rules/facts';
import type { RuleFinding } from '../../../src/core/rules/types';

function rf(ruleId: string, file: string, line: number, snippet = 'await db.query(sql)'): RuleFinding {
  return { ruleId, category: ruleId, severity: 'high', file, line, endLine: line, message: `${ruleId} here`, snippet };
}

function mf(attributes: Record<string, string>, file: string, startLine: number, endLine = startLine): VerifiedFinding {
  return {
    finding: { severity: 'high', title: 't', sections: {}, fixes: [], attributes, problems: [], raw: '', file, line: startLine, endLine },
    status: 'verified',
    location: { path: file, uri: `file:///w/${file}`, languageId: 'typescript', startLine, endLine },
  };
}

describe('Rules: confirmed by rule', () => {
  const rules = [rf('n-plus-one', 'src/a.ts', 12), rf('select-star', 'src/a.ts', 12), rf('no-timeout', 'src/b.ts', 4)];

  it('matches the named rule in the same file on overlapping lines', () => {
    assert.equal(confirmedRuleFinding(mf({ rule: 'n-plus-one' }, 'src/a.ts', 10, 14), rules), rules[0]);
    assert.equal(confirmedRuleFinding(mf({ rule: 'N-Plus-One ' }, 'src/a.ts', 12), rules), rules[0]);
  });

  it('does not match another rule, another file, far-away lines or no rule attribute', () => {
    assert.equal(confirmedRuleFinding(mf({ rule: 'no-timeout' }, 'src/a.ts', 12), rules), undefined);
    assert.equal(confirmedRuleFinding(mf({ rule: 'n-plus-one' }, 'src/b.ts', 12), rules), undefined);
    assert.equal(confirmedRuleFinding(mf({ rule: 'n-plus-one' }, 'src/a.ts', 40, 44), rules), undefined);
    assert.equal(confirmedRuleFinding(mf({}, 'src/a.ts', 12), rules), undefined);
  });

  it('keeps the rule findings no model finding confirmed', () => {
    const rest = unconfirmedRuleFindings(rules, [mf({ rule: 'n-plus-one' }, 'src/a.ts', 12)]);
    assert.deepEqual(rest.map((r) => r.ruleId), ['select-star', 'no-timeout']);
  });

  it('facts list rule id, file:line and the matched code, with secrets masked', () => {
    const s = ruleFactsSection([rf('n-plus-one', 'src/a.ts', 12), rf('hardcoded-credential', 'src/c.ts', 3, "const k = 'AKIAZ3MSJ5NQ4EXAMPL7';")]);
    assert.equal(s.title, 'Facts the rules found');
    assert.match(s.body, /rule="n-plus-one" severity=high at src\/a\.ts:12: n-plus-one here\n {4}await db\.query\(sql\)/);
    assert.ok(!s.body.includes('AKIAZ3MSJ5NQ4EXAMPL7'));
    assert.equal(ruleFactsSection([]).body, '');
  });
});
