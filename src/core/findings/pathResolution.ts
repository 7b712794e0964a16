/**
 * Resolution of a path written by the model to the files that were sent. Pure: no vscode import.
 * Never resolves a path that could escape the workspace (absolute, `..`, URI, `~`).
 */
import type { SentFile } from '../context/sentFile';

/** Normalises a path written by the model; undefined when it is unsafe (absolute, `..`, URI). */
export function normalizeClaimedPath(claimed: string): string | undefined {
  let p = claimed.trim().replace(/^[`'"]+|[`'"]+$/g, '').replace(/\\/g, '/');
  if (p === '' || p.startsWith('/') || /^[A-Za-z]:/.test(p) || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(p) || p.startsWith('~')) {
    return undefined;
  }
  while (p.startsWith('./')) {
    p = p.slice(2);
  }
  p = p.replace(/\/{2,}/g, '/');
  const segments = p.split('/');
  if (segments.some((s) => s === '..')) {
    return undefined;
  }
  return segments.filter((s) => s !== '.' && s !== '').join('/');
}

export type PathResolution =
  | { readonly ok: true; readonly files: readonly SentFile[] }
  | { readonly ok: false; readonly reason: 'unsafe-path' | 'file-not-sent' | 'ambiguous-file' };

/**
 * Resolves a claimed path against the sent files: exact match, then case-insensitive exact
 * match, then a unique segment-aligned suffix match in either direction (`users.ts` →
 * `src/db/users.ts`, or `myrepo/src/db/users.ts` → `src/db/users.ts`). Several sent pieces of
 * the same path are all returned.
 */
export function resolveSentFile(claimed: string, sentFiles: readonly SentFile[]): PathResolution {
  const p = normalizeClaimedPath(claimed);
  if (p === undefined || p === '') {
    return { ok: false, reason: 'unsafe-path' };
  }
  const byPath = (path: string) => sentFiles.filter((f) => f.path === path);
  const exact = byPath(p);
  if (exact.length > 0) {
    return { ok: true, files: exact };
  }
  const lower = p.toLowerCase();
  const paths = [...new Set(sentFiles.map((f) => f.path))];
  const ci = paths.filter((x) => x.toLowerCase() === lower);
  if (ci.length === 1) {
    return { ok: true, files: byPath(ci[0]) };
  }
  const suffix = paths.filter((x) => x.endsWith(`/${p}`) || p.endsWith(`/${x}`));
  if (suffix.length === 1) {
    return { ok: true, files: byPath(suffix[0]) };
  }
  if (suffix.length > 1 || ci.length > 1) {
    return { ok: false, reason: 'ambiguous-file' };
  }
  return { ok: false, reason: 'file-not-sent' };
}
