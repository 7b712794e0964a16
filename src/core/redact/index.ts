/**
 * Secret redaction before anything leaves the machine. See docs/redaction.md.
 *
 * - detectSecrets(text): where the secrets are ({start, end, line, kind}), for the rules engine.
 * - redact(text): the text with placeholders, counts per kind, and the spans mapping back.
 * - restoreSecrets(fix, original): a model's fix with the real values put back locally.
 */
export { detectSecrets } from './detect';
export { PROVIDER_RULES, type ProviderRule } from './providerRules';
export { hasPlaceholder, PLACEHOLDER_PATTERN, redact, restoreSecrets, toOriginalOffset, toRedactedOffset, type RedactOptions, type RestoreResult } from './redactor';
export { fixPlanMessage, locateQuote, planFix, type FixPlan } from './realDocument';
export type { RedactedSpan, Redaction, RedactionResult, SecretMatch } from './types';
