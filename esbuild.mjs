// Bundles the extension into dist/extension.js. `vscode` is provided by the host.
// The Anthropic SDK is bundled into its own file, dist/anthropic-sdk.js, which the extension
// requires on the first request only (src/core/model/anthropicClient.ts uses a dynamic
// import()): activation neither reads nor evaluates it.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { copyRulesWasm } from './scripts/copy-rules-wasm.mjs';
import { buildPgliteAssets } from './scripts/build-pglite-assets.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
};

/** Resolves the SDK, from the extension bundle, to the separately built dist/anthropic-sdk.js. */
const sdkAsSeparateFile = {
  name: 'sdk-as-separate-file',
  setup(build) {
    build.onResolve({ filter: /^@anthropic-ai\/sdk$/ }, () => ({ path: './anthropic-sdk.js', external: true }));
  },
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [sdkAsSeparateFile],
    // import() becomes a lazy require(), which the extension host's module loader handles.
    supported: { 'dynamic-import': false },
  },
  { ...common, entryPoints: ['@anthropic-ai/sdk'], outfile: 'dist/anthropic-sdk.js' },
  {
    // The command line (`architect-personas`, package.json "bin"): the same core, no vscode.
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [sdkAsSeparateFile],
    supported: { 'dynamic-import': false },
    define: { __CLI_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  },
  // The embedded PostgreSQL worker thread (PGlite), started on first use; its wasm and data files
  // sit beside it in dist/pglite/ (scripts/build-pglite-assets.mjs), found from its __filename.
  // PGlite's initdb module reads import.meta.url even in its cjs build (esbuild leaves it empty
  // in cjs output → "Invalid URL"): give it this file's URL.
  {
    ...common,
    entryPoints: ['src/core/sql/worker/pgliteWorker.ts'],
    outfile: 'dist/pglite/worker.js',
    define: { 'import.meta.url': '__workerFileUrl' },
    banner: { js: "var __workerFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  },
  // The rules worker thread (src/core/rules/worker), started on first use; the tree-sitter and
  // libpg_query wasm files sit beside it in dist/ (scripts/copy-rules-wasm.mjs).
  { ...common, entryPoints: ['src/core/rules/worker/rulesWorker.ts'], outfile: 'dist/rulesWorker.js' },
];

const pglite = await buildPgliteAssets();
console.log(`dist/pglite/ ${pglite.files} PGlite files, base data directory ${pglite.dataDir}`);

const rulesWasm = copyRulesWasm('dist');
console.log(`dist/ ${rulesWasm.files} rules wasm files, ${(rulesWasm.bytes / 1024).toFixed(0)} KB`);

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  for (const options of builds) {
    const result = await esbuild.build(options);
    const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
    console.log(`${options.outfile} ${(bytes / 1024).toFixed(1)} KB${production ? ' (minified)' : ''}`);
  }
}
