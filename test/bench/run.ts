/**
 * `npm run bench`: measures what users feel and prints it beside the targets. Figures only:
 * nothing here (or in any test) fails on a timing. Writes the same figures as JSON to
 * bench-results/ (gitignored).
 *
 *   node out/test/bench/run.js [--no-vscode] [--no-package] [--no-schemas]
 *
 * Stages: in-process pipeline benchmarks (test/bench/core.ts); the production bundle and the
 * .vsix (`vsce package`, which runs vscode:prepublish); activation and memory in real VS Code
 * through the offline code-server harness, against an instrumented copy of the production bundle.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { benchParse, benchRelocation, benchWireAndFirstRender, REPO_ROOT } from './core';
import { fmt, met, renderTable, summarize, type Row } from './stats';
import { benchParserPushes } from './parser';
import { benchRedaction } from './redact';
import { benchRules } from './rules';
import { benchRealWorld } from './realworld';
import { benchRulesHeldout } from './rulesHeldout';
import { benchPglite } from './pglite';
import { benchSchemasFill } from './schemasFill';
import { benchCli } from './cli';
import { benchTools } from './tools';

const args = new Set(process.argv.slice(2));
const RESULTS_DIR = path.join(REPO_ROOT, 'bench-results');
const KB = 1024;

/** The SDK, from the extension bundle, resolves to the separately built dist/anthropic-sdk.js (as in esbuild.mjs). */
const sdkAsSeparateFile: esbuild.Plugin = {
  name: 'sdk-as-separate-file',
  setup(build) {
    build.onResolve({ filter: /^@anthropic-ai\/sdk$/ }, () => ({ path: './anthropic-sdk.js', external: true }));
  },
};

/** esbuild.mjs's two `--production` builds (kept in step by hand; the bench reads sizes and module marks from them). */
const COMMON: esbuild.BuildOptions = {
  absWorkingDir: REPO_ROOT,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  metafile: true,
  logLevel: 'warning',
};
const PRODUCTION_OPTIONS: esbuild.BuildOptions = {
  ...COMMON,
  entryPoints: [path.join(REPO_ROOT, 'src/extension.ts')],
  external: ['vscode'],
  plugins: [sdkAsSeparateFile],
  supported: { 'dynamic-import': false },
};
const SDK_OPTIONS: esbuild.BuildOptions = { ...COMMON, entryPoints: ['@anthropic-ai/sdk'] };

function packageOf(file: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file.replace(/\\/g, '/'));
  return m ? m[1] : path.relative(REPO_ROOT, file).replace(/\\/g, '/');
}

/** Bytes in the minified bundle per npm package (own code as one entry). */
async function bundleComposition(): Promise<Array<{ module: string; kb: number }>> {
  const result = await esbuild.build({ ...PRODUCTION_OPTIONS, write: false, outfile: path.join(os.tmpdir(), 'ap-bench-meta.js') });
  const output = Object.values(result.metafile?.outputs ?? {})[0];
  const by = new Map<string, number>();
  for (const [file, info] of Object.entries(output?.inputs ?? {})) {
    const key = /node_modules/.test(file) ? packageOf(file) : 'own code (src/)';
    by.set(key, (by.get(key) ?? 0) + info.bytesInOutput);
  }
  return [...by.entries()].sort((a, b) => b[1] - a[1]).map(([module, bytes]) => ({ module, kb: bytes / KB }));
}

function packageSizes(tmp: string): { rows: Row[]; raw: Record<string, unknown> } {
  const vsix = path.join(tmp, 'architect-personas.vsix');
  const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  // vsce runs `vscode:prepublish` (npm run build:production), which writes dist/extension.js.
  // Base URLs from package.json's repository, so relative README links never stop the packaging (size only).
  const repo = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { repository?: { url?: string } }).repository?.url;
  const base = (repo ?? 'https://example.invalid/architect-personas').replace(/\.git$/, '');
  execFileSync(vsce, ['package', '--no-dependencies', '--baseContentUrl', base, '--baseImagesUrl', base, '--out', vsix], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const bundle = fs.statSync(path.join(REPO_ROOT, 'dist', 'extension.js')).size;
  const sdkFile = path.join(REPO_ROOT, 'dist', 'anthropic-sdk.js');
  const sdkBytes = fs.existsSync(sdkFile) ? fs.statSync(sdkFile).size : NaN;
  const vsixSize = fs.statSync(vsix).size;
  return {
    rows: [
      { id: 'bundle', label: '5. Bundle dist/extension.js (production, minified)', unit: 'KB', value: bundle / KB, target: { op: '<=', limit: 700 } },
      { id: 'sdkBundle', label: '   dist/anthropic-sdk.js (loaded on 1st request)', unit: 'KB', value: sdkBytes / KB },
      { id: 'vsix', label: '   .vsix (vsce package --no-dependencies)', unit: 'KB', value: vsixSize / KB },
    ],
    raw: { bundleBytes: bundle, sdkBundleBytes: sdkBytes, vsixBytes: vsixSize },
  };
}

// ---------------------------------------------------------------------------------------------
// Real VS Code: activation and memory

const MARK_FN = '__apBenchMark';
const BANNER =
  'var __apB=globalThis.__apBench||(globalThis.__apBench={evalStart:performance.now(),seen:{}});' +
  `globalThis.${MARK_FN}||(globalThis.${MARK_FN}=function(n){if(!(n in __apB.seen))__apB.seen[n]=performance.now()});`;
const FOOTER =
  ';(function(){var b=globalThis.__apBench;b.evalEnd=performance.now();var o=module.exports,a=o.activate;' +
  'module.exports=Object.assign({},o,{activate:function(c){b.activateStart=performance.now();' +
  'try{return a.call(this,c)}finally{b.activateEnd=performance.now();b.seenAtActivate=Object.keys(b.seen)}}})})();';

/** Marks the start of every module body (own files by path, dependencies by package name). */
const markModules: esbuild.Plugin = {
  name: 'bench-module-marks',
  setup(build) {
    build.onLoad({ filter: /\.(?:[cm]?js|ts)$/ }, async (a) => {
      const source = await fs.promises.readFile(a.path, 'utf8');
      // Keep a shebang, leading comments and a 'use strict' directive in front of the mark.
      const head = /^(?:#![^\n]*\n)?(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(?:(['"])use strict\1;?)?/.exec(source)?.[0] ?? '';
      const mark = `;(globalThis.${MARK_FN}||function(){})(${JSON.stringify(packageOf(a.path))});\n`;
      return { contents: head + mark + source.slice(head.length), loader: a.path.endsWith('.ts') ? 'ts' : 'js', resolveDir: path.dirname(a.path) };
    });
  },
};

async function instrumentedExtension(tmp: string): Promise<string> {
  const dir = path.join(tmp, 'extension');
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  for (const entry of ['package.json', 'personas', 'media', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    const from = path.join(REPO_ROOT, entry);
    if (fs.existsSync(from)) {
      fs.cpSync(from, path.join(dir, entry), { recursive: true });
    }
  }
  await esbuild.build({
    ...PRODUCTION_OPTIONS,
    outfile: path.join(dir, 'dist', 'extension.js'),
    banner: { js: BANNER },
    footer: { js: FOOTER },
    plugins: [sdkAsSeparateFile, markModules],
  });
  await esbuild.build({
    ...SDK_OPTIONS,
    outfile: path.join(dir, 'dist', 'anthropic-sdk.js'),
    banner: { js: `${BANNER}globalThis.${MARK_FN}('dist/anthropic-sdk.js');` },
    plugins: [markModules],
  });
  return dir;
}

interface VscodeFigures {
  activeAtEntry: boolean;
  extActivateMs?: number;
  bundleEvalMs: number;
  activateCallMs: number;
  packagesAtActivation: string[];
  modulesAtActivation: string[];
  modulesBeforeFirstUse: string[];
  sdkLoadedBeforeFirstUse: boolean;
  sdkLoadedAfterFirstUse: boolean;
  newModulesOnFirstUse: string[];
  requests: number;
  memoryRunMs: number;
  heap: Array<{ requests: number; heapUsed: number }>;
  chatOpenToWireMs: number[];
  vscodeVersion: string;
}

function runVscode(tmp: string, extensionDir: string): VscodeFigures {
  const artifacts = path.join(tmp, 'artifacts');
  fs.mkdirSync(artifacts, { recursive: true });
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'out', 'test', 'harness', 'runCodeServer.js')], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      ARCHITECT_TESTS_PATH: path.join(REPO_ROOT, 'out', 'test', 'bench', 'activation', 'index'),
      ARCHITECT_EXTENSION_PATH: extensionDir,
      ARCHITECT_TEST_ARTIFACTS: artifacts,
    },
  });
  const file = path.join(artifacts, 'bench-vscode.json');
  if (r.status !== 0 || !fs.existsSync(file)) {
    throw new Error(`the VS Code benchmark failed (exit ${r.status}); logs in ${artifacts}`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as VscodeFigures;
}

function vscodeRows(v: VscodeFigures): Row[] {
  const first = v.heap.find((h) => h.requests === 10) ?? v.heap[1] ?? v.heap[0];
  const last = v.heap[v.heap.length - 1];
  const perRequest = (last.heapUsed - first.heapUsed) / Math.max(1, last.requests - first.requests);
  const warm = summarize(v.chatOpenToWireMs.slice(1));
  const rows: Row[] = [
    { id: 'bundleEval', label: '5. Activation: bundle evaluation (code loading)', unit: 'ms', value: v.bundleEvalMs },
    { id: 'activateCall', label: '   activate() call', unit: 'ms', value: v.activateCallMs },
    { id: 'activationTotal', label: '   activation total (evaluation + activate)', unit: 'ms', value: v.bundleEvalMs + v.activateCallMs },
  ];
  if (v.extActivateMs !== undefined) {
    rows.push({ id: 'extActivate', label: '   ext.activate() as seen by a caller', unit: 'ms', value: v.extActivateMs });
  }
  rows.push(
    { id: 'sdkAtActivation', label: `   SDK loaded at activation: ${v.sdkLoadedBeforeFirstUse ? 'YES' : 'no'} (after 1st request: ${v.sdkLoadedAfterFirstUse ? 'yes' : 'no'})`, unit: '', value: NaN },
    { id: 'chatToWireFirst', label: '   chat.open → request at server, 1st (incl. chat UI)', unit: 'ms', value: v.chatOpenToWireMs[0] },
    { id: 'chatToWire', label: '   chat.open → request at server, later (incl. chat UI)', unit: 'ms', value: warm.median, summary: warm },
    { id: 'heapFirst', label: `6. Ext-host heap after ${first.requests} requests`, unit: 'MB', value: first.heapUsed / (KB * KB) },
    { id: 'heapLast', label: `   ext-host heap after ${last.requests} requests`, unit: 'MB', value: last.heapUsed / (KB * KB) },
    { id: 'heapPerRequest', label: `   growth per request (${first.requests}→${last.requests})`, unit: 'KB', value: perRequest / KB },
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  const rows: Row[] = [];
  const json: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, platform: `${os.platform()} ${os.arch()}`, cpu: os.cpus()[0]?.model };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-bench-'));
  const notes: string[] = [];
  try {
    console.log('bench: 1–2 overhead to the wire and first render…');
    const wire = await benchWireAndFirstRender();
    rows.push(...wire.rows);
    json.wire = wire.raw;
    console.log('bench: 3 streaming parse…');
    const parse = benchParse();
    rows.push(...parse.rows);
    json.parse = parse.raw;
    const pushes = benchParserPushes();
    rows.push(...pushes.rows);
    json.parserPushes = pushes.raw;
    console.log('bench: 4 quote relocation…');
    const relocation = benchRelocation();
    rows.push(...relocation.rows);
    json.relocation = relocation.raw;
    console.log('bench: redaction (corpus recall, false positives, throughput, pathological inputs)…');
    const redaction = benchRedaction();
    rows.push(...redaction.rows);
    json.redaction = redaction.raw;
    console.log(redaction.text);
    console.log('bench: rules (corpus precision/recall, 10k-line file, 2,000-file workspace in the worker)…');
    const rulesBench = await benchRules();
    rows.push(...rulesBench.rows);
    json.rules = rulesBench.raw;
    console.log(rulesBench.text);
    console.log('bench: rules on real code (test/realworld: precision per rule from the hand labels, findings per 1,000 lines)…');
    const realWorld = await benchRealWorld();
    rows.push(...realWorld.rows);
    json.realWorld = realWorld.raw;
    console.log(realWorld.text);
    console.log('bench: rules on the held-out set (test/fixtures/rules/heldout: public linters\' labelled test data, never tuned on)…');
    const heldout = await benchRulesHeldout();
    rows.push(...heldout.rows);
    json.rulesHeldout = heldout.raw;
    console.log(heldout.text);
    console.log('bench: tools (read_file, find_in_workspace on 2,000 files, one tool round)…');
    const toolsBench = await benchTools();
    rows.push(...toolsBench.rows);
    json.tools = toolsBench.raw;
    console.log('bench: command line (start-up, offline review as SARIF, npm package size)…');
    const cliBench = benchCli();
    rows.push(...cliBench.rows);
    json.cli = cliBench.raw;

    if (!args.has('--no-package')) {
      console.log('bench: 5 production bundle and .vsix…');
      const sizes = packageSizes(tmp);
      rows.push(...sizes.rows);
      json.sizes = { ...sizes.raw, composition: await bundleComposition() };
    }
    console.log('bench: 7 embedded PostgreSQL (first plan, warm EXPLAIN, 300 migrations, 100k rows, worker memory)…');
    const pg = await benchPglite((json.sizes as { vsixBytes?: number } | undefined)?.vsixBytes);
    rows.push(...pg.rows);
    json.pglite = pg.raw;
    if (!args.has('--no-schemas')) {
      console.log('bench: 7b synthetic data on the real schemas of test/realworld/schemas (20,000 rows each; several minutes)…');
      const fill = await benchSchemasFill();
      rows.push(...fill.rows);
      json.schemasFill = fill.raw;
    }
    if (!args.has('--no-vscode')) {
      console.log('bench: 5–6 activation and memory in VS Code (code-server harness; several minutes)…');
      const v = runVscode(tmp, await instrumentedExtension(tmp));
      rows.push(...vscodeRows(v));
      json.vscode = v;
      if (v.requests < 200) {
        notes.push(`memory: ${v.requests} requests fitted in the time budget, not 200.`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  console.log(`\nArchitect Personas benchmark — ${json.date}, Node ${process.version}, ${String(json.cpu)}\n`);
  console.log(renderTable(rows));
  const composition = (json.sizes as { composition?: Array<{ module: string; kb: number }> } | undefined)?.composition;
  if (composition) {
    console.log(`\nBundle composition (minified KB): ${composition.slice(0, 6).map((c) => `${c.module} ${fmt(c.kb)}`).join(', ')}`);
  }
  const v = json.vscode as VscodeFigures | undefined;
  if (v) {
    console.log(`Packages evaluated at activation: ${v.packagesAtActivation.join(', ') || '(none)'}`);
    console.log(`Modules first evaluated on the first request: ${v.newModulesOnFirstUse.join(', ') || '(none)'}`);
  }
  for (const n of notes) {
    console.log(`Note: ${n}`);
  }
  const missed = rows.filter((r) => met(r) === false);
  console.log(missed.length ? `\nTargets missed: ${missed.map((r) => r.label.trim()).join('; ')}` : '\nAll targets met.');

  json.rows = rows.map((r) => ({ ...r, met: met(r) }));
  json.notes = notes;
  json.durationMs = Date.now() - started;
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = String(json.date).replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(RESULTS_DIR, `bench-${stamp}.json`), JSON.stringify(json, null, 2));
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), JSON.stringify(json, null, 2));
  console.log(`Figures written to bench-results/bench-${stamp}.json (and latest.json).`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
