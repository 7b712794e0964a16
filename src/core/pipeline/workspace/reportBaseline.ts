/**
 * A review report against a baseline (src/core/baseline): the report's findings as a baseline
 * to write, and the report with the baseline's findings left out, so the output and --fail-on
 * see only what is new since.
 */
import { makeBaseline, modelEntries, modelFingerprints, newSince, ruleEntries, ruleFingerprints, type Baseline } from '../../baseline/baseline';
import type { ReviewReport } from './report';

export function baselineOfReport(report: ReviewReport): Baseline {
  return makeBaseline([...ruleEntries(report.ruleFindings), ...modelEntries(report.persona, report.modelFindings)]);
}

export function withoutBaseline(report: ReviewReport, baseline: Baseline, file: string): ReviewReport {
  const rules = newSince(report.ruleFindings, ruleFingerprints(report.ruleFindings), baseline);
  const indexed = report.modelFindings.map((finding, index) => ({ finding, index }));
  const model = newSince(indexed, modelFingerprints(report.persona, report.modelFindings), baseline);
  return {
    ...report,
    ruleFindings: rules.fresh,
    modelFindings: model.fresh.map((m) => m.finding),
    measured: model.fresh.map((m) => report.measured[m.index]),
    baseline: { file, known: rules.known + model.known },
  };
}
