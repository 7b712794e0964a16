import * as assert from 'node:assert/strict';
import { verifyFinding } from '../../../src/core/findings/verify';
import type { Finding } from '../../../src/core/findings/types';
import { buildSentFile } from '../../../src/core/context/contextBuilder';
import { fixPlanMessage, locateQuote, planFix } from '../../../src/core/redact';

const j = (...parts: string[]): string => parts.join('');
const TOKEN = j('gh', 'p_', 'R8fK2mQ9xL4vN7pZ3tW6yB1cH5jD0sG2aE8u');
const DOC = ['import { Octokit } from "octokit";', '', `const client = new Octokit({ auth: "${TOKEN}" });`, 'export default client;', ''].join('\n');

function apply(text: string, plan: { startOffset: number; endOffset: number; newText: string }): string {
  return text.slice(0, plan.startOffset) + plan.newText + text.slice(plan.endOffset);
}

describe('Redaction: findings on redacted lines, Preview & Apply on the real document', () => {
  const sent = buildSentFile({ path: 'src/client.ts', uri: 'file:///w/src/client.ts', languageId: 'typescript', text: DOC }, { maxChars: 10_000, redactSecrets: true }).file!;
  const quote = 'const client = new Octokit({ auth: "[REDACTED:github-token]" });';

  it('the model saw the placeholder, and the finding verifies against what was sent', () => {
    assert.ok(sent.text.includes(quote));
    const finding = { title: 'Hard-coded token', file: 'src/client.ts', line: 3, quote } as unknown as Finding;
    const v = verifyFinding(finding, [sent]);
    assert.equal(v.status, 'verified');
    assert.equal(v.location?.startLine, 3);
  });

  it('the quote is found in the real document (anchors, reveal)', () => {
    const loc = locateQuote(DOC, quote, 3);
    assert.ok(loc);
    assert.equal(loc.startLine, 3);
    assert.equal(DOC.slice(loc.startOffset, loc.endOffset), `const client = new Octokit({ auth: "${TOKEN}" });`);
  });

  it('a fix that drops the secret applies to the real line', () => {
    const r = planFix(DOC, quote, 'const client = new Octokit({ auth: process.env.GITHUB_TOKEN });', 3);
    assert.ok('plan' in r);
    const out = apply(DOC, r.plan);
    assert.ok(!out.includes(TOKEN));
    assert.ok(out.includes('auth: process.env.GITHUB_TOKEN'));
    assert.equal(out.split('\n').length, DOC.split('\n').length);
  });

  it('a fix that keeps the placeholder gets the real value back, never the placeholder', () => {
    const r = planFix(DOC, quote, 'const client = new Octokit({ auth: process.env.GITHUB_TOKEN ?? "[REDACTED:github-token]" });', 3);
    assert.ok('plan' in r);
    const out = apply(DOC, r.plan);
    assert.ok(!out.includes('[REDACTED'));
    assert.ok(out.includes(`process.env.GITHUB_TOKEN ?? "${TOKEN}"`));
  });

  it('a fix naming a secret the file does not have is refused with a clear message', () => {
    const r = planFix(DOC, quote, 'const client = new Octokit({ auth: "[REDACTED:password]" });', 3);
    assert.ok('error' in r && r.error === 'unknown-placeholder');
    assert.match(fixPlanMessage(r, 'src/client.ts'), /\[REDACTED:password\].*never written into a file/);
  });

  it('without placeholders it behaves as planReplacement', () => {
    const r = planFix(DOC, 'export default client;', 'export { client };', 4);
    assert.ok('plan' in r);
    assert.equal(apply(DOC, r.plan).split('\n')[3], 'export { client };');
    assert.deepEqual(planFix(DOC, 'not in the file', 'x'), { error: 'not-found' });
  });
});
