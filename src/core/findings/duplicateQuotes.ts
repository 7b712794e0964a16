/**
 * Choosing among several copies of a quote (the same line occurs twice): by what the finding
 * itself says. Words of its title and prose that name code (identifiers) are looked up in the
 * lines leading to each copy, back to the previous copy; the copy whose context names the most
 * of them wins. Pure.
 */
import type { Finding } from './types';

/** One copy, in document lines (1-based), with the lines of text that lead to it. */
export interface QuoteCopy {
  readonly startLine: number;
  /** The text from the end of the previous copy (or at most CONTEXT_LINES before) to the end of this one. */
  readonly context: string;
}

/** How far back from a copy its context reaches at most. */
export const CONTEXT_LINES = 30;

const IDENTIFIER_RE = /[A-Za-z_$][\w$]*/g;

/**
 * Identifier-like words of the finding (title, issue, cause, recommendation) that are not in the
 * quote itself: `countInvoices`, `user_id`, `listOrders`… Words of 4 characters or more with
 * an inner capital, digit, `_` or `$`, or any word written in backticks.
 */
export function namedIdentifiers(finding: Finding): Set<string> {
  const prose = [finding.title, finding.sections.issue, finding.sections.cause, finding.sections.recommendation].filter((s): s is string => !!s).join('\n');
  const inQuote = new Set(finding.quote?.match(IDENTIFIER_RE) ?? []);
  const out = new Set<string>();
  const add = (w: string) => {
    if (w.length >= 4 && !inQuote.has(w)) {
      out.add(w);
    }
  };
  for (const w of prose.match(IDENTIFIER_RE) ?? []) {
    if (/^.+[A-Z0-9_$]/.test(w)) {
      add(w);
    }
  }
  for (const m of prose.matchAll(/`([^`\n]+)`/g)) {
    for (const w of m[1].match(IDENTIFIER_RE) ?? []) {
      add(w);
    }
  }
  return out;
}

export interface CopyChoice {
  /** Index of the chosen copy. */
  readonly index: number;
  /** Indexes of the other copies that are as plausible (empty when the context decided). */
  readonly alsoPlausible: readonly number[];
}

/**
 * Picks the copy the finding is about. A claim exactly on a copy's first line takes it; else the
 * copy whose context names the most identifiers of the finding, if one does strictly most;
 * else the copy nearest the claim (the first on a tie), with the equally good others listed.
 */
export function chooseCopy(copies: readonly QuoteCopy[], finding: Finding, claimedLine: number | undefined): CopyChoice {
  const exact = claimedLine === undefined ? -1 : copies.findIndex((c) => c.startLine === claimedLine);
  if (exact !== -1) {
    return { index: exact, alsoPlausible: [] };
  }
  const words = [...namedIdentifiers(finding)];
  const scores = copies.map((c) => words.filter((w) => new RegExp(`(^|[^\\w$])${w.replace(/\$/g, '\\$')}(?![\\w$])`).test(c.context)).length);
  const best = Math.max(...scores);
  const top = scores.flatMap((s, i) => (s === best ? [i] : []));
  const dist = (i: number) => (claimedLine === undefined ? 0 : Math.abs(copies[i].startLine - claimedLine));
  const nearest = top.reduce((a, b) => (dist(b) < dist(a) ? b : a));
  return { index: nearest, alsoPlausible: top.length > 1 ? top.filter((i) => i !== nearest) : [] };
}
