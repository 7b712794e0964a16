/**
 * Reads the working-tree diff against HEAD by running git in a workspace folder.
 *
 * Why child_process and not the built-in Git extension's API: the API only knows repositories
 * the extension has discovered (a repository created or opened after start-up appears later, and
 * not at all when `git.enabled` is false or the extension is not active yet), and it offers no
 * single "diff of all files against HEAD with N lines of context" call. `git diff HEAD` prints
 * exactly the hunks we send. Running git on a repository can run code the repository configures
 * (external diff drivers, textconv, fsmonitor), so this is refused in untrusted workspaces and
 * those hooks are switched off for the call.
 */
import { execFile } from 'node:child_process';

export class GitDiffError extends Error {
  constructor(
    message: string,
    readonly kind: 'no-git' | 'not-a-repo' | 'no-head' | 'failed',
  ) {
    super(message);
  }
}

function run(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.fsmonitor=false', '-c', 'core.quotepath=true', ...args],
      { cwd, maxBuffer: 64 * 1024 * 1024, windowsHide: true, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' } },
      (err, stdout, stderr) => {
        if (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') {
            reject(new GitDiffError('git was not found on the PATH.', 'no-git'));
            return;
          }
          const text = String(stderr || err.message);
          if (/not a git repository/i.test(text)) {
            reject(new GitDiffError('This folder is not in a Git repository.', 'not-a-repo'));
          } else if (/ambiguous argument 'HEAD'|unknown revision|bad revision 'HEAD'/i.test(text)) {
            reject(new GitDiffError('The repository has no commit yet, so there is no HEAD to compare with.', 'no-head'));
          } else {
            reject(new GitDiffError(`git failed: ${text.trim().split('\n')[0]}`, 'failed'));
          }
          return;
        }
        resolve(stdout);
      },
    );
  });
}

/** `git diff HEAD --unified=3` for the folder, paths relative to it (changes outside it are left out). */
export function diffAgainstHead(folder: string, unified = 3): Promise<string> {
  return run(folder, ['diff', 'HEAD', `--unified=${unified}`, '--no-color', '--no-ext-diff', '--no-textconv', '--relative', '--']);
}
