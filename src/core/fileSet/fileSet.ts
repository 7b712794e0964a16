/**
 * The one set of files every surface reads — `rules`, `review`, the MCP tools, the editor's
 * "Run Backend Rules on Workspace" and its schema: inside a Git repository the files `git
 * ls-files` lists under each scope (tracked, plus untracked files .gitignore does not ignore),
 * else a folder walk; only the rule languages (TypeScript, JavaScript, Python) and .sql; the
 * default excludes of defaultExcludes.ts applied to each path *relative to its scope*; files
 * over 1 MB, binary files and generated files (by their header) reported as skipped. A file the
 * user names is always read. Paths come out relative to `root`, with forward slashes.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { isRuleFile } from '../rules/engine/runner';
import { isTestPath } from '../rules/engine/testFiles';
import { excludedFolderReason, excludedReason, generatedMarker } from './defaultExcludes';
import { listFiles, repositoryRoot } from './git';

export const MAX_FILE_BYTES = 1024 * 1024;

export interface FileSetOptions {
  /** Paths are reported relative to this folder. */
  readonly root: string;
  /** Files or folders, absolute or relative to `root`; default: `root` itself. */
  readonly scopes?: readonly string[];
  /** Which listed files to keep (by root-relative path); default: the rule languages and .sql. */
  readonly accept?: (path: string) => boolean;
  /** Read at most this many files; the rest are reported as skipped. Default: no limit. */
  readonly maxFiles?: number;
  /** False: never run git (an untrusted folder); walk instead. Default true. */
  readonly useGit?: boolean;
  readonly signal?: AbortSignal;
}

export interface FileSetFile {
  /** Relative to the root, forward slashes. */
  readonly path: string;
  readonly absolutePath: string;
  readonly text: string;
  /** A test file by the test-file policy, judged from the path relative to its scope. */
  readonly test: boolean;
  /** Named by the user (not found by listing a folder). */
  readonly named: boolean;
}

export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

export interface FileSet {
  readonly root: string;
  /** Whether git listed the files (at least one scope is inside a repository). */
  readonly inRepository: boolean;
  readonly files: readonly FileSetFile[];
  /** Files of the rule languages left out, with why: too large, binary, generated, over the limit. */
  readonly skipped: readonly SkippedFile[];
  /** Files of the rule languages left out by the default excludes (folders such as node_modules, fixtures), per reason. */
  readonly excluded: ReadonlyMap<string, number>;
}

export class FileSetError extends Error {}

const toPosix = (p: string): string => p.split(path.sep).join('/');

/** Files under `dir`, relative to it, not descending into excluded folders. */
async function walk(dir: string, signal: AbortSignal | undefined, out: string[], prefix = ''): Promise<void> {
  const entries = await fs.readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (signal?.aborted) {
      return;
    }
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!excludedFolderReason(e.name)) {
        await walk(dir, signal, out, rel);
      }
    } else if (e.isFile()) {
      out.push(rel);
    }
  }
}

/** The files of one folder scope, relative to it: git's listing inside a repository, else a walk. */
async function listScope(folder: string, useGit: boolean, signal?: AbortSignal): Promise<{ files: string[]; git: boolean }> {
  if (useGit && (await repositoryRoot(folder))) {
    const listed = await listFiles(folder, ['.']).catch(() => undefined);
    if (listed && listed.length > 0) {
      return { files: listed.sort(), git: true };
    }
    // nothing listed: a folder git ignores, named on purpose — walk it
  }
  const files: string[] = [];
  await walk(folder, signal, files);
  return { files, git: false };
}

function looksBinary(text: string): boolean {
  return text.slice(0, 8000).includes('\0');
}

export async function collectFileSet(options: FileSetOptions): Promise<FileSet> {
  const root = path.resolve(options.root);
  const accept = options.accept ?? ((p: string) => isRuleFile(p));
  const maxFiles = options.maxFiles ?? Infinity;
  const useGit = options.useGit ?? true;
  const candidates = new Map<string, { abs: string; test: boolean; named: boolean }>();
  const excluded = new Map<string, number>();
  let inRepository = false;

  for (const scope of options.scopes && options.scopes.length > 0 ? options.scopes : [root]) {
    const abs = path.resolve(root, scope);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat) {
      throw new FileSetError(`${scope}: no such file or folder`);
    }
    if (stat.isFile()) {
      const rel = toPosix(path.relative(root, abs));
      if (!candidates.has(rel)) {
        candidates.set(rel, { abs, test: isTestPath(rel, true), named: true });
      }
      continue;
    }
    const listed = await listScope(abs, useGit, options.signal);
    inRepository ||= listed.git;
    for (const inScope of listed.files) {
      const rel = toPosix(path.relative(root, path.join(abs, inScope)));
      if (candidates.has(rel) || !accept(rel)) {
        continue;
      }
      const why = excludedReason(inScope);
      if (why) {
        excluded.set(why, (excluded.get(why) ?? 0) + 1);
        continue;
      }
      candidates.set(rel, { abs: path.join(abs, inScope), test: isTestPath(inScope), named: false });
    }
  }

  const files: FileSetFile[] = [];
  const skipped: SkippedFile[] = [];
  const ordered = [...candidates.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const BATCH = 32;
  let i = 0;
  while (i < ordered.length && files.length < maxFiles && !options.signal?.aborted) {
    const batch = ordered.slice(i, i + Math.min(BATCH, maxFiles - files.length));
    i += batch.length;
    for (const r of await Promise.all(batch.map(async ([rel, c]) => readOne(rel, c)))) {
      if (r && 'reason' in r) {
        skipped.push(r);
      } else if (r) {
        files.push(r);
      }
    }
  }
  if (!options.signal?.aborted) {
    for (const [rel] of ordered.slice(i)) {
      skipped.push({ path: rel, reason: `over the limit of ${maxFiles} files (--max-files)` });
    }
  }
  return { root, inRepository, files, skipped, excluded };
}

async function readOne(rel: string, c: { abs: string; test: boolean; named: boolean }): Promise<FileSetFile | SkippedFile | undefined> {
  const stat = await fs.stat(c.abs).catch(() => undefined);
  if (!stat?.isFile()) {
    return undefined; // deleted in the working tree, or a submodule
  }
  if (stat.size > MAX_FILE_BYTES) {
    return { path: rel, reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (${Math.round(stat.size / 1024)} KB)` };
  }
  let text: string;
  try {
    text = await fs.readFile(c.abs, 'utf8');
  } catch (err) {
    return { path: rel, reason: (err as Error).message };
  }
  if (looksBinary(text)) {
    return { path: rel, reason: 'binary' };
  }
  const marker = c.named ? undefined : generatedMarker(text);
  if (marker) {
    return { path: rel, reason: `generated ("${marker}")` };
  }
  return { path: rel, absolutePath: c.abs, text, test: c.test, named: c.named };
}

/** The .sql files of a set: the rules' schema model, from inside the scope only. */
export function schemaFilesOf(set: FileSet): FileSetFile[] {
  return set.files.filter((f) => f.path.toLowerCase().endsWith('.sql'));
}

/** One line on what the default excludes left out ("12 files in dependencies (node_modules/), …"), or undefined. */
export function excludedSummary(set: FileSet): string | undefined {
  if (set.excluded.size === 0) {
    return undefined;
  }
  const total = [...set.excluded.values()].reduce((a, b) => a + b, 0);
  const top = [...set.excluded.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4);
  return `${total} file${total === 1 ? '' : 's'} left out by the default excludes: ${top.map(([why, n]) => `${n} in ${why}`).join(', ')}${set.excluded.size > top.length ? ', …' : ''}`;
}
