import * as vscode from 'vscode';
import { buildSentFile } from '../../core/context/contextBuilder';
import type { ModelClient } from '../../core/model/modelClient';
import { describeModelError } from '../../core/model/modelErrors';
import { reviewFiles } from '../../core/pipeline/review';
import { findSlashCommand } from '../../core/slashCommands';
import { findTool, runTool, type RulesAccess, type ToolContext } from '../../core/tools';
import { LM_TOOL_TABLE } from '../../core/tools/lmTools';
import { summarizeReview } from '../../core/tools/reviewSummary';
import { ANTHROPIC_VENDOR, type AnthropicAccess } from '../model/anthropicAccess';
import { ChatModelClient } from '../model/chatModelClient';
import type { Log } from '../common/log';
import { readModelSettings } from '../common/settings';
import type { PersonaService } from '../personas/personaService';
import { registerToolEngines } from './toolEngines';
import type { QueryPlanner } from '../../core/sql';
import { readToolSettings, vscodeToolContext } from './toolContext';

export interface LmToolDeps {
  readonly personas: PersonaService;
  readonly anthropic: AnthropicAccess;
  readonly log: Log;
  /** The extension's embedded Postgres per folder (QueryPlanService.plannerFor), shared with the SQL tools. */
  readonly plannerFor?: (root: string) => QueryPlanner;
  /** The extension's rules worker (RulesRoom.toolAccess), shared with run_rules and architect_rules. */
  readonly rulesFor: (root: string | undefined) => RulesAccess;
}

interface ReviewInput {
  path: string;
  startLine?: number;
  endLine?: number;
  command?: string;
  question?: string;
}

/**
 * The architect as tools for other agents (Copilot's agent mode, any participant):
 * architect_review, architect_rules and architect_explain_query (package.json
 * contributes.languageModelTools; metadata in src/core/tools/lmTools.ts). They read files with
 * the same rules as the chat's tools: secret-looking and git-ignored files are refused, and an
 * untrusted workspace gets nothing but a refusal.
 */
export function registerLmTools(context: vscode.ExtensionContext, deps: LmToolDeps): void {
  registerToolEngines(context, { plannerFor: deps.plannerFor, rulesFor: deps.rulesFor });
  const ctxOrRefusal = (): ToolContext | string => {
    if (!vscode.workspace.isTrusted) {
      return 'The workspace is not trusted, so Architect Personas does not read its files for other tools. Trust the workspace first.';
    }
    const s = readModelSettings();
    const ctx = vscodeToolContext({ attached: [], maxFileChars: s.maxContextTokens * 4, redactSecrets: s.redactSecrets, denyList: readToolSettings().denyList });
    return ctx ?? 'No workspace folder is open.';
  };
  const text = (value: string) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(value)]);
  const core = (lmName: string, toolName: string): vscode.LanguageModelTool<Record<string, unknown>> => ({
    prepareInvocation(options) {
      const tool = findTool(toolName)!;
      const ctx = ctxOrRefusal();
      return { invocationMessage: typeof ctx === 'string' ? `${LM_TOOL_TABLE.find((t) => t.name === lmName)?.displayName}…` : tool.progress(options.input, ctx) };
    },
    async invoke(options, token) {
      const ctx = ctxOrRefusal();
      if (typeof ctx === 'string') {
        return text(ctx);
      }
      const result = await runTool(findTool(toolName)!, options.input, ctx, abortOn(token));
      deps.log.info(`LM tool ${lmName}: ${result.summary}`);
      return text(result.content);
    },
  });

  const review: vscode.LanguageModelTool<ReviewInput> = {
    prepareInvocation(options) {
      const range = options.input.startLine ? ` lines ${options.input.startLine}-${options.input.endLine ?? 'end'}` : '';
      return { invocationMessage: `${deps.personas.getActive().name} is reviewing ${options.input.path}${range}…` };
    },
    async invoke(options, token) {
      const ctx = ctxOrRefusal();
      if (typeof ctx === 'string') {
        return text(ctx);
      }
      return text(await runReview(options.input, ctx, deps, abortOn(token)));
    },
  };

  context.subscriptions.push(
    vscode.lm.registerTool('architect_review', review),
    vscode.lm.registerTool('architect_rules', core('architect_rules', 'run_rules')),
    vscode.lm.registerTool('architect_explain_query', core('architect_explain_query', 'explain_query')),
  );
}

async function runReview(input: ReviewInput, ctx: ToolContext, deps: LmToolDeps, signal: AbortSignal): Promise<string> {
  const read = await ctx.files.read(String(input.path ?? ''), signal);
  if ('refused' in read) {
    return `Not reviewed: ${read.refused}`;
  }
  const s = readModelSettings();
  const selection = input.startLine ? { startLine: input.startLine, endLine: Math.max(input.startLine, input.endLine ?? input.startLine) } : undefined;
  const built = buildSentFile({ ...read, ...(selection ? { selection, selectionOnly: true } : {}) }, { maxChars: ctx.maxFileChars, redactSecrets: ctx.redactSecrets });
  if (!built.file) {
    return `Not reviewed: ${built.notices.map((n) => n.message).join(' ')}`;
  }
  const model = await reviewModel(deps);
  if (!model) {
    return 'Not reviewed: no chat model is available to Architect Personas. Set an Anthropic API key (Architect Personas: Set Anthropic API Key) or sign in to a chat model provider.';
  }
  const ruleFindings = await (ctx.rules?.run([{ path: built.file.path, text: read.text, languageId: read.languageId }], signal) ?? Promise.resolve([])).catch((err: unknown) => {
    deps.log.warn(`architect_review: the rules did not run: ${(err as Error)?.message ?? String(err)}`);
    return [];
  });
  await deps.personas.refreshIfChanged();
  const persona = deps.personas.getActive();
  const result = await reviewFiles({
    files: [built.file],
    persona,
    command: findSlashCommand(input.command),
    client: model.client,
    model: model.id,
    maxTokens: s.maxOutputTokens,
    signal,
    ...(input.question ? { userPrompt: input.question } : {}),
    ruleFindings,
    // the architect may read related files and explain queries, with the chat's tool rules
    ...(readToolSettings().enabled ? { tools: { context: ctx, maxRounds: readToolSettings().maxRounds } } : {}),
  });
  deps.log.info(`LM tool architect_review: ${result.findings.length} findings on ${built.file.path}`);
  const notes = built.notices.map((n) => n.message);
  const failure = result.error ? describeModelError(result.error).message : undefined;
  const toolNotes = (result.toolCalls ?? []).map((c) => `${c.isError ? 'Tool call failed' : 'Tool'}: ${c.summary}`);
  return summarizeReview({ persona: persona.name, path: built.file.path, findings: result.findings, prose: result.prose, notes: [...notes, ...toolNotes], failure });
}

/** Our Anthropic model when a key is set, else the first other chat model VS Code offers. */
async function reviewModel(deps: LmToolDeps): Promise<{ client: ModelClient; id: string } | undefined> {
  const ours = await deps.anthropic.getClient();
  if (ours) {
    return { client: ours, id: readModelSettings().model };
  }
  const models = await vscode.lm.selectChatModels();
  const other = models.find((m) => m.vendor !== ANTHROPIC_VENDOR);
  return other ? { client: new ChatModelClient(other), id: other.id } : undefined;
}

function abortOn(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) {
    controller.abort();
  } else {
    token.onCancellationRequested(() => controller.abort());
  }
  return controller.signal;
}
