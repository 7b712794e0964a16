/** SARIF rule descriptors (tool.driver.rules) for rule findings and for model findings. */
import type { Finding, Severity } from '../findings/types';
import type { RuleFinding, RuleMeta } from '../pipeline/ruleFinding';
import { plainText } from '../review/reviewModel';
import { slugOf } from './fingerprint';
import type { SarifReportingDescriptor } from './sarifTypes';
import { sarifLevel, securitySeverity } from './severity';

/** The persona a model finding came from. */
export interface SarifPersona {
  readonly id: string;
  readonly name: string;
  readonly title?: string;
}

const SECURITY_WORDS = /secret|credential|password|token|inject|xss|csrf|ssrf|auth|crypt|tls|ssl|security|sanitiz|escape|traversal/i;

function tagsFor(category: string, text: string, extra: readonly string[]): string[] {
  const tags = new Set<string>(extra);
  if (category) {
    tags.add(category);
  }
  if (SECURITY_WORDS.test(`${category} ${text}`)) {
    tags.add('security');
  }
  return [...tags];
}

function firstSentence(text: string): string {
  const plain = plainText(text);
  const m = /^(.{1,200}?[.!?])(\s|$)/.exec(plain);
  return (m ? m[1] : plain.slice(0, 200)).trim();
}

/** A rules-engine rule, from its table entry when known, else from one of its findings. */
/** A rule's documentation as Markdown help: what it reports, why, an example, what to use instead. */
export function ruleHelpMarkdown(meta: RuleMeta): string {
  const d = meta.docs;
  const code = (c: { language: string; code: string }) => `\`\`\`${c.language}\n${c.code.trim()}\n\`\`\``;
  return [
    `**What it does.** ${d.what.trim()}`,
    `**Why is this bad?** ${d.why.trim()}`,
    `**Example**\n\n${code(d.example)}`,
    `**Use instead.** ${d.insteadText.trim()}\n\n${code(d.instead)}`,
    `**Fix.** ${d.fixHint.trim()}`,
  ].join('\n\n');
}

export function ruleDescriptor(ruleId: string, meta: RuleMeta | undefined, example: RuleFinding | undefined): SarifReportingDescriptor {
  const severity: Severity = meta?.defaultSeverity ?? example?.severity ?? 'medium';
  const summary = meta?.summary ?? example?.message ?? ruleId;
  const docs = meta ? ruleHelpMarkdown(meta) : summary;
  const category = meta?.category ?? example?.category ?? ruleId;
  return {
    id: ruleId,
    name: ruleId,
    shortDescription: { text: firstSentence(summary) || ruleId },
    fullDescription: { text: meta ? plainText(`${meta.docs.what} ${meta.docs.why}`) : plainText(summary) || ruleId },
    help: { text: meta ? plainText(`${meta.docs.what} ${meta.docs.why} Use instead: ${meta.docs.insteadText} Fix: ${meta.docs.fixHint}`) : plainText(docs), markdown: docs },
    defaultConfiguration: { level: sarifLevel(severity) },
    properties: {
      'security-severity': securitySeverity(severity),
      tags: tagsFor(category, `${ruleId} ${summary}`, ['architect-personas', 'rules']),
      precision: 'high',
    },
  };
}

/** The stable id of a model finding: persona and a slug of its title. */
export function modelRuleId(persona: SarifPersona, finding: Finding): string {
  return `architect/${persona.id}/${slugOf(finding.title || finding.sections.issue || 'finding')}`;
}

/** A model finding as its own rule: its title is the description, its recommendation the help. */
export function modelDescriptor(id: string, persona: SarifPersona, finding: Finding): SarifReportingDescriptor {
  const title = finding.title || firstSentence(finding.sections.issue ?? '') || 'Architect finding';
  const issue = finding.sections.issue ?? title;
  const helpParts: string[] = [];
  for (const [label, key] of [
    ['Issue', 'issue'],
    ['Root cause', 'cause'],
    ['Impact', 'impact'],
    ['Recommendation', 'recommendation'],
    ['Trade-off', 'tradeoff'],
  ] as const) {
    const body = finding.sections[key];
    if (body) {
      helpParts.push(`**${label}.** ${body.trim()}`);
    }
  }
  for (const fix of finding.fixes) {
    helpParts.push(`**${fix.kind === 'run' ? 'Run' : 'Fix'}: ${fix.title || 'suggested change'}**\n\n\`\`\`${fix.language}\n${fix.content}\n\`\`\``);
  }
  const markdown = helpParts.join('\n\n') || issue;
  return {
    id,
    name: title,
    shortDescription: { text: title },
    fullDescription: { text: plainText(issue) || title },
    help: { text: plainText(finding.sections.recommendation ?? issue) || title, markdown },
    defaultConfiguration: { level: sarifLevel(finding.severity) },
    properties: {
      'security-severity': securitySeverity(finding.severity),
      tags: tagsFor('', `${title} ${issue}`, ['architect-personas', 'architect-review', persona.id]),
      precision: 'medium',
      persona: persona.name,
    },
  };
}
