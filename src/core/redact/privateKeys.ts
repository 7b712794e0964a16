/**
 * Private keys: PEM/OpenSSH/PGP blocks from their BEGIN line to their END line (or, without
 * an END, through the lines that look like key body), PuTTY `Private-Lines`, the same blocks
 * written with `\n` escapes inside a JSON string (Google service-account files), and key
 * bodies without any BEGIN line, recognised by shape: two or more consecutive lines of base64
 * of one width (64 for PEM, 70 for OpenSSH, 76 for some tools) and the entropy of random bytes.
 *
 * Each BEGIN is looked at once and the END search position is shared between them, so 2,000
 * BEGIN lines without an END cost one pass, not 2,000.
 */
import type { RawSpan } from './types';
import { shannonEntropy } from './values';
import { addWork } from './work';

export const KEY_PRIORITY = 4;
const HEADER = /^-{3,5} ?BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY(?: BLOCK)? ?-{3,5}/;
const BODY_LINE = /^[ \t]*["']?[A-Za-z0-9+/]{16,100}={0,2}["']?(?:\\n)?["']?[ \t]*,?[ \t]*$/;
const HEADER_FIELD = /^[ \t]*(?:Proc-Type|DEK-Info|Comment|Version|Hash|Charset)[ \t]*:.{0,200}$/;

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl;
}

/** Extends a block without END over the body-like lines that follow `from` (start of a line). */
function extendBody(text: string, from: number): number {
  let end = from;
  let pos = from;
  let lines = 0;
  while (pos < text.length && lines < 2000) {
    const le = lineEnd(text, pos);
    addWork(le - pos + 1);
    const line = text.slice(pos, le).replace(/\r$/, '');
    if (line.trim() === '' || BODY_LINE.test(line) || HEADER_FIELD.test(line)) {
      if (line.trim() !== '') {
        end = le;
      }
      pos = le + 1;
      lines++;
      continue;
    }
    break;
  }
  return end;
}

/** Length of `line` without leading/trailing blanks, quotes, a trailing `\\n` escape or comma. */
function bodyCore(text: string, from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  while (a < b && (text[a] === ' ' || text[a] === '\t' || text[a] === '"' || text[a] === "'")) {
    a++;
  }
  while (b > a && (text[b - 1] === ' ' || text[b - 1] === '\t' || text[b - 1] === '\r' || text[b - 1] === ',' || text[b - 1] === '"' || text[b - 1] === "'")) {
    b--;
  }
  if (b - a >= 2 && text[b - 2] === '\\' && text[b - 1] === 'n') {
    b -= 2;
  }
  return [a, b];
}

function isBase64Run(text: string, a: number, b: number): boolean {
  let end = b;
  while (end > a && text.charCodeAt(end - 1) === 61 /* = */ && b - end < 2) {
    end--;
  }
  for (let i = a; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47)) {
      return false;
    }
  }
  return true;
}

/** Runs of base64 body lines of one width with no BEGIN: the middle of a key cut out of its file. */
function scanBodies(text: string, covered: (pos: number) => boolean): RawSpan[] {
  const spans: RawSpan[] = [];
  let runStart = -1;
  let runEnd = -1;
  let runLines = 0;
  let width = -1;
  let sample = '';
  const flush = (): void => {
    if (runLines >= 2 && shannonEntropy(sample) >= 4.5) {
      spans.push({ start: runStart, end: runEnd, kind: 'private-key', priority: KEY_PRIORITY });
    }
    runLines = 0;
    width = -1;
    sample = '';
  };
  let pos = 0;
  while (pos <= text.length) {
    const le = lineEnd(text, pos);
    addWork(le - pos + 1);
    // cheap length test first: most lines are not 40-100 characters of base64
    let body = false;
    let a = pos;
    let b = le;
    if (le - pos >= 40 && le - pos <= 130) {
      [a, b] = bodyCore(text, pos, le);
      body = b - a >= 40 && b - a <= 100 && isBase64Run(text, a, b) && !covered(pos);
    }
    const w = b - a;
    if (body && runLines > 0 && w <= width) {
      runEnd = b;
      runLines++;
      if (sample.length < 400) {
        sample += text.slice(a, b);
      }
      if (w < width) {
        flush(); // a shorter line ends the body
      }
    } else {
      flush();
      if (body) {
        runStart = a;
        runEnd = b;
        width = w;
        runLines = 1;
        sample = text.slice(a, b);
      }
    }
    pos = le + 1;
  }
  flush();
  return spans;
}

export function scanPrivateKeys(text: string): RawSpan[] {
  const spans: RawSpan[] = [];
  let nextEnd = -2; // -2: not searched yet; -1: no END after the last search position
  for (let i = text.indexOf('BEGIN '); i !== -1; i = text.indexOf('BEGIN ', i + 6)) {
    let s = i;
    while (s > 0 && i - s < 6 && text[s - 1] === '-') {
      s--;
    }
    if (s > 0 && text[s - 1] === ' ' && text[s - 2] === '-') {
      s -= 2; // "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----"
      while (s > 0 && text[s - 1] === '-') {
        s--;
      }
    }
    addWork(80);
    const head = HEADER.exec(text.slice(s, s + 80));
    if (!head) {
      continue;
    }
    const headerEnd = s + head[0].length;
    if (nextEnd !== -1 && nextEnd < headerEnd) {
      nextEnd = text.indexOf('END ', headerEnd);
    }
    let end: number;
    // the END must follow before the next BEGIN (else this block has none)
    const nextBegin = text.indexOf('BEGIN ', headerEnd);
    if (nextEnd !== -1 && (nextBegin === -1 || nextEnd < nextBegin)) {
      const tail = /^END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)? ?-{3,5}/.exec(text.slice(nextEnd, nextEnd + 80));
      end = tail ? nextEnd + tail[0].length : lineEnd(text, nextEnd);
    } else if (text.slice(headerEnd, headerEnd + 2) === '\\n') {
      // escaped block without END in a string: up to the closing quote
      const q = text.slice(headerEnd).search(/["'\n]/);
      end = q === -1 ? text.length : headerEnd + q;
    } else {
      end = Math.max(headerEnd, extendBody(text, lineEnd(text, headerEnd) + 1));
    }
    spans.push({ start: s, end, kind: 'private-key', priority: KEY_PRIORITY });
    i = Math.max(i, end - 6);
  }
  // PuTTY: Private-Lines: N followed by N lines
  for (let i = text.indexOf('Private-Lines:'); i !== -1; i = text.indexOf('Private-Lines:', i + 14)) {
    const m = /^Private-Lines:\s*(\d{1,4})/.exec(text.slice(i, i + 24));
    if (!m) {
      continue;
    }
    let pos = lineEnd(text, i) + 1;
    const start = pos;
    for (let k = 0; k < Number(m[1]) && pos < text.length; k++) {
      pos = lineEnd(text, pos) + 1;
    }
    const macEnd = text.startsWith('Private-MAC:', pos) ? lineEnd(text, pos) : pos - 1;
    if (macEnd > start) {
      spans.push({ start, end: Math.min(macEnd, text.length), kind: 'private-key', priority: KEY_PRIORITY });
    }
  }
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let k = 0;
  const covered = (pos: number): boolean => {
    while (k < sorted.length && sorted[k].end < pos) {
      k++;
    }
    return k < sorted.length && sorted[k].start <= pos && pos <= sorted[k].end;
  };
  return spans.concat(scanBodies(text, covered));
}
