/**
 * The engines behind run_rules (src/core/rules) and the SQL tools (src/core/sql), adapted to the
 * small interfaces the tools use. Both load on first use, never when a surface starts.
 */
import type { RulesAccess } from './types';

/** The rules engine; `wasmDir` is where the grammars ship (the extension's dist/), default next to the bundle. */
export function createRulesAccess(options: { wasmDir?: string } = {}): RulesAccess {
  return {
    async run(files, signal) {
      const { runRules } = await import('../rules');
      return runRules(
        files.map((f) => ({ path: f.path, text: f.text, ...(f.languageId ? { languageId: f.languageId } : {}) })),
        { signal, ...(options.wasmDir ? { wasmDir: options.wasmDir } : {}) },
      );
    },
  };
}
