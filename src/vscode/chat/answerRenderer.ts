import type * as vscode from 'vscode';
import type { SentFile } from '../../core/context/sentFile';
import type { VerifiedFinding } from '../../core/findings/verify';
import { FindingsChatRenderer } from '../../core/render/renderFinding';
import { renderChatParts } from '../findings/renderChatParts';

/** A finding as kept in ChatResult.metadata: enough for follow-ups and diagnostics. */
export interface FindingSummary {
  readonly index: number;
  readonly severity: string;
  readonly title: string;
  readonly file?: string;
  readonly uri?: string;
  readonly line?: number;
  readonly endLine?: number;
  readonly status: string;
  readonly quote?: string;
  readonly issue?: string;
  readonly cause?: string;
  readonly fixes: readonly { kind: string; language: string; title: string; content: string }[];
}

/**
 * Parse → verify → render stage for one streamed answer: each text delta goes through the
 * incremental findings parser, and the resulting chat parts go straight to the stream.
 */
export class AnswerRenderer {
  private readonly renderer: FindingsChatRenderer;
  private raw = '';
  private ended = false;

  constructor(
    private readonly stream: vscode.ChatResponseStream,
    sentFiles: readonly SentFile[],
  ) {
    // No progress parts mid-answer: the chat panel folds everything before a progress part into
    // a collapsed "steps" section, which would hide findings already rendered.
    this.renderer = new FindingsChatRenderer(sentFiles, { progressText: '' });
  }

  push(delta: string): void {
    this.raw += delta;
    renderChatParts(this.stream, this.renderer.push(delta));
  }

  /** Flushes what is still buffered (an unclosed block is shown as Markdown). Idempotent. */
  end(): void {
    if (!this.ended) {
      this.ended = true;
      renderChatParts(this.stream, this.renderer.end());
    }
  }

  /** The model's raw answer so far. */
  get text(): string {
    return this.raw;
  }

  get verifiedFindings(): readonly VerifiedFinding[] {
    return this.renderer.findings;
  }

  get findings(): FindingSummary[] {
    return this.renderer.findings.map((v, i) => summarize(v, i + 1));
  }
}

export function summarize(v: VerifiedFinding, index: number): FindingSummary {
  const f = v.finding;
  return {
    index,
    severity: f.severity,
    title: f.title,
    file: v.location?.path ?? f.file,
    uri: v.location?.uri,
    line: v.location?.startLine,
    endLine: v.location?.endLine,
    status: v.status,
    quote: f.quote,
    issue: f.sections.issue,
    cause: f.sections.cause,
    fixes: f.fixes.map((x) => ({ kind: x.kind, language: x.language, title: x.title, content: x.content })),
  };
}
