/**
 * Secrets in a text, found by the same detector that redacts code before it is sent to a model
 * (src/core/redact: detectSecrets), so the rule and the redaction never disagree.
 */
import { detectSecrets, redact } from '../../redact';

export interface SecretHit {
  /** 0-based offsets. */
  readonly start: number;
  readonly end: number;
  /** 1-based. */
  readonly line: number;
  readonly kind: string;
}

export function findSecrets(text: string): SecretHit[] {
  return detectSecrets(text).map((m) => ({ start: m.start, end: m.end, line: m.line, kind: m.kind }));
}

/** The text with its secrets replaced by placeholders (for snippets shown or sent anywhere). */
export function maskSecrets(text: string): string {
  return redact(text).text;
}
