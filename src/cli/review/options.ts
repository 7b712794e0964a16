/**
 * `architect-personas review` options: parsed with node:util parseArgs (strict), checked, and
 * every mistake reported as a UsageError that names the fix.
 */
import { parseArgs } from 'node:util';
import { SEVERITIES, type Severity } from '../../core/findings/types';
import { SLASH_COMMAND_NAMES, type SlashCommandName } from '../../core/slashCommands';
import { UsageError } from '../io';

export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface ReviewOptions {
  readonly paths: readonly string[];
  readonly diff?: string;
  readonly untracked: boolean;
  readonly persona?: string;
  readonly personaFiles: readonly string[];
  readonly command?: SlashCommandName;
  readonly prompt?: string;
  readonly format: OutputFormat;
  readonly output?: string;
  /** Extra reports from the same run: `--report sarif=results.sarif` (repeatable). */
  readonly reports: readonly { readonly format: OutputFormat; readonly file: string }[];
  readonly offline: boolean;
  readonly failOn?: Severity;
  readonly rows?: number;
  /** Most files the rules read; undefined: all of the file set. */
  readonly maxFiles?: number;
  /** Most files sent to the model. */
  readonly maxModelFiles: number;
  /** Extra files or folders whose .sql files join the schema model. */
  readonly schemaPaths: readonly string[];
  /** Every rule in test files too (default: the test-file policy). */
  readonly includeTests: boolean;
  /** Leave out the findings recorded in this baseline file. */
  readonly baseline?: string;
  /** Write the findings of this run as a baseline to this file. */
  readonly writeBaseline?: string;
  readonly model: string;
  readonly maxTokens: number;
  readonly contextTokens: number;
  readonly idleTimeoutSeconds: number;
  readonly quiet: boolean;
  /** Offer the architect its tools (read_file, run_rules, explain_query, …). */
  readonly tools: boolean;
  /** Explain the queries found on the embedded PostgreSQL. */
  readonly queryPlans: boolean;
}

export const DEFAULT_MODEL = 'claude-sonnet-5-5';
export const DEFAULT_MAX_MODEL_FILES = 200;

export const REVIEW_USAGE = `Usage: architect-personas review [paths…] [options]

Reviews files (default: the current folder) with the rules engine and, when ANTHROPIC_API_KEY
is set, with an architect persona through the same prompt, output contract, line verification
and secret redaction as the VS Code extension.

Options:
  --diff <base>          Review only what changed since the merge base with <base>
                         (changed hunks plus context), as a pull-request check.
  --untracked            With --diff: include untracked files (not ignored by .gitignore).
  --persona <id>         Persona to review as (default: pragmatic-platform-engineer).
  --persona-file <file>  Load a persona file (repeatable); it wins over a bundled persona
                         with the same id. The workspace's .vscode/architects/*.md win over both.
  --command <name>       Task: ${SLASH_COMMAND_NAMES.join('|')} (default: a general review).
  --prompt <text>        Your own question instead of the default review request.
  --format <format>      ${FORMATS.join('|')} (default: text).
  --output <file>        Write results to <file> instead of stdout.
  --report <fmt>=<file>  Also write the same results as <fmt> to <file> (repeatable), e.g.
                         --report sarif=results.sarif --report markdown=comment.md: one
                         model review, several outputs.
  --offline              No model: rules and query plans only (also when no key is set).
  --fail-on <severity>   Exit 1 when a finding is at least this severe:
                         ${SEVERITIES.join('|')}|none (default: none).
  --rows <n>             Synthetic rows per table for query plans (default: the planner's).
  --include-tests        Run every rule in test files too (default: the test-file policy,
                         which keeps only provider-format secrets there).
  --schema <path>        Also build the schema model from the .sql files of this file or
                         folder (repeatable); by default only those inside the paths.
  --baseline <file>      Leave out the findings recorded in <file>: the output and
                         --fail-on see only findings new since (stable across line moves).
  --write-baseline <file>  Record this run's findings in <file> (commit it; then --baseline).
  --max-files <n>        Read at most <n> files (default: every file of the set; the
                         report names the ones left out).
  --max-model-files <n>  Send at most <n> files to the model (default: ${DEFAULT_MAX_MODEL_FILES}): files
                         with rule findings first, then files with SQL; the report says
                         which were checked by the rules only.
  --model <id>           Anthropic model (default: $ANTHROPIC_MODEL or ${DEFAULT_MODEL}).
  --max-tokens <n>       Most tokens one answer may have (default: 8192).
  --context-tokens <n>   Code budget per model request, in estimated tokens (default: 60000);
                         more code is reviewed in several requests.
  --idle-timeout <s>     Abort a model stream that sends nothing for <s> seconds (default: 60).
  --no-query-plans       Do not explain the queries found on the embedded PostgreSQL
                         (starting it with the schema and synthetic data takes seconds).
  --no-tools             Do not let the persona call tools (read other files of the
                         repository, run the rules, explain queries on the embedded Postgres).
  --quiet                No progress on stderr.

Environment:
  ANTHROPIC_API_KEY      Enables the persona review. Secrets in the code are redacted first.
  ANTHROPIC_BASE_URL     Messages API base URL (proxy or gateway you trust).
  ANTHROPIC_MODEL        Default for --model.

Exit codes: 0 ran · 1 findings at or above --fail-on · 2 usage or configuration error ·
3 model or network failure (the results so far are still written).
`;

function positiveInt(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) {
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new UsageError(`${name} needs a whole number of at least ${min}, got '${value}'.`);
  }
  return n;
}

export function parseReviewOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ReviewOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    const msg = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    throw new UsageError(`${msg} Run 'architect-personas review --help' for the options.`);
  }
  const v = parsed.values;
  const format = (v.format ?? 'text') as OutputFormat;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got '${v.format}'.`);
  }
  let failOn: Severity | undefined;
  if (v['fail-on'] !== undefined && v['fail-on'] !== 'none') {
    if (!(SEVERITIES as readonly string[]).includes(v['fail-on'])) {
      throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')} or none; got '${v['fail-on']}'.`);
    }
    failOn = v['fail-on'] as Severity;
  }
  if (v.command !== undefined && !(SLASH_COMMAND_NAMES as readonly string[]).includes(v.command)) {
    throw new UsageError(`--command must be one of ${SLASH_COMMAND_NAMES.join(', ')}; got '${v.command}'.`);
  }
  if (v.untracked && v.diff === undefined) {
    throw new UsageError('--untracked only applies to --diff <base>; a review without --diff already includes untracked files.');
  }
  if (v.diff !== undefined && (v.diff.trim() === '' || v.diff.startsWith('-'))) {
    throw new UsageError(`--diff needs a base revision such as origin/main; got '${v.diff}'.`);
  }
  const reports = (v.report ?? []).map((r) => {
    const eq = r.indexOf('=');
    const fmt = r.slice(0, eq) as OutputFormat;
    const file = r.slice(eq + 1);
    if (eq <= 0 || file === '' || !FORMATS.includes(fmt)) {
      throw new UsageError(`--report needs <format>=<file> with a format of ${FORMATS.join(', ')}; got '${r}'.`);
    }
    return { format: fmt, file };
  });
  return {
    paths: parsed.positionals.length > 0 ? parsed.positionals : ['.'],
    diff: v.diff,
    untracked: v.untracked ?? false,
    persona: v.persona,
    personaFiles: v['persona-file'] ?? [],
    command: v.command as SlashCommandName | undefined,
    prompt: v.prompt,
    format,
    output: v.output,
    reports,
    offline: v.offline ?? false,
    failOn,
    rows: v.rows === undefined ? undefined : positiveInt('--rows', v.rows, 0),
    maxFiles: v['max-files'] === undefined ? undefined : positiveInt('--max-files', v['max-files'], 0),
    maxModelFiles: positiveInt('--max-model-files', v['max-model-files'], DEFAULT_MAX_MODEL_FILES),
    schemaPaths: v.schema ?? [],
    includeTests: v['include-tests'] ?? false,
    baseline: v.baseline,
    writeBaseline: v['write-baseline'],
    model: v.model ?? (env.ANTHROPIC_MODEL?.trim() || DEFAULT_MODEL),
    maxTokens: positiveInt('--max-tokens', v['max-tokens'], 8192, 256),
    contextTokens: positiveInt('--context-tokens', v['context-tokens'], 60_000, 1000),
    idleTimeoutSeconds: positiveInt('--idle-timeout', v['idle-timeout'], 60, 1),
    quiet: v.quiet ?? false,
    tools: !(v['no-tools'] ?? false),
    queryPlans: !(v['no-query-plans'] ?? false),
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      diff: { type: 'string' },
      untracked: { type: 'boolean' },
      persona: { type: 'string' },
      'persona-file': { type: 'string', multiple: true },
      command: { type: 'string' },
      prompt: { type: 'string' },
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      report: { type: 'string', multiple: true },
      offline: { type: 'boolean' },
      'fail-on': { type: 'string' },
      rows: { type: 'string' },
      'max-files': { type: 'string' },
      'max-model-files': { type: 'string' },
      schema: { type: 'string', multiple: true },
      'include-tests': { type: 'boolean' },
      baseline: { type: 'string' },
      'write-baseline': { type: 'string' },
      model: { type: 'string' },
      'max-tokens': { type: 'string' },
      'context-tokens': { type: 'string' },
      'idle-timeout': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      'no-tools': { type: 'boolean' },
      'no-query-plans': { type: 'boolean' },
    },
  });
}
