/**
 * detectSecrets: every detector over the whole text, overlapping spans merged (the union of
 * the overlap, named after the most specific detector: provider token or private key over a
 * URL password over a generic assignment), each with its 1-based line.
 */
import { scanAssignments } from './assignments';
import { scanJsonWebTokens } from './jsonWebTokens';
import { scanKubernetesSecrets } from './kubernetesSecrets';
import { scanPrivateKeys } from './privateKeys';
import { scanProviders } from './providerScan';
import type { RawSpan, SecretMatch } from './types';
import { scanUrlCredentials } from './urlCredentials';

export function detectSpans(text: string): RawSpan[] {
  if (text.length === 0) {
    return [];
  }
  const lower = text.toLowerCase();
  const raw: RawSpan[] = [];
  for (const found of [scanPrivateKeys(text), scanProviders(text, lower), scanJsonWebTokens(text), scanUrlCredentials(text, lower), scanKubernetesSecrets(text, lower), scanAssignments(text, lower)]) {
    for (const s of found) {
      if (s.end > s.start) {
        raw.push(s);
      }
    }
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: RawSpan[] = [];
  for (const s of raw) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      const end = Math.max(last.end, s.end);
      const winner = s.priority > last.priority ? s : last;
      merged[merged.length - 1] = { start: last.start, end, kind: winner.kind, priority: Math.max(s.priority, last.priority) };
    } else {
      merged.push(s);
    }
  }
  return merged;
}

/** Every secret in `text`, in order, without overlaps. */
export function detectSecrets(text: string): SecretMatch[] {
  const spans = detectSpans(text);
  const out: SecretMatch[] = [];
  let line = 1;
  // the next line break not yet counted (-1: none left), found once per line, not once per span
  let nextBreak = text.indexOf('\n');
  for (const s of spans) {
    while (nextBreak !== -1 && nextBreak < s.start) {
      line++;
      nextBreak = text.indexOf('\n', nextBreak + 1);
    }
    out.push({ start: s.start, end: s.end, line, kind: s.kind });
  }
  return out;
}
