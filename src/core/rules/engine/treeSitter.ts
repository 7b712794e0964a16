/**
 * Loads the tree-sitter runtime and grammars VS Code itself ships (@vscode/tree-sitter-wasm) on
 * first use. Nothing here runs at import time: the runtime is required inside `loadRuntime`, so
 * the extension's activation never evaluates it, and each grammar is compiled once per process.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as TreeSitter from '@vscode/tree-sitter-wasm';

export type Node = TreeSitter.Node;
export type Tree = TreeSitter.Tree;
export type Language = TreeSitter.Language;
export type Query = TreeSitter.Query;
type Runtime = typeof TreeSitter;

let runtime: Promise<Runtime> | undefined;
const languages = new Map<string, Promise<Language>>();
let wasmDirInUse: string | undefined;

/** The folder holding tree-sitter.js/.wasm and the grammars: next to the bundle (dist/), else node_modules. */
export function resolveWasmDir(preferred?: string): string {
  const candidates: string[] = [];
  if (preferred) {
    candidates.push(preferred);
  }
  candidates.push(__dirname, path.join(__dirname, 'wasm'));
  try {
    candidates.push(path.join(path.dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm'));
  } catch {
    // not installed (the packaged extension): the bundle folder must hold the files
  }
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'tree-sitter.wasm')) && fs.existsSync(path.join(dir, 'tree-sitter.js')));
  if (!found) {
    throw new Error(`tree-sitter.wasm not found (looked in ${candidates.join(', ')}); rebuild with npm run build.`);
  }
  return found;
}

function loadRuntime(wasmDir?: string): Promise<Runtime> {
  runtime ??= (async () => {
    const dir = resolveWasmDir(wasmDir);
    wasmDirInUse = dir;
    // Required from the wasm folder at run time, never bundled: its emscripten loader declares its
    // own `require`, which breaks once a bundler rewrites its dynamic imports.
    const ts = createRequire(__filename)(path.join(dir, 'tree-sitter.js')) as Runtime;
    await ts.Parser.init({ locateFile: (file: string) => path.join(dir, file) });
    return ts;
  })();
  runtime.catch(() => {
    runtime = undefined;
  });
  return runtime;
}

/** A parser for `grammar` (file stem, e.g. `typescript` for tree-sitter-typescript.wasm). */
export async function loadGrammar(grammar: string, wasmDir?: string): Promise<{ runtime: Runtime; language: Language }> {
  const rt = await loadRuntime(wasmDir);
  let language = languages.get(grammar);
  if (!language) {
    const file = path.join(wasmDirInUse ?? resolveWasmDir(wasmDir), `tree-sitter-${grammar}.wasm`);
    language = rt.Language.load(fs.readFileSync(file));
    languages.set(grammar, language);
    language.catch(() => languages.delete(grammar));
  }
  return { runtime: rt, language: await language };
}
