/**
 * Finds a quote in a (possibly changed) text nearest to a hint line: exact, whitespace-
 * normalised, then fuzzy. Pure: no vscode import. Lines are 1-based and inclusive.
 */
import { ceilIndex, floorIndex, normalizeWhitespace, normalizedLineIndex, prepare } from './preparedText';
import { bigrams, similarity } from './lineSimilarity';

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
  const global = qNorm.length < 3 || qNorm.slice(1, -1).every((l) => normalizedLineIndex(doc).has(l));

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
  const index = normalizedLineIndex(doc);
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

/**
 * Every place `quote` occurs in `documentText` exactly, or when it occurs nowhere exactly,
 * whitespace-normalised (blank lines ignored); at most `limit`, in document order. Fuzzy
 * matches are never listed: two similar places are not two copies of the quote.
 */
export function quoteOccurrences(documentText: string, quote: string, limit = 20): QuoteLocation[] {
  const qLines = quote.split(/\r?\n/);
  while (qLines.length > 0 && qLines[0].trim() === '') {
    qLines.shift();
  }
  while (qLines.length > 0 && qLines[qLines.length - 1].trim() === '') {
    qLines.pop();
  }
  const exactQuote = qLines.join('\n');
  if (exactQuote.trim() === '') {
    return [];
  }
  const doc = prepare(documentText);
  const lineOfOffset = (o: number) => floorIndex(doc.lineStarts, o);
  const out: QuoteLocation[] = [];
  for (let at = doc.text.indexOf(exactQuote); at !== -1 && out.length < limit; at = doc.text.indexOf(exactQuote, at + 1)) {
    const end = at + exactQuote.length;
    out.push({ startLine: lineOfOffset(at) + 1, endLine: lineOfOffset(Math.max(at, end - 1)) + 1, startOffset: at, endOffset: end, method: 'exact', score: 1 });
  }
  if (out.length > 0) {
    return out;
  }
  const needle = qLines.map(normalizeWhitespace).filter((l) => l !== '').join('\n');
  const normLineOf = (o: number) => floorIndex(doc.normStarts, o);
  for (let at = doc.normJoined.indexOf(needle); at !== -1 && out.length < limit; at = doc.normJoined.indexOf(needle, at + 1)) {
    const first = doc.normLine[normLineOf(at)];
    const last = doc.normLine[normLineOf(at + needle.length - 1)];
    out.push({ startLine: first + 1, endLine: last + 1, startOffset: doc.lineStarts[first], endOffset: doc.lineEnds[last], method: 'normalized', score: 1 });
  }
  return out;
}
