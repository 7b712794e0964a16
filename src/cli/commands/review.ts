import type { CliCommand } from '../commandTable';
import { REVIEW_USAGE } from '../review/options';
import { runReview } from '../review/runReview';

/** `architect-personas review`: rules, query plans and a persona's review, for CI (text, JSON, SARIF, Markdown). */
export const reviewCommand: CliCommand = {
  name: 'review',
  summary: 'Review files or a branch diff: rules, query plans and a persona (text, json, sarif, markdown)',
  usage: REVIEW_USAGE,
  run: runReview,
};
