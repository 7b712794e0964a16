/**
 * In-process benchmarks of the pipeline stages (Node, no VS Code): overhead to the wire, first
 * render, streaming parse and quote relocation. Each returns table rows plus raw figures.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSentFile } from '../../src/core/context/contextBuilder';
import type { SentFile } from '../../src/core/context/sentFile';
import { OUTPUT_CONTRACT_INSTRUCTIONS } from '../../src/core/findings/contract';
import { FindingsStreamParser } from '../../src/core/findings/parser';
import type { Finding } from '../../src/core/findings/types';
import { verifyFindings } from '../../src/core/findings/verify';
import { AnthropicModelClient } from '../../src/core/model/anthropicClient';
import { parsePersona } from '../../src/core/personas/parsePersona';
import type { Persona } from '../../src/core/personas/persona';
import { buildPrompt } from '../../src/core/prompt/promptBuilder';
import type { ChatPart } from '../../src/core/render/chatParts';
import { FindingsChatRenderer } from '../../src/core/render/renderFinding';
import { findSlashCommand } from '../../src/core/slashCommands';
import { startFakeAnthropic } from '../fakeServer/fakeAnthropic';
import { summarize, timeSync, type Row } from './stats';
import { rng } from '../util/rng';

/** The repository root (this file is compiled to out/test/bench). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const TRANSCRIPTS = path.join(REPO_ROOT, 'test', 'fixtures', 'transcripts');


const FUNCTION_LINES = 12;

/** One 12-line handler; `i` makes its identifiers, SQL and strings unique, as in real code. */
function handler(i: number): string[] {
  return [
    `export async function getOrders${i}(req: Request, res: Response): Promise<void> {`,
    `  const userId${i} = String(req.params.id ?? '');`,
    `  const rows = await db.query('SELECT id, total_cents FROM orders_${i} WHERE user_id = $1', [userId${i}]);`,
    '  if (rows.length === 0) {',
    `    res.status(404).json({ error: 'no orders for user ${i}' });`,
    '    return;',
    '  }',
    '  for (const row of rows) {',
    `    await audit.record(row.id, 'orders-${i}-read', { at: Date.now() });`,
    '  }',
    `  res.json({ count: rows.length, page: ${i % 7} });`,
    '}',
  ];
}

/** A TypeScript file of exactly `lines` lines (one embedded secret, to exercise redaction). */
export function codeFile(lines: number): string {
  const out: string[] = ["import { db, audit } from './db';", "const STRIPE_KEY = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';", ''];
  for (let i = 0; out.length < lines; i++) {
    out.push(...handler(i), '');
  }
  return out.slice(0, lines).join('\n') + '\n';
}

function loadPersona(): Persona {
  const file = path.join(REPO_ROOT, 'personas', 'pragmatic-platform-engineer.md');
  const { persona } = parsePersona(fs.readFileSync(file, 'utf8'), { kind: 'bundled', path: file });
  if (!persona) {
    throw new Error('bundled persona did not load');
  }
  return persona;
}

/** Maps a render plan onto a ChatResponseStream-like spy, 1:1 like src/vscode/findings/renderChatParts.ts. */
interface SpyStream {
  markdown(value: string): void;
  anchor(value: { uri: string; range: unknown }, title: string): void;
  button(command: { command: string; title: string; arguments: unknown[] }): void;
  progress(value: string): void;
}

function renderTo(stream: SpyStream, parts: readonly ChatPart[]): void {
  for (const part of parts) {
    switch (part.kind) {
      case 'markdown':
        stream.markdown(part.value);
        break;
      case 'anchor':
        stream.anchor({ uri: part.uri, range: { start: part.range.startLine - 1, end: part.range.endLine - 1 } }, part.title);
        break;
      case 'button':
        stream.button({ command: part.command, title: part.title, arguments: [...part.arguments] });
        break;
      case 'progress':
        stream.progress(part.value);
        break;
    }
  }
}

export interface WireResult {
  readonly rows: Row[];
  readonly raw: Record<string, unknown>;
}

/**
 * 1 + 2: the participant's stages with a 5,000-line document and a selection, the real
 * AnthropicModelClient (SDK) and the fake server on 127.0.0.1. Overhead to the wire: from before
 * the context build to the server receiving the request's headers. First render: from the
 * server writing the first text delta to the first call on the spy stream.
 */
export async function benchWireAndFirstRender(runs = 50, warmup = 5): Promise<WireResult> {
  const persona = loadPersona();
  const command = findSlashCommand('debug');
  const text = codeFile(5000);
  const doc = {
    path: 'src/api/orders.ts',
    uri: 'file:///workspace/src/api/orders.ts',
    languageId: 'typescript',
    text,
    version: 1,
    selection: { startLine: 2401, endLine: 2424 },
  };
  // The defaults of architectPersonas.maxContextTokens (60,000 tokens ≈ 240,000 chars) and redactSecrets.
  const buildOptions = { maxChars: 60_000 * 4, redactSecrets: true };
  const answer = fs.readFileSync(path.join(TRANSCRIPTS, 'debug.md'), 'utf8');

  const server = await startFakeAnthropic();
  server.setDefault({ kind: 'reply', text: answer, chunkSize: 16 });
  let requestAt: number | undefined;
  let firstTokenAt: number | undefined;
  server.probe = (event, at) => {
    if (event.kind === 'request') {
      requestAt ??= at;
    } else if (event.type === 'content_block_delta') {
      firstTokenAt ??= at;
    }
  };
  const client = new AnthropicModelClient({ apiKey: 'sk-ant-bench-000000000000000000', baseURL: server.url, idleTimeoutMs: 60_000, maxRetries: 0 });

  let sentBytes = 0;
  let sentLines = '';
  const once = async (): Promise<{ wire: number; firstRender: number }> => {
    requestAt = undefined;
    firstTokenAt = undefined;
    let firstPartAt: number | undefined;
    const mark = () => {
      firstPartAt ??= performance.now();
    };
    const spy: SpyStream = { markdown: mark, anchor: mark, button: mark, progress: mark };
    const t0 = performance.now();
    const built = buildSentFile(doc, buildOptions);
    const files: SentFile[] = built.file ? [built.file] : [];
    const prompt = buildPrompt({ persona, command, userPrompt: 'why does this leak connections?', files, history: [], outputContract: OUTPUT_CONTRACT_INSTRUCTIONS });
    const renderer = new FindingsChatRenderer(files);
    const controller = new AbortController();
    await client.stream(
      { model: 'claude-sonnet-5-5', system: prompt.system, messages: prompt.messages, maxTokens: 8192, signal: controller.signal },
      (delta) => renderTo(spy, renderer.push(delta)),
    );
    renderTo(spy, renderer.end());
    sentBytes = JSON.stringify(prompt).length;
    sentLines = built.file?.truncationNote ?? `all ${text.split('\n').length - 1} lines`;
    if (requestAt === undefined || firstTokenAt === undefined || firstPartAt === undefined) {
      throw new Error('bench: probe did not fire');
    }
    return { wire: requestAt - t0, firstRender: firstPartAt - firstTokenAt };
  };

  try {
    const cold = await once();
    for (let i = 0; i < warmup; i++) {
      await once();
    }
    const wire: number[] = [];
    const render: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await once();
      wire.push(r.wire);
      render.push(r.firstRender);
    }
    const sdkLoad = measureSdkLoad(5);
    const w = summarize(wire);
    const f = summarize(render);
    const s = summarize(sdkLoad);
    return {
      rows: [
        { id: 'wire', label: '1. Overhead to the wire (5,000-line file + selection)', unit: 'ms', value: w.median, summary: w, target: { op: '<=', limit: 15 } },
        { id: 'wireFirst', label: '   first request, cold (incl. SDK load)', unit: 'ms', value: cold.wire, note: 'one sample, fresh process' },
        { id: 'sdkLoad', label: '   SDK module load alone (fresh process)', unit: 'ms', value: s.median, summary: s },
        { id: 'firstRender', label: '2. First render (first token → first chat part)', unit: 'ms', value: f.median, summary: f, target: { op: '<=', limit: 5 } },
        { id: 'firstRenderCold', label: '   first request, cold', unit: 'ms', value: cold.firstRender, note: 'one sample' },
      ],
      raw: { wire, firstRender: render, cold, sdkLoad, requestJsonChars: sentBytes, sentLines, documentChars: text.length },
    };
  } finally {
    await server.close();
  }
}

/** Time to require @anthropic-ai/sdk in a fresh Node process (what the first request pays). */
function measureSdkLoad(times: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const ms = execFileSync(process.execPath, ['-e', "const t=performance.now();require('@anthropic-ai/sdk');process.stdout.write(String(performance.now()-t))"], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    out.push(Number(ms));
  }
  return out;
}

/** A realistic answer of exactly `size` characters: the saved transcripts, repeated. */
export function answerOfSize(size: number): string {
  const names = fs.readdirSync(TRANSCRIPTS).filter((f) => f.endsWith('.md')).sort();
  const all = names.map((n) => fs.readFileSync(path.join(TRANSCRIPTS, n), 'utf8')).join('\n\n');
  return all.repeat(Math.ceil(size / all.length)).slice(0, size);
}

function chunksOf(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) {
    out.push(text.slice(i, i + size));
  }
  return out;
}

function streamParse(chunks: readonly string[]): number {
  const p = new FindingsStreamParser();
  let events = 0;
  for (const c of chunks) {
    events += p.push(c).length;
  }
  return events + p.end().length;
}

/** Naive baseline: a new parser over the whole accumulated buffer after every chunk. */
function naiveParse(chunks: readonly string[]): number {
  let buf = '';
  let events = 0;
  for (const c of chunks) {
    buf += c;
    events = FindingsStreamParser.parseAll(buf).length;
  }
  return events;
}

/** 3: streaming parse in 1 KB chunks at 10 KB, 100 KB and 1 MB, against the naive baseline. */
export function benchParse(): WireResult {
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  const sizes: Array<[string, number, number, number]> = [
    ['10 KB', 10 * 1024, 50, 20],
    ['100 KB', 100 * 1024, 30, 5],
    ['1 MB', 1024 * 1024, 15, 3],
  ];
  for (const [label, size, runs, naiveRuns] of sizes) {
    const chunks = chunksOf(answerOfSize(size), 1024);
    const stream = summarize(timeSync(() => streamParse(chunks), runs, 3));
    const naive = summarize(timeSync(() => naiveParse(chunks), naiveRuns, 1));
    const ratio = naive.median / stream.median;
    const is1mb = size === 1024 * 1024;
    rows.push({
      id: `parse${size}`,
      label: `3. Streaming parse ${label} in 1 KB chunks`,
      unit: 'ms',
      value: stream.median,
      summary: stream,
      ...(is1mb ? { target: { op: '<=' as const, limit: 50 } } : {}),
    });
    rows.push({ id: `parseNaive${size}`, label: `   naive re-parse per chunk, ${label}`, unit: 'ms', value: naive.median, summary: naive });
    rows.push({
      id: `parseRatio${size}`,
      label: `   speed-up vs naive, ${label}`,
      unit: '×',
      value: ratio,
      ...(is1mb ? { target: { op: '>=' as const, limit: 20 } } : {}),
    });
    raw[label] = { stream, naive, ratio, msPerMB: stream.median / (size / (1024 * 1024)), chunks: chunks.length };
  }
  return { rows, raw };
}

/** 4: 50 findings in a 10,000-line file, half with claimed lines shifted by 3–40 lines. */
export function benchRelocation(runs = 30): WireResult {
  const rand = rng(8);
  const base = codeFile(10_000);
  const lines = base.split('\n');
  const functions = Math.floor((lines.length - 3) / (FUNCTION_LINES + 1));
  interface Case {
    readonly finding: Finding;
    readonly start: number;
    readonly end: number;
    readonly shifted: boolean;
  }
  const cases: Case[] = [];
  const used = new Set<number>();
  while (cases.length < 50) {
    const fn = Math.floor(rand() * functions);
    if (used.has(fn)) {
      continue;
    }
    used.add(fn);
    const first = 3 + fn * (FUNCTION_LINES + 1) + 1; // 1-based line of the function's first line
    const offset = 1 + Math.floor(rand() * 7); // quote starts at one of the body lines that name `fn`… or near it
    const start = first + [1, 2, 4, 8, 10][offset % 5];
    const len = 1 + Math.floor(rand() * 3);
    const end = Math.min(start + len - 1, first + FUNCTION_LINES - 1);
    let quote = lines.slice(start - 1, end).join('\n');
    const shifted = cases.length % 2 === 1;
    if (shifted && cases.length % 10 === 3) {
      quote = quote.replace(/^ {2}/gm, '    '); // re-indented by the model: whitespace-normalised match
    }
    const shift = shifted ? (rand() < 0.5 ? -1 : 1) * (3 + Math.floor(rand() * 38)) : 0;
    const claimed = start + shift;
    const finding: Finding = {
      severity: 'high',
      file: 'src/api/orders.ts',
      line: claimed,
      endLine: claimed + (end - start),
      title: `Finding ${cases.length + 1}`,
      quote,
      sections: { issue: 'x' },
      fixes: [],
      attributes: {},
      problems: [],
      raw: '',
    };
    cases.push({ finding, start, end, shifted });
  }
  const findings = cases.map((c) => c.finding);
  let run = 0;
  let last: ReturnType<typeof verifyFindings> = [];
  const samples = timeSync(
    () => {
      // A new text each run (one changed trailing comment) so nothing is served from verify's cache.
      const sent: SentFile = { path: 'src/api/orders.ts', uri: 'file:///w/src/api/orders.ts', languageId: 'typescript', text: `${base}// run ${run++}`, firstLine: 1 };
      last = verifyFindings(findings, [sent]);
    },
    runs,
    3,
  );
  let correct = 0;
  let shiftedCorrect = 0;
  let shiftedTotal = 0;
  const methods: Record<string, number> = {};
  const misses: { finding: number; expected: string; got: string; quote: string }[] = [];
  last.forEach((v, i) => {
    const c = cases[i];
    const ok = v.location?.startLine === c.start && v.location?.endLine === c.end && v.status === (c.shifted ? 'relocated' : 'verified');
    correct += ok ? 1 : 0;
    if (!ok) {
      misses.push({
        finding: i + 1,
        expected: `${c.start}-${c.end} ${c.shifted ? 'relocated' : 'verified'} (claimed ${c.finding.line})`,
        got: `${v.location?.startLine}-${v.location?.endLine} ${v.status}${v.ambiguous ? ` ambiguous with ${v.ambiguous.map((a) => a.startLine).join(',')}` : ''}`,
        quote: c.finding.quote ?? '',
      });
    }
    if (c.shifted) {
      shiftedTotal++;
      shiftedCorrect += ok ? 1 : 0;
    }
    const m = v.match?.method ?? v.status;
    methods[m] = (methods[m] ?? 0) + 1;
  });
  const s = summarize(samples);
  return {
    rows: [
      { id: 'relocate', label: '4. Quote relocation (50 findings, 10,000 lines)', unit: 'ms', value: s.median, summary: s, target: { op: '<=', limit: 10 } },
      { id: 'relocateCorrect', label: '   located on the right lines (all 50)', unit: '%', value: (100 * correct) / cases.length },
      { id: 'relocateShiftedCorrect', label: '   of which shifted claims relocated correctly', unit: '%', value: (100 * shiftedCorrect) / shiftedTotal },
    ],
    raw: { samples, correct, total: cases.length, shiftedCorrect, shiftedTotal, methods, misses },
  };
}
