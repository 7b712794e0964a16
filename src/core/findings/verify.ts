/**
 * Checks a finding's claimed location against what was actually sent, and re-locates quotes in
 * (possibly changed) documents. Pure: no vscode import.
 *
 * Lines are 1-based and inclusive everywhere in this module. `relocateQuote` works in lines of
 * the text it is given; `verifyFinding` converts to document lines with SentFile.firstLine.
 */
import type { SentFile } from '../context/sentFile';
import type { Finding } from './types';

export type MatchMethod = 'exact' | 'normalized' | 'fuzzy';

export interface QuoteLocation {
  /** 1-based first line of the match, relative to the searched text. */
  readonly startLine: number;
  /** 1-based last line of the match (inclusive). */
  readonly endLine: number;
  /** Offset of the match in the searched text: the exact characters for 'exact', whole lines otherwise. */
  readonly startOffset: number;
  /** Offset just after the match (for whole lines: before the line break of `endLine`). */
  readonly endOffset: number;
  readonly method: MatchMethod;
  /** 1 for exact and normalized matches; the weighted line similarity (0..1) for fuzzy ones. */
  readonly score: number;
}

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
  readonly status: 'verified' | 'relocated' | 'unverified';
  /** Where the quote was found; set exactly when status is not 'unverified'. */
  readonly location?: FindingLocation;
  /** The line the model claimed (document line), when it gave one. */
  readonly claimedLine?: number;
  readonly claimedEndLine?: number;
  readonly match?: { readonly method: MatchMethod; readonly score: number };
  /** Set when status is 'unverified'. */
  readonly reason?: UnverifiedReason;
  /** The sent file the finding's path resolved to, when it did (even if the quote was not found). */
  readonly file?: { readonly path: string; readonly uri: string; readonly languageId: string };
}

// ---------------------------------------------------------------------------------------------
// Paths

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

// ---------------------------------------------------------------------------------------------
// Prepared text (cached per text: 50 findings against one 10,000-line file split it once)

interface PreparedText {
  readonly text: string;
  readonly lineStarts: readonly number[];
  readonly lineEnds: readonly number[];
  /** Whitespace-normalised content of each non-blank line. */
  readonly norm: readonly string[];
  /** 0-based line index of each non-blank line. */
  readonly normLine: readonly number[];
  /** `norm` joined with '\n'. */
  readonly normJoined: string;
  /** Offset in `normJoined` of each entry of `norm`. */
  readonly normStarts: readonly number[];
  index?: Map<string, number[]>;
}

const cache = new Map<string, PreparedText>();
const CACHE_SIZE = 8;

export function normalizeWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function prepare(text: string): PreparedText {
  const hit = cache.get(text);
  if (hit) {
    return hit;
  }
  const lineStarts: number[] = [0];
  const lineEnds: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lineEnds.push(i > 0 && text.charCodeAt(i - 1) === 13 ? i - 1 : i);
    lineStarts.push(i + 1);
  }
  lineEnds.push(text.length);
  // The whitespace-normalised view is only needed when an exact match fails: build it lazily.
  let normalised: Pick<PreparedText, 'norm' | 'normLine' | 'normJoined' | 'normStarts'> | undefined;
  const normalise = () => {
    if (!normalised) {
      const norm: string[] = [];
      const normLine: number[] = [];
      const normStarts: number[] = [];
      let offset = 0;
      for (let l = 0; l < lineStarts.length; l++) {
        const n = normalizeWhitespace(text.slice(lineStarts[l], lineEnds[l]));
        if (n !== '') {
          normStarts.push(offset);
          offset += n.length + 1;
          norm.push(n);
          normLine.push(l);
        }
      }
      normalised = { norm, normLine, normJoined: norm.join('\n'), normStarts };
    }
    return normalised;
  };
  const prepared: PreparedText = {
    text,
    lineStarts,
    lineEnds,
    get norm() {
      return normalise().norm;
    },
    get normLine() {
      return normalise().normLine;
    },
    get normJoined() {
      return normalise().normJoined;
    },
    get normStarts() {
      return normalise().normStarts;
    },
  };
  if (cache.size >= CACHE_SIZE) {
    cache.delete(cache.keys().next().value as string);
  }
  cache.set(text, prepared);
  return prepared;
}

/** Largest i with arr[i] <= x (arr ascending, arr[0] <= x). */
function floorIndex(arr: readonly number[], x: number): number {
  let lo = 0;
  let hi = arr.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (arr[mid] <= x) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

/** Index of the first entry >= x (arr ascending), arr.length when none. */
function ceilIndex(arr: readonly number[], x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] < x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Relocation

function lineIndex(doc: PreparedText): Map<string, number[]> {
  if (!doc.index) {
    const index = new Map<string, number[]>();
    doc.norm.forEach((l, i) => {
      const list = index.get(l);
      if (list) {
        list.push(i);
      } else {
        index.set(l, [i]);
      }
    });
    doc.index = index;
  }
  return doc.index;
}

const WINDOW_LINES = 200;

/**
 * Finds all occurrences of `needle` in `hay` and returns the one whose position, mapped by
 * `lineOf`, is nearest to `hint` (0-based). Searches a window around the hint first: the nearest
 * occurrence is inside the window whenever any is.
 */
function nearestOccurrence(
  hay: string,
  needle: string,
  hint: number | undefined,
  windowStart: number,
  windowEnd: number,
  lineOf: (offset: number) => number,
  global: boolean,
): number | undefined {
  const scan = (from: number, to: number): number | undefined => {
    let best: number | undefined;
    let bestDist = Infinity;
    for (let i = hay.indexOf(needle, from); i !== -1 && i <= to; i = hay.indexOf(needle, i + 1)) {
      const d = hint === undefined ? 0 : Math.abs(lineOf(i) - hint);
      if (d < bestDist) {
        best = i;
        bestDist = d;
        if (d === 0 || hint === undefined) {
          break;
        }
      } else if (hint !== undefined && lineOf(i) > hint) {
        break; // further occurrences are further away
      }
    }
    return best;
  };
  if (hint !== undefined) {
    // Search a slice so a miss costs the window, not the whole text.
    const slice = hay.slice(windowStart, windowEnd + needle.length);
    let best: number | undefined;
    let bestDist = Infinity;
    for (let i = slice.indexOf(needle); i !== -1 && windowStart + i <= windowEnd; i = slice.indexOf(needle, i + 1)) {
      const d = Math.abs(lineOf(windowStart + i) - hint);
      if (d < bestDist) {
        best = windowStart + i;
        bestDist = d;
      }
    }
    if (best !== undefined) {
      return best;
    }
  }
  return global ? scan(0, hay.length) : undefined;
}

/** Bigram counts hashed into a small table (collisions only make similarity slightly generous). */
type Bigrams = Uint16Array;
const BUCKETS = 1024;

function bigramHash(s: string, i: number): number {
  return (s.charCodeAt(i) * 31 + s.charCodeAt(i + 1)) & (BUCKETS - 1);
}

function bigrams(s: string): Bigrams {
  const m = new Uint16Array(BUCKETS);
  for (let i = 0; i < s.length - 1; i++) {
    m[bigramHash(s, i)]++;
  }
  return m;
}

const usedScratch = new Uint16Array(BUCKETS);

/**
 * Line similarity in 0..1: the shared prefix + suffix ratio when that is already high (one
 * local edit, the common case), else the Dice coefficient on character bigrams.
 */
function similarity(a: string, aBigrams: Bigrams, b: string): number {
  if (a === b) {
    return 1;
  }
  const la = a.length;
  const lb = b.length;
  if (la < 2 || lb < 2) {
    return 0;
  }
  const minLen = Math.min(la, lb);
  const maxLen = Math.max(la, lb);
  if (minLen / maxLen < 0.5) {
    return (minLen / maxLen) * 0.5; // too different in length to be the same line
  }
  let pre = 0;
  while (pre < minLen && a.charCodeAt(pre) === b.charCodeAt(pre)) {
    pre++;
  }
  let suf = 0;
  while (suf < minLen - pre && a.charCodeAt(la - 1 - suf) === b.charCodeAt(lb - 1 - suf)) {
    suf++;
  }
  const edit = (pre + suf) / maxLen;
  if (edit >= 0.9) {
    return edit;
  }
  let inter = 0;
  for (let i = 0; i < lb - 1; i++) {
    const h = bigramHash(b, i);
    if (usedScratch[h] < aBigrams[h]) {
      inter++;
    }
    usedScratch[h]++;
  }
  for (let i = 0; i < lb - 1; i++) {
    usedScratch[bigramHash(b, i)] = 0;
  }
  return Math.max(edit, (2 * inter) / (la - 1 + lb - 1));
}

const FUZZY_THRESHOLD_MULTI = 0.75;
const FUZZY_THRESHOLD_SINGLE = 0.85;
/** In the window (searched nearest first), a score this high ends the search. */
const NEAR_PERFECT = 0.97;

/**
 * Finds `quote` in `documentText` nearest to `hintLine` (1-based, relative to documentText):
 * exact substring, then whitespace-normalised (blank lines ignored), then fuzzy line-by-line
 * similarity in a window around the hint, then at positions where some quote line matches
 * exactly. Returns undefined when nothing is close enough.
 */
export function relocateQuote(documentText: string, quote: string, hintLine?: number): QuoteLocation | undefined {
  const qLines = quote.split(/\r?\n/);
  while (qLines.length > 0 && qLines[0].trim() === '') {
    qLines.shift();
  }
  while (qLines.length > 0 && qLines[qLines.length - 1].trim() === '') {
    qLines.pop();
  }
  if (qLines.length === 0) {
    return undefined;
  }
  const doc = prepare(documentText);
  const lineCount = doc.lineStarts.length;
  const hint = hintLine === undefined || !Number.isFinite(hintLine) ? undefined : Math.min(Math.max(Math.round(hintLine) - 1, 0), lineCount - 1);
  const lineOfOffset = (o: number) => floorIndex(doc.lineStarts, o);

  // An exact or normalised match needs every middle quote line to be a whole document line:
  // when one is missing, skip the whole-text scans and go straight to fuzzy matching.
  const qNorm = qLines.map(normalizeWhitespace).filter((l) => l !== '');
  const global = qNorm.length < 3 || qNorm.slice(1, -1).every((l) => lineIndex(doc).has(l));

  // 1. Exact (only meaningful without CR line ends; CRLF documents fall through to normalised).
  const exactQuote = qLines.join('\n');
  if (exactQuote.trim() !== '') {
    const ws = hint === undefined ? 0 : doc.lineStarts[Math.max(0, hint - WINDOW_LINES)];
    const we = hint === undefined ? 0 : doc.lineStarts[Math.min(lineCount - 1, hint + WINDOW_LINES)];
    const at = nearestOccurrence(doc.text, exactQuote, hint, ws, we, lineOfOffset, global);
    if (at !== undefined) {
      const end = at + exactQuote.length;
      return {
        startLine: lineOfOffset(at) + 1,
        endLine: lineOfOffset(Math.max(at, end - 1)) + 1,
        startOffset: at,
        endOffset: end,
        method: 'exact',
        score: 1,
      };
    }
  }

  // 2. Whitespace-normalised, ignoring blank lines.
  if (qNorm.length === 0 || doc.norm.length === 0) {
    return undefined;
  }
  const hintNorm = hint === undefined ? undefined : Math.min(ceilIndex(doc.normLine, hint), doc.norm.length - 1);
  const normLineOf = (o: number) => floorIndex(doc.normStarts, o);
  const toLocation = (firstNorm: number, lastNorm: number, method: MatchMethod, score: number): QuoteLocation => {
    const startLine = doc.normLine[firstNorm];
    const endLine = doc.normLine[lastNorm];
    return {
      startLine: startLine + 1,
      endLine: endLine + 1,
      startOffset: doc.lineStarts[startLine],
      endOffset: doc.lineEnds[endLine],
      method,
      score,
    };
  };
  {
    const needle = qNorm.join('\n');
    const ws = hintNorm === undefined ? 0 : doc.normStarts[Math.max(0, hintNorm - WINDOW_LINES)];
    const we = hintNorm === undefined ? 0 : doc.normStarts[Math.min(doc.norm.length - 1, hintNorm + WINDOW_LINES)];
    const at = nearestOccurrence(doc.normJoined, needle, hintNorm, ws, we, normLineOf, global);
    if (at !== undefined) {
      return toLocation(normLineOf(at), normLineOf(at + needle.length - 1), 'normalized', 1);
    }
  }

  // 3. Fuzzy: aligned line-by-line similarity, weighted by line length.
  const k = qNorm.length;
  const n = doc.norm.length;
  if (n < k) {
    return undefined;
  }
  const qBigrams = qNorm.map(bigrams);
  const weights = qNorm.map((l) => Math.max(l.length, 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const threshold = k === 1 ? FUZZY_THRESHOLD_SINGLE : FUZZY_THRESHOLD_MULTI;
  const scoreAt = (p: number): number => {
    let acc = 0;
    let remaining = totalWeight;
    for (let j = 0; j < k; j++) {
      remaining -= weights[j];
      acc += weights[j] * similarity(qNorm[j], qBigrams[j], doc.norm[p + j]);
      if ((acc + remaining) / totalWeight < threshold) {
        return 0; // cannot reach the threshold any more
      }
    }
    return acc / totalWeight;
  };
  const pick = (candidates: Iterable<number>, stopEarly: boolean): { p: number; score: number } | undefined => {
    let best: { p: number; score: number } | undefined;
    for (const p of candidates) {
      if (p < 0 || p > n - k) {
        continue;
      }
      const s = scoreAt(p);
      if (s < threshold) {
        continue;
      }
      const dist = hintNorm === undefined ? 0 : Math.abs(p - hintNorm);
      const bestDist = best === undefined || hintNorm === undefined ? Infinity : Math.abs(best.p - hintNorm);
      if (best === undefined || s > best.score + 1e-9 || (Math.abs(s - best.score) <= 1e-9 && dist < bestDist)) {
        best = { p, score: s };
        if (s >= NEAR_PERFECT && stopEarly) {
          break;
        }
      }
    }
    return best;
  };
  if (hintNorm !== undefined) {
    const w = Math.max(40, 4 * k);
    const from = Math.max(0, hintNorm - w);
    const to = Math.min(n - k, hintNorm + w);
    // Nearest first, so a near-perfect match close to the hint ends the search.
    const windowCandidates: number[] = [];
    for (let d = 0; hintNorm - d >= from || hintNorm + d <= to; d++) {
      if (hintNorm - d >= from && hintNorm - d <= to) {
        windowCandidates.push(hintNorm - d);
      }
      if (d > 0 && hintNorm + d <= to && hintNorm + d >= from) {
        windowCandidates.push(hintNorm + d);
      }
    }
    const found = pick(windowCandidates, true);
    if (found) {
      return toLocation(found.p, found.p + k - 1, 'fuzzy', found.score);
    }
  }
  // Widen: only alignments where at least one substantial quote line matches exactly.
  const index = lineIndex(doc);
  const candidates = new Set<number>();
  for (let j = 0; j < k && candidates.size < 5000; j++) {
    if (qNorm[j].length < 8) {
      continue;
    }
    for (const i of index.get(qNorm[j]) ?? []) {
      candidates.add(i - j);
    }
  }
  const found = pick(candidates, false);
  return found ? toLocation(found.p, found.p + k - 1, 'fuzzy', found.score) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Verification

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
  const { sent, loc } = best;
  const startLine = loc.startLine + sent.firstLine - 1;
  const endLine = loc.endLine + sent.firstLine - 1;
  const location: FindingLocation = { path: sent.path, uri: sent.uri, languageId: sent.languageId, startLine, endLine };
  const onTarget = claimedLine === undefined || (claimedLine >= startLine && claimedLine <= endLine);
  return {
    ...base,
    file: { path: sent.path, uri: sent.uri, languageId: sent.languageId },
    status: onTarget ? 'verified' : 'relocated',
    location,
    match: { method: loc.method, score: loc.score },
  };
}

export function verifyFindings(findings: readonly Finding[], sentFiles: readonly SentFile[]): VerifiedFinding[] {
  return findings.map((f) => verifyFinding(f, sentFiles));
}

// ---------------------------------------------------------------------------------------------
// Applying a replacement

export interface ReplacementPlan {
  /** Offsets in the document text to replace [startOffset, endOffset). */
  readonly startOffset: number;
  readonly endOffset: number;
  readonly newText: string;
  /** 1-based lines of the replaced range. */
  readonly startLine: number;
  readonly endLine: number;
  readonly method: MatchMethod;
}

function leadingWhitespace(s: string): string {
  return /^[ \t]*/.exec(s)?.[0] ?? '';
}

/**
 * Plans replacing `quote` (re-located in the current `documentText` near `hintLine`) by
 * `replacement`. When the match covers whole lines (up to indentation), whole lines are
 * replaced and the replacement is re-indented from its own first-line indentation to the
 * document's; a match in the middle of a line replaces exactly the quoted characters.
 * Line ends follow the document (CRLF kept). Undefined when the quote cannot be found.
 */
export function planReplacement(documentText: string, quote: string, replacement: string, hintLine?: number): ReplacementPlan | undefined {
  const loc = relocateQuote(documentText, quote, hintLine);
  if (!loc) {
    return undefined;
  }
  let startOffset = loc.startOffset;
  let endOffset = loc.endOffset;
  let newText = replacement.replace(/\r?\n/g, '\n');
  const lineStart = documentText.lastIndexOf('\n', startOffset - 1) + 1;
  let lineEnd = documentText.indexOf('\n', endOffset);
  if (lineEnd === -1) {
    lineEnd = documentText.length;
  } else if (lineEnd > 0 && documentText.charCodeAt(lineEnd - 1) === 13) {
    lineEnd--;
  }
  const wholeLines =
    loc.method !== 'exact' || (documentText.slice(lineStart, startOffset).trim() === '' && documentText.slice(endOffset, Math.max(endOffset, lineEnd)).trim() === '');
  if (wholeLines) {
    startOffset = lineStart;
    endOffset = Math.max(endOffset, lineEnd);
    const firstDocLine = documentText.slice(lineStart, documentText.indexOf('\n', lineStart) === -1 ? undefined : documentText.indexOf('\n', lineStart));
    const target = leadingWhitespace(firstDocLine);
    const base = leadingWhitespace(newText.split('\n').find((l) => l.trim() !== '') ?? '');
    if (base !== target) {
      newText = newText
        .split('\n')
        .map((l) => (l.trim() === '' ? l : l.startsWith(base) ? target + l.slice(base.length) : l))
        .join('\n');
    }
  }
  if (documentText.includes('\r\n')) {
    newText = newText.replace(/\n/g, '\r\n');
  }
  return { startOffset, endOffset, newText, startLine: loc.startLine, endLine: loc.endLine, method: loc.method };
}
