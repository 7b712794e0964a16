/**
 * The git calls of a review: the merge base with a base revision and the diff against it (the
 * repository root and the file listing live with the file set, src/core/fileSet/git.ts).
 */
import { ReviewConfigError } from './errors';
import { runGit as git } from '../../fileSet/git';

export { GitError, listFiles, repositoryRoot } from '../../fileSet/git';

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
