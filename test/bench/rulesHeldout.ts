/**
 * Held-out rules bench (`npm run bench`, or `node out/test/bench/rulesHeldout.js` alone): precision
 * and recall per rule on test/fixtures/rules/heldout — labelled cases copied from public linters'
 * and scanners' test data (sources in its README), labelled by those tools' own expectations.
 * Nobody tunes the rules on it: it measures how the rules generalise (issue #23, point 8). Figures
 * only; no test asserts these numbers.
 */
import * as path from 'node:path';
import { RULE_TABLE } from '../../src/core/rules';
import { loadCorpus, precision, recall, scoreCorpus, type RuleScore } from '../unit/rules/corpus';
import type { Row } from './stats';

export const HELDOUT_DIR = path.resolve(__dirname, '../../../test/fixtures/rules/heldout');

const empty = (): RuleScore => ({ tp: 0, fp: 0, fn: 0, misses: [], falseAlarms: [] });

export async function benchRulesHeldout(options: { details?: boolean } = {}): Promise<{ rows: Row[]; text: string; raw: Record<string, unknown> }> {
  const corpus = loadCorpus(HELDOUT_DIR);
  const { scores, findings } = await scoreCorpus(corpus);
  const rows: Row[] = [];
  const lines: string[] = [`Held-out rules set (public linters' test data): ${corpus.length} files`, '', '| rule | positives | TP | FP | FN | precision | recall |', '|---|---|---|---|---|---|---|'];
  const perRule: Record<string, unknown> = {};
  const recalls: number[] = [];
  const recallsTen: number[] = [];
  for (const r of RULE_TABLE) {
    const s = scores.get(r.id);
    if (!s) {
      continue;
    }
    const p = precision(s);
    const rc = recall(s);
    perRule[r.id] = { tp: s.tp, fp: s.fp, fn: s.fn, precision: p, recall: rc, misses: s.misses, falseAlarms: s.falseAlarms };
    if (s.tp + s.fn > 0) {
      recalls.push(rc);
    }
    if (s.tp + s.fn >= 10) {
      recallsTen.push(rc);
    }
    lines.push(`| ${r.id} | ${s.tp + s.fn} | ${s.tp} | ${s.fp} | ${s.fn} | ${p.toFixed(2)} | ${s.tp + s.fn > 0 ? rc.toFixed(2) : '—'} |`);
    rows.push({ id: `rulesHeldout.${r.id}.precision`, label: `rules held-out: ${r.id} precision`, unit: 'ratio', value: p });
    rows.push({ id: `rulesHeldout.${r.id}.recall`, label: `rules held-out: ${r.id} recall`, unit: 'ratio', value: s.tp + s.fn > 0 ? rc : NaN });
  }
  const total = [...scores.values()].reduce((a, s) => ({ ...a, tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), empty());
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const macroRecall = mean(recalls);
  lines.push(
    '',
    `Macro recall ${macroRecall.toFixed(2)} over ${recalls.length} rules with positives (target >= 0.7); pooled precision ${precision(total).toFixed(2)} (target >= 0.9), pooled recall ${recall(total).toFixed(2)}.`,
    `Macro recall over the ${recallsTen.length} rules with at least 10 positives: ${mean(recallsTen).toFixed(2)}.`,
  );
  rows.push({ id: 'rulesHeldout.macroRecall', label: 'rules held-out: macro recall', unit: 'ratio', value: macroRecall, target: { op: '>=', limit: 0.7 } });
  rows.push({ id: 'rulesHeldout.precision', label: 'rules held-out: pooled precision', unit: 'ratio', value: precision(total), target: { op: '>=', limit: 0.9 } });

  // per file: a labelled file counts as found when the rule reports anything in it, an unlabelled
  // file with a finding is a false alarm. Insensitive to the line a tool puts its alert on (CodeQL
  // marks the sink, semgrep the start of its match, the rules the line that builds the SQL).
  const fileLevel = new Map<string, RuleScore>();
  for (const c of corpus) {
    for (const id of c.rules) {
      const t = fileLevel.get(id) ?? empty();
      fileLevel.set(id, t);
      const labelled = c.fileWide.has(id) || (c.lines.get(id)?.size ?? 0) > 0;
      const reported = findings.some((f) => f.ruleId === id && f.file === c.file.path);
      if (labelled && reported) {
        t.tp++;
      } else if (labelled) {
        t.fn++;
      } else if (reported) {
        t.fp++;
      }
    }
  }
  lines.push('', 'Per file (a file with labels counts as found if the rule reports anything in it):', '', '| rule | files with positives | found | missed | files without positives reported | recall |', '|---|---|---|---|---|---|');
  for (const [id, t] of [...fileLevel.entries()].sort()) {
    lines.push(`| ${id} | ${t.tp + t.fn} | ${t.tp} | ${t.fn} | ${t.fp} | ${t.tp + t.fn > 0 ? recall(t).toFixed(2) : '—'} |`);
  }

  // per source folder (the first path segment), so one source's labelling style does not hide in the total
  const bySource = new Map<string, RuleScore>();
  for (const [, s] of scores) {
    for (const m of s.misses) {
      const src = m.split('/')[0];
      const t = bySource.get(src) ?? empty();
      t.fn++;
      bySource.set(src, t);
    }
    for (const f of s.falseAlarms) {
      const src = f.split('/')[0];
      const t = bySource.get(src) ?? empty();
      t.fp++;
      bySource.set(src, t);
    }
  }
  const positivesBySource = new Map<string, number>();
  for (const c of corpus) {
    const src = c.file.path.split('/')[0];
    let n = 0;
    for (const id of c.rules) {
      n += c.fileWide.has(id) ? 1 : (c.lines.get(id)?.size ?? 0);
    }
    positivesBySource.set(src, (positivesBySource.get(src) ?? 0) + n);
  }
  lines.push('', '| source | positives | missed | false alarms |', '|---|---|---|---|');
  for (const [src, n] of [...positivesBySource.entries()].sort()) {
    const t = bySource.get(src) ?? empty();
    lines.push(`| ${src} | ${n} | ${t.fn} | ${t.fp} |`);
  }
  if (options.details) {
    for (const [id, s] of scores) {
      if (s.misses.length) {
        lines.push('', `${id} missed:`, ...s.misses.map((m) => `  ${m}`));
      }
      if (s.falseAlarms.length) {
        lines.push('', `${id} false alarms:`, ...s.falseAlarms.map((m) => `  ${m}`));
      }
    }
  }
  return { rows, text: lines.join('\n'), raw: { files: corpus.length, perRule, macroRecall, fileLevel: Object.fromEntries([...fileLevel].map(([id, t]) => [id, { tp: t.tp, fp: t.fp, fn: t.fn }])), pooled: { tp: total.tp, fp: total.fp, fn: total.fn } } };
}

if (require.main === module) {
  benchRulesHeldout({ details: process.argv.includes('--details') })
    .then((r) => console.log(r.text))
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
