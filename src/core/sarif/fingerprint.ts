/**
 * partialFingerprints: a key that stays the same when code moves but the flagged code does not
 * change, so code scanning keeps one alert across commits. Hash of rule id, path and the
 * whitespace-normalised flagged code, plus an occurrence counter for identical code in one file
 * (the same `hash:n` shape GitHub uses for primaryLocationLineHash).
 */
import { createHash } from 'node:crypto';

export const FINGERPRINT_KEY = 'architectPersonas/v1';

export class Fingerprinter {
  private readonly seen = new Map<string, number>();

  next(ruleId: string, path: string, code: string): string {
    const normalised = code.replace(/\s+/g, ' ').trim();
    const hash = createHash('sha256').update(`${ruleId}\0${path}\0${normalised}`).digest('hex').slice(0, 32);
    const n = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, n);
    return `${hash}:${n}`;
  }
}

/** A short, stable slug of a title for a model finding's rule id ("N+1 query in listUsers" → "n-1-query-in-listusers"). */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'finding';
}
