/**
 * Which files a review reads: the file set of src/core/fileSet (the same files `rules` reads:
 * git's listing or a walk, the rule languages and .sql, the default excludes applied relative to
 * each named path), or for `--diff` the changed files of that set with their changed spans.
 * Paths come out relative to the review root (the repository's top folder, else the current
 * folder), with forward slashes. The schema model is built from the .sql files inside the named
 * paths (plus `--schema`), never from the rest of the repository.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { languageIdForPath } from '../languages';
import { changedLinesOf, hunkSpan, mergeSpans, parseUnifiedDiff, type LineSpan } from '../../review/hunks';
import { collectFileSet, excludedSummary, FileSetError, MAX_FILE_BYTES, schemaFilesOf, type FileSet, type FileSetOptions, type SkippedFile } from '../../fileSet/fileSet';
import { excludedReason } from '../../fileSet/defaultExcludes';
import { isRuleFile } from '../../rules/engine/runner';
import { isTestPath } from '../../rules/engine/testFiles';
import { ReviewConfigError } from './errors';
import { diffSince, listFiles, mergeBase, repositoryRoot } from './git';

export interface ReviewTarget {
  readonly path: string;
  readonly absolutePath: string;
  readonly languageId: string;
  readonly text: string;
  /** A test file by the test-file policy (judged relative to the named path). */
  readonly test?: boolean;
  /** --diff: the lines sent to the model (changed hunks widened by context); absent: the whole file. */
  readonly spans?: readonly LineSpan[];
  /** --diff: the added or changed lines (and where lines were removed); rule findings are kept only where they touch these. */
  readonly changed?: readonly LineSpan[];
}

export interface CollectedFiles {
  readonly root: string;
  readonly inRepository: boolean;
  readonly targets: readonly ReviewTarget[];
  /** Files left out and why (size, binary, generated, --max-files). */
  readonly skipped: readonly SkippedFile[];
  /** What the default excludes left out, one line, when they left out anything. */
  readonly excluded?: string;
  readonly diff?: { readonly base: string; readonly mergeBase: string };
  /** The .sql files inside the named paths (and --schema): the rules' schema model. */
  readonly schemaFiles: readonly { readonly path: string; readonly text: string; readonly languageId: string }[];
  /** Where the query planner looks for the schema: the one folder named, else the root. */
  readonly schemaRoot: string;
}

export interface CollectOptions {
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly diff?: string;
  readonly untracked: boolean;
  /** Most files read; undefined: all of them. */
  readonly maxFiles?: number;
  /** Extra files or folders whose .sql files join the schema model (--schema). */
  readonly schemaPaths?: readonly string[];
}

/** Lines of context sent around each changed hunk, on top of git's own 3. */
export const DIFF_CONTEXT_LINES = 5;

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

interface Spec {
  readonly rel: string;
  readonly abs: string;
  readonly isFile: boolean;
}

/** Resolves the user's paths against cwd and checks they exist inside the root. */
async function pathspecs(root: string, cwd: string, paths: readonly string[]): Promise<Spec[]> {
  const out: Spec[] = [];
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
    out.push({ rel: toPosix(rel) || '.', abs, isFile: stat.isFile() });
  }
  return out;
}

/** For a changed or untracked file found by git: read it when the file set would (named, or a rule file not excluded relative to its scope). */
function inFileSet(rel: string, specs: readonly Spec[]): { test: boolean } | undefined {
  if (specs.some((s) => s.isFile && s.rel === rel)) {
    return { test: isTestPath(rel, true) };
  }
  const scope = specs.find((s) => !s.isFile && (s.rel === '.' || rel.startsWith(`${s.rel}/`)));
  if (!scope || !isRuleFile(rel)) {
    return undefined;
  }
  const inScope = scope.rel === '.' ? rel : rel.slice(scope.rel.length + 1);
  return excludedReason(inScope) ? undefined : { test: isTestPath(inScope) };
}

async function readTarget(root: string, rel: string, skipped: SkippedFile[]): Promise<{ abs: string; text: string } | undefined> {
  const abs = path.join(root, rel);
  const stat = await fs.stat(abs).catch(() => undefined);
  if (!stat?.isFile()) {
    return undefined; // deleted in the working tree, or a submodule
  }
  if (stat.size > MAX_FILE_BYTES) {
    skipped.push({ path: rel, reason: `larger than 1 MB (${Math.round(stat.size / 1024)} KB)` });
    return undefined;
  }
  return { abs, text: await fs.readFile(abs, 'utf8') };
}

async function fileSet(root: string, scopes: readonly string[], extra: Omit<FileSetOptions, 'root' | 'scopes'>): Promise<FileSet> {
  try {
    return await collectFileSet({ root, scopes, ...extra });
  } catch (err) {
    throw err instanceof FileSetError ? new ReviewConfigError(err.message) : err;
  }
}

export async function collectFiles(options: CollectOptions): Promise<CollectedFiles> {
  const gitRoot = await repositoryRoot(options.cwd);
  const root = gitRoot ?? path.resolve(options.cwd);
  if (options.diff !== undefined && !gitRoot) {
    throw new ReviewConfigError(`--diff needs a Git repository, and ${root} is not in one.`);
  }
  const specs = await pathspecs(root, options.cwd, options.paths.length > 0 ? options.paths : ['.']);
  const folders = specs.filter((s) => !s.isFile);
  const schemaRoot = folders.length === 1 && specs.length === 1 ? folders[0].abs : root;
  const extraSchema = await schemaOf(root, options.cwd, options.schemaPaths ?? []);
  const toTarget = (rel: string, read: { abs: string; text: string }, test: boolean): ReviewTarget => ({
    path: rel,
    absolutePath: read.abs,
    languageId: languageIdForPath(rel),
    text: read.text,
    test,
  });

  if (options.diff !== undefined && gitRoot) {
    const base = await mergeBase(root, options.diff);
    const diffs = parseUnifiedDiff(await diffSince(root, base, specs.map((s) => s.rel)));
    const skipped: SkippedFile[] = [];
    const targets: ReviewTarget[] = [];
    for (const d of diffs) {
      const member = d.newPath && !d.binary && d.hunks.length > 0 ? inFileSet(d.newPath, specs) : undefined;
      const read = member && d.newPath ? await readTarget(root, d.newPath, skipped) : undefined;
      if (!member || !read || !d.newPath) {
        continue;
      }
      const total = read.text.split('\n').length;
      targets.push({
        ...toTarget(d.newPath, read, member.test),
        spans: mergeSpans(d.hunks.map((h) => hunkSpan(h, DIFF_CONTEXT_LINES, total)), 2),
        changed: mergeSpans(changedLinesOf(d).map((line) => ({ startLine: line, endLine: line }))),
      });
    }
    if (options.untracked) {
      const seen = new Set(targets.map((t) => t.path));
      for (const rel of await listFiles(root, specs.map((s) => s.rel), 'untracked')) {
        const member = seen.has(rel) ? undefined : inFileSet(rel, specs);
        const read = member ? await readTarget(root, rel, skipped) : undefined;
        if (member && read) {
          targets.push(toTarget(rel, read, member.test));
        }
      }
    }
    const schemaSet = await fileSet(root, specs.map((s) => s.abs), { accept: (p) => p.toLowerCase().endsWith('.sql') });
    const limited = options.maxFiles !== undefined && targets.length > options.maxFiles ? targets.slice(0, options.maxFiles) : targets;
    for (const t of targets.slice(limited.length)) {
      skipped.push({ path: t.path, reason: `over the limit of ${options.maxFiles} files (--max-files)` });
    }
    return {
      root,
      inRepository: true,
      targets: limited,
      skipped,
      diff: { base: options.diff, mergeBase: base },
      schemaFiles: [...sqlFiles(schemaFilesOf(schemaSet)), ...extraSchema],
      schemaRoot,
    };
  }

  const set = await fileSet(root, specs.map((s) => s.abs), { maxFiles: options.maxFiles });
  return {
    root,
    inRepository: set.inRepository,
    targets: set.files.map((f) => toTarget(f.path, { abs: f.absolutePath, text: f.text }, f.test)),
    skipped: set.skipped,
    excluded: excludedSummary(set),
    schemaFiles: [...sqlFiles(schemaFilesOf(set)), ...extraSchema],
    schemaRoot,
  };
}

function sqlFiles(files: readonly { path: string; text: string }[]): { path: string; text: string; languageId: string }[] {
  return files.map((f) => ({ path: f.path, text: f.text, languageId: 'sql' }));
}

/** The .sql files of the --schema paths (files or folders), by the same file set. */
async function schemaOf(root: string, cwd: string, paths: readonly string[]): Promise<{ path: string; text: string; languageId: string }[]> {
  if (paths.length === 0) {
    return [];
  }
  const set = await fileSet(root, paths.map((p) => path.resolve(cwd, p)), { accept: (p) => p.toLowerCase().endsWith('.sql') });
  return sqlFiles(set.files.filter((f) => f.path.toLowerCase().endsWith('.sql')));
}
