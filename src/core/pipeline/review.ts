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
import type { Persona } from '../personas/persona';
import { buildPrompt, type BuiltPrompt, type GroundingSection } from '../prompt/promptBuilder';
import { reviewPrompt } from '../review/reviewModel';
import type { SlashCommand } from '../slashCommands';
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
   * and offered to the model as facts (see `ruleFacts`) unless `grounding` already has them.
   */
  readonly ruleFindings?: readonly RuleFinding[];
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
  readonly ruleFindings: readonly RuleFinding[];
  /** The answer's prose outside finding blocks, in order (Markdown). */
  readonly prose: string;
  readonly usage?: ModelUsage;
  readonly stopReason?: string;
  readonly requestId?: string;
  /** Set when the model or network failed (or the request was cancelled); the rest is what arrived. */
  readonly error?: ModelError;
}

/** The title of the grounding section that carries rule findings. */
export const RULE_FACTS_TITLE = 'Facts the rules engine found';

/** Rule findings as one grounding section, one line each; undefined when there are none. */
export function ruleFacts(findings: readonly RuleFinding[]): GroundingSection | undefined {
  if (findings.length === 0) {
    return undefined;
  }
  const lines = findings.map((f) => {
    const where = f.endLine > f.line ? `${f.file}:${f.line}-${f.endLine}` : `${f.file}:${f.line}`;
    return `- [${f.severity}] ${f.ruleId} at ${where}: ${f.message}`;
  });
  return { title: RULE_FACTS_TITLE, body: lines.join('\n') };
}

/** The prompt `reviewFiles` sends, for callers that need to measure or show it first. */
export function reviewPromptFor(input: Pick<ReviewFilesInput, 'files' | 'persona' | 'command' | 'userPrompt' | 'grounding' | 'ruleFindings' | 'history'>): BuiltPrompt {
  const grounding = [...(input.grounding ?? [])];
  if (!grounding.some((g) => g.title === RULE_FACTS_TITLE)) {
    const facts = ruleFacts(input.ruleFindings ?? []);
    if (facts) {
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
  });
}

/** One review request: sends the prompt, parses the streamed answer and verifies every finding. */
export async function reviewFiles(input: ReviewFilesInput): Promise<ReviewFilesResult> {
  const prompt = reviewPromptFor(input);
  const parser = new FindingsStreamParser();
  const findings: VerifiedFinding[] = [];
  let text = '';
  let prose = '';
  const take = (events: readonly ParsedEvent[]): void => {
    for (const event of events) {
      if (event.kind === 'markdown') {
        prose += event.text;
      } else if (event.kind === 'finding') {
        const verified = verifyFinding(event.finding, input.files);
        findings.push(verified);
        input.onFinding?.(verified);
      }
    }
  };
  const ruleFindings = [...(input.ruleFindings ?? [])];
  try {
    const result = await input.client.stream(
      { model: input.model, system: prompt.system, messages: prompt.messages, maxTokens: input.maxTokens, signal: input.signal },
      (delta) => {
        text += delta;
        input.onText?.(delta);
        take(parser.push(delta));
      },
    );
    take(parser.end());
    return { text, findings, ruleFindings, prose, usage: result.usage, stopReason: result.stopReason, requestId: result.requestId };
  } catch (err) {
    take(parser.end());
    const error = toModelError(err);
    // A client that buffers may hand the partial answer only on the error.
    if (text === '' && error.partialText) {
      text = error.partialText;
      for (const event of FindingsStreamParser.parseAll(text)) {
        take([event]);
      }
    }
    return { text, findings, ruleFindings, prose, requestId: error.requestId, error };
  }
}
