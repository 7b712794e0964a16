/**
 * The rule findings as a grounding section of the prompt ("facts the rules found"), and the
 * marker a model finding uses to say which rule it confirms.
 */
import { redact } from '../redact';
import type { GroundingSection } from '../prompt/promptBuilder';
import type { RuleFinding } from './types';

export const RULE_FACTS_TITLE = 'Facts the rules found';

/** Most findings listed; the rest are counted. */
const MAX_FACTS = 40;

export function ruleFactsSection(findings: readonly RuleFinding[]): GroundingSection {
  if (findings.length === 0) {
    return { title: RULE_FACTS_TITLE, body: '' };
  }
  const shown = findings.slice(0, MAX_FACTS);
  const lines = shown.map((f) => {
    const where = f.endLine > f.line ? `${f.file}:${f.line}-${f.endLine}` : `${f.file}:${f.line}`;
    const code = redact(f.snippet).text.split('\n').map((l) => `    ${l}`).join('\n');
    return `- rule="${f.ruleId}" severity=${f.severity} at ${where}: ${f.message}\n${code}`;
  });
  if (findings.length > shown.length) {
    lines.push(`- … and ${findings.length - shown.length} more rule findings not listed.`);
  }
  return {
    title: RULE_FACTS_TITLE,
    body:
      "The extension's deterministic rules (parsers, no model) report these in the code above. " +
      'When a finding of yours is about one of them, add rule="<rule id>" to its <finding> tag; ' +
      'if you think a rule hit is a false alarm, say so briefly.\n\n' +
      lines.join('\n'),
  };
}
