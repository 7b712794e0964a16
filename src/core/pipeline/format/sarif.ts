import { toSarif } from '../../sarif';
import { coverageLines } from '../workspace/coverage';
import type { ReviewReport } from '../workspace/report';

export function formatSarif(report: ReviewReport, exitCode: number): string {
  const log = toSarif({
    toolName: report.tool.name,
    toolVersion: report.tool.version,
    rules: report.rules,
    ruleFindings: report.ruleFindings,
    model: report.persona ? { persona: report.persona, findings: report.modelFindings, measured: report.measured } : undefined,
    sources: report.sources,
    root: report.root,
    notifications: [
      ...report.notices,
      { level: 'note' as const, message: coverageLines(report.coverage).join(' ') },
      ...(report.baseline ? [{ level: 'note' as const, message: `Baseline ${report.baseline.file}: ${report.baseline.known} known findings left out; the results are the new ones.` }] : []),
      ...report.queryPlans.map((p) => ({ level: 'note' as const, message: `Query plan for ${p.file}:${p.line}: ${p.summary}` })),
      ...(report.error ? [{ level: 'error' as const, message: `The model review failed (${report.error.kind}): ${report.error.message}` }] : []),
    ],
    invocation: { successful: !report.error, exitCode, startTime: report.startedAt, endTime: report.endedAt },
  });
  return `${JSON.stringify(log, null, 2)}\n`;
}
