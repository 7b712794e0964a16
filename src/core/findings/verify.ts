/**
 * Checks a finding's claimed location against what was actually sent. Pure: no vscode import.
 *
 * Lines are 1-based and inclusive. `relocateQuote` works in lines of the text it is given;
 * `verifyFinding` converts to document lines with SentFile.firstLine.
 *
 * The pieces live in their own modules and are re-exported here: path resolution
 * (pathResolution.ts), text preparation (preparedText.ts), quote relocation (quoteRelocation.ts),
 * similarity scoring (lineSimilarity.ts) and replacement planning (replacementPlan.ts).
 */
import type { SentFile } from '../context/sentFile';
import { resolveSentFile } from './pathResolution';
import { chooseCopy, CONTEXT_LINES, type QuoteCopy } from './duplicateQuotes';
import { quoteOccurrences, relocateQuote, type MatchMethod, type QuoteLocation } from './quoteRelocation';
import type { Finding } from './types';

export { normalizeClaimedPath, resolveSentFile, type PathResolution } from './pathResolution';
export { normalizeWhitespace } from './preparedText';
export { quoteOccurrences, relocateQuote, type MatchMethod, type QuoteLocation } from './quoteRelocation';
export { planReplacement, type ReplacementPlan } from './replacementPlan';

export type UnverifiedReason =
  /** The finding names no file. */
  | 'no-file'
  /** Absolute path, `..` segment, URI or other path that may escape the workspace. */
  | 'unsafe-path'
  /** No sent file has that path (or a unique suffix match). */
  | 'file-not-sent'
  /** The path is a suffix of several sent files. */
  | 'ambiguous-file'
  /** The finding has no quote to check. */
  | 'no-quote'
  /** The quote is not in the text that was sent. */
  | 'quote-not-found';

export interface FindingLocation {
  readonly path: string;
  readonly uri: string;
  readonly languageId: string;
  /** 1-based document lines, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
}

export interface VerifiedFinding {
  readonly finding: Finding;
  /**
   * 'verified': the quote is in what was sent (exactly or up to whitespace) at exactly the claimed
   * lines. 'relocated': it is, at other lines (a claim that only overlaps counts as other lines).
   * 'approximate': only similar code was found (a fuzzy match): shown, but never applied to.
   * 'unverified': nothing close enough, or the path could not be used.
   */
  readonly status: 'verified' | 'relocated' | 'approximate' | 'unverified';
  /** Where the quote was found; set exactly when status is not 'unverified'. */
  readonly location?: FindingLocation;
  /** The line the model claimed (document line), when it gave one. */
  readonly claimedLine?: number;
  readonly claimedEndLine?: number;
  readonly match?: { readonly method: MatchMethod; readonly score: number };
  /**
   * Other places the same quote occurs (the same line twice) that are as plausible as `location`
   * given what the finding says; set only when the choice could not be made.
   */
  readonly ambiguous?: readonly FindingLocation[];
  /** Set when status is 'unverified'. */
  readonly reason?: UnverifiedReason;
  /** The sent file the finding's path resolved to, when it did (even if the quote was not found). */
  readonly file?: { readonly path: string; readonly uri: string; readonly languageId: string };
}

/**
 * Verifies a finding against the files that were sent. Never links a file that was not sent
 * or a path that could escape the workspace. The quote is searched only in the exact sent text.
 */
export function verifyFinding(finding: Finding, sentFiles: readonly SentFile[]): VerifiedFinding {
  const claimedLine = finding.line;
  const claimedEndLine = finding.endLine;
  const base = { finding, claimedLine, claimedEndLine };
  if (finding.file === undefined) {
    return { ...base, status: 'unverified', reason: 'no-file' };
  }
  const resolved = resolveSentFile(finding.file, sentFiles);
  if (!resolved.ok) {
    return { ...base, status: 'unverified', reason: resolved.reason };
  }
  const first = resolved.files[0];
  const file = { path: first.path, uri: first.uri, languageId: first.languageId };
  if (finding.quote === undefined) {
    return { ...base, file, status: 'unverified', reason: 'no-quote' };
  }
  let best: { sent: SentFile; loc: QuoteLocation; dist: number } | undefined;
  for (const sent of resolved.files) {
    const hint = claimedLine === undefined ? undefined : claimedLine - sent.firstLine + 1;
    const loc = relocateQuote(sent.text, finding.quote, hint);
    if (!loc) {
      continue;
    }
    const docStart = loc.startLine + sent.firstLine - 1;
    const dist = claimedLine === undefined ? 0 : Math.abs(docStart - claimedLine);
    const rank = (m: QuoteLocation) => (m.method === 'fuzzy' ? 1 : 0);
    if (!best || rank(loc) < rank(best.loc) || (rank(loc) === rank(best.loc) && dist < best.dist)) {
      best = { sent, loc, dist };
    }
  }
  if (!best) {
    return { ...base, file, status: 'unverified', reason: 'quote-not-found' };
  }
  const toLocation = (sent: SentFile, loc: QuoteLocation): FindingLocation => ({
    path: sent.path,
    uri: sent.uri,
    languageId: sent.languageId,
    startLine: loc.startLine + sent.firstLine - 1,
    endLine: loc.endLine + sent.firstLine - 1,
  });
  let chosen = { sent: best.sent, loc: best.loc };
  let ambiguous: FindingLocation[] | undefined;
  if (best.loc.method !== 'fuzzy') {
    const copies = allCopies(resolved.files, finding.quote);
    if (copies.length > 1) {
      const choice = chooseCopy(copies, finding, claimedLine);
      chosen = copies[choice.index];
      if (choice.alsoPlausible.length > 0) {
        ambiguous = choice.alsoPlausible.map((i) => toLocation(copies[i].sent, copies[i].loc));
      }
    }
  }
  const location = toLocation(chosen.sent, chosen.loc);
  const onTarget =
    claimedLine === undefined || (claimedLine === location.startLine && (claimedEndLine === undefined || claimedEndLine === location.endLine));
  const status = chosen.loc.method === 'fuzzy' ? 'approximate' : onTarget ? 'verified' : 'relocated';
  return {
    ...base,
    file: { path: chosen.sent.path, uri: chosen.sent.uri, languageId: chosen.sent.languageId },
    status,
    location,
    match: { method: chosen.loc.method, score: chosen.loc.score },
    ...(ambiguous ? { ambiguous } : {}),
  };
}

/** Copies looked at per file at most: more than any real file repeats a quoted line. */
const MAX_COPIES = 5000;

/** Every exact (else normalised) copy of the quote in the sent pieces, with the text leading to each. */
function allCopies(files: readonly SentFile[], quote: string): Array<QuoteCopy & { sent: SentFile; loc: QuoteLocation }> {
  const out: Array<QuoteCopy & { sent: SentFile; loc: QuoteLocation }> = [];
  for (const sent of files) {
    const locs = quoteOccurrences(sent.text, quote, MAX_COPIES);
    if (locs.length < 2 && files.length === 1) {
      return locs.map((loc) => ({ sent, loc, startLine: loc.startLine + sent.firstLine - 1, context: '' }));
    }
    const starts = lineStarts(sent.text);
    let prevEnd = 0;
    for (const loc of locs) {
      const from = Math.max(prevEnd, loc.startLine - 1 - CONTEXT_LINES);
      out.push({ sent, loc, startLine: loc.startLine + sent.firstLine - 1, context: sent.text.slice(starts[from] ?? 0, loc.endOffset) });
      prevEnd = loc.endLine;
    }
  }
  return out;
}

let lastStarts: { text: string; starts: number[] } | undefined;

/** Offset of the start of each line (0-based line index); the last text's are kept (one answer's findings share it). */
function lineStarts(text: string): number[] {
  if (lastStarts?.text === text) {
    return lastStarts.starts;
  }
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  lastStarts = { text, starts };
  return starts;
}

export function verifyFindings(findings: readonly Finding[], sentFiles: readonly SentFile[]): VerifiedFinding[] {
  return findings.map((f) => verifyFinding(f, sentFiles));
}
