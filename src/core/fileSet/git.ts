/**
 * The git calls the file set (and a review's diff) make. Repository-configured hooks that could
 * run code (fsmonitor, external diff drivers, textconv) are switched off for every call.
 */
import { execFile } from 'node:child_process';

export class GitError extends Error {}

export function runGit(cwd: string, args: readonly string[]): Promise<string> {
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
    return (await runGit(cwd, ['rev-parse', '--show-toplevel'])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Tracked plus untracked, not-ignored files under the pathspecs (`git ls-files --cached --others
 * --exclude-standard`), relative to `cwd` — git lists only what is under the folder it runs in.
 */
export async function listFiles(cwd: string, pathspecs: readonly string[], which: 'all' | 'untracked' = 'all'): Promise<string[]> {
  const args = which === 'all' ? ['ls-files', '-z', '--cached', '--others', '--exclude-standard'] : ['ls-files', '-z', '--others', '--exclude-standard'];
  const out = await runGit(cwd, [...args, '--', ...pathspecs]);
  return [...new Set(out.split('\0').filter((p) => p !== ''))];
}
