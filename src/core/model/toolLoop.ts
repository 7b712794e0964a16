/**
 * The tool loop: ask the model, run the tools it calls, send their results back, ask again —
 * until it answers without calling a tool, the round cap is reached, or the user cancels.
 *
 * - Text of every round streams through `onText` in order (rounds separated by a blank line),
 *   so the findings parser sees one continuous answer.
 * - Calls of one round run in parallel; their results go back in the order of the calls.
 * - A call with unparseable input or an unknown tool is not run: the model gets an error result
 *   and can correct itself. A throwing tool becomes an error result too.
 * - Total tool output is capped: once `maxToolOutputChars` is used up, further calls get an error
 *   result telling the model to answer with what it has.
 * - Round cap: when the model still calls tools after `maxRounds` rounds, the loop stops with
 *   `stopped: 'rounds'` and the text so far (the caller shows a note). No tool of that last
 *   round is run.
 * - Cancellation (request.signal) is checked between rounds and raced against running tools: it
 *   rejects with ModelError 'cancelled' carrying the text so far.
 */
import type { ModelClient, ModelRequest, ModelResult, ModelToolCall, ModelToolResult, ModelToolSpec, ModelUsage, ToolExchange } from './modelClient';
import { ModelError } from './modelErrors';

/** What a tool run produced, as the loop needs it; `detail` is the caller's (e.g. files read). */
export interface ToolRunOutcome<D = unknown> {
  readonly content: string;
  readonly isError?: boolean;
  readonly detail?: D;
}

export interface ToolRunner<D = unknown> {
  readonly specs: readonly ModelToolSpec[];
  run(call: ModelToolCall, signal: AbortSignal): Promise<ToolRunOutcome<D>>;
}

export interface ToolLoopOptions<D = unknown> {
  readonly runner: ToolRunner<D>;
  /** Most model requests in one answer. Default 6. */
  readonly maxRounds?: number;
  /** Most characters of tool output sent back over the whole answer. Default 120,000. */
  readonly maxToolOutputChars?: number;
  /** Called when a round's calls are about to run (e.g. to show progress lines). */
  readonly onToolCalls?: (calls: readonly ModelToolCall[]) => void;
  /** Called for each finished call, in call order. */
  readonly onToolResult?: (call: ModelToolCall, outcome: ToolRunOutcome<D>) => void;
}

export interface ToolRunRecord<D = unknown> {
  readonly round: number;
  readonly call: ModelToolCall;
  readonly outcome: ToolRunOutcome<D>;
}

export interface ToolLoopResult<D = unknown> extends ModelResult {
  /** Model requests made. */
  readonly rounds: number;
  readonly runs: readonly ToolRunRecord<D>[];
  /** Set when the loop stopped before the model finished: the round cap was reached. */
  readonly stopped?: 'rounds';
}

const DEFAULT_MAX_ROUNDS = 6;
const DEFAULT_MAX_TOOL_OUTPUT = 120_000;

export async function runToolLoop<D>(
  client: ModelClient,
  request: ModelRequest,
  onText: (delta: string) => void,
  options: ToolLoopOptions<D>,
): Promise<ToolLoopResult<D>> {
  const maxRounds = Math.max(1, options.maxRounds ?? DEFAULT_MAX_ROUNDS);
  let outputLeft = Math.max(0, options.maxToolOutputChars ?? DEFAULT_MAX_TOOL_OUTPUT);
  const known = new Set(options.runner.specs.map((s) => s.name));
  const exchanges: ToolExchange[] = [];
  const runs: ToolRunRecord<D>[] = [];
  const usage: ModelUsage = { inputTokens: 0, outputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0 };
  let text = '';
  let retries = 0;
  let firstTokenMs: number | undefined;
  const emit = (delta: string): void => {
    text += delta;
    onText(delta);
  };

  for (let round = 1; ; round++) {
    if (request.signal.aborted) {
      throw cancelled(text);
    }
    let roundText = '';
    const startsAfterTools = exchanges.length > 0;
    let result: ModelResult;
    try {
      result = await client.stream({ ...request, tools: options.runner.specs, toolExchanges: exchanges }, (delta) => {
        if (roundText === '' && startsAfterTools && text !== '' && !text.endsWith('\n\n')) {
          emit(text.endsWith('\n') ? '\n' : '\n\n');
        }
        roundText += delta;
        emit(delta);
      });
    } catch (err) {
      throw withEarlierText(err, text, roundText);
    }
    addUsage(usage, result.usage);
    retries += result.retries;
    firstTokenMs ??= result.firstTokenMs;
    const calls = result.toolCalls ?? [];
    const summary = { text, usage, requestId: result.requestId, firstTokenMs, retries, rounds: round, runs };
    if (calls.length === 0) {
      return { ...summary, stopReason: result.stopReason };
    }
    if (round >= maxRounds) {
      return { ...summary, stopReason: result.stopReason, stopped: 'rounds' };
    }
    options.onToolCalls?.(calls);
    const outcomes = await raceAbort(
      Promise.all(calls.map((call) => runOne(call, known, options.runner, request.signal))),
      request.signal,
      text,
    );
    const results: ModelToolResult[] = [];
    calls.forEach((call, i) => {
      let outcome = outcomes[i];
      if (outcome.content.length > outputLeft) {
        outcome = {
          ...outcome,
          isError: true,
          content:
            outputLeft > 0
              ? `${outcome.content.slice(0, outputLeft)}\n[cut: the tool output budget for this answer is used up; answer with what you have]`
              : 'Not run: the tool output budget for this answer is used up. Answer with what you have.',
        };
      }
      outputLeft = Math.max(0, outputLeft - outcome.content.length);
      runs.push({ round, call, outcome });
      options.onToolResult?.(call, outcome);
      results.push({ callId: call.id, content: outcome.content, ...(outcome.isError ? { isError: true } : {}) });
    });
    exchanges.push({ text: roundText, calls, results });
  }
}

async function runOne<D>(call: ModelToolCall, known: ReadonlySet<string>, runner: ToolRunner<D>, signal: AbortSignal): Promise<ToolRunOutcome<D>> {
  if (call.inputError !== undefined) {
    return { isError: true, content: `Not run: ${call.inputError}. Call ${call.name} again with a JSON object that matches its input schema.` };
  }
  if (!known.has(call.name)) {
    return { isError: true, content: `Unknown tool "${call.name}". The tools you can call are: ${[...known].join(', ') || 'none'}.` };
  }
  try {
    return await runner.run(call, signal);
  } catch (err) {
    if (signal.aborted) {
      throw err;
    }
    return { isError: true, content: `${call.name} failed: ${(err as Error)?.message ?? String(err)}` };
  }
}

function raceAbort<T>(work: Promise<T>, signal: AbortSignal, text: string): Promise<T> {
  if (signal.aborted) {
    return Promise.reject(cancelled(text));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(cancelled(text));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? cancelled(text) : err);
      },
    );
  });
}

function cancelled(text: string): ModelError {
  return new ModelError('cancelled', 'The request was cancelled.', { partialText: text || undefined });
}

/** A failure in round N keeps the text of rounds 1..N as its partial text. */
function withEarlierText(err: unknown, text: string, roundText: string): unknown {
  if (!(err instanceof ModelError) || text === roundText) {
    return err;
  }
  const { status, retryAfterSeconds, requestId, apiErrorType, host, networkCause, idleSeconds, midStream, model } = err;
  return new ModelError(err.kind, err.message, {
    ...{ status, retryAfterSeconds, requestId, apiErrorType, host, networkCause, idleSeconds, midStream, model },
    partialText: text,
    cause: err,
  });
}

function addUsage(total: ModelUsage, usage: ModelUsage | undefined): void {
  if (usage) {
    total.inputTokens += usage.inputTokens;
    total.outputTokens += usage.outputTokens;
    total.cacheCreationInputTokens += usage.cacheCreationInputTokens;
    total.cacheReadInputTokens += usage.cacheReadInputTokens;
  }
}
