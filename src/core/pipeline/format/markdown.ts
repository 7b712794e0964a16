/**
 * `--format markdown`: a pull-request comment. A summary table, then each finding folded in a
 * <details> block with its sections and fixes, the query plans and the persona's notes.
 */
import type { Severity } from '../../findings/types';
import type { VerifiedFinding } from '../../findings/verify';
import { modelRuleId } from '../../sarif/descriptors';
import { coverageLines } from '../workspace/coverage';
import { reportRows, severityCounts, type ReviewReport } from '../workspace/report';

const ICON: Readonly<Record<Severity, string>> = { critical: '🛑', high: '🔴', medium: '🟠', low: '🟡', info: '🔵' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fence(content: string, lang: string): string {
  const longest = Math.max(2, ...[...content.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${content}\n${ticks}`;
}

function lines(line?: number, end?: number): string {
  return line === undefined ? '' : end !== undefined && end > line ? `:${line}-${end}` : `:${line}`;
}

function details(v: VerifiedFinding): string {
  const f = v.finding;
  const where = v.location ? `${v.location.path}${lines(v.location.startLine, v.location.endLine)}` : v.file ? `${v.file.path}${lines(v.claimedLine, v.claimedEndLine)}` : '';
  const parts = [`<details><summary>${ICON[f.severity]} <b>${html(f.title || 'Architect finding')}</b>${where ? ` — <code>${html(where)}</code>` : ''}${v.status === 'unverified' ? ' (location unverified)' : ''}</summary>`, ''];
  for (const [label, key] of [['Issue', 'issue'], ['Root cause', 'cause'], ['Impact', 'impact'], ['Recommendation', 'recommendation'], ['Trade-off', 'tradeoff']] as const) {
    const body = f.sections[key];
    if (body) {
      parts.push(`**${label}.** ${body.trim()}`, '');
    }
  }
  for (const fix of f.fixes) {
    parts.push(`**${fix.kind === 'run' ? 'Run' : 'Fix'}: ${fix.title || 'suggested change'}**`, '', fence(fix.content, fix.language), '');
  }
  parts.push('</details>');
  return parts.join('\n');
}

export function formatMarkdown(report: ReviewReport): string {
  const persona = report.persona;
  const rows = reportRows(report, (v) => (persona ? modelRuleId(persona, v.finding) : 'architect'));
  const out: string[] = [];
  out.push(`## Architect review: ${rows.length === 0 ? 'no findings' : `${rows.length} finding${rows.length === 1 ? '' : 's'} (${severityCounts(rows)})`}`, '');
  const scope = report.diff ? `${report.files.length} file${report.files.length === 1 ? '' : 's'} changed since \`${report.diff.base}\`` : `${report.files.length} file${report.files.length === 1 ? '' : 's'}`;
  out.push(
    report.mode === 'model' && persona
      ? `**${persona.name}** (${persona.title}) and the rules engine reviewed ${scope}.`
      : `The rules engine checked ${scope}; no model was asked (${report.offlineReason === 'flag' ? '`--offline`' : 'no `ANTHROPIC_API_KEY`'}).`,
    '',
  );
  if (rows.length > 0) {
    out.push('| Severity | Where | Finding | Rule |', '|---|---|---|---|');
    for (const r of rows) {
      const where = r.file ? `\`${cell(r.file)}${lines(r.line, r.endLine)}\`` : '—';
      out.push(`| ${ICON[r.severity]} ${r.severity} | ${where} | ${cell(r.title)}${r.verified ? '' : ' *(location unverified)*'} | \`${cell(r.ruleId)}\` |`);
    }
    out.push('');
  }
  for (const v of report.modelFindings) {
    out.push(details(v), '');
  }
  if (report.queryPlans.length > 0) {
    out.push('### Query plans (embedded Postgres, synthetic data)', '');
    for (const p of report.queryPlans) {
      out.push(`<details><summary><code>${html(p.file)}:${p.line}</code></summary>`, '', fence(p.sql, 'sql'), '', fence(p.summary.trim(), 'text'), '', '</details>', '');
    }
  }
  const prose = report.prose.map((p) => p.trim()).filter((p) => p !== '');
  if (persona && prose.length > 0) {
    out.push(`### Notes from ${persona.name}`, '', prose.join('\n\n'), '');
  }
  const problems = [...report.notices.filter((n) => n.level !== 'note').map((n) => n.message), ...(report.error ? [`The model review failed (${report.error.kind}): ${report.error.message} The findings above are what arrived before the failure.`] : [])];
  if (problems.length > 0) {
    out.push(...problems.map((p) => `> ⚠️ ${p}`), '');
  }
  out.push(coverageLines(report.coverage).join(' '), '');
  if (report.baseline) {
    out.push(`Baseline \`${cell(report.baseline.file)}\`: ${report.baseline.known} known finding${report.baseline.known === 1 ? '' : 's'} left out; only new findings are listed.`, '');
  }
  const usage = report.usage ? ` · ${report.usage.inputTokens} input / ${report.usage.outputTokens} output tokens` : '';
  out.push(`<sub>${report.tool.name} ${report.tool.version}${report.model && report.mode === 'model' ? ` · ${report.model}` : ''}${usage}</sub>`);
  return `${out.join('\n')}\n`;
}
