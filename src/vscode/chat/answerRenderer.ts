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

const CLOSE = '</finding>';

/**
 * Parse → verify → render stage for one streamed answer: each text delta goes through the
 * incremental findings parser, and the resulting chat parts go straight to the stream.
 */
export class AnswerRenderer {
  private readonly renderer: FindingsChatRenderer;
  private raw = '';
  private ended = false;
  private closePending = false;
  /** Characters of `raw` given to the renderer, and where the next closing-tag search starts. */
  private fed = 0;
  private scanFrom = 0;

  /**
   * @param sentFiles read when each finding is verified: a caller may append to it while the
   *   answer streams (files the model read with a tool).
   * @param afterFinding Markdown to show right under a finding (e.g. "measured by a tool").
   * @param checkFinding Markdown that takes time (an SQL fix checked on the embedded database):
   *   shown right under its finding; what the answer streams meanwhile waits, in order. Await
   *   settled() before writing anything else to the stream.
   */
  constructor(
    private readonly stream: vscode.ChatResponseStream,
    sentFiles: readonly SentFile[],
    private readonly afterFinding?: (v: VerifiedFinding) => string | undefined,
    private readonly checkFinding?: (v: VerifiedFinding) => Promise<string | undefined> | undefined,
  ) {
    // No progress parts mid-answer: the chat panel folds everything before a progress part into
    // a collapsed "steps" section, which would hide findings already rendered.
    this.renderer = new FindingsChatRenderer(sentFiles, { progressText: '' });
  }

  /** Output waiting behind a pending check, in order. */
  private queue: Promise<void> | undefined;

  /** Writes now, or after the pending checks when there are any (the output keeps its order). */
  private emit(write: () => void): void {
    if (this.queue) {
      this.queue = this.queue.then(write);
    } else {
      write();
    }
  }

  private write(parts: Parameters<typeof renderChatParts>[1]): void {
    this.emit(() => renderChatParts(this.stream, parts));
  }

  /** Resolves once every pending check has been written (or failed) and the output after it. */
  async settled(): Promise<void> {
    while (this.queue) {
      const q = this.queue;
      await q;
      if (this.queue === q) {
        this.queue = undefined;
      }
    }
  }

  push(delta: string): void {
    this.raw += delta;
    if (!this.afterFinding && !this.checkFinding) {
      this.write(this.renderer.push(delta));
      return;
    }
    // Feed up to each closing tag (which may span deltas), then up to the line end that
    // completes the block, as pieces of their own, so a note lands right under its finding
    // and not after the prose that follows it.
    while (this.fed < this.raw.length) {
      let to = this.raw.length;
      if (this.closePending) {
        const eol = this.raw.indexOf('\n', this.fed);
        to = eol >= 0 ? eol + 1 : to;
        this.closePending = eol < 0;
      } else {
        const close = this.raw.indexOf(CLOSE, Math.max(this.scanFrom, this.fed - CLOSE.length + 1));
        if (close >= 0) {
          to = close + CLOSE.length;
          this.scanFrom = to;
          this.closePending = true;
        }
      }
      const piece = this.raw.slice(this.fed, to);
      this.fed = to;
      const before = this.renderer.findings.length;
      this.write(this.renderer.push(piece));
      this.noteNewFindings(before);
    }
  }

  private noteNewFindings(before: number): void {
    for (const v of this.renderer.findings.slice(before)) {
      const note = this.afterFinding?.(v);
      if (note) {
        this.emit(() => this.stream.markdown(note));
      }
      const check = this.checkFinding?.(v);
      if (check) {
        const prev = this.queue ?? Promise.resolve();
        this.queue = prev.then(async () => {
          const md = await check.catch(() => undefined);
          if (md) {
            this.stream.markdown(md);
          }
        });
      }
    }
  }

  /** Flushes what is still buffered (an unclosed block is shown as Markdown). Idempotent. */
  end(): void {
    if (!this.ended) {
      this.ended = true;
      const before = this.renderer.findings.length;
      this.write(this.renderer.end());
      this.noteNewFindings(before);
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
