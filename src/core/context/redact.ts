/** Moved to src/core/redact; kept so existing imports keep working until every caller is switched. */
import { redact } from '../redact';
import type { RedactionResult } from '../redact';

export type { Redaction, RedactionResult } from '../redact';

export function redactSecrets(text: string): RedactionResult {
  return redact(text);
}
