/**
 * JSON Web Tokens (RFC 7519) and JWS/JWE compact forms: `ey…` (base64url of `{"`) or `ew…`
 * (of `{\n`), a dot, a second `ey…` segment, a dot and an optional signature. Scanned by hand:
 * a header candidate starts only where the base64url run starts, every run is read once and the
 * scan never goes back, so a line of 200 KB of `eyJ` fragments costs one pass.
 */
import type { RawSpan } from './types';
import { addWork } from './work';

export const JWT_PRIORITY = 3;
const MIN_SEGMENT = 10;

function isB64Url(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}
/** Payload and signature segments sometimes use the standard alphabet. */
function isB64Any(c: number): boolean {
  return isB64Url(c) || c === 43 || c === 47;
}

function run(text: string, from: number, member: (c: number) => boolean): number {
  let p = from;
  while (p < text.length && member(text.charCodeAt(p))) {
    p++;
  }
  addWork(p - from + 1);
  return p;
}

function skipPadding(text: string, p: number): number {
  let k = 0;
  while (k < 2 && text.charCodeAt(p) === 61 /* = */) {
    p++;
    k++;
  }
  return p;
}

function startsSegment(text: string, p: number): boolean {
  return text.charCodeAt(p) === 101 /* e */ && (text.charCodeAt(p + 1) === 121 /* y */ || text.charCodeAt(p + 1) === 119 /* w */);
}

export function scanJsonWebTokens(text: string): RawSpan[] {
  const spans: RawSpan[] = [];
  let cursor = 0;
  const starts = /e[yw]/g;
  for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
    const i = m.index;
    if (i < cursor) {
      starts.lastIndex = cursor;
      continue;
    }
    if (i > 0 && isB64Any(text.charCodeAt(i - 1))) {
      continue;
    }
    const headerEnd = run(text, i, isB64Url);
    cursor = headerEnd;
    if (headerEnd - i < MIN_SEGMENT) {
      continue;
    }
    let p = skipPadding(text, headerEnd);
    if (text.charCodeAt(p) !== 46 /* . */ || !startsSegment(text, p + 1)) {
      continue;
    }
    const payloadStart = p + 1;
    const payloadEnd = run(text, payloadStart, isB64Any);
    cursor = payloadEnd;
    if (payloadEnd - payloadStart < MIN_SEGMENT) {
      continue;
    }
    p = skipPadding(text, payloadEnd);
    if (text.charCodeAt(p) !== 46) {
      continue;
    }
    const sigStart = p + 1;
    const sigEnd = run(text, sigStart, isB64Any);
    const end = sigEnd - sigStart >= 8 ? skipPadding(text, sigEnd) : sigStart; // unsigned token: keep the dot
    spans.push({ start: i, end, kind: 'jwt', priority: JWT_PRIORITY });
    cursor = end;
    starts.lastIndex = end;
  }
  return spans;
}
