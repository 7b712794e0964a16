/**
 * The review pipeline without a surface: prompt → model → parse → verify, on files the context
 * stage already built (and redacted). The extension's chat, the command line, the MCP server,
 * the LM tool `architect_review` and the evals all run a review through `reviewFiles`, so they
 * send the same prompt, ask for the same output contract, and verify lines the same way.
 *
 * A model failure never loses what arrived: the result carries the partial text, the findings
 * parsed from it and the error (`error`), instead of throwing.
 */
import type { SentFile } from '../context/sentFile';
import { OUTPUT_CONTRACT_INSTRUCTIONS } from '../findings/contract';
import { FindingsStreamParser } from '../findings/parser';
import type { ParsedEvent } from '../findings/types';
import { verifyFinding, type VerifiedFinding } from '../findings/verify';
import type { ModelClient, ModelMessage, ModelUsage } from '../model/modelClient';
import { toModelError, type ModelError } from '../model/modelErrors';
import { runToolLoop, type ToolRunRecord } from '../model/toolLoop';
import type { Persona } from '../personas/persona';
import { buildPrompt, type BuiltPrompt, type GroundingSection } from '../prompt/promptBuilder';
import { reviewPrompt } from '../review/reviewModel';
import type { SlashCommand } from '../slashCommands';
import { RULE_FACTS_TITLE, ruleFactsSection } from '../rules/facts';
import { availableTools, createToolRunner, toolGuidance, type ToolCallDetail, type ToolContext } from '../tools';
import { measuredBy } from '../tools/measured';
import type { RuleFinding } from './ruleFinding';

export interface ReviewFilesInput {
  /** The files as they are sent: already budgeted and redacted by the context stage. */
  readonly files: readonly SentFile[];
  readonly persona: Persona;
  readonly command: SlashCommand | undefined;
  readonly client: ModelClient;
  readonly model: string;
  readonly maxTokens: number;
  readonly signal: AbortSignal;
  /** The question; default: a review request naming the files (the same as Review with Architect). */
  readonly userPrompt?: string;
  /** Facts measured before asking (query plans, …), placed after the code. */
  readonly grounding?: readonly GroundingSection[];
  /**
   * What the rules engine found on these files. They are reported back unchanged in the result
   * and offered to the model as facts (the rules engine's ruleFactsSection) unless `grounding` already has them.
   */
  readonly ruleFindings?: readonly RuleFinding[];
  /**
   * The architect's tools (read_file, run_rules, explain_query, …; src/core/tools) on this
   * context. Files the model reads with them join the files findings are verified against.
   */
  readonly tools?: {
    readonly context: ToolContext;
    /** Most model requests in one answer (default: the tool loop's). */
    readonly maxRounds?: number;
    /** Each finished tool call, with its one-line summary. */
    readonly onToolCall?: (tool: string, summary: string, isError: boolean) => void;
  };
  /** Where the answer is read when it is not the editor's chat panel (see REPORT_SETTING). */
  readonly setting?: string;
  /** Earlier turns, oldest first (chat follow-ups). */
  readonly history?: readonly ModelMessage[];
  /** Each text delta as it streams in. */
  readonly onText?: (delta: string) => void;
  /** Each finding as soon as its block is complete and verified. */
  readonly onFinding?: (finding: VerifiedFinding) => void;
}

export interface ReviewFilesResult {
  /** The model's raw answer (partial when `error` is set). */
  readonly text: string;
  readonly findings: readonly VerifiedFinding[];
  /** For each finding (same index): what a tool measured that grounds it, when one did. */
  readonly measured: readonly (string | undefined)[];
  /** The tool calls made, in order. */
  readonly toolCalls: readonly { readonly tool: string; readonly summary: string; readonly isError: boolean }[];
  /** Files the tools sent to the model (besides `files`). */
  readonly toolFiles: readonly SentFile[];
  readonly ruleFindings: readonly RuleFinding[];
  /** The answer's prose outside finding blocks, in order (Markdown). */
  readonly prose: string;
  readonly usage?: ModelUsage;
  readonly stopReason?: string;
  readonly requestId?: string;
  /** Set when the model or network failed (or the request was cancelled); the rest is what arrived. */
  readonly error?: ModelError;
}

export { RULE_FACTS_TITLE };

/** The prompt `reviewFiles` sends, for callers that need to measure or show it first. */
/** The setting for reviews outside the editor: the command line, CI, MCP clients. */
export const REPORT_SETTING =
  'You are reviewing code from a repository outside the editor (a command-line run, a pull-request check or another agent); ' +
  'your answer becomes a report, a pull-request comment and code-scanning alerts. Refer to the code by repository-relative path and line number. ' +
  'Be direct and concrete. Never claim to have run code or queries yourself; tool results and the facts given to you were measured by the tool.';

export function reviewPromptFor(input: Pick<ReviewFilesInput, 'files' | 'persona' | 'command' | 'userPrompt' | 'grounding' | 'ruleFindings' | 'history' | 'setting'>): BuiltPrompt {
  const grounding = [...(input.grounding ?? [])];
  if (!grounding.some((g) => g.title === RULE_FACTS_TITLE)) {
    const facts = ruleFactsSection(input.ruleFindings ?? []);
    if (facts.body.trim() !== '') {
      grounding.unshift(facts);
    }
  }
  const paths = [...new Set(input.files.map((f) => f.path))];
  return buildPrompt({
    persona: input.persona,
    command: input.command,
    userPrompt: input.userPrompt ?? (paths.length > 0 ? reviewPrompt(paths) : ''),
    files: input.files,
    history: input.history ?? [],
    outputContract: OUTPUT_CONTRACT_INSTRUCTIONS,
    grounding,
    ...(input.setting ? { setting: input.setting } : {}),
  });
}

/** One review request: sends the prompt, parses the streamed answer and verifies every finding. */
export async function reviewFiles(input: ReviewFilesInput): Promise<ReviewFilesResult> {
  const built = reviewPromptFor(input);
  const tools = input.tools ? availableTools(input.tools.context) : [];
  const system = tools.length > 0 ? [...built.system, { text: toolGuidance(tools) }] : built.system;
  const parser = new FindingsStreamParser();
  const findings: VerifiedFinding[] = [];
  const verifyAgainst: SentFile[] = [...input.files];
  const toolFiles: SentFile[] = [];
  const runs: ToolRunRecord<ToolCallDetail>[] = [];
  const toolCalls: { tool: string; summary: string; isError: boolean }[] = [];
  let text = '';
  let prose = '';
  const take = (events: readonly ParsedEvent[]): void => {
    for (const event of events) {
      if (event.kind === 'markdown') {
        prose += event.text;
      } else if (event.kind === 'finding') {
        const verified = verifyFinding(event.finding, verifyAgainst);
        findings.push(verified);
        input.onFinding?.(verified);
      }
    }
  };
  const onText = (delta: string): void => {
    text += delta;
    input.onText?.(delta);
    take(parser.push(delta));
  };
  const measured = (): (string | undefined)[] =>
    findings.map((v) =>
      measuredBy(
        { attributes: v.finding.attributes, quote: v.finding.quote, fixes: v.finding.fixes, path: v.location?.path, startLine: v.location?.startLine, endLine: v.location?.endLine },
        runs,
      ),
    );
  const ruleFindings = [...(input.ruleFindings ?? [])];
  const request = { model: input.model, system, messages: built.messages, maxTokens: input.maxTokens, signal: input.signal };
  try {
    const result =
      tools.length > 0 && input.tools
        ? await runToolLoop(input.client, request, onText, {
            runner: createToolRunner(input.tools.context, tools),
            ...(input.tools.maxRounds !== undefined ? { maxRounds: input.tools.maxRounds } : {}),
            onToolResult: (call, outcome) => {
              runs.push({ round: 0, call, outcome });
              const sent = outcome.detail?.result.sentFiles ?? [];
              verifyAgainst.push(...sent);
              toolFiles.push(...sent);
              const summary = outcome.detail?.result.summary ?? (outcome.isError ? `${call.name} failed` : call.name);
              toolCalls.push({ tool: call.name, summary, isError: outcome.isError === true });
              input.tools?.onToolCall?.(call.name, summary, outcome.isError === true);
            },
          })
        : await input.client.stream(request, onText);
    take(parser.end());
    return { text, findings, measured: measured(), toolCalls, toolFiles, ruleFindings, prose, usage: result.usage, stopReason: result.stopReason, requestId: result.requestId };
  } catch (err) {
    take(parser.end());
    const error = toModelError(err);
    // A client that buffers may hand the partial answer only on the error.
    if (text === '' && error.partialText) {
      text = error.partialText;
      take(FindingsStreamParser.parseAll(text));
    }
    return { text, findings, measured: measured(), toolCalls, toolFiles, ruleFindings, prose, requestId: error.requestId, error };
  }
}
