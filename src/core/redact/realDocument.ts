/**
 * Back from the redacted view the model saw to the user's real document: a quote or a fix that
 * contains `[REDACTED:…]` placeholders is located in `redact(document)` (same lines, same
 * placeholders, computed again on the current text — secrets are never stored), the offsets are
 * mapped back to the real text, and every placeholder in the fix is replaced locally by the value
 * it stands for. A fix whose placeholder matches no secret of the file is refused with a message:
 * a placeholder is never written into a file.
 */
import { planReplacement, type ReplacementPlan } from '../findings/replacementPlan';
import { relocateQuote, type QuoteLocation } from '../findings/quoteRelocation';
import { hasPlaceholder, redact, restoreSecrets, toOriginalOffset } from './redactor';
import type { RedactionResult } from './types';

/** Offset in the original of an end offset in the redacted text (inside a placeholder: its secret's end). */
function toOriginalEnd(result: RedactionResult, outOffset: number): number {
  let delta = 0;
  for (const s of result.spans) {
    if (outOffset <= s.outStart) {
      break;
    }
    if (outOffset < s.outEnd) {
      return s.end;
    }
    delta = s.end - s.outEnd;
  }
  return outOffset + delta;
}

/** relocateQuote on the real document, also when the quote was taken from the redacted text. */
export function locateQuote(documentText: string, quote: string, hintLine?: number): QuoteLocation | undefined {
  const direct = relocateQuote(documentText, quote, hintLine);
  if (direct || !hasPlaceholder(quote)) {
    return direct;
  }
  const view = redact(documentText);
  const loc = relocateQuote(view.text, quote, hintLine);
  if (!loc) {
    return undefined;
  }
  // redaction keeps every line, so line numbers are the document's
  return { ...loc, startOffset: toOriginalOffset(view, loc.startOffset), endOffset: toOriginalEnd(view, loc.endOffset) };
}

export type FixPlan = { readonly plan: ReplacementPlan } | { readonly error: 'not-found' } | { readonly error: 'unknown-placeholder'; readonly placeholders: readonly string[] };

/**
 * planReplacement on the real document for a quote and fix written against the redacted view.
 * Without placeholders it is planReplacement itself.
 */
export function planFix(documentText: string, quote: string, replacement: string, hintLine?: number): FixPlan {
  if (!hasPlaceholder(quote) && !hasPlaceholder(replacement)) {
    const plan = planReplacement(documentText, quote, replacement, hintLine);
    return plan ? { plan } : { error: 'not-found' };
  }
  const view = redact(documentText);
  const onView = planReplacement(view.text, quote, replacement, hintLine);
  if (!onView) {
    return { error: 'not-found' };
  }
  const restored = restoreSecrets(onView.newText, documentText, view);
  if (restored.unknown.length > 0) {
    return { error: 'unknown-placeholder', placeholders: [...new Set(restored.unknown)] };
  }
  return {
    plan: { ...onView, startOffset: toOriginalOffset(view, onView.startOffset), endOffset: toOriginalEnd(view, onView.endOffset), newText: restored.text },
  };
}

/** The message for a refused fix, naming the file. */
export function fixPlanMessage(result: Exclude<FixPlan, { plan: ReplacementPlan }>, path: string): string {
  if (result.error === 'unknown-placeholder') {
    return `Cannot apply the fix: it contains ${result.placeholders.join(', ')}, a redacted secret that is not in ${path} (any more), and a placeholder is never written into a file. Copy the fix and put the value in yourself.`;
  }
  return `Cannot apply the fix: the code it replaces is no longer in ${path} (it changed since the answer). Ask again for an up-to-date fix.`;
}
