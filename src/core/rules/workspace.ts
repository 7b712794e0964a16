/**
 * The files of a folder the rules read: code in a known language and .sql files, skipping
 * dependency, build and VCS folders, files over 1 MB and anything past `maxFiles`. Used by the
 * CLI and the workspace run; relative paths with forward slashes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isRuleFile } from './engine/runner';
import type { SourceFile } from './types';

export const SKIPPED_FOLDERS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'coverage', 'vendor', '.venv', 'venv', 'env', '__pycache__',
  '.next', '.nuxt', '.turbo', '.cache', 'target', '.tox', '.mypy_cache', '.pytest_cache', 'site-packages', 'bower_components',
]);
export const MAX_FILE_BYTES = 1024 * 1024;

export interface CollectedRuleFiles {
  readonly files: SourceFile[];
  /** Files left out, with why (too large, unreadable, over the limit). */
  readonly skipped: { readonly path: string; readonly reason: string }[];
}

function toRel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/** Walks `targets` (files or folders, relative to `root` or absolute) and reads the rule files in them. */
export async function collectRuleFiles(root: string, targets: readonly string[], maxFiles = 5000, signal?: AbortSignal): Promise<CollectedRuleFiles> {
  const files: SourceFile[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const seen = new Set<string>();
  const visit = async (abs: string, explicit: boolean): Promise<void> => {
    if (signal?.aborted || seen.has(abs)) {
      return;
    }
    seen.add(abs);
    const stat = await fs.promises.stat(abs).catch(() => undefined);
    if (!stat) {
      if (explicit) {
        throw new Error(`${abs}: no such file or folder`);
      }
      return;
    }
    if (stat.isDirectory()) {
      if (!explicit && (SKIPPED_FOLDERS.has(path.basename(abs)) || path.basename(abs).startsWith('.'))) {
        return;
      }
      const entries = await fs.promises.readdir(abs).catch(() => [] as string[]);
      for (const name of entries.sort()) {
        await visit(path.join(abs, name), false);
      }
      return;
    }
    const rel = toRel(root, abs);
    if (!stat.isFile() || (!explicit && !isRuleFile(rel))) {
      return;
    }
    if (files.length >= maxFiles) {
      skipped.push({ path: rel, reason: `over the limit of ${maxFiles} files` });
      return;
    }
    if (stat.size > MAX_FILE_BYTES) {
      skipped.push({ path: rel, reason: 'larger than 1 MB' });
      return;
    }
    try {
      files.push({ path: rel, text: await fs.promises.readFile(abs, 'utf8') });
    } catch (err) {
      skipped.push({ path: rel, reason: (err as Error).message });
    }
  };
  for (const t of targets.length > 0 ? targets : ['.']) {
    await visit(path.resolve(root, t), true);
  }
  return { files, skipped };
}

/** Every .sql file under `root` (the schema the schema-aware rules read), same skips as above. */
export async function collectSchemaFiles(root: string, maxFiles = 2000): Promise<SourceFile[]> {
  const { files } = await collectRuleFiles(root, ['.'], 100_000);
  return files.filter((f) => f.path.toLowerCase().endsWith('.sql')).slice(0, maxFiles);
}
