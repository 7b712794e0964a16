import type { SchemaStatus } from '../../core/sql';

/** The schema status as Markdown: the summary line, then what was skipped (root causes first) and adapted. */
export function schemaStatusMarkdown(status: SchemaStatus): string {
  const lines = [status.summary];
  const rows = status.rows.slice(0, 6).map((r) => `${r.table.replace(/^public\./, '')} ${r.rows.toLocaleString('en-US')}`);
  if (rows.length > 0) {
    lines.push('', `Synthetic rows: ${rows.join(', ')}${status.rows.length > 6 ? ', …' : ''}`);
  }
  const roots = status.skipped.filter((s) => s.kind === 'extension' || s.kind === 'error');
  const echoes = status.skipped.filter((s) => s.kind === 'cascade');
  if (roots.length > 0) {
    lines.push('', 'Skipped:');
    for (const s of roots.slice(0, 10)) {
      const n = echoes.filter((e) => e.causedBy === `${s.file}:${s.line}` || (s.kind === 'extension' && e.causedBy?.startsWith('extension '))).length;
      lines.push(`- \`${s.file}:${s.line}\` — ${s.reason}${n > 0 ? ` (and ${n} statement${n === 1 ? '' : 's'} depending on it)` : ''}`);
    }
  }
  for (const a of status.adapted) {
    lines.push(`- adapted: ${a.file ? `\`${a.file}:${a.line}\` ` : ''}${a.what}`);
  }
  for (const d of status.dataSkipped) {
    lines.push(`- no synthetic rows for ${d.table}: ${d.reason}`);
  }
  for (const n of status.notes) {
    lines.push(`- note: ${n}`);
  }
  return lines.join('\n');
}
