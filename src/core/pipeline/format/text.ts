/** `--format text`: findings grouped by file (as ESLint's stylish), then the persona's notes and a summary line. */
import { modelRuleId } from '../../sarif/descriptors';
import { coverageLines } from '../workspace/coverage';
import { reportRows, severityCounts, type ReviewReport } from '../workspace/report';

function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((l) => (l.trim() === '' ? '' : `${by}${l}`))
    .join('\n');
}

export function formatText(report: ReviewReport): string {
  const persona = report.persona;
  const rows = reportRows(report, (v) => (persona ? modelRuleId(persona, v.finding) : 'architect'));
  const out: string[] = [];
  let currentFile: string | undefined | null = null;
  for (const r of rows) {
    if (r.file !== currentFile) {
      if (currentFile !== null) {
        out.push('');
      }
      out.push(r.file ?? '(not about one file)');
      currentFile = r.file;
    }
    const where = r.line === undefined ? '' : `${r.line}${r.column ? `:${r.column}` : ''}`;
    const note = r.verified ? '' : ' (location unverified)';
    const who = r.source === 'model' && persona ? ` · ${persona.name}` : '';
    out.push(`  ${where.padEnd(7)} ${r.severity.padEnd(8)} ${r.title}${note}  ${r.ruleId}${who}`);
  }
  if (rows.length > 0) {
    out.push('');
  }
  for (const plan of report.queryPlans) {
    out.push(`Query plan ${plan.file}:${plan.line}`, indent(plan.summary.trim()), '');
  }
  const prose = report.prose.map((p) => p.trim()).filter((p) => p !== '');
  if (persona && prose.length > 0) {
    out.push(`Notes from ${persona.name} (${persona.id}):`, indent(prose.join('\n\n')), '');
  }
  for (const n of report.notices) {
    out.push(`${n.level}: ${n.message}`);
  }
  if (report.notices.length > 0) {
    out.push('');
  }
  out.push(...coverageLines(report.coverage));
  if (report.baseline) {
    out.push(`Baseline ${report.baseline.file}: ${report.baseline.known} known finding${report.baseline.known === 1 ? '' : 's'} left out; only new findings are listed.`);
  }
  out.push('');
  if (report.error) {
    out.push(`The model review failed (${report.error.kind}): ${report.error.message}`, '');
  }
  const what = report.mode === 'model' && persona ? `rules + ${persona.name} via ${report.model}` : 'rules and query plans only (offline)';
  const usage = report.usage ? ` · ${report.usage.inputTokens} tokens in / ${report.usage.outputTokens} out in ${report.usage.requests} request${report.usage.requests === 1 ? '' : 's'}` : '';
  const since = report.diff ? ` changed since ${report.diff.base}` : '';
  const counts = rows.length > 0 ? ` (${severityCounts(rows)})` : '';
  out.push(`${rows.length} finding${rows.length === 1 ? '' : 's'}${counts} in ${report.files.length} file${report.files.length === 1 ? '' : 's'}${since} · ${what}${usage}`);
  return `${out.join('\n')}\n`;
}
