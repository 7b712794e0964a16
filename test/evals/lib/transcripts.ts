/**
 * Saved answers. A transcript set is a folder under test/evals/transcripts/ with a set.json
 * (where the answers came from) and one `<kind>/<id>.md` per case: the model's answer exactly as
 * streamed, plus an optional `<id>.meta.json` (model, usage, stop reason, the prompt's hash).
 *
 * Replay streams a saved answer through the same pipeline as a live one (ReplayClient is a
 * ModelClient), in uneven chunks, so replay exercises the streaming parser too.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ModelClient, ModelRequest, ModelResult, ModelUsage } from '../../../src/core/model/modelClient';
import { ModelError } from '../../../src/core/model/modelErrors';
import { EVALS_DIR, EvalDataError } from './evalCase';
import { chunkAnswer } from './parseCheck';

export type AnswerKind = 'review' | 'design';

export const TRANSCRIPTS_DIR = path.join(EVALS_DIR, 'transcripts');
/** The set replayed when none is named: answers written by hand to the golden-transcript standard. */
export const DEFAULT_SET = 'hand-written';

export interface TranscriptSetInfo {
  /** `api`: recorded from the model named in `model`; `hand-written`: written by people, no model. */
  readonly source: 'api' | 'hand-written';
  readonly model?: string;
  /** ISO date the answers were recorded or written. */
  readonly date: string;
  readonly note?: string;
}

export interface TranscriptMeta {
  readonly model?: string;
  readonly recordedAt?: string;
  readonly stopReason?: string;
  readonly usage?: ModelUsage;
  readonly requestId?: string;
  /** sha256 of the system prompt and messages that produced the answer (recorded answers). */
  readonly promptSha256?: string;
  /** The model error that ended the answer early, if any. */
  readonly error?: string;
}

export interface Transcript {
  readonly text: string;
  readonly meta: TranscriptMeta;
}

export function setDir(set: string): string {
  return path.isAbsolute(set) ? set : path.join(TRANSCRIPTS_DIR, set);
}

export function readSetInfo(dir: string): TranscriptSetInfo {
  const file = path.join(dir, 'set.json');
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new EvalDataError(`${file}: ${(err as Error).message}`);
  }
  const info = raw as Partial<TranscriptSetInfo>;
  if ((info.source !== 'api' && info.source !== 'hand-written') || typeof info.date !== 'string') {
    throw new EvalDataError(`${file}: needs "source" ("api" or "hand-written") and "date"`);
  }
  return info as TranscriptSetInfo;
}

export function writeSetInfo(dir: string, info: TranscriptSetInfo): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'set.json'), `${JSON.stringify(info, null, 2)}\n`);
}

function answerPath(dir: string, kind: AnswerKind, id: string): string {
  return path.join(dir, kind, `${id}.md`);
}

export function readTranscript(dir: string, kind: AnswerKind, id: string): Transcript | undefined {
  const file = answerPath(dir, kind, id);
  if (!fs.existsSync(file)) {
    return undefined;
  }
  const text = fs.readFileSync(file, 'utf8');
  const metaFile = file.replace(/\.md$/, '.meta.json');
  const meta = fs.existsSync(metaFile) ? (JSON.parse(fs.readFileSync(metaFile, 'utf8')) as TranscriptMeta) : {};
  return { text, meta };
}

export function writeTranscript(dir: string, kind: AnswerKind, id: string, transcript: Transcript): string {
  const file = answerPath(dir, kind, id);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, transcript.text);
  fs.writeFileSync(file.replace(/\.md$/, '.meta.json'), `${JSON.stringify(transcript.meta, null, 2)}\n`);
  return file;
}

/** Hash of what the model was sent, to tell when a recorded answer predates a prompt change. */
export function promptHash(request: Pick<ModelRequest, 'system' | 'messages'>): string {
  return createHash('sha256').update(JSON.stringify({ system: request.system, messages: request.messages })).digest('hex');
}

/** A ModelClient that streams a saved answer. It records the request it was given. */
export class ReplayClient implements ModelClient {
  lastRequest: ModelRequest | undefined;

  constructor(private readonly transcript: Transcript) {}

  async stream(request: ModelRequest, onText: (delta: string) => void): Promise<ModelResult> {
    this.lastRequest = request;
    for (const chunk of chunkAnswer(this.transcript.text)) {
      if (request.signal.aborted) {
        throw new ModelError('cancelled', 'The request was cancelled.');
      }
      onText(chunk);
    }
    return {
      text: this.transcript.text,
      stopReason: this.transcript.meta.stopReason ?? 'end_turn',
      usage: this.transcript.meta.usage,
      requestId: this.transcript.meta.requestId,
      retries: 0,
    };
  }
}

/** Wraps a live client to keep the request it sent (for the prompt hash saved with the answer). */
export class CapturingClient implements ModelClient {
  lastRequest: ModelRequest | undefined;

  constructor(private readonly inner: ModelClient) {}

  stream(request: ModelRequest, onText: (delta: string) => void): Promise<ModelResult> {
    this.lastRequest = request;
    return this.inner.stream(request, onText);
  }
}
