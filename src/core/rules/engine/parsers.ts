/** One tree-sitter parser and compiled call query per grammar, made on first use. */
import { CodeFile } from './codeFile';
import type { LanguageSpec } from './languages';
import { TreeCache } from './treeReuse';
import { loadGrammar, type Query, type Tree } from './treeSitter';

interface Loaded {
  /** With `reuse`, the file's last tree is kept and the next parse of the same path starts from it. */
  parse(text: string, path: string, reuse?: TreeCache): CodeFileHandle;
}

/** The trees the editor's rules runs keep between runs (runRules with `reuseTrees`). */
export const editorTrees = new TreeCache(16);

export interface CodeFileHandle {
  readonly file: CodeFile;
  /** Frees the tree's wasm memory; the CodeFile must not be used after. */
  dispose(): void;
}

const loaded = new Map<string, Promise<Loaded>>();

export function parserFor(spec: LanguageSpec, wasmDir?: string): Promise<Loaded> {
  let p = loaded.get(spec.grammar);
  if (!p) {
    p = (async () => {
      const { runtime, language } = await loadGrammar(spec.grammar, wasmDir);
      const parser = new runtime.Parser();
      parser.setLanguage(language);
      const query: Query = new runtime.Query(language, spec.callQuery);
      return {
        parse(text: string, path: string, reuse?: TreeCache): CodeFileHandle {
          const parse = (t: string, old?: Tree): Tree => {
            const tree = parser.parse(t, old);
            if (!tree) {
              throw new Error(`tree-sitter could not parse ${path}`);
            }
            return tree;
          };
          if (reuse) {
            // A copy (cheap: tree-sitter shares its subtrees) so that this run's tree stays valid
            // even if another run edits or evicts the kept one before this run is done with it.
            const tree = reuse.treeFor(`${spec.grammar}:${path}`, text, parse).copy();
            return { file: new CodeFile(path, text, spec, tree, query), dispose: () => tree.delete() };
          }
          const tree = parse(text);
          return { file: new CodeFile(path, text, spec, tree, query), dispose: () => tree.delete() };
        },
      };
    })();
    loaded.set(spec.grammar, p);
    p.catch(() => loaded.delete(spec.grammar));
  }
  return p;
}

/** Parses `text` as `spec`'s language. */
export async function parseCode(spec: LanguageSpec, path: string, text: string, wasmDir?: string, reuse?: TreeCache): Promise<CodeFileHandle> {
  return (await parserFor(spec, wasmDir)).parse(text, path, reuse);
}
