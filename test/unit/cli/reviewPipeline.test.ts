import * as assert from 'node:assert/strict';
import { AnthropicModelClient } from '../../../src/core/model/anthropicClient';
import { prepareBatches } from '../../../src/core/pipeline/sendFiles';
import { RULE_FACTS_TITLE, reviewFiles } from '../../../src/core/pipeline/review';
import { findSlashCommand } from '../../../src/core/slashCommands';
import { FakeAnthropicServer } from '../../fakeServer/fakeAnthropic';
import { testPersona } from '../testPersona';

const CODE = ['export async function listUsers(db, users) {', '  for (const u of users) {', '    u.orders = await db.query("SELECT * FROM orders WHERE user_id = $1", [u.id]);', '  }', '}', 'const key = "sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789ABCD";'].join('\n');

const ANSWER = [
  'One problem stands out.\n\n',
  '<finding severity="high" file="src/users.ts" line="2" end="3" title="N+1 query">\n<quote>\n  for (const u of users) {\n    u.orders = await db.query("SELECT * FROM orders WHERE user_id = $1", [u.id]);\n</quote>\n<issue>One query per user.</issue>\n</finding>\n',
  '<finding severity="low" file="src/users.ts" line="90" title="Invented">\n<quote>\nnot in the file\n</quote>\n<issue>x</issue>\n</finding>\n',
].join('');

describe('core review pipeline (reviewFiles) against the fake Anthropic server', function () {
  this.timeout(15000);
  let server: FakeAnthropicServer;
  let client: AnthropicModelClient;
  before(async () => {
    server = new FakeAnthropicServer();
    const { url } = await server.start();
    client = new AnthropicModelClient({ apiKey: 'sk-ant-test-key-000000000000000000', baseURL: url, idleTimeoutMs: 5000, maxRetries: 0 });
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  const prepared = () =>
    prepareBatches([{ path: 'src/users.ts', uri: 'file:///r/src/users.ts', languageId: 'typescript', text: CODE }], { budgetChars: 10_000, redactSecrets: true });

  it('redacts before sending, sends rule facts and the contract, and verifies each finding', async () => {
    server.script({ kind: 'reply', text: ANSWER, chunkSize: 7 });
    const { batches, notices } = prepared();
    assert.equal(batches.length, 1);
    assert.ok(notices.some((n) => n.kind === 'redacted'));
    const seen: string[] = [];
    const result = await reviewFiles({
      files: batches[0],
      persona: testPersona(),
      command: findSlashCommand('debug'),
      client,
      model: 'claude-test',
      maxTokens: 2048,
      signal: new AbortController().signal,
      ruleFindings: [{ ruleId: 'n-plus-one', category: 'n-plus-one', severity: 'medium', file: 'src/users.ts', line: 3, endLine: 3, message: 'SELECT * reads every column', snippet: 'SELECT *' }],
      onFinding: (f) => seen.push(f.finding.title),
    });
    assert.equal(result.error, undefined);
    assert.equal(result.text, ANSWER);
    assert.deepEqual(seen, ['N+1 query', 'Invented']);
    assert.deepEqual(result.findings.map((f) => f.status), ['verified', 'unverified']);
    assert.deepEqual(result.findings[0].location && [result.findings[0].location.startLine, result.findings[0].location.endLine], [2, 3]);
    assert.equal(result.ruleFindings.length, 1);
    assert.match(result.prose, /One problem stands out/);
    const body = server.requests[0].body!;
    const sent = JSON.stringify(body);
    assert.ok(!sent.includes('sk-ant-api03-abcdefghij'), 'the secret must be redacted');
    assert.ok(sent.includes(RULE_FACTS_TITLE) && sent.includes('rule=\\"n-plus-one\\" severity=medium at src/users.ts:3'));
    assert.ok(sent.includes('# Task: /debug'));
    assert.ok(sent.includes('<finding severity='), 'the output contract is in the system prompt');
  });

  it('keeps the partial answer and its findings when the stream fails', async () => {
    server.script({ kind: 'midStreamError', errorType: 'api_error', text: ANSWER.slice(0, ANSWER.indexOf('<finding severity="low"')), chunkSize: 50 });
    const result = await reviewFiles({ files: prepared().batches[0], persona: testPersona(), command: undefined, client, model: 'm', maxTokens: 100, signal: new AbortController().signal });
    assert.ok(result.error, 'the error is reported');
    assert.equal(result.findings.length, 1);
    assert.match(result.text, /N\+1 query/);
  });
});

describe('prepareBatches', () => {
  const doc = (path: string, chars: number) => ({ path, uri: `file:///r/${path}`, languageId: 'typescript', text: `${'x'.repeat(chars - 1)}\n` });
  it('packs files into batches under the budget, keeping order', () => {
    const { batches } = prepareBatches([doc('a.ts', 400), doc('b.ts', 400), doc('c.ts', 400)], { budgetChars: 1000, redactSecrets: false });
    assert.deepEqual(batches.map((b) => b.map((f) => f.path)), [['a.ts', 'b.ts'], ['c.ts']]);
  });
  it('sends only the spans of a diff review, each with its own first line', () => {
    const text = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`).join('\n');
    const { batches } = prepareBatches([{ path: 'a.ts', uri: 'file:///a.ts', languageId: 'typescript', text, spans: [{ startLine: 3, endLine: 5 }, { startLine: 40, endLine: 41 }] }], { budgetChars: 10_000, redactSecrets: false });
    assert.deepEqual(batches[0].map((f) => [f.firstLine, f.text]), [[3, 'line 3\nline 4\nline 5'], [40, 'line 40\nline 41']]);
    assert.equal(batches[0][0].selection, undefined);
  });
  it('skips binary and empty files with a notice', () => {
    const { batches, notices } = prepareBatches([{ path: 'b.bin', uri: 'file:///b', languageId: 'plaintext', text: 'a\u0000b' }, { path: 'e.ts', uri: 'file:///e', languageId: 'typescript', text: '  \n' }], { budgetChars: 100, redactSecrets: true });
    assert.equal(batches.length, 0);
    assert.deepEqual(notices.map((n) => n.kind), ['binary', 'empty']);
  });
});
