import * as vscode from 'vscode';
import type { SentFile } from '../../core/context/sentFile';
import type { VerifiedFinding } from '../../core/findings/verify';
import type { ModelClient, ModelRequest, ModelResult, ModelToolCall } from '../../core/model/modelClient';
import { runToolLoop, type ToolLoopOptions, type ToolRunRecord, type ToolRunOutcome } from '../../core/model/toolLoop';
import { availableTools, createToolRunner, progressOf, toolGuidance, type ToolCallDetail, type ToolContext, type ToolDefinition } from '../../core/tools';
import { measuredBy } from '../../core/tools/measured';
import { escapeMarkdown } from '../../core/render/renderFinding';
import type { Log } from '../common/log';
import { readToolSettings, sentFileUris, vscodeToolContext } from './toolContext';

/**
 * What the user sees of the architect's tool calls in one `@backend` answer, and what the rest
 * of the pipeline needs from them:
 * - each call is a progress line ("Reading db/schema.sql…") while no finding is on screen yet.
 *   VS Code 1.139 folds every part before a progress part into a collapsed "Completed N steps"
 *   section, so a progress part after a rendered finding would hide that finding: once a
 *   finding is shown, later calls are announced as a quoted Markdown line instead;
 * - files read by read_file join the sent files, so findings on them are verified and linked;
 * - each file read becomes a chat reference as soon as it is read (inside the folded steps: a
 *   reference part after the answer would fold the answer itself away);
 * - at the end a Markdown note lists every call with its outcome; findings a tool measured get
 *   a 🔬 line right under them.
 */
export class ChatToolSession {
  readonly tools: readonly ToolDefinition[];
  readonly sentFiles: SentFile[];
  private findingShown = false;
  private readonly runs: ToolRunRecord<ToolCallDetail>[] = [];
  /** Calls announced whose result has not come back (still running when the user cancels). */
  private readonly running = new Map<string, ModelToolCall>();
  private round = 0;
  private readonly referenced = new Set<string>();

  constructor(
    private readonly stream: vscode.ChatResponseStream,
    private readonly ctx: ToolContext,
    sentFiles: readonly SentFile[],
    private readonly log: Log,
  ) {
    this.tools = availableTools(ctx);
    this.sentFiles = [...sentFiles];
  }

  /** The system block that tells the model about its tools. */
  get guidance(): string {
    return toolGuidance(this.tools);
  }

  loopOptions(maxRounds: number): ToolLoopOptions<ToolCallDetail> {
    return {
      runner: createToolRunner(this.ctx, this.tools),
      maxRounds,
      onToolCalls: (calls) => this.announce(calls),
      onToolResult: (call, outcome) => this.record(call, outcome),
    };
  }

  /** The renderer calls this after each finding it rendered; returns Markdown to show under it. */
  afterFinding(v: VerifiedFinding): string | undefined {
    this.findingShown = true;
    const by = measuredBy(
      {
        attributes: v.finding.attributes,
        quote: v.finding.quote,
        fixes: v.finding.fixes,
        path: v.location?.path,
        startLine: v.location?.startLine,
        endLine: v.location?.endLine,
      },
      this.runs,
    );
    return by ? `🔬 _Measured: ${escapeMarkdown(by)}_\n\n` : undefined;
  }

  /** After the answer: a note of every call (Markdown only, so the answer stays unfolded). */
  renderSummary(stopped: 'rounds' | undefined, maxRounds: number): void {
    const runs = this.runs;
    if (stopped === 'rounds') {
      this.stream.markdown(
        `\n\n> The architect still wanted to call tools after ${maxRounds} rounds, so the answer stops here with what it has ` +
          '(`architectPersonas.tools.maxRounds`). Ask a narrower question, or ask it to continue.\n',
      );
    }
    const unfinished = [...this.running.values()];
    if (runs.length === 0 && unfinished.length === 0) {
      return;
    }
    const lines = runs.map((r) => {
      const summary = r.outcome.detail?.result.summary ?? firstLine(r.outcome.content);
      return `> ${r.outcome.isError ? '✗' : '✓'} \`${r.call.name}\` — ${escapeMarkdown(summary)}`;
    });
    for (const call of unfinished) {
      lines.push(`> ⏹ \`${call.name}\` — stopped before it finished: ${escapeMarkdown(progressOf(call, this.ctx).replace(/…$/, ''))}`);
    }
    this.stream.markdown(`\n\n> **Tools the architect ran** (${lines.length}):\n>\n${lines.join('\n>\n')}\n\n`);
  }

  private announce(calls: readonly ModelToolCall[]): void {
    this.round++;
    for (const call of calls) {
      this.running.set(call.id, call);
      const line = progressOf(call, this.ctx);
      if (this.findingShown) {
        this.stream.markdown(`\n\n> _${escapeMarkdown(line)}_\n\n`);
      } else {
        this.stream.progress(line);
      }
    }
  }

  private record(call: ModelToolCall, outcome: ToolRunOutcome<ToolCallDetail>): void {
    this.log.info(`tool ${call.name} ${outcome.isError ? 'error' : 'ok'} chars=${outcome.content.length}`);
    this.running.delete(call.id);
    this.runs.push({ round: this.round, call, outcome });
    for (const f of outcome.detail?.result.sentFiles ?? []) {
      // Shown as a reference while the tools run (inside the folded steps); after a finding is
      // on screen a reference part would fold it away, and the closing note names the file anyway.
      if (!this.findingShown && !this.referenced.has(f.uri)) {
        this.referenced.add(f.uri);
        this.stream.reference(vscode.Uri.parse(f.uri));
      }
      // a later read of the same file (another range) replaces the earlier one for verification
      const i = this.sentFiles.findIndex((s) => s.uri === f.uri && s.firstLine === f.firstLine);
      if (i >= 0) {
        this.sentFiles[i] = f;
      } else {
        this.sentFiles.push(f);
      }
    }
  }
}

function firstLine(s: string): string {
  const line = s.split('\n', 1)[0];
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}

const MAX_TOOL_FILE_CHARS = 48_000;

export interface ChatToolsInput {
  readonly stream: vscode.ChatResponseStream;
  /** The files the request sent (attached, or the active editor's). */
  readonly files: readonly SentFile[];
  readonly maxFileChars: number;
  readonly redactSecrets: boolean;
  readonly log: Log;
}

/** The tool session of one answer, or undefined when tools are off or no folder is open. */
export function startChatTools(input: ChatToolsInput): { session: ChatToolSession; maxRounds: number } | undefined {
  const settings = readToolSettings();
  if (!settings.enabled) {
    return undefined;
  }
  const ctx = vscodeToolContext({
    attached: sentFileUris(input.files),
    // one file read by a tool stays a fraction of the context budget (the loop caps the total)
    maxFileChars: Math.min(input.maxFileChars, MAX_TOOL_FILE_CHARS),
    redactSecrets: input.redactSecrets,
    denyList: settings.denyList,
  });
  if (!ctx) {
    return undefined;
  }
  const session = new ChatToolSession(input.stream, ctx, input.files, input.log);
  return session.tools.length > 0 ? { session, maxRounds: settings.maxRounds } : undefined;
}

/**
 * One answer through the model: the tool loop when a session is given, else a single request.
 * With tools, the guidance block goes after the task instructions (the persona block stays the
 * cached prefix, together with the tool list that precedes it).
 */
export async function streamAnswer(
  client: ModelClient,
  request: ModelRequest,
  onText: (delta: string) => void,
  tools: { session: ChatToolSession; maxRounds: number } | undefined,
): Promise<ModelResult & { readonly runs?: readonly ToolRunRecord<ToolCallDetail>[]; readonly stopped?: 'rounds' }> {
  if (!tools) {
    return client.stream(request, onText);
  }
  const withGuidance: ModelRequest = { ...request, system: [...request.system, { text: tools.session.guidance }] };
  return runToolLoop(client, withGuidance, onText, tools.session.loopOptions(tools.maxRounds));
}
