/**
 * `--format json`: the whole run as one object, stable field names (documented in docs/cli.md).
 * Model findings keep every section and fix; unverified ones say why.
 */
import { modelRuleId } from '../../sarif/descriptors';
import type { ReviewReport } from '../workspace/report';

export function formatJson(report: ReviewReport, exitCode: number): string {
  const persona = report.persona;
  const out = {
    tool: report.tool,
    exitCode,
    mode: report.mode,
    ...(report.offlineReason ? { offlineReason: report.offlineReason } : {}),
    persona: persona ?? null,
    command: report.command ?? null,
    model: report.model ?? null,
    diff: report.diff ?? null,
    files: report.files,
    coverage: report.coverage,
    baseline: report.baseline ?? null,
    ruleFindings: report.ruleFindings,
    modelFindings: report.modelFindings.map((v, i) => ({
      ruleId: persona ? modelRuleId(persona, v.finding) : undefined,
      severity: v.finding.severity,
      title: v.finding.title,
      status: v.status,
      ...(v.reason ? { reason: v.reason } : {}),
      file: v.location?.path ?? v.file?.path ?? null,
      line: v.location?.startLine ?? v.claimedLine ?? null,
      endLine: v.location?.endLine ?? v.claimedEndLine ?? null,
      claimedLine: v.claimedLine ?? null,
      quote: v.finding.quote ?? null,
      sections: v.finding.sections,
      fixes: v.finding.fixes,
      measuredBy: report.measured[i] ?? null,
    })),
    toolCalls: report.toolCalls,
    queryPlans: report.queryPlans,
    answers: report.answers,
    notices: report.notices,
    usage: report.usage ?? null,
    error: report.error ?? null,
    startedAt: report.startedAt.toISOString(),
    endedAt: report.endedAt.toISOString(),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
