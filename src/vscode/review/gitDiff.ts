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
  return diffAgainst(folder, 'HEAD', unified);
}

/** The working tree against a commit, as diffAgainstHead. */
export function diffAgainst(folder: string, rev: string, unified = 3): Promise<string> {
  return run(folder, ['diff', rev, `--unified=${unified}`, '--no-color', '--no-ext-diff', '--no-textconv', '--relative', '--']);
}

/** Untracked files of the folder that are not ignored, relative to it ('/' separators). */
export async function untrackedFiles(folder: string): Promise<string[]> {
  const out = await run(folder, ['ls-files', '--others', '--exclude-standard', '-z', '--', '.']);
  return out.split('\0').filter((p) => p !== '');
}

/** The merge base of HEAD and `base`. */
export async function mergeBase(folder: string, base: string): Promise<string> {
  if (base.startsWith('-')) {
    throw new GitDiffError(`"${base}" is not a branch name.`, 'failed');
  }
  try {
    return (await run(folder, ['merge-base', base, 'HEAD'])).trim();
  } catch (err) {
    if (err instanceof GitDiffError && err.kind === 'failed') {
      throw new GitDiffError(`${base} and the current branch have no common commit (or ${base} does not exist).`, 'failed');
    }
    throw err;
  }
}

export interface BranchChoices {
  /** The branch compared with by default: the remote's default branch, else the upstream, else main or master. */
  readonly defaultBase?: string;
  readonly current?: string;
  /** Local and remote-tracking branches, current branch left out. */
  readonly branches: readonly string[];
}

export async function branchChoices(folder: string): Promise<BranchChoices> {
  const refs = (await run(folder, ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes']))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.endsWith('/HEAD'));
  const current = (await run(folder, ['rev-parse', '--abbrev-ref', 'HEAD']).catch(() => '')).trim() || undefined;
  const optional = async (args: string[]) => (await run(folder, args).catch(() => '')).trim() || undefined;
  const remoteDefault = (await optional(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])) ?? undefined;
  const upstream = await optional(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']);
  const candidates = [remoteDefault, upstream, 'main', 'master', 'origin/main', 'origin/master'];
  const defaultBase = candidates.find((c) => c !== undefined && c !== current && !c.endsWith(`/${current}`) && refs.includes(c));
  return { defaultBase, current, branches: refs.filter((r) => r !== current) };
}
