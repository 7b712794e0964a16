/**
 * The MCP `review` tool: the same workspace review as `architect-personas review`, answered as
 * a pull-request style Markdown report (or JSON / SARIF when asked).
 */
import { SLASH_COMMAND_NAMES, type SlashCommandName } from '../core/slashCommands';
import { formatJson } from '../core/pipeline/format/json';
import { formatMarkdown } from '../core/pipeline/format/markdown';
import { formatSarif } from '../core/pipeline/format/sarif';
import { ReviewConfigError } from '../core/pipeline/workspace/errors';
import { snapshotCacheDir } from '../core/pipeline/workspace/queryPlans';
import { runWorkspaceReview, type ReviewHooks } from '../core/pipeline/workspaceReview';
import type { JsonSchema } from '../core/tools';

export interface McpToolAnswer {
  readonly text: string;
  readonly isError?: boolean;
}

export interface McpEnvironment {
  /** The folder reviews and tools work in (the MCP client's project). */
  readonly root: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly version: string;
  readonly log: (line: string) => void;
}

export const REVIEW_TOOL_NAME = 'review';

export const reviewToolSchema: JsonSchema & { type: 'object' } = {
  type: 'object',
  properties: {
    paths: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Files or folders relative to the project root; default: the whole project.' },
    diff: { type: 'string', minLength: 1, description: 'Review only what changed since the merge base with this revision, e.g. origin/main.' },
    untracked: { type: 'boolean', description: 'With diff: include untracked files.' },
    persona: { type: 'string', description: 'Persona id, e.g. pragmatic-platform-engineer, systems-sage, web-systems-guru.' },
    command: { type: 'string', enum: [...SLASH_COMMAND_NAMES], description: 'The task: design, scale, optimize, infra or debug; default a general review.' },
    prompt: { type: 'string', maxLength: 4000, description: 'A question instead of the default review request.' },
    offline: { type: 'boolean', description: 'Rules and query plans only, no model (also the case without ANTHROPIC_API_KEY).' },
    format: { type: 'string', enum: ['markdown', 'json', 'sarif'], description: 'Shape of the answer; default markdown.' },
    queryPlans: { type: 'boolean', description: 'Explain the queries found on the embedded PostgreSQL (default true; takes seconds).' },
    maxFiles: { type: 'integer', minimum: 1, description: 'Most files the rules read; default: every file of the project (the answer names any left out).' },
    maxModelFiles: { type: 'integer', minimum: 1, maximum: 1000, description: 'Most files sent to the model; default 200, files with rule findings first.' },
    includeTests: { type: 'boolean', description: 'Run every rule in test files too (default: only provider-format secrets are reported there).' },
  },
  additionalProperties: false,
};

export const reviewToolDescription =
  "Review code the way a senior backend architect would: the deterministic rules engine (N+1 queries, SQL injection, missing indexes, …) " +
  'and, when ANTHROPIC_API_KEY is set in the server environment, an architect persona whose findings are verified against the exact lines. ' +
  'Secrets are redacted before anything is sent. Use diff to review a branch like a pull-request check.';

export async function runReviewTool(input: Record<string, unknown>, env: McpEnvironment, signal: AbortSignal): Promise<McpToolAnswer> {
  const hooks: ReviewHooks = {
    start: (label, total) => env.log(`${label} (${total})`),
    step: () => undefined,
    info: (line) => env.log(line),
    warn: (line) => env.log(`warning: ${line}`),
    done: () => undefined,
  };
  try {
    const { report, failure } = await runWorkspaceReview(
      {
        cwd: env.root,
        paths: (input.paths as string[] | undefined) ?? [],
        diff: input.diff as string | undefined,
        untracked: input.untracked === true,
        maxFiles: input.maxFiles as number | undefined,
        maxModelFiles: (input.maxModelFiles as number | undefined) ?? 200,
        includeTests: input.includeTests === true,
        persona: input.persona as string | undefined,
        personaFiles: [],
        command: input.command as SlashCommandName | undefined,
        prompt: input.prompt as string | undefined,
        offline: input.offline === true,
        apiKey: env.env.ANTHROPIC_API_KEY,
        baseURL: env.env.ANTHROPIC_BASE_URL,
        model: env.env.ANTHROPIC_MODEL?.trim() || 'claude-sonnet-5-5',
        maxTokens: 8192,
        contextTokens: 60_000,
        idleTimeoutSeconds: 60,
        tools: true,
        queryPlans: input.queryPlans !== false,
        snapshotDir: snapshotCacheDir(env.env),
        toolVersion: env.version,
        signal,
      },
      hooks,
    );
    const exitCode = failure ? 3 : 0;
    const format = input.format as string | undefined;
    const text = format === 'json' ? formatJson(report, exitCode) : format === 'sarif' ? formatSarif(report, exitCode) : formatMarkdown(report);
    return failure ? { text: `${text}\n\nThe model review failed: ${failure.message}`, isError: true } : { text };
  } catch (err) {
    if (err instanceof ReviewConfigError) {
      return { text: `Not reviewed: ${err.message}`, isError: true };
    }
    throw err;
  }
}
