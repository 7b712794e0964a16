/**
 * Live mode against the fake Anthropic server, as if it were the API: the real SDK client streams
 * scripted answers in the real wire format, every answer is recorded as a transcript (with usage
 * and the prompt's hash), and replaying the recorded set scores exactly what the live run scored.
 * Also `npm run eval`'s entry point: ANTHROPIC_API_KEY + ANTHROPIC_BASE_URL select live mode, a key
 * the API refuses ends with exit code 3 and the error in the table.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OUTPUT_CONTRACT_INSTRUCTIONS } from '../../../src/core/findings/contract';
import { AnthropicModelClient } from '../../../src/core/model/anthropicClient';
import { estimateCostUsd } from '../../../src/core/model/pricing';
import { FakeAnthropicServer } from '../../fakeServer/fakeAnthropic';
import { listDesignBriefs, listReviewCases, loadReviewCase } from '../../evals/lib/evalCase';
import { evaluate } from '../../evals/lib/evaluate';
import { DEFAULT_SET, readSetInfo, readTranscript, setDir } from '../../evals/lib/transcripts';
import { main, parseArgs, answerSource } from '../../evals/run';

const MODEL = 'claude-sonnet-5-5';
const KEY = 'sk-ant-test-eval-key-0000000000000000';

describe('evals live mode (fake Anthropic server as the API)', function () {
  this.timeout(30000);
  let server: FakeAnthropicServer;
  let url: string;
  let tmp: string;
  const hand = setDir(DEFAULT_SET);
  const caseIds = listReviewCases();
  const briefIds = listDesignBriefs();

  before(async () => {
    server = new FakeAnthropicServer();
    ({ url } = await server.start());
  });
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'evals-live-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** Scripts the hand-written answers as the API's replies, in the order the runner asks. */
  function scriptHandWrittenAnswers(): void {
    const answers = [...caseIds.map((id) => readTranscript(hand, 'review', id)!), ...briefIds.map((id) => readTranscript(hand, 'design', id)!)];
    answers.forEach((t, i) =>
      server.script({ kind: 'reply', text: t.text, chunkSize: 13 + i, stopReason: t.meta.stopReason ?? 'end_turn', usage: { inputTokens: 3000 + i, outputTokens: 900 + i, cacheReadInputTokens: 1000 } }),
    );
  }

  it('calls the API once per case and brief, records every answer, and a replay of the recording scores the same', async () => {
    scriptHandWrittenAnswers();
    const client = new AnthropicModelClient({ apiKey: KEY, baseURL: url, idleTimeoutMs: 5000, maxRetries: 0 });
    const recordTo = path.join(tmp, 'recorded');
    const live = await evaluate({ source: { mode: 'live', client, model: MODEL, recordTo }, priceModel: 'unused', maxTokens: 4096, sql: false, now: new Date('2026-12-01T12:00:00Z') });

    assert.equal(server.requests.length, caseIds.length + briefIds.length);
    const first = server.requests[0].body!;
    assert.equal(first.model, MODEL);
    assert.equal(first.max_tokens, 4096);
    const system = JSON.stringify(first.system);
    assert.ok(system.includes(JSON.stringify(OUTPUT_CONTRACT_INSTRUCTIONS).slice(1, 200)), 'the output contract is in the system prompt');
    const firstCase = loadReviewCase(caseIds[0]);
    const userText = JSON.stringify(first.messages);
    for (const file of firstCase.files) {
      assert.ok(userText.includes(`path=\\"${file}\\"`), `${file} was sent`);
    }
    const design = server.requests[caseIds.length].body!;
    assert.match(JSON.stringify(design.system), /# Task: \/design/);

    // Recorded: the exact text, usage and the prompt hash; the set says which model.
    assert.deepEqual(readSetInfo(recordTo), { source: 'api', model: MODEL, date: '2026-12-01', note: 'Recorded by npm run eval (live).' });
    for (const id of caseIds) {
      const rec = readTranscript(recordTo, 'review', id)!;
      assert.equal(rec.text, readTranscript(hand, 'review', id)!.text);
      assert.equal(rec.meta.model, MODEL);
      assert.match(rec.meta.promptSha256 ?? '', /^[0-9a-f]{64}$/);
      assert.equal(rec.meta.usage?.cacheReadInputTokens, 1000);
    }
    assert.equal(readTranscript(recordTo, 'review', 'bookings-django')!.meta.stopReason, 'max_tokens');

    // Usage and cost come from the API's figures, priced with the model's own prices.
    const c0 = live.cases[0];
    assert.equal(c0.usage.source, 'api');
    assert.equal(c0.usage.inputTokens, 3000);
    assert.equal(c0.usage.outputTokens, 900);
    assert.ok(c0.usage.costUsd !== null && c0.usage.costUsd > 0);
    assert.equal(c0.usage.costUsd, estimateCostUsd(MODEL, c0.usage));
    assert.equal(live.model, MODEL);

    // Replaying the recording gives the same scores, and no prompt is stale.
    const replay = await evaluate({ source: { mode: 'replay', set: recordTo }, priceModel: MODEL, maxTokens: 4096, sql: false });
    assert.deepEqual(replay.totals, live.totals);
    assert.ok([...replay.cases, ...replay.designs].every((r) => !r.stalePrompt));
    // ... and the same as the hand-written set replayed directly (the wire and the SDK lose nothing).
    const direct = await evaluate({ source: { mode: 'replay', set: DEFAULT_SET }, priceModel: MODEL, maxTokens: 4096, sql: false });
    assert.deepEqual(
      direct.cases.map((c) => [c.id, c.score.found, c.score.truePositives, c.score.anchorsOnTarget, c.score.parse.lossless]),
      live.cases.map((c) => [c.id, c.score.found, c.score.truePositives, c.score.anchorsOnTarget, c.score.parse.lossless]),
    );
  });

  it('a recorded answer whose prompt has since changed is flagged on replay', async () => {
    scriptHandWrittenAnswers();
    const client = new AnthropicModelClient({ apiKey: KEY, baseURL: url, idleTimeoutMs: 5000, maxRetries: 0 });
    const recordTo = path.join(tmp, 'rec');
    await evaluate({ source: { mode: 'live', client, model: MODEL, recordTo }, priceModel: MODEL, maxTokens: 4096, only: ['notes-service'] });
    const metaFile = path.join(recordTo, 'review', 'notes-service.meta.json');
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    fs.writeFileSync(metaFile, JSON.stringify({ ...meta, promptSha256: '0'.repeat(64) }));
    const replay = await evaluate({ source: { mode: 'replay', set: recordTo }, priceModel: MODEL, maxTokens: 4096, only: ['notes-service'] });
    assert.equal(replay.cases[0].stalePrompt, true);
  });

  it('npm run eval with ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL runs live, records, and writes the JSON', async () => {
    server.script({ kind: 'reply', text: readTranscript(hand, 'review', 'notes-service')!.text });
    const record = path.join(tmp, 'set');
    const out = path.join(tmp, 'out');
    const logs: string[] = [];
    const log = console.log;
    const error = console.error;
    console.log = (...a: unknown[]) => logs.push(a.join(' '));
    console.error = (...a: unknown[]) => logs.push(a.join(' '));
    let code: number;
    try {
      code = await main(['--no-sql', '--case', 'notes-service', '--record', record, '--out', out, '--model', MODEL], { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: url });
    } finally {
      console.log = log;
      console.error = error;
    }
    assert.equal(code, 0, logs.join('\n'));
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0].auth.value, KEY);
    assert.ok(readTranscript(record, 'review', 'notes-service'));
    const json = JSON.parse(fs.readFileSync(path.join(out, 'latest-live-set.json'), 'utf8'));
    assert.equal(json.mode, 'live');
    assert.equal(json.model, MODEL);
    assert.match(logs.join('\n'), /Architect Personas evals — live, model claude-sonnet-5-5/);
  });

  it('a key the API refuses: every case fails, the error is in the table, exit code 3, nothing crashes', async () => {
    server.setDefault({ kind: 'error', status: 401 });
    const logs: string[] = [];
    const log = console.log;
    const error = console.error;
    console.log = (...a: unknown[]) => logs.push(a.join(' '));
    console.error = (...a: unknown[]) => logs.push(a.join(' '));
    let code: number;
    try {
      code = await main(['--no-sql', '--case', 'notes-service,orders-service', '--record', path.join(tmp, 's'), '--out', path.join(tmp, 'o')], { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: url });
    } finally {
      console.log = log;
      console.error = error;
    }
    assert.equal(code, 3);
    assert.match(logs.join('\n'), /error: auth/);
    // The failed answers are recorded with their error, and a replay of them still says so.
    assert.match(readTranscript(path.join(tmp, 's'), 'review', 'notes-service')!.meta.error ?? '', /^auth: /);
    const replay = await evaluate({ source: { mode: 'replay', set: path.join(tmp, 's') }, priceModel: MODEL, maxTokens: 4096, sql: false, only: ['notes-service'] });
    assert.match(replay.cases[0].error ?? '', /^auth: /);
  });

  it('without a key, or with --replay, the saved transcripts are replayed; bad options are exit code 2', async () => {
    assert.equal(answerSource(parseArgs([]), {}).mode, 'replay');
    assert.equal(answerSource(parseArgs(['--replay']), { ANTHROPIC_API_KEY: KEY }).mode, 'replay');
    const live = answerSource(parseArgs(['--model', 'claude-opus-5-5']), { ANTHROPIC_API_KEY: KEY });
    assert.equal(live.mode === 'live' && live.model, 'claude-opus-5-5');
    assert.equal(live.mode === 'live' && live.recordTo, 'claude-opus-5-5');
    assert.throws(() => answerSource(parseArgs(['--record', 'x']), {}), /needs live mode/);
    const error = console.error;
    console.error = () => undefined;
    try {
      assert.equal(await main(['--max-tokens', '7'], {}), 2);
      assert.equal(await main(['--bogus'], {}), 2);
      assert.equal(await main(['--transcripts', path.join(tmp, 'nowhere')], {}), 2);
    } finally {
      console.error = error;
    }
    assert.equal(server.requests.length, 0, 'replay never calls the API');
  });
});
