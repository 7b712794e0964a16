import * as assert from 'node:assert/strict';
import type { SentFile } from '../../../src/core/context/sentFile';
import { parseFindingBlock } from '../../../src/core/findings/block';
import type { Finding } from '../../../src/core/findings/types';
import { normalizeClaimedPath, planReplacement, relocateQuote, resolveSentFile, verifyFinding } from '../../../src/core/findings/verify';
import { readContext, readWorkspaceFile } from './helpers';

function finding(attrs: string, quote?: string): Finding {
  const f = parseFindingBlock(`<finding severity="high" title="t" ${attrs}>\n${quote === undefined ? '' : `<quote>\n${quote}\n</quote>\n`}<issue>i</issue>\n</finding>`);
  assert.ok(f);
  return f;
}

const users = readWorkspaceFile('src/db/users.ts');
/** users.ts sent from line 17 (as in the optimize transcript). */
const partial: SentFile[] = readContext('optimize');
const whole: SentFile[] = readContext('malformed-mixed');

describe('relocateQuote', () => {
  it('finds an exact quote and reports 1-based lines and offsets', () => {
    const loc = relocateQuote(users, "  return result.rows[0];", 21);
    assert.ok(loc);
    assert.equal(loc.method, 'exact');
    assert.equal(loc.startLine, 21);
    assert.equal(loc.endLine, 21);
    assert.equal(users.slice(loc.startOffset, loc.endOffset), '  return result.rows[0];');
  });

  it('picks the occurrence nearest the hint', () => {
    const q = "(await pool.query('SELECT * FROM orders WHERE user_id = $1',";
    assert.equal(relocateQuote(users, q, 25)?.startLine, 27);
    assert.equal(relocateQuote(users, q, 45)?.startLine, 41);
    assert.equal(relocateQuote(users, q, 1)?.startLine, 27);
  });

  it('matches whitespace-normalised quotes (re-indented, blank lines dropped)', () => {
    const q = 'for (const order of orders) {\n        total += order.total_cents;\n\n}';
    const loc = relocateQuote(users, q, 40);
    assert.ok(loc);
    assert.equal(loc.method, 'normalized');
    assert.equal(loc.startLine, 43);
    assert.equal(loc.endLine, 45);
    assert.equal(users.slice(loc.startOffset, loc.endOffset), '  for (const order of orders) {\n    total += order.total_cents;\n  }');
  });

  it('matches fuzzily when the model changed a character, and corrects the line', () => {
    const q = "  let total = 0;\n  for (const order of orders) {\n    total += order.total_cents\n  }\n  return totals;";
    const loc = relocateQuote(users, q, 30);
    assert.ok(loc);
    assert.equal(loc.method, 'fuzzy');
    assert.equal(loc.startLine, 42);
    assert.equal(loc.endLine, 46);
    assert.ok(loc.score > 0.9 && loc.score < 1);
  });

  it('finds a fuzzy match far from the hint through an exactly matching line', () => {
    const filler = Array.from({ length: 2000 }, (_, i) => `const v${i} = compute(${i});`).join('\n');
    const doc = `${filler}\nfunction target() {\n  const a = loadEverything();\n  return a.map((x) => x * 2)\n}\n`;
    const loc = relocateQuote(doc, 'function target() {\n  const a = loadEverythingg();\n  return a.map((x) => x * 2);\n}', 5);
    assert.ok(loc);
    assert.equal(loc.method, 'fuzzy');
    assert.equal(loc.startLine, 2001);
  });

  it('returns undefined for a quote that is not there', () => {
    assert.equal(relocateQuote(users, '  } catch (err) {\n    return retry(fn, attempts - 1);\n  }', 30), undefined);
    assert.equal(relocateQuote(users, '\n  \n', 30), undefined);
  });

  it('works on CRLF documents', () => {
    const crlf = users.replace(/\n/g, '\r\n');
    const loc = relocateQuote(crlf, '  for (const user of users) {\n    user.orders = (await pool.query(\'SELECT * FROM orders WHERE user_id = $1\', [user.id])).rows;\n  }', 1);
    assert.ok(loc);
    assert.equal(loc.startLine, 26);
    assert.equal(loc.endLine, 28);
    assert.equal(crlf.slice(loc.endOffset, loc.endOffset + 2), '\r\n');
  });
});

describe('verifyFinding', () => {
  it('verifies an exact quote at the claimed line, in document lines (sent text starts at line 17)', () => {
    const v = verifyFinding(finding('file="src/db/users.ts" line="20"', "  const result = await pool.query(`SELECT id, email, name FROM users WHERE email = '${email}'`);"), partial);
    assert.equal(v.status, 'verified');
    assert.deepEqual(v.location, { path: 'src/db/users.ts', uri: 'file:///workspace/src/db/users.ts', languageId: 'typescript', startLine: 20, endLine: 20 });
    assert.equal(v.match?.method, 'exact');
  });

  it('relocates when the claimed line is wrong and records claimed vs actual', () => {
    const v = verifyFinding(finding('file="src/db/users.ts" line="12" end="13"', '  let total = 0;'), partial);
    assert.equal(v.status, 'relocated');
    assert.equal(v.claimedLine, 12);
    assert.equal(v.claimedEndLine, 13);
    assert.equal(v.location?.startLine, 42);
  });

  it('a similar multi-line quote is an approximate match, at the lines it resembles', () => {
    const v = verifyFinding(finding('file="src/db/users.ts" line="27"', '  for (const user of users) {\n    user.orders = (await pool.query("SELECT * FROM orders WHERE user_id = $1", [user.id])).rows;\n  }'), partial);
    assert.equal(v.status, 'approximate');
    assert.equal(v.match?.method, 'fuzzy');
    assert.deepEqual([v.location?.startLine, v.location?.endLine], [26, 28]);
  });

  it('does not find a quote that lies outside the sent range', () => {
    const v = verifyFinding(finding('file="src/db/users.ts" line="5"', '  email: string;'), partial);
    assert.equal(v.status, 'unverified');
    assert.equal(v.reason, 'quote-not-found');
    assert.equal(v.location, undefined);
    assert.equal(verifyFinding(finding('file="src/db/users.ts" line="5"', '  email: string;'), whole).status, 'verified');
  });

  it('resolves unique suffixes and prefixed paths, never unsafe or unsent ones', () => {
    const q = '  return users;';
    assert.equal(verifyFinding(finding('file="users.ts" line="29"', q), partial).status, 'verified');
    assert.equal(verifyFinding(finding('file="./src/db/users.ts" line="29"', q), partial).status, 'verified');
    assert.equal(verifyFinding(finding('file="myrepo/src/db/users.ts" line="29"', q), partial).status, 'verified');
    assert.equal(verifyFinding(finding('file="src\\db\\users.ts" line="29"', q), partial).status, 'verified');
    for (const [file, reason] of [
      ['../src/db/users.ts', 'unsafe-path'],
      ['src/../../etc/passwd', 'unsafe-path'],
      ['/workspace/src/db/users.ts', 'unsafe-path'],
      ['C:\\work\\src\\db\\users.ts', 'unsafe-path'],
      ['file:///workspace/src/db/users.ts', 'unsafe-path'],
      ['src/db/orders.ts', 'file-not-sent'],
      ['k8s/deployment.yaml', 'file-not-sent'],
    ] as const) {
      const v = verifyFinding(finding(`file="${file}" line="29"`, q), partial);
      assert.equal(v.status, 'unverified', file);
      assert.equal(v.reason, reason, file);
      assert.equal(v.location, undefined, file);
    }
  });

  it('reports ambiguous suffixes, missing files and missing quotes', () => {
    const sent: SentFile[] = [
      { path: 'a/index.ts', uri: 'file:///w/a/index.ts', languageId: 'typescript', text: 'x();', firstLine: 1 },
      { path: 'b/index.ts', uri: 'file:///w/b/index.ts', languageId: 'typescript', text: 'x();', firstLine: 1 },
    ];
    assert.equal(verifyFinding(finding('file="index.ts" line="1"', 'x();'), sent).reason, 'ambiguous-file');
    assert.equal(verifyFinding(finding('file="a/index.ts" line="1"', 'x();'), sent).status, 'verified');
    assert.equal(verifyFinding(finding('line="1"', 'x();'), sent).reason, 'no-file');
    assert.equal(verifyFinding(finding('file="a/index.ts" line="1"'), sent).reason, 'no-quote');
  });

  it('searches every sent piece of the same file', () => {
    const sent: SentFile[] = [
      { path: 'a.ts', uri: 'file:///w/a.ts', languageId: 'typescript', text: 'one();\ntwo();', firstLine: 1 },
      { path: 'a.ts', uri: 'file:///w/a.ts', languageId: 'typescript', text: 'ninety();\nninetyOne();', firstLine: 90 },
    ];
    const v = verifyFinding(finding('file="a.ts" line="91"', 'ninetyOne();'), sent);
    assert.equal(v.status, 'verified');
    assert.equal(v.location?.startLine, 91);
  });
});

describe('normalizeClaimedPath / resolveSentFile', () => {
  it('normalises and rejects', () => {
    assert.equal(normalizeClaimedPath('`./src//a.ts`'), 'src/a.ts');
    assert.equal(normalizeClaimedPath('~/a.ts'), undefined);
    assert.equal(normalizeClaimedPath('a/../b.ts'), undefined);
    assert.deepEqual(resolveSentFile('', partial), { ok: false, reason: 'unsafe-path' });
  });
});

describe('planReplacement', () => {
  it('replaces exactly the quoted lines', () => {
    const doc = 'a\n  b();\n  c();\nd\n';
    const plan = planReplacement(doc, '  b();\n  c();', '  bc();', 2);
    assert.ok(plan);
    assert.equal(doc.slice(0, plan.startOffset) + plan.newText + doc.slice(plan.endOffset), 'a\n  bc();\nd\n');
  });

  it('re-indents when the quote lost its indentation', () => {
    const doc = 'function f() {\n    if (x) {\n        y();\n    }\n}\n';
    const plan = planReplacement(doc, 'if (x) {\n    y();\n}', 'if (x) {\n    z();\n}', 2);
    assert.ok(plan);
    assert.equal(doc.slice(0, plan.startOffset) + plan.newText + doc.slice(plan.endOffset), 'function f() {\n    if (x) {\n        z();\n    }\n}\n');
  });

  it('does not double the indentation of a fragment quote with an indented replacement', () => {
    const doc = 'f() {\n  old();\n}\n';
    const plan = planReplacement(doc, 'old();', '  fresh();', 2);
    assert.ok(plan);
    assert.equal(doc.slice(0, plan.startOffset) + plan.newText + doc.slice(plan.endOffset), 'f() {\n  fresh();\n}\n');
  });

  it('keeps CRLF line ends and refuses when the quote is gone', () => {
    const doc = 'a\r\nb\r\nc\r\n';
    const plan = planReplacement(doc, 'b', 'x\ny', 2);
    assert.ok(plan);
    assert.equal(doc.slice(0, plan.startOffset) + plan.newText + doc.slice(plan.endOffset), 'a\r\nx\r\ny\r\nc\r\n');
    assert.equal(planReplacement(doc, 'zzz', 'x', 2), undefined);
  });
});
