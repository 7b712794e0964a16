/**
 * WorkspaceAccess on Node's filesystem, with the security rules of filePolicy.ts:
 * - workspace-relative paths only, resolved with realpath so a symlink cannot lead outside;
 * - secret-looking files, deny-listed files and git-ignored files are refused unless attached;
 * - binary files are refused; files over 4 MB are refused;
 * - restricted mode (untrusted workspace): only the files the user attached are readable, and
 *   git is never run (a repository's config can make git run programs).
 * Listing uses `git ls-files` (tracked + untracked, ignored left out) when the folder is a
 * repository, else a bounded walk that skips node_modules, .git and build output.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import { isProbablyBinary } from '../context/binary';
import { languageIdOf, normaliseWorkspacePath, secretLookingReason } from './filePolicy';
import type { ReadOptions, Refusal, WorkspaceAccess, WorkspaceText } from './types';

export interface WorkspaceAccessOptions {
  readonly root: string;
  /** Workspace-relative paths the user attached: exempt from the secret/ignore refusals. */
  readonly attached?: Iterable<string>;
  /** Untrusted workspace: only attached files, no git. */
  readonly restricted?: boolean;
  /** Extra glob patterns to refuse (setting architectPersonas.tools.denyList). */
  readonly denyList?: readonly string[];
  /** The text of an open editor for a path, so unsaved edits are what the model reads. */
  readonly overlay?: (path: string) => { text: string; languageId: string } | undefined;
  /** The URI anchors use for a path (VS Code's own URI string). Default: file URL. */
  readonly uriOf?: (absolutePath: string) => string;
}

const MAX_FILE_BYTES = 4 * 1024 * 1024;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'build', 'target', '.next', 'coverage', '.venv', 'venv', '__pycache__', '.vscode-test']);

export function createWorkspaceAccess(options: WorkspaceAccessOptions): WorkspaceAccess {
  const root = nodePath.resolve(options.root);
  const attached = new Set([...(options.attached ?? [])].map((p) => p.replace(/\\/g, '/')));
  const restricted = options.restricted ?? false;
  const denyList = options.denyList ?? [];
  const uriOf = options.uriOf ?? ((abs: string) => pathToFileURL(abs).toString());
  let realRoot: Promise<string> | undefined;
  const rootReal = (): Promise<string> => (realRoot ??= fs.realpath(root).catch(() => root));

  async function read(raw: string, _signal?: AbortSignal, readOptions: ReadOptions = {}): Promise<WorkspaceText | Refusal> {
    const normal = normaliseWorkspacePath(raw);
    if ('refused' in normal) {
      return normal;
    }
    const rel = normal.path;
    if (rel === '') {
      return { refused: 'Give a file path, not the workspace folder.' };
    }
    const isAttached = attached.has(rel);
    if (restricted && !isAttached) {
      return { refused: `${rel} was not attached, and in an untrusted workspace only attached files can be read.` };
    }
    if (!isAttached) {
      const secret = secretLookingReason(rel, denyList);
      if (secret) {
        return { refused: secret };
      }
    }
    const abs = nodePath.join(root, ...rel.split('/'));
    let real: string;
    try {
      real = await fs.realpath(abs);
    } catch {
      return { refused: `${rel} does not exist in the workspace.` };
    }
    const base = await rootReal();
    if (real !== base && !real.startsWith(base + nodePath.sep)) {
      return { refused: `${rel} is a link to a place outside the workspace, so it is not read.` };
    }
    if (!isAttached) {
      // the link's target may itself look like a secret (config -> ../.env)
      const target = nodePath.relative(base, real).split(nodePath.sep).join('/');
      const secret = target !== rel ? secretLookingReason(target, denyList) : undefined;
      if (secret) {
        return { refused: `${rel} links to ${target}: ${secret}` };
      }
      if (!restricted && !readOptions.listed && (await gitIgnored(root, rel))) {
        return { refused: `${rel} is ignored by git (.gitignore), so it is not read unless the user attaches it.` };
      }
    }
    const open = options.overlay?.(rel);
    if (open) {
      return { path: rel, uri: uriOf(abs), text: open.text, languageId: open.languageId };
    }
    const stat = await fs.stat(real);
    if (stat.isDirectory()) {
      return { refused: `${rel} is a folder; give a file (find_in_workspace lists files).` };
    }
    if (stat.size > MAX_FILE_BYTES) {
      return { refused: `${rel} is ${Math.round(stat.size / 1024 / 1024)} MB, too large to read.` };
    }
    const bytes = await fs.readFile(real);
    if (isProbablyBinary(bytes)) {
      return { refused: `${rel} is a binary file.` };
    }
    return { path: rel, uri: uriOf(abs), text: bytes.toString('utf8'), languageId: languageIdOf(rel) };
  }

  async function list(opts: { under?: string; limit: number }, signal?: AbortSignal): Promise<{ files: string[]; truncated: boolean }> {
    const under = opts.under ? normaliseWorkspacePath(opts.under) : { path: '' };
    if ('refused' in under) {
      return { files: [], truncated: false };
    }
    const prefix = under.path;
    const inside = (p: string): boolean => prefix === '' || p === prefix || p.startsWith(`${prefix}/`);
    let candidates: string[];
    if (restricted) {
      candidates = [...attached];
    } else {
      candidates = (await gitListFiles(root)) ?? (await walk(root, prefix, opts.limit * 4, signal));
    }
    const files: string[] = [];
    let truncated = false;
    for (const p of candidates) {
      if (!inside(p) || (!attached.has(p) && secretLookingReason(p, denyList))) {
        continue;
      }
      if (files.length >= opts.limit) {
        truncated = true;
        break;
      }
      files.push(p);
    }
    return { files, truncated };
  }

  return { root, read, list };
}

function git(root: string, args: string[], maxBuffer = 32 * 1024 * 1024): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-c', 'core.fsmonitor=false', ...args],
      { cwd: root, maxBuffer, timeout: 10_000, windowsHide: true },
      (err, stdout) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : -1) : 0;
        resolve({ code, stdout: String(stdout ?? '') });
      },
    );
  });
}

async function gitIgnored(root: string, rel: string): Promise<boolean> {
  const { code } = await git(root, ['check-ignore', '-q', '--', rel]);
  return code === 0;
}

async function gitListFiles(root: string): Promise<string[] | undefined> {
  const { code, stdout } = await git(root, ['ls-files', '--cached', '--others', '--exclude-standard', '-z']);
  if (code !== 0) {
    return undefined;
  }
  return [...new Set(stdout.split('\0').filter((p) => p !== ''))].sort();
}

async function walk(root: string, prefix: string, limit: number, signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  const queue = [prefix];
  while (queue.length > 0 && out.length < limit && !signal?.aborted) {
    const dir = queue.shift()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(nodePath.join(root, ...dir.split('/').filter(Boolean)), { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) {
          queue.push(rel);
        }
      } else if (e.isFile()) {
        out.push(rel);
      }
    }
  }
  return out;
}
