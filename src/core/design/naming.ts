/**
 * Titles, slugs and collision-free file names for design documents. Pure; no I/O.
 */

const MAX_TITLE_CHARS = 80;
const MAX_SLUG_CHARS = 60;

/**
 * The document title from the `/design` prompt: its first non-empty line, without a leading
 * "design (a|an|the)", trimmed of trailing punctuation, capitalised and cut at a word boundary.
 */
export function designTitleFrom(prompt: string): string {
  const first = prompt.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') ?? '';
  let title = first
    .replace(/^@backend\s+/i, '')
    .replace(/^\/design\s+/i, '')
    .replace(/^(please\s+)?(help\s+me\s+)?design\s+(me\s+)?((a|an|the)\s+)?/i, '')
    .replace(/^(a|an|the)\s+(?=\S)/i, '')
    .replace(/[\s.,;:!?]+$/, '')
    .replace(/\s+/g, ' ');
  if (title.length > MAX_TITLE_CHARS) {
    const cut = title.slice(0, MAX_TITLE_CHARS + 1);
    const space = cut.lastIndexOf(' ');
    title = `${(space > 20 ? cut.slice(0, space) : cut.slice(0, MAX_TITLE_CHARS)).replace(/[\s.,;:!?]+$/, '')}…`;
  }
  if (title === '') {
    return 'Design session';
  }
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** `Multi-tenant Invoicing (v2)!` → `multi-tenant-invoicing-v2`; accents are folded, other scripts dropped. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_CHARS) {
    return slug || 'design';
  }
  const cut = slug.slice(0, MAX_SLUG_CHARS);
  const dash = cut.lastIndexOf('-');
  return (dash > 20 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/** `YYYY-MM-DD` of `date` in local time. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `2026-05-14-multi-tenant-invoicing.md` */
export function designDocFileName(title: string, date: Date): string {
  return `${isoDate(date)}-${slugify(title)}.md`;
}

/**
 * The first of `name`, `name-2`, `name-3`, … (before the extension) that `isTaken` rejects,
 * compared case-insensitively so a case-insensitive file system cannot collide either.
 */
export async function uniqueFileName(name: string, isTaken: (candidate: string) => boolean | Promise<boolean>, maxTries = 1000): Promise<string> {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; n <= maxTries; n++) {
    const candidate = n === 1 ? name : `${stem}-${n}${ext}`;
    if (!(await isTaken(candidate))) {
      return candidate;
    }
  }
  throw new Error(`No free file name for ${name} after ${maxTries} tries.`);
}

/** Case-insensitive membership helper for `uniqueFileName` over a directory listing. */
export function takenIn(existing: Iterable<string>): (candidate: string) => boolean {
  const lower = new Set([...existing].map((n) => n.toLowerCase()));
  return (candidate) => lower.has(candidate.toLowerCase());
}

/**
 * Resolves the `architectPersonas.designDocsFolder` setting against a workspace folder: returns
 * the relative path segments, or a problem. Absolute paths and paths leaving the folder (`..`)
 * are refused: design documents belong to the project.
 */
export function designDocsSegments(setting: string | undefined): { segments?: string[]; problem?: string } {
  const raw = (setting ?? '').trim() || 'docs/architecture/';
  if (/^([a-z]:)?[\\/]/i.test(raw) || raw.startsWith('~')) {
    return { problem: `architectPersonas.designDocsFolder must be a path relative to the workspace folder; "${raw}" is not.` };
  }
  const segments = raw.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) {
    return { problem: `architectPersonas.designDocsFolder must stay inside the workspace folder; "${raw}" does not.` };
  }
  return { segments };
}
