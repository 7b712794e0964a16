/**
 * Benchmark entry loaded by the VS Code extension host through the offline code-server harness
 * (test/harness/runCodeServer.ts with ARCHITECT_TESTS_PATH pointing here), against the
 * instrumented production bundle that test/bench/run.ts builds: the bundle records when it is
 * evaluated, how long activate() takes, and the first time each module body runs
 * (globalThis.__apBench). This entry adds the first use and the memory run, and writes
 * everything to $ARCHITECT_TEST_ARTIFACTS/bench-vscode.json. Prints figures; asserts nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { FakeAnthropicServer } from '../../fakeServer/fakeAnthropic';
import { api, askInChat, EXTENSION_ID, openFixture, useFakeAnthropic, waitFor } from '../../integration/support';

interface BenchGlobal {
  evalStart?: number;
  evalEnd?: number;
  activateStart?: number;
  activateEnd?: number;
  seen: Record<string, number>;
  seenAtActivate?: string[];
}

const TARGET_REQUESTS = Number(process.env.ARCHITECT_BENCH_REQUESTS ?? 200);
const MEMORY_BUDGET_MS = Number(process.env.ARCHITECT_BENCH_MEMORY_BUDGET_MS ?? 8 * 60_000);
const CHECKPOINTS = new Set([10, 25, 50, 100, 150, 200]);

function bench(): BenchGlobal | undefined {
  return (globalThis as { __apBench?: BenchGlobal }).__apBench;
}

function loadedModules(): string[] {
  return Object.keys(bench()?.seen ?? {});
}

function packagesOf(modules: readonly string[]): string[] {
  return [...new Set(modules.filter((m) => !m.startsWith('src/')))].sort();
}

let gcFn: (() => void) | undefined;
function heapUsed(): number {
  if (!gcFn) {
    v8.setFlagsFromString('--expose-gc');
    gcFn = vm.runInNewContext('gc') as () => void;
  }
  gcFn();
  gcFn();
  return process.memoryUsage().heapUsed;
}

async function ask(server: FakeAnthropicServer, query: string, requestTimes: number[]): Promise<void> {
  const { transcript } = await api();
  const before = transcript.last()?.id ?? 0;
  const count = server.requests.length;
  const t0 = performance.now();
  let at: number | undefined;
  server.probe = (e, now) => {
    if (e.kind === 'request') {
      at ??= now;
    }
  };
  await askInChat(query);
  await waitFor('the @backend turn to finish', () => {
    const last = transcript.last();
    return last && last.id > before && last.done && server.requests.length > count ? true : undefined;
  }, 60_000);
  if (at !== undefined) {
    requestTimes.push(at - t0);
  }
}

export async function run(): Promise<void> {
  const out: Record<string, unknown> = { vscodeVersion: vscode.version, node: process.version };
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) {
    throw new Error(`${EXTENSION_ID} is not installed`);
  }
  out.activeAtEntry = ext.isActive;
  out.instrumented = bench() !== undefined;
  if (!ext.isActive) {
    const t = performance.now();
    await ext.activate();
    out.extActivateMs = performance.now() - t;
  }
  const b = bench();
  if (b) {
    out.bundleEvalMs = (b.evalEnd ?? NaN) - (b.evalStart ?? NaN);
    out.activateCallMs = (b.activateEnd ?? NaN) - (b.activateStart ?? NaN);
    out.modulesAtActivation = b.seenAtActivate ?? [];
    out.packagesAtActivation = packagesOf(b.seenAtActivate ?? []);
  }
  // Let activation's asynchronous work (persona loading, watchers) settle.
  await new Promise((r) => setTimeout(r, 2000));
  out.modulesBeforeFirstUse = loadedModules();
  out.sdkLoadedBeforeFirstUse = loadedModules().includes('@anthropic-ai/sdk');

  const server = await useFakeAnthropic();
  const answer = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'transcripts', 'debug.md'), 'utf8');
  server.setDefault({ kind: 'reply', text: answer, chunkSize: 64 });
  const requestTimes: number[] = [];
  const heap: Array<{ requests: number; heapUsed: number }> = [];
  try {
    await openFixture('src/db/users.ts', { startLine: 11, endLine: 19 });
    heap.push({ requests: 0, heapUsed: heapUsed() });
    await ask(server, '@backend /debug why is this slow?', requestTimes);
    out.modulesAfterFirstUse = loadedModules();
    out.sdkLoadedAfterFirstUse = loadedModules().includes('@anthropic-ai/sdk');
    out.newModulesOnFirstUse = loadedModules().filter((m) => !(out.modulesBeforeFirstUse as string[]).includes(m));

    const started = Date.now();
    let n = 1;
    while (n < TARGET_REQUESTS && Date.now() - started < MEMORY_BUDGET_MS) {
      await ask(server, `@backend /debug why is this slow? (${n + 1})`, requestTimes);
      n++;
      if (CHECKPOINTS.has(n)) {
        heap.push({ requests: n, heapUsed: heapUsed() });
        console.log(`bench: ${n} requests, heap ${(heap[heap.length - 1].heapUsed / 1048576).toFixed(1)} MB`);
      }
    }
    if (!CHECKPOINTS.has(n)) {
      heap.push({ requests: n, heapUsed: heapUsed() });
    }
    out.requests = n;
    out.memoryRunMs = Date.now() - started;
  } finally {
    await server.close();
  }
  out.heap = heap;
  out.chatOpenToWireMs = requestTimes;
  const file = path.join(process.env.ARCHITECT_TEST_ARTIFACTS ?? '.', 'bench-vscode.json');
  fs.writeFileSync(file, JSON.stringify(out, null, 2));
  console.log(`bench: wrote ${file}`);
}
