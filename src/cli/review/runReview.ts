/**
 * `architect-personas review` on the command line: options → the workspace review (core) →
 * the chosen format on stdout or --output → exit code. Progress and warnings go to stderr.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { formatJson } from '../../core/pipeline/format/json';
import { formatMarkdown } from '../../core/pipeline/format/markdown';
import { formatSarif } from '../../core/pipeline/format/sarif';
import { formatText } from '../../core/pipeline/format/text';
import { BaselineError, readBaseline, writeBaseline, type Baseline } from '../../core/baseline/baseline';
import { ReviewConfigError } from '../../core/pipeline/workspace/errors';
import { baselineOfReport, withoutBaseline } from '../../core/pipeline/workspace/reportBaseline';
import { failingCount, type ReviewReport } from '../../core/pipeline/workspace/report';
import { snapshotCacheDir } from '../../core/pipeline/workspace/queryPlans';
import { runWorkspaceReview } from '../../core/pipeline/workspaceReview';
import { EXIT, type ExitCode } from '../exitCodes';
import { UsageError, type CliIo } from '../io';
import { parseReviewOptions, type OutputFormat } from './options';
import { createProgress } from './progress';

declare const __CLI_VERSION__: string | undefined;
const VERSION = typeof __CLI_VERSION__ === 'string' ? __CLI_VERSION__ : 'dev';

export function renderReport(format: OutputFormat, report: ReviewReport, exitCode: number): string {
  switch (format) {
    case 'json':
      return formatJson(report, exitCode);
    case 'sarif':
      return formatSarif(report, exitCode);
    case 'markdown':
      return formatMarkdown(report);
    default:
      return formatText(report);
  }
}

export async function runReview(io: CliIo): Promise<ExitCode> {
  const options = parseReviewOptions(io.argv, io.env);
  const progress = createProgress(io.stderr, io.env, options.quiet);
  let baseline: Baseline | undefined;
  try {
    baseline = options.baseline ? await readBaseline(path.resolve(io.cwd, options.baseline)) : undefined;
  } catch (err) {
    throw err instanceof BaselineError ? new UsageError(err.message) : err;
  }
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let result;
  try {
    result = await runWorkspaceReview(
      {
        ...options,
        cwd: io.cwd,
        apiKey: io.env.ANTHROPIC_API_KEY,
        baseURL: io.env.ANTHROPIC_BASE_URL,
        snapshotDir: snapshotCacheDir(io.env),
        toolVersion: VERSION,
        signal: controller.signal,
      },
      progress,
    );
  } catch (err) {
    throw err instanceof ReviewConfigError ? new UsageError(err.message) : err;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  const { failure } = result;
  if (options.writeBaseline) {
    const written = baselineOfReport(result.report);
    try {
      await writeBaseline(path.resolve(io.cwd, options.writeBaseline), written);
    } catch (err) {
      throw err instanceof BaselineError ? new UsageError(err.message) : err;
    }
    progress.info(`baseline: ${written.findings.length} finding${written.findings.length === 1 ? '' : 's'} written to ${options.writeBaseline}`);
  }
  const report = baseline && options.baseline ? withoutBaseline(result.report, baseline, options.baseline) : result.report;
  if (report.baseline) {
    progress.info(`baseline: ${report.baseline.known} known finding${report.baseline.known === 1 ? '' : 's'} left out (${options.baseline})`);
  }
  const failing = failingCount(report, options.failOn);
  const exitCode: ExitCode = failure ? (failure.configuration ? EXIT.usage : EXIT.modelFailure) : failing > 0 ? EXIT.findings : EXIT.ok;
  await writeResult(io, options.output, renderReport(options.format, report, exitCode));
  for (const extra of options.reports) {
    await writeResult(io, extra.file, renderReport(extra.format, report, exitCode));
  }
  if (failing > 0 && !failure) {
    progress.info(`${failing} finding${failing === 1 ? '' : 's'} at or above --fail-on ${options.failOn}.`);
  }
  return exitCode;
}

async function writeResult(io: CliIo, output: string | undefined, text: string): Promise<void> {
  if (!output) {
    await new Promise<void>((resolve, reject) => io.stdout.write(text, (err) => (err ? reject(err) : resolve())));
    return;
  }
  const file = path.resolve(io.cwd, output);
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text, 'utf8');
  } catch (err) {
    throw new UsageError(`could not write ${output}: ${(err as Error).message}`);
  }
}

