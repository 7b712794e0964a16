/**
 * Secrets in a text, found by the same detector that redacts code before it is sent to a model
 * (src/core/context/redact.ts): each placeholder it would insert marks a secret on that line.
 */
import { redactSecrets } from '../../context/redact';

export interface SecretHit {
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}

const PLACEHOLDER = /\[REDACTED:([a-z0-9-]+)\]/g;

export function findSecrets(text: string): SecretHit[] {
  const { text: redacted, redactions } = redactSecrets(text);
  if (redactions.length === 0) {
    return [];
  }
  const out: SecretHit[] = [];
  const lines = redacted.split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(PLACEHOLDER)) {
      out.push({ line: i + 1, column: (m.index ?? 0) + 1, kind: m[1] });
    }
  });
  return out;
}

/** The text with its secrets replaced by placeholders (for snippets shown or sent anywhere). */
export function maskSecrets(text: string): string {
  return redactSecrets(text).text;
}
