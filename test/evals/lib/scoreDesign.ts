/**
 * Scores a /design answer: which of the persona's signature elements (personas/*.md, "Signature
 * output") it contains. Patterns are case-insensitive, multi-line regular expressions over the raw
 * answer (prose and finding blocks as the model wrote them). Pure.
 */
import { SECTION_NAMES } from '../../../src/core/findings/types';
import type { VerifiedFinding } from '../../../src/core/findings/verify';
import type { DesignBrief, SignatureCheck } from './evalCase';
import type { ParseCheck } from './parseCheck';

export interface SignatureResult {
  readonly id: string;
  readonly label: string;
  readonly ok: boolean;
  /** What was found or missing, for the JSON report. */
  readonly detail: string;
}

export interface DesignScore {
  readonly briefId: string;
  readonly persona: string;
  readonly checks: readonly SignatureResult[];
  readonly present: number;
  readonly total: number;
  readonly parse: ParseCheck;
}

function regex(source: string, global = false): RegExp {
  return new RegExp(source, global ? 'gimu' : 'imu');
}

function countMatches(text: string, source: string): number {
  return [...text.matchAll(regex(source, true))].length;
}

export function checkSignature(check: SignatureCheck, text: string, findings: readonly VerifiedFinding[]): SignatureResult {
  const base = { id: check.id, label: check.label };
  switch (check.kind) {
    case 'pattern': {
      const n = countMatches(text, check.pattern);
      const min = check.min ?? 1;
      return { ...base, ok: n >= min, detail: `${n} match${n === 1 ? '' : 'es'} (need ${min})` };
    }
    case 'absent': {
      const m = regex(check.pattern).exec(text);
      return { ...base, ok: m === null, detail: m ? `found "${m[0].slice(0, 60)}"` : 'absent' };
    }
    case 'order': {
      let from = 0;
      for (const [i, source] of check.patterns.entries()) {
        const re = regex(source, true);
        re.lastIndex = from;
        const m = re.exec(text);
        if (!m) {
          return { ...base, ok: false, detail: `element ${i + 1} (/${source}/) missing or out of order` };
        }
        from = m.index + m[0].length;
      }
      return { ...base, ok: true, detail: `${check.patterns.length} elements in order` };
    }
    case 'findings': {
      const complete = findings.filter(
        (v) => v.status !== 'unverified' && SECTION_NAMES.every((s) => (v.finding.sections[s] ?? '').trim() !== ''),
      ).length;
      return { ...base, ok: complete >= check.min, detail: `${complete} anchored finding(s) with all five sections (need ${check.min})` };
    }
  }
}

export function scoreDesign(brief: DesignBrief, text: string, findings: readonly VerifiedFinding[], parse: ParseCheck): DesignScore {
  const checks = brief.signatures.map((s) => checkSignature(s, text, findings));
  return { briefId: brief.id, persona: brief.persona, checks, present: checks.filter((c) => c.ok).length, total: checks.length, parse };
}
