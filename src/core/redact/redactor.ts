/**
 * redact: replaces every detected secret with a placeholder and keeps a map back to the
 * original. Placeholders are `[REDACTED:<kind>]`, numbered `[REDACTED:<kind>#2]` when one text
 * holds several different secrets of a kind, so the model can tell them apart and a fix that
 * mentions one can be restored to its own value. A multi-line secret (a private key) keeps its
 * line breaks: the output has exactly the lines of the input, so line numbers never move;
 * columns after a placeholder on its line do, and the map converts them.
 */
import { detectSpans } from './detect';
import type { RawSpan, RedactedSpan, Redaction, RedactionResult } from './types';

export interface RedactOptions {
  /** Kinds to leave in clear (e.g. when a user turned one off); none by default. */
  readonly keepKinds?: readonly string[];
}

export const PLACEHOLDER_PATTERN = /\[REDACTED:([a-z0-9-]+)(?:#(\d+))?\]/g;

function lineBreaksOf(secret: string): string {
  if (!secret.includes('\n')) {
    return '';
  }
  return secret.replace(/[^\r\n]+/g, '');
}

export function redact(text: string, options: RedactOptions = {}): RedactionResult {
  let spans: RawSpan[] = detectSpans(text);
  if (options.keepKinds && options.keepKinds.length > 0) {
    const keep = new Set(options.keepKinds);
    spans = spans.filter((s) => !keep.has(s.kind));
  }
  if (spans.length === 0) {
    return { text, redactions: [], spans: [] };
  }
  // number the distinct values of each kind in order of appearance
  const values = spans.map((s) => text.slice(s.start, s.end));
  const numbers = new Map<string, Map<string, number>>();
  for (let i = 0; i < spans.length; i++) {
    let byValue = numbers.get(spans[i].kind);
    if (!byValue) {
      byValue = new Map();
      numbers.set(spans[i].kind, byValue);
    }
    if (!byValue.has(values[i])) {
      byValue.set(values[i], byValue.size + 1);
    }
  }
  const single = new Map<string, string>();
  const counts = new Map<string, number>();
  const out: string[] = [];
  const redacted: RedactedSpan[] = [];
  let pos = 0;
  let outLen = 0;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    const value = values[i];
    const byValue = numbers.get(s.kind)!;
    let placeholder: string;
    if (byValue.size > 1) {
      placeholder = `[REDACTED:${s.kind}#${byValue.get(value)!}]`;
    } else {
      placeholder = single.get(s.kind) ?? `[REDACTED:${s.kind}]`;
      single.set(s.kind, placeholder);
    }
    const before = text.slice(pos, s.start);
    out.push(before);
    outLen += before.length;
    const replacement = placeholder + lineBreaksOf(value);
    out.push(replacement);
    redacted.push({ start: s.start, end: s.end, kind: s.kind, outStart: outLen, outEnd: outLen + replacement.length, placeholder });
    outLen += replacement.length;
    pos = s.end;
    counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  }
  out.push(text.slice(pos));
  const redactions: Redaction[] = [...counts].map(([kind, count]) => ({ kind, count }));
  return { text: out.join(''), redactions, spans: redacted };
}

/** Offset in the original text of an offset in the redacted text (a placeholder maps to its secret's start). */
export function toOriginalOffset(result: RedactionResult, outOffset: number): number {
  let delta = 0;
  for (const s of result.spans) {
    if (outOffset < s.outStart) {
      break;
    }
    if (outOffset < s.outEnd) {
      return s.start;
    }
    delta = s.end - s.outEnd;
  }
  return outOffset + delta;
}

/** Offset in the redacted text of an offset in the original (inside a secret: its placeholder's start). */
export function toRedactedOffset(result: RedactionResult, offset: number): number {
  let delta = 0;
  for (const s of result.spans) {
    if (offset < s.start) {
      break;
    }
    if (offset < s.end) {
      return s.outStart;
    }
    delta = s.outEnd - s.end;
  }
  return offset + delta;
}

export interface RestoreResult {
  /** The text with every known placeholder replaced by the original value. */
  readonly text: string;
  /** Placeholders that match no secret of `original` (the fix cannot be written as is). */
  readonly unknown: string[];
}

/**
 * Puts the user's real values back into text written against the redacted view (a fix from
 * the model): each placeholder is replaced by the secret it stands for in `original`, so a
 * fix never writes a placeholder into a file. `result` is `redact(original)`.
 */
export function restoreSecrets(textWithPlaceholders: string, original: string, result: RedactionResult = redact(original)): RestoreResult {
  const byPlaceholder = new Map<string, string>();
  for (const s of result.spans) {
    if (!byPlaceholder.has(s.placeholder)) {
      byPlaceholder.set(s.placeholder, original.slice(s.start, s.end));
    }
  }
  const unknown: string[] = [];
  const text = textWithPlaceholders.replace(PLACEHOLDER_PATTERN, (ph: string) => {
    const value = byPlaceholder.get(ph);
    if (value === undefined) {
      unknown.push(ph);
      return ph;
    }
    return value;
  });
  return { text, unknown };
}

/** True when `text` contains a redaction placeholder. */
export function hasPlaceholder(text: string): boolean {
  PLACEHOLDER_PATTERN.lastIndex = 0;
  const found = PLACEHOLDER_PATTERN.test(text);
  PLACEHOLDER_PATTERN.lastIndex = 0;
  return found;
}
