// Copies the runtime and wasm files the rules engine loads on first use into dist/, beside the bundles that
// load them: the tree-sitter runtime and grammars (@vscode/tree-sitter-wasm) and the PostgreSQL
// parser (@pgsql/parser resolves libpg-query.wasm from the bundle's own folder).
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
export const RULES_GRAMMARS = ['typescript', 'tsx', 'javascript', 'python'];

export function copyRulesWasm(outDir = 'dist') {
  mkdirSync(outDir, { recursive: true });
  const treeSitter = join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
  const pg = join(dirname(require.resolve('@pgsql/parser/package.json')), 'wasm');
  const files = [
    join(treeSitter, 'tree-sitter.js'),
    join(treeSitter, 'tree-sitter.wasm'),
    ...RULES_GRAMMARS.map((g) => join(treeSitter, `tree-sitter-${g}.wasm`)),
    join(pg, 'libpg-query.wasm'),
  ];
  let bytes = 0;
  for (const file of files) {
    copyFileSync(file, join(outDir, file.split(/[\\/]/).pop()));
    bytes += statSync(file).size;
  }
  return { files: files.length, bytes };
}
