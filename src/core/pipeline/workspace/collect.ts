/**
 * Which files a review reads: the named paths (default the current folder), as git lists them
 * (so .gitignore applies) or by walking the folder outside a repository; for `--diff`, the
 * files changed since the merge base with their changed spans. Paths come out relative to the
 * review root (the repository's top folder, else the current folder), with forward slashes.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { languageIdForPath } from '../languages';
import { changedLinesOf, hunkSpan, mergeSpans, parseUnifiedDiff, type LineSpan } from '../../review/hunks';
import { ReviewConfigError } from './errors';
import { diffSince, listFiles, mergeBase, repositoryRoot } from './git';

export interface ReviewTarget {
  readonly path: string;
  readonly absolutePath: string;
  readonly languageId: string;
  readonly text: string;
  /** --diff: the lines sent to the model (changed hunks widened by context); absent: the whole file. */
  readonly spans?: readonly LineSpan[];
  /** --diff: the added or changed lines (and where lines were removed); rule findings are kept only where they touch these. */
  readonly changed?: readonly LineSpan[];
}

export interface CollectedFiles {
  readonly root: string;
  readonly inRepository: boolean;
  readonly targets: readonly ReviewTarget[];
  /** Files left out and why (size, binary, --max-files). */
  readonly notices: readonly string[];
  readonly diff?: { readonly base: string; readonly mergeBase: string };
  /** The repository's .sql files (migrations, schema dumps): the rules' schema model, whatever is reviewed. */
  readonly schemaFiles: readonly { readonly path: string; readonly text: string; readonly languageId: string }[];
}

export interface CollectOptions {
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly diff?: string;
  readonly untracked: boolean;
  readonly maxFiles: number;
}

/** Lines of context sent around each changed hunk, on top of git's own 3. */
export const DIFF_CONTEXT_LINES = 5;
const MAX_FILE_BYTES = 1024 * 1024;
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'build', 'coverage', '.next', '.nuxt', 'vendor', 'target', '__pycache__', '.venv', 'venv', '.terraform']);
const LOCK_FILES = new Set(['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'npm-shrinkwrap.json', 'cargo.lock', 'poetry.lock', 'composer.lock', 'gemfile.lock', 'go.sum']);
const NOT_CODE = new Set(['plaintext', 'markdown']);
const BINARY_EXT = /\.(png|jpe?g|gif|webp|ico|svg|pdf|zip|gz|tgz|bz2|xz|7z|jar|war|class|exe|dll|so|dylib|wasm|bin|woff2?|ttf|otf|eot|mp[34]|mov|avi|sqlite|db|pyc|o|a|node|map)$/i;

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Whether a file found by listing (not named by the user) is worth reviewing. */
function isReviewable(rel: string): boolean {
  const name = rel.slice(rel.lastIndexOf('/') + 1).toLowerCase();
  if (LOCK_FILES.has(name) || BINARY_EXT.test(name) || /\.min\.(js|css)$/.test(name)) {
    return false;
  }
  if (rel.split('/').some((s) => SKIPPED_DIRS.has(s))) {
    return false;
  }
  return !NOT_CODE.has(languageIdForPath(rel));
}

async function walk(root: string, dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) {
        await walk(root, abs, out);
      }
    } else if (e.isFile()) {
      out.push(toPosix(path.relative(root, abs)));
    }
  }
}

/** Resolves the user's paths against cwd and checks they exist inside the root. */
async function pathspecs(root: string, cwd: string, paths: readonly string[]): Promise<{ rel: string; isFile: boolean }[]> {
  const out: { rel: string; isFile: boolean }[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const rel = path.relative(root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new ReviewConfigError(`${p} is outside the review root ${root}; run the command from the repository that contains it.`);
    }
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat) {
      throw new ReviewConfigError(`${p} does not exist (resolved to ${abs}).`);
    }
    out.push({ rel: toPosix(rel) || '.', isFile: stat.isFile() });
  }
  return out;
}

async function readTarget(root: string, rel: string, notices: string[]): Promise<{ abs: string; text: string } | undefined> {
  const abs = path.join(root, rel);
  const stat = await fs.stat(abs).catch(() => undefined);
  if (!stat?.isFile()) {
    return undefined; // deleted in the working tree, or a submodule
  }
  if (stat.size > MAX_FILE_BYTES) {
    notices.push(`${rel} is ${Math.round(stat.size / 1024)} KB; files over ${MAX_FILE_BYTES / 1024} KB are skipped.`);
    return undefined;
  }
  return { abs, text: await fs.readFile(abs, 'utf8') };
}

const MAX_SCHEMA_FILES = 300;

/** Every .sql file under the root (git-listed, or walked), for the schema model. */
async function schemaFilesOf(root: string, inRepository: boolean): Promise<CollectedFiles['schemaFiles']> {
  let all: string[];
  if (inRepository) {
    all = await listFiles(root, ['*.sql', '**/*.sql']);
  } else {
    all = [];
    await walk(root, root, all);
  }
  const out: { path: string; text: string; languageId: string }[] = [];
  for (const rel of all.filter((p) => p.toLowerCase().endsWith('.sql') && !p.split('/').some((s) => SKIPPED_DIRS.has(s))).sort().slice(0, MAX_SCHEMA_FILES)) {
    const read = await readTarget(root, rel, []);
    if (read) {
      out.push({ path: rel, text: read.text, languageId: 'sql' });
    }
  }
  return out;
}

function capped<T>(list: readonly T[], max: number, notices: string[]): readonly T[] {
  if (list.length <= max) {
    return list;
  }
  notices.push(`${list.length - max} of ${list.length} files were not reviewed (--max-files ${max}); name fewer paths or raise --max-files.`);
  return list.slice(0, max);
}

export async function collectFiles(options: CollectOptions): Promise<CollectedFiles> {
  const gitRoot = await repositoryRoot(options.cwd);
  const root = gitRoot ?? path.resolve(options.cwd);
  if (options.diff !== undefined && !gitRoot) {
    throw new ReviewConfigError(`--diff needs a Git repository, and ${root} is not in one.`);
  }
  const specs = await pathspecs(root, options.cwd, options.paths.length > 0 ? options.paths : ['.']);
  const notices: string[] = [];
  const named = new Set(specs.filter((s) => s.isFile).map((s) => s.rel));

  if (options.diff !== undefined && gitRoot) {
    const base = await mergeBase(root, options.diff);
    const diffs = parseUnifiedDiff(await diffSince(root, base, specs.map((s) => s.rel)));
    const targets: ReviewTarget[] = [];
    for (const d of diffs) {
      if (!d.newPath || d.hunks.length === 0 || (!named.has(d.newPath) && !isReviewable(d.newPath))) {
        continue;
      }
      if (d.binary) {
        continue;
      }
      const read = await readTarget(root, d.newPath, notices);
      if (!read) {
        continue;
      }
      const total = read.text.split('\n').length;
      targets.push({
        path: d.newPath,
        absolutePath: read.abs,
        languageId: languageIdForPath(d.newPath),
        text: read.text,
        spans: mergeSpans(d.hunks.map((h) => hunkSpan(h, DIFF_CONTEXT_LINES, total)), 2),
        changed: mergeSpans(changedLinesOf(d).map((line) => ({ startLine: line, endLine: line }))),
      });
    }
    if (options.untracked) {
      const seen = new Set(targets.map((t) => t.path));
      for (const rel of await listFiles(root, specs.map((s) => s.rel), 'untracked')) {
        if (seen.has(rel) || (!named.has(rel) && !isReviewable(rel))) {
          continue;
        }
        const read = await readTarget(root, rel, notices);
        if (read) {
          targets.push({ path: rel, absolutePath: read.abs, languageId: languageIdForPath(rel), text: read.text });
        }
      }
    }
    return {
      root,
      inRepository: true,
      targets: capped(targets, options.maxFiles, notices),
      notices,
      diff: { base: options.diff, mergeBase: base },
      schemaFiles: await schemaFilesOf(root, true),
    };
  }

  let listed: string[];
  if (gitRoot) {
    listed = await listFiles(root, specs.map((s) => s.rel));
  } else {
    listed = [];
    for (const s of specs) {
      if (s.isFile) {
        listed.push(s.rel);
      } else {
        await walk(root, path.join(root, s.rel), listed);
      }
    }
  }
  const candidates = [...new Set(listed)].filter((rel) => named.has(rel) || isReviewable(rel)).sort();
  const targets: ReviewTarget[] = [];
  for (const rel of capped(candidates, options.maxFiles, notices)) {
    const read = await readTarget(root, rel, notices);
    if (read) {
      targets.push({ path: rel, absolutePath: read.abs, languageId: languageIdForPath(rel), text: read.text });
    }
  }
  return { root, inRepository: gitRoot !== undefined, targets, notices, schemaFiles: await schemaFilesOf(root, gitRoot !== undefined) };
}
