/**
 * Bench section for the tools (figures only, never asserted): the tool loop's cost per round
 * against the fake Anthropic server, read_file on a 5,000-line file, and find_in_workspace over a
 * generated 2,000-file workspace (text and symbol search).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AnthropicModelClient } from '../../src/core/model/anthropicClient';
import type { ModelRequest } from '../../src/core/model/modelClient';
import { runToolLoop } from '../../src/core/model/toolLoop';
import { createToolRunner, createWorkspaceAccess, type ToolContext } from '../../src/core/tools';
import { findTool, runTool } from '../../src/core/tools';
import { FakeAnthropicServer } from '../fakeServer/fakeAnthropic';
import { summarize, type Row } from './stats';

const RUNS = 15;

async function timed(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

function row(id: string, label: string, samples: number[], note?: string): Row {
  const s = summarize(samples);
  return { id, label, unit: 'ms', value: s.median, summary: s, ...(note ? { note } : {}) };
}

export async function benchTools(): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-bench-tools-'));
  for (let d = 0; d < 40; d++) {
    fs.mkdirSync(path.join(root, 'src', `mod${d}`), { recursive: true });
    for (let f = 0; f < 50; f++) {
      const body = Array.from({ length: 60 }, (_, i) => `export const value${d}_${f}_${i} = await db.query('SELECT * FROM t${i % 7} WHERE id = $1', [id]);`).join('\n');
      fs.writeFileSync(path.join(root, 'src', `mod${d}`, `file${f}.ts`), `export function handler${d}_${f}() {}\n${body}\n`);
    }
  }
  fs.writeFileSync(path.join(root, 'big.ts'), Array.from({ length: 5000 }, (_, i) => `const line${i} = ${i};`).join('\n'));
  const ctx: ToolContext = { files: createWorkspaceAccess({ root }), maxFileChars: 48_000, redactSecrets: true };
  const signal = new AbortController().signal;
  const rows: Row[] = [];
  try {
    rows.push(row('tools.read', 'read_file, 5,000-line file (budget cut, redaction)', await timed(RUNS, () => runTool(findTool('read_file')!, { path: 'big.ts' }, ctx, signal))));
    rows.push(row('tools.findText', 'find_in_workspace text, 2,000 files (walk, no git)', await timed(5, () => runTool(findTool('find_in_workspace')!, { query: 'no such text anywhere' }, ctx, signal))));
    rows.push(row('tools.findSymbol', 'find_in_workspace symbol, 2,000 files', await timed(5, () => runTool(findTool('find_in_workspace')!, { query: 'handler39_49', kind: 'symbol' }, ctx, signal))));

    const server = new FakeAnthropicServer();
    const { url } = await server.start();
    try {
      const client = new AnthropicModelClient({ apiKey: 'sk-ant-bench-0000000000000000', baseURL: url, idleTimeoutMs: 10_000, maxRetries: 0 });
      const request: ModelRequest = {
        model: 'claude-bench',
        system: [{ text: 'persona '.repeat(500), cache: true }],
        messages: [{ role: 'user', content: 'review' }],
        maxTokens: 1000,
        signal,
      };
      const runner = createToolRunner(ctx);
      const plain = await timed(RUNS, async () => {
        server.script({ kind: 'reply', text: 'answer' });
        await runToolLoop(client, request, () => undefined, { runner });
      });
      const withTool = await timed(RUNS, async () => {
        server.script({ kind: 'reply', toolUses: [{ name: 'read_file', input: { path: 'big.ts', startLine: 1, endLine: 50 } }] }, { kind: 'reply', text: 'answer' });
        await runToolLoop(client, request, () => undefined, { runner });
      });
      rows.push(row('tools.loop0', 'answer without a tool call (1 request, fake server)', plain));
      rows.push(row('tools.loop1', 'answer with one read_file round (2 requests, fake server)', withTool, 'the difference is one round: request, SSE, tool run'));
    } finally {
      await server.close();
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return { rows, raw: Object.fromEntries(rows.map((r) => [r.id, r.summary])) };
}
