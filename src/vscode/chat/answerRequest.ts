import * as vscode from 'vscode';
import { OUTPUT_CONTRACT_INSTRUCTIONS } from '../../core/findings/contract';
import type { ModelClient, ModelMessage } from '../../core/model/modelClient';
import { describeModelError, toModelError } from '../../core/model/modelErrors';
import type { Persona } from '../../core/personas/persona';
import { buildPrompt, flattenSystemIntoMessages } from '../../core/prompt/promptBuilder';
import { initialCodeBudgetChars, shrunkCodeBudgetChars } from '../../core/prompt/tokenBudget';
import type { SlashCommand } from '../../core/slashCommands';
import type { VerifiedFinding } from '../../core/findings/verify';
import { isOurModel } from '../model/anthropicAccess';
import { AnswerRenderer, type FindingSummary } from './answerRenderer';
import { gatherChatContext } from './chatContext';
import { ChatModelClient } from '../model/chatModelClient';
import type { ParticipantDeps } from './participant';
import { renderErrorAction } from './errorActions';
import { readModelSettings } from '../common/settings';
import { renderUsageFooter } from '../usage/usageFooter';
import { startChatTools, streamAnswer } from '../tools/chatToolSession';

/** What a `@backend` answer keeps in `ChatResult.metadata` for follow-ups and later turns. */
export interface AnswerMetadata {
  readonly personaId: string;
  readonly personaName: string;
  readonly command: string | undefined;
  /** The model's raw answer, so later turns send what the model said, not the rendering. */
  readonly answer: string;
  readonly findings: readonly FindingSummary[];
  readonly error?: string;
}

interface AnswerArgs {
  readonly request: vscode.ChatRequest;
  readonly chatContext: vscode.ChatContext;
  readonly stream: vscode.ChatResponseStream;
  readonly token: vscode.CancellationToken;
  readonly persona: Persona;
  readonly command: SlashCommand | undefined;
  readonly deps: ParticipantDeps;
}

/** The pipeline for one request: context → prompt → model → parse → verify → render. */
export async function answerChatRequest(args: AnswerArgs): Promise<vscode.ChatResult> {
  const { request, stream, token, persona, command, deps } = args;
  const started = Date.now();
  const settings = readModelSettings();
  const ours = isOurModel(request.model);

  // Progress first: the chat panel folds parts that precede a progress part into "steps".
  stream.progress(`${persona.name} is reading your code…`);
  stream.markdown(personaHeading(persona, deps));

  let client: ModelClient | undefined;
  if (ours) {
    client = await deps.anthropic.getClient();
    if (!client) {
      await deps.rules?.answerWithoutModel(stream, request.references, { maxChars: settings.maxContextTokens * 4, redactSecrets: settings.redactSecrets }, token);
      stream.markdown('No Anthropic API key is set, so I cannot answer yet. Set your key and ask again.\n\n');
      stream.button({ command: 'architectPersonas.setApiKey', title: 'Set Anthropic API Key' });
      return { metadata: metadataOf(persona, command, '', [], 'noKey') };
    }
  } else {
    client = new ChatModelClient(request.model);
  }
  const history = historyOf(args.chatContext);
  let plans: Awaited<ReturnType<NonNullable<ParticipantDeps['queryPlans']>['grounding']>> | undefined;
  const prepare = async (maxChars: number) => {
    const context = await gatherChatContext(request.references, { maxChars, redactSecrets: settings.redactSecrets });
    // Facts the rules found in what is sent (deterministic, no model): grounding for the persona.
    const ruleFindings = (await deps.rules?.findingsFor(context.files, token)) ?? [];
    // /optimize and /scale: plans of the sent queries, measured on the embedded database (once).
    plans ??= await deps.queryPlans?.grounding(command?.name, context.files, request.prompt, token);
    const grounding = [...(deps.rules?.grounding(ruleFindings) ?? []), ...(plans?.sections ?? [])];
    const prompt = buildPrompt({ persona, command, userPrompt: request.prompt, files: context.files, history, outputContract: OUTPUT_CONTRACT_INSTRUCTIONS, grounding });
    return { context, prompt, ruleFindings };
  };
  const budgetChars = ours ? settings.maxContextTokens * 4 : initialCodeBudgetChars(settings.maxContextTokens, request.model.maxInputTokens);
  let { context, prompt, ruleFindings } = await prepare(budgetChars);
  if (!ours) {
    // Another vendor's model: measure with its own tokenizer and shrink the code until it fits.
    const tokens = await request.model
      .countTokens(flattenSystemIntoMessages(prompt).map((m) => m.content).join('\n\n'), token)
      .then(undefined, (err: unknown) => {
        deps.log.warn(`could not count tokens with ${request.model.name}: ${(err as Error)?.message ?? String(err)}`);
        return 0; // unmeasured: keep the initial budget
      });
    const codeChars = context.files.reduce((n, f) => n + f.text.length, 0);
    const smaller = shrunkCodeBudgetChars(tokens, request.model.maxInputTokens, codeChars, budgetChars);
    if (smaller !== undefined) {
      deps.log.info(`prompt of ${tokens} tokens exceeds ${request.model.name}'s input limit; code budget ${budgetChars} -> ${smaller} chars`);
      ({ context, prompt, ruleFindings } = await prepare(smaller));
    }
  }
  for (const notice of context.notices) {
    stream.markdown(`> ${notice.message}\n\n`);
  }
  for (const note of plans?.notes ?? []) {
    stream.markdown(`> ${note}\n\n`);
  }

  const controller = new AbortController();
  const cancel = token.onCancellationRequested(() => controller.abort());
  // Tools (read_file, run_rules, explain_query…): files the model reads join the sent files.
  const tools = startChatTools({ stream, files: context.files, maxFileChars: budgetChars, redactSecrets: settings.redactSecrets, log: deps.log });
  const sentFiles = tools?.session.sentFiles ?? context.files;
  const ruleNote = deps.rules && ((v: VerifiedFinding) => deps.rules?.noteFor(v, ruleFindings));
  const afterFinding =
    tools || ruleNote ? (v: VerifiedFinding) => [ruleNote?.(v), tools?.session.afterFinding(v)].filter(Boolean).join('') || undefined : undefined;
  const renderer = new AnswerRenderer(stream, sentFiles, afterFinding, deps.queryPlans?.checkFixes(request.prompt));
  try {
    const result = await streamAnswer(
      client,
      {
        model: ours ? request.model.id : settings.model,
        system: prompt.system,
        messages: prompt.messages,
        maxTokens: settings.maxOutputTokens,
        signal: controller.signal,
      },
      (delta) => {
        if (!token.isCancellationRequested) {
          renderer.push(delta);
        }
      },
      tools,
    );
    renderer.end();
    await renderer.settled();
    deps.rules?.renderUnconfirmed(stream, ruleFindings, renderer.verifiedFindings, sentFiles);
    tools?.session.renderSummary(result.stopped, tools.maxRounds);
    deps.onFindings?.(renderer.verifiedFindings, sentFiles, persona.name);
    deps.log.info(
      `request done persona=${persona.id} command=${command?.name ?? '-'} files=${context.files.length} ms=${Date.now() - started}` +
        (result.stopReason ? ` stop=${result.stopReason}` : ''),
    );
    if (result.stopReason === 'max_tokens') {
      stream.markdown('\n\n> The answer hit the output limit (`architectPersonas.maxOutputTokens`) and was cut short.\n');
    }
    // Before the answer-end extras: a Markdown part after a button (Save Design Document) makes
    // VS Code 1.139 fold the whole answer into "Completed N steps".
    renderUsageFooter(stream, { model: request.model, anthropic: ours, modelId: ours ? request.model.id : settings.model, usage: result.usage });
    await deps.onAnswerEnd?.(stream, { prompt: request.prompt, command: command?.name, persona, answer: renderer.text });
    return { metadata: metadataOf(persona, command, renderer.text, renderer.findings) };
  } catch (err) {
    const error = toModelError(err);
    if (error.kind === 'cancelled' || token.isCancellationRequested) {
      renderer.end();
      await renderer.settled();
      tools?.session.renderSummary(undefined, tools.maxRounds);
      deps.log.info(`request cancelled persona=${persona.id} after ${Date.now() - started} ms`);
      return { metadata: metadataOf(persona, command, renderer.text, renderer.findings, 'cancelled') };
    }
    // Keep whatever arrived: the partial answer is flushed as Markdown before the message.
    renderer.end();
    await renderer.settled();
    tools?.session.renderSummary(undefined, tools.maxRounds);
    deps.log.error(`request failed persona=${persona.id} kind=${error.kind}${error.status ? ` status=${error.status}` : ''}: ${error.message}`);
    // Another vendor's model: its client wrote the message (describeModelError speaks of the Anthropic API).
    const described = ours ? describeModelError(error) : { message: error.message, action: undefined };
    stream.markdown(`${renderer.text ? '\n\n---\n\n' : ''}**${described.message}**\n\n`);
    renderErrorAction(stream, described.action);
    return { metadata: metadataOf(persona, command, renderer.text, renderer.findings, error.kind) };
  } finally {
    cancel.dispose();
  }
}

function personaHeading(persona: Persona, deps: ParticipantDeps): string {
  const from = persona.source.kind === 'bundled' ? '' : ` — answering from ${deps.personas.describeSource(persona)}`;
  return `**${persona.name}** · ${persona.title}${from}\n\n`;
}

function metadataOf(
  persona: Persona,
  command: SlashCommand | undefined,
  answer: string,
  findings: readonly FindingSummary[],
  error?: string,
): AnswerMetadata {
  return { personaId: persona.id, personaName: persona.name, command: command?.name, answer, findings, error };
}

/** This participant's earlier turns, as model messages (the raw answers, when we kept them). */
function historyOf(chatContext: vscode.ChatContext): ModelMessage[] {
  const out: ModelMessage[] = [];
  for (const turn of chatContext.history) {
    if (turn instanceof vscode.ChatRequestTurn) {
      out.push({ role: 'user', content: turn.command ? `/${turn.command} ${turn.prompt}` : turn.prompt });
    } else if (turn instanceof vscode.ChatResponseTurn) {
      const meta = turn.result.metadata as Partial<AnswerMetadata> | undefined;
      const text =
        meta?.answer ??
        turn.response
          .map((p) => (p instanceof vscode.ChatResponseMarkdownPart ? p.value.value : ''))
          .join('');
      out.push({ role: 'assistant', content: text + findingsIndex(meta?.findings ?? []) });
    }
  }
  return out;
}

/** Numbers the findings of an earlier answer, so that a follow-up can say "finding #2". */
function findingsIndex(findings: readonly FindingSummary[]): string {
  if (findings.length === 0) {
    return '';
  }
  const lines = findings.map((f) => {
    const where = f.file ? ` — ${f.file}${f.line ? `:${f.line}${f.endLine && f.endLine !== f.line ? `-${f.endLine}` : ''}` : ''}` : '';
    return `#${f.index} [${f.severity}] ${f.title}${where}${f.status === 'unverified' ? ' (location unverified)' : ''}`;
  });
  return `\n\n(Findings in this answer, numbered for follow-ups:\n${lines.join('\n')})`;
}
