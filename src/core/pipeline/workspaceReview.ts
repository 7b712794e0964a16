/**
 * A review of files on disk, for every surface outside the editor (command line, MCP server):
 * collect files (or a branch diff) → rules on the full files → persona review through the core
 * pipeline when a key is given (with the architect's tools) → one report every format renders.
 * Progress goes to the hooks; nothing here writes to a stream or decides an exit code.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { VerifiedFinding } from '../findings/verify';
import { AnthropicModelClient } from '../model/anthropicClient';
import type { ModelUsage } from '../model/modelClient';
import { scrubSecrets } from '../model/modelErrors';
import { findSlashCommand, type SlashCommandName } from '../slashCommands';
import { createWorkspaceAccess } from '../tools';
import { createRulesAccess } from '../tools/engines';
import { REPORT_SETTING, reviewFiles } from './review';
import { prepareBatches } from './sendFiles';
import { runRuleChecks } from './workspace/checks';
import { collectFiles } from './workspace/collect';
import { chooseModelFiles, MODEL_ORDER, skippedSummary } from './workspace/coverage';
import { describeModelFailure, type ModelFailure } from './workspace/modelErrors';
import { choosePersona } from './workspace/personas';
import { diffReviewPrompt } from './workspace/prompts';
import { planQueries, plannerSqlAccess } from './workspace/queryPlans';
import { createQueryPlanner } from '../sql';
import type { ReportNotice, ReportQueryPlan, ReviewReport } from './workspace/report';
import type { GroundingSection } from '../prompt/promptBuilder';

export interface WorkspaceReviewRequest {
  readonly cwd: string;
  /** Files or folders, relative to cwd; empty: cwd. */
  readonly paths: readonly string[];
  readonly diff?: string;
  readonly untracked: boolean;
  /** Most files the rules read (--max-files); undefined: every file of the file set. */
  readonly maxFiles?: number;
  /** Most files sent to the model (--max-model-files), chosen by chooseModelFiles. */
  readonly maxModelFiles: number;
  /** Extra files or folders whose .sql files join the schema model (--schema). */
  readonly schemaPaths?: readonly string[];
  /** Run every rule in test files (--include-tests); default: the test-file policy. */
  readonly includeTests?: boolean;
  readonly persona?: string;
  readonly personaFiles: readonly string[];
  readonly command?: SlashCommandName;
  readonly prompt?: string;
  /** No model even with a key. */
  readonly offline: boolean;
  readonly apiKey?: string;
  readonly baseURL?: string;
  readonly model: string;
  readonly maxTokens: number;
  /** Code budget per model request, estimated tokens. */
  readonly contextTokens: number;
  readonly idleTimeoutSeconds: number;
  /** Offer the architect its tools. */
  readonly tools: boolean;
  /** Explain the queries found in the code on the embedded PostgreSQL. */
  readonly queryPlans: boolean;
  /** Synthetic rows in the largest table for query plans (default: the planner's). */
  readonly rows?: number;
  /** Where the loaded schema's snapshot is kept between runs (default: the temp folder). */
  readonly snapshotDir?: string;
  readonly toolVersion: string;
  readonly signal?: AbortSignal;
}

/** Where a review reports progress (a terminal bar, CI lines, MCP log messages). */
export interface ReviewHooks {
  start(label: string, total: number): void;
  step(detail: string): void;
  info(line: string): void;
  warn(line: string): void;
  done(): void;
}

export interface WorkspaceReviewResult {
  readonly report: ReviewReport;
  /** Set when the model failed; the report holds what arrived before. */
  readonly failure?: ModelFailure & { readonly kind: string };
}

export async function runWorkspaceReview(options: WorkspaceReviewRequest, progress: ReviewHooks): Promise<WorkspaceReviewResult> {
  const startedAt = new Date();
  const notices: ReportNotice[] = [];
  const warn = (message: string) => {
    progress.warn(message);
    notices.push({ level: 'warning', message });
  };

  const collected = await collectFiles({
    cwd: options.cwd,
    paths: options.paths,
    diff: options.diff,
    untracked: options.untracked,
    maxFiles: options.maxFiles,
    schemaPaths: options.schemaPaths,
  });
  if (collected.skipped.length > 0) {
    const shown = collected.skipped.slice(0, 10).map((s) => `${s.path} (${s.reason})`);
    warn(`${collected.skipped.length} file${collected.skipped.length === 1 ? ' was' : 's were'} not reviewed (${skippedSummary(collected.skipped)}): ${shown.join(', ')}${collected.skipped.length > 10 ? ', …' : ''}`);
  }
  if (collected.excluded) {
    progress.info(collected.excluded);
  }
  const { persona } = await choosePersona({ root: collected.root, id: options.persona, files: options.personaFiles, cwd: options.cwd, warn: (m) => progress.warn(m) });
  const command = findSlashCommand(options.command);
  const targets = collected.targets;
  progress.info(
    collected.diff
      ? `${targets.length} file${targets.length === 1 ? '' : 's'} changed since ${collected.diff.base} (merge base ${collected.diff.mergeBase.slice(0, 12)})`
      : `${targets.length} file${targets.length === 1 ? '' : 's'} to review in ${collected.root}`,
  );

  // Rules first: they are facts for the model, and the whole result offline.
  const byPath = new Map(targets.map((t) => [t.path, t]));
  progress.start('rules', targets.length);
  const checked = await runRuleChecks(targets, collected.schemaFiles, (file) => progress.step(file), options.includeTests ?? false);
  progress.done();
  if (checked.problem) {
    warn(`rules: ${checked.problem}`);
  }
  const ruleFindings = checked.findings;
  progress.info(`rules: ${ruleFindings.length} finding${ruleFindings.length === 1 ? '' : 's'}`);

  // Query plans: the queries in the reviewed code on the embedded PostgreSQL (never the user's database).
  const planned = options.queryPlans
    ? await planQueries(collected.schemaRoot, targets, {
        rows: options.rows,
        signal: options.signal,
        step: (where) => progress.info(`query plan: ${where}`),
        ...(options.snapshotDir ? { cacheDir: options.snapshotDir } : {}),
      })
    : {
        plans: [],
        notes: [],
        planner: options.tools
          ? createQueryPlanner({ root: collected.schemaRoot, snapshotAfterLoad: true, ...(options.snapshotDir ? { cacheDir: options.snapshotDir } : {}), ...(options.rows ? { rows: options.rows } : {}) })
          : undefined,
      };
  for (const note of planned.notes) {
    warn(note);
  }
  if (planned.plans.length > 0) {
    progress.info(`query plans: ${planned.plans.length} on embedded PostgreSQL`);
  }
  try {
    const apiKey = options.apiKey?.trim();
    const online = !options.offline && !!apiKey;
    if (!options.offline && !apiKey) {
      progress.info('no API key (ANTHROPIC_API_KEY): rules and query plans only (--offline says so and skips this line).');
    }

    const modelFindings: VerifiedFinding[] = [];
    const measured: (string | undefined)[] = [];
    const toolCalls: { tool: string; summary: string; isError: boolean }[] = [];
    const prose: string[] = [];
    const answers: string[] = [];
    const sources = new Map(targets.map((t) => [t.path, t.text]));
    let usage: (ModelUsage & { requests: number }) | undefined;
    let failure: (ModelFailure & { kind: string }) | undefined;
    const forModel = online ? chooseModelFiles(targets, ruleFindings, options.maxModelFiles) : undefined;
    if (forModel && forModel.notSent.length > 0) {
      warn(
        `${forModel.notSent.length} of ${targets.length} files were checked by the rules only, not sent to the model (--max-model-files ${options.maxModelFiles}; ${MODEL_ORDER}).`,
      );
    }

    if (online && forModel && forModel.sent.length > 0) {
      const { batches, notices: contextNotices } = prepareBatches(
        forModel.sent.map((t) => ({ path: t.path, uri: pathToFileURL(t.absolutePath).toString(), languageId: t.languageId, text: t.text, spans: t.spans })),
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
        baseURL: options.baseURL?.trim() || undefined,
        idleTimeoutMs: options.idleTimeoutSeconds * 1000,
      });
      const signal = options.signal ?? new AbortController().signal;
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
            signal,
            userPrompt,
            setting: REPORT_SETTING,
            ruleFindings: ruleFindings.filter((f) => inBatch.has(f.file)),
            grounding: queryPlanFacts(planned.plans.filter((p) => inBatch.has(p.file))),
            tools: options.tools
              ? {
                  context: {
                    files: createWorkspaceAccess({ root: collected.root }),
                    maxFileChars: options.contextTokens * 4,
                    redactSecrets: true,
                    rules: createRulesAccess({ root: collected.schemaRoot }),
                    ...(planned.planner ? { sql: plannerSqlAccess(planned.planner, options.rows) } : {}),
                  },
                  onToolCall: (_tool, summary, isError) => progress.info(`${isError ? 'tool failed' : 'tool'}: ${summary}`),
                }
              : undefined,
          });
          modelFindings.push(...result.findings);
          measured.push(...result.measured);
          toolCalls.push(...result.toolCalls);
          for (const f of result.toolFiles) {
            if (!sources.has(f.path)) {
              const text = await fs.readFile(path.join(collected.root, f.path), 'utf8').catch(() => undefined);
              if (text !== undefined) {
                sources.set(f.path, text);
              }
            }
          }
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
            const described = describeModelFailure(result.error, options.model);
            failure = { kind: result.error.kind, message: scrubSecrets(described.message, apiKey ? [apiKey] : []), configuration: described.configuration };
            break; // the next request would most likely fail the same way
          }
        }
      } finally {
        progress.done();
      }
    }
    if (failure) {
      progress.warn(failure.message);
    }

    const report: ReviewReport = {
      tool: { name: 'architect-personas', version: options.toolVersion },
      root: collected.root,
      mode: online ? 'model' : 'offline',
      ...(online ? {} : { offlineReason: options.offline ? ('flag' as const) : ('no-key' as const) }),
      persona: { id: persona.id, name: persona.name, title: persona.title },
      command: command?.name,
      model: online ? options.model : undefined,
      diff: collected.diff,
      files: targets.map((t) => t.path),
      coverage: {
        files: targets.length,
        testFiles: targets.filter((t) => t.test).length,
        includeTests: options.includeTests ?? false,
        skipped: collected.skipped,
        ...(collected.excluded ? { excluded: collected.excluded } : {}),
        ...(options.maxFiles !== undefined ? { maxFiles: options.maxFiles } : {}),
        ...(forModel ? { model: { budget: options.maxModelFiles, sent: forModel.sent.map((t) => t.path), notSent: forModel.notSent.map((t) => t.path) } } : {}),
      },
      rules: checked.rules,
      ruleFindings,
      modelFindings,
      measured,
      toolCalls,
      prose,
      answers,
      queryPlans: planned.plans,
      notices,
      usage,
      error: failure ? { kind: failure.kind, message: failure.message } : undefined,
      sources,
      startedAt,
      endedAt: new Date(),
    };
    return { report, failure };
  } finally {
    await planned.planner?.dispose().catch(() => undefined);
  }
}

/** Query plans as facts for the model, placed after the code. */
function queryPlanFacts(plans: readonly ReportQueryPlan[]): GroundingSection[] {
  if (plans.length === 0) {
    return [];
  }
  const body = plans.map((p) => `Query at ${p.file}:${p.line}:\n${p.sql.trim()}\n\n${p.summary.trim()}`).join('\n\n---\n\n');
  return [{ title: 'Query plans measured on embedded PostgreSQL with synthetic data', body }];
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

