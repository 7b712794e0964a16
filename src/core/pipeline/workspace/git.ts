/**
 * The git calls of a review: the repository root, tracked and untracked files, and the diff
 * against the merge base with a base revision. Repository-configured hooks that could run code
 * (fsmonitor, external diff drivers, textconv) are switched off for every call.
 */
import { execFile } from 'node:child_process';
import { ReviewConfigError } from './errors';

export class GitError extends Error {}

function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.fsmonitor=false', '-c', 'core.quotepath=true', ...args],
      { cwd, maxBuffer: 256 * 1024 * 1024, windowsHide: true, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' } },
      (err, stdout, stderr) => {
        if (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
            reject(new GitError('git was not found on the PATH.'));
          } else {
            reject(new GitError(String(stderr || err.message).trim().split('\n')[0]));
          }
          return;
        }
        resolve(stdout);
      },
    );
  });
}

/** The repository's top folder, or undefined outside a repository (or without git). */
export async function repositoryRoot(cwd: string): Promise<string | undefined> {
  try {
    return (await git(cwd, ['rev-parse', '--show-toplevel'])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Tracked plus untracked, not-ignored files under the pathspecs, relative to `root`. */
export async function listFiles(root: string, pathspecs: readonly string[], which: 'all' | 'untracked' = 'all'): Promise<string[]> {
  const args = which === 'all' ? ['ls-files', '-z', '--cached', '--others', '--exclude-standard'] : ['ls-files', '-z', '--others', '--exclude-standard'];
  const out = await git(root, [...args, '--', ...pathspecs]);
  return [...new Set(out.split('\0').filter((p) => p !== ''))];
}

/** `git merge-base <base> HEAD`, with the fix named when the base is unknown (shallow CI clones). */
export async function mergeBase(root: string, base: string): Promise<string> {
  try {
    await git(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
  } catch {
    throw new ReviewConfigError(
      `--diff: '${base}' is not a revision in this repository. Fetch it first (GitHub Actions: actions/checkout with fetch-depth: 0; GitLab CI: GIT_DEPTH: 0 or git fetch origin ${base.replace(/^origin\//, '')}).`,
    );
  }
  try {
    return (await git(root, ['merge-base', base, 'HEAD'])).trim();
  } catch (err) {
    throw new ReviewConfigError(`--diff: '${base}' and HEAD have no common ancestor (${(err as Error).message}); with a shallow clone, fetch the full history (fetch-depth: 0).`);
  }
}

/** Unified diff of the working tree against `commit`, paths relative to `root`, under the pathspecs. */
export function diffSince(root: string, commit: string, pathspecs: readonly string[], unified = 3): Promise<string> {
  return git(root, ['diff', commit, `--unified=${unified}`, '--no-color', '--no-ext-diff', '--no-textconv', '--no-renames', '--relative', '--', ...pathspecs]);
}
