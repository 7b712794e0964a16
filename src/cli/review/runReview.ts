/**
 * One `architect-personas review`: collect files → rules (and query plans) → persona review
 * through the core pipeline when a key is set → one report → the chosen format on stdout or
 * --output → exit code. Progress and warnings go to stderr only.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { VerifiedFinding } from '../../core/findings/verify';
import { AnthropicModelClient } from '../../core/model/anthropicClient';
import type { ModelUsage } from '../../core/model/modelClient';
import { scrubSecrets, type ModelError } from '../../core/model/modelErrors';
import { reviewFiles } from '../../core/pipeline/review';
import { prepareBatches } from '../../core/pipeline/sendFiles';
import { findSlashCommand } from '../../core/slashCommands';
import { EXIT, type ExitCode } from '../exitCodes';
import { UsageError, type CliIo } from '../io';
import { runRuleChecks, touchesChange } from './checks';
import { collectFiles } from './collect';
import { formatJson } from './format/json';
import { formatMarkdown } from './format/markdown';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { describeForCli } from './modelErrors';
import { parseReviewOptions, type OutputFormat } from './options';
import { choosePersona } from './personas';
import { createProgress } from './progress';
import { diffReviewPrompt } from './prompts';
import { failingCount, type ReportNotice, type ReviewReport } from './report';

declare const __CLI_VERSION__: string | undefined;
const VERSION = typeof __CLI_VERSION__ === 'string' ? __CLI_VERSION__ : 'dev';

function render(format: OutputFormat, report: ReviewReport, exitCode: number): string {
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
  const startedAt = new Date();
  const options = parseReviewOptions(io.argv, io.env);
  const progress = createProgress(io.stderr, io.env, options.quiet);
  const notices: ReportNotice[] = [];
  const warn = (message: string) => {
    progress.warn(message);
    notices.push({ level: 'warning', message });
  };

  const collected = await collectFiles({ cwd: io.cwd, paths: options.paths, diff: options.diff, untracked: options.untracked, maxFiles: options.maxFiles });
  for (const n of collected.notices) {
    warn(n);
  }
  const { persona } = await choosePersona({ root: collected.root, id: options.persona, files: options.personaFiles, cwd: io.cwd, warn: (m) => progress.warn(m) });
  const command = findSlashCommand(options.command);
  const targets = collected.targets;
  progress.info(
    collected.diff
      ? `${targets.length} file${targets.length === 1 ? '' : 's'} changed since ${collected.diff.base} (merge base ${collected.diff.mergeBase.slice(0, 12)})`
      : `${targets.length} file${targets.length === 1 ? '' : 's'} to review in ${collected.root}`,
  );

  // Rules first: they are facts for the model, and the whole result offline.
  const byPath = new Map(targets.map((t) => [t.path, t]));
  progress.start('rules', 1);
  const checked = await runRuleChecks(targets);
  progress.step(`${checked.findings.length} finding${checked.findings.length === 1 ? '' : 's'}`);
  if (checked.problem) {
    warn(`rules: ${checked.problem}`);
  }
  const ruleFindings = checked.findings.filter((f) => touchesChange(f, byPath.get(f.file)));

  const apiKey = io.env.ANTHROPIC_API_KEY?.trim();
  const online = !options.offline && !!apiKey;
  if (!options.offline && !apiKey) {
    progress.info('ANTHROPIC_API_KEY is not set: rules and query plans only (pass --offline to say so and skip this line).');
  }

  const modelFindings: VerifiedFinding[] = [];
  const prose: string[] = [];
  const answers: string[] = [];
  let usage: (ModelUsage & { requests: number }) | undefined;
  let failure: { error: ModelError; message: string; exitCode: ExitCode } | undefined;

  if (online && targets.length > 0) {
    const { batches, notices: contextNotices } = prepareBatches(
      targets.map((t) => ({ path: t.path, uri: pathToFileURL(t.absolutePath).toString(), languageId: t.languageId, text: t.text, spans: t.spans })),
      { budgetChars: options.contextTokens * 4, redactSecrets: true },
    );
    for (const n of contextNotices) {
      if (n.kind === 'redacted') {
        progress.info(n.message);
        notices.push({ level: 'note', message: n.message });
      } else {
        warn(n.message);
      }
    }
    const client = new AnthropicModelClient({
      apiKey,
      baseURL: io.env.ANTHROPIC_BASE_URL?.trim() || undefined,
      idleTimeoutMs: options.idleTimeoutSeconds * 1000,
    });
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      progress.start(`${persona.name} reviewing`, batches.length);
      for (const batch of batches) {
        const paths = [...new Set(batch.map((f) => f.path))];
        const inBatch = new Set(paths);
        const userPrompt =
          options.prompt ?? (collected.diff ? diffReviewPrompt(collected.diff.base, paths.map((p) => ({ path: p, changed: byPath.get(p)?.changed }))) : undefined);
        const result = await reviewFiles({
          files: batch,
          persona,
          command,
          client,
          model: options.model,
          maxTokens: options.maxTokens,
          signal: controller.signal,
          userPrompt,
          ruleFindings: ruleFindings.filter((f) => inBatch.has(f.file)),
        });
        modelFindings.push(...result.findings);
        prose.push(result.prose);
        answers.push(result.text);
        if (result.usage) {
          usage = addUsage(usage, result.usage);
        }
        progress.step(`${paths.length} file${paths.length === 1 ? '' : 's'}, ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}`);
        if (result.stopReason === 'max_tokens') {
          warn(`the answer for ${paths.join(', ')} hit --max-tokens ${options.maxTokens} and was cut short.`);
        }
        if (result.error) {
          const described = describeForCli(result.error, options.model);
          failure = { error: result.error, message: scrubSecrets(described.message, apiKey ? [apiKey] : []), exitCode: described.exitCode };
          break; // the next request would most likely fail the same way
        }
      }
    } finally {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      progress.done();
    }
  }
  if (failure) {
    progress.warn(failure.message);
  }

  const report: ReviewReport = {
    tool: { name: 'architect-personas', version: VERSION },
    root: collected.root,
    mode: online ? 'model' : 'offline',
    ...(online ? {} : { offlineReason: options.offline ? ('flag' as const) : ('no-key' as const) }),
    persona: { id: persona.id, name: persona.name, title: persona.title },
    command: command?.name,
    model: online ? options.model : undefined,
    diff: collected.diff,
    files: targets.map((t) => t.path),
    rules: checked.rules,
    ruleFindings,
    modelFindings,
    prose,
    answers,
    queryPlans: [],
    notices,
    usage,
    error: failure ? { kind: failure.error.kind, message: failure.message } : undefined,
    sources: new Map(targets.map((t) => [t.path, t.text])),
    startedAt,
    endedAt: new Date(),
  };
  const failing = failingCount(report, options.failOn);
  const exitCode: ExitCode = failure ? failure.exitCode : failing > 0 ? EXIT.findings : EXIT.ok;
  await writeResult(io, options.output, render(options.format, report, exitCode));
  if (failing > 0 && !failure) {
    progress.info(`${failing} finding${failing === 1 ? '' : 's'} at or above --fail-on ${options.failOn}.`);
  }
  return exitCode;
}

function addUsage(total: (ModelUsage & { requests: number }) | undefined, u: ModelUsage): ModelUsage & { requests: number } {
  return {
    inputTokens: (total?.inputTokens ?? 0) + u.inputTokens,
    outputTokens: (total?.outputTokens ?? 0) + u.outputTokens,
    cacheCreationInputTokens: (total?.cacheCreationInputTokens ?? 0) + u.cacheCreationInputTokens,
    cacheReadInputTokens: (total?.cacheReadInputTokens ?? 0) + u.cacheReadInputTokens,
    requests: (total?.requests ?? 0) + 1,
  };
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
    throw new UsageError(`could not write --output ${output}: ${(err as Error).message}`);
  }
}

