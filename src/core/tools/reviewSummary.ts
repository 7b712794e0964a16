/**
 * architect_review's result for the calling agent: plain text an agent can act on — each
 * finding with severity, verified location, the five sections and its fixes — plus the prose.
 */
import type { VerifiedFinding } from '../findings/verify';
import { SECTION_NAMES } from '../findings/types';

export interface ReviewSummaryInput {
  readonly persona: string;
  readonly path: string;
  readonly findings: readonly VerifiedFinding[];
  readonly prose: string;
  readonly notes: readonly string[];
  /** The model failed; what arrived is still summarised. */
  readonly failure?: string;
}

export function summarizeReview(input: ReviewSummaryInput): string {
  const out: string[] = [`${input.persona} reviewed ${input.path}: ${input.findings.length} finding${input.findings.length === 1 ? '' : 's'}.`];
  for (const note of input.notes) {
    out.push(`Note: ${note}`);
  }
  if (input.failure) {
    out.push(`The review did not finish: ${input.failure}`);
  }
  input.findings.forEach((v, i) => {
    const f = v.finding;
    const where = v.location ? `${v.location.path}:${v.location.startLine}${v.location.endLine > v.location.startLine ? `-${v.location.endLine}` : ''}` : f.file ? `${f.file} (location not verified)` : 'general';
    out.push('', `${i + 1}. [${f.severity}] ${f.title || 'Finding'} — ${where}`);
    for (const name of SECTION_NAMES) {
      const text = f.sections[name];
      if (text) {
        out.push(`   ${name}: ${text.replace(/\s*\n\s*/g, ' ')}`);
      }
    }
    for (const fix of f.fixes) {
      out.push(`   ${fix.kind === 'run' ? 'run' : 'fix'} (${fix.language || 'text'})${fix.title ? ` ${fix.title}` : ''}:`, ...fix.content.split('\n').map((l) => `     ${l}`));
    }
  });
  const prose = input.prose.trim();
  if (prose) {
    out.push('', prose);
  }
  return out.join('\n');
}
