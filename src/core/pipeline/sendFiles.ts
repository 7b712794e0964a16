/**
 * Context stage for files read from disk (CLI, MCP, evals): each file — or each changed span of
 * it, for a diff review — goes through the same `buildSentFile` as the editor's context
 * (binary refusal, budget, secret redaction), and the pieces are packed into batches that each
 * fit the code budget of one model request.
 */
import { buildSentFile, type ContextNotice } from '../context/contextBuilder';
import type { SentFile } from '../context/sentFile';
import type { LineSpan } from '../review/hunks';

export interface ReviewDocument {
  /** Workspace-relative path, forward slashes. */
  readonly path: string;
  /** URI string for anchors (e.g. `file:///…`); never shown to the model. */
  readonly uri: string;
  readonly languageId: string;
  readonly text: string;
  /** Only these lines are sent (diff review: hunks plus context); absent: the whole file. */
  readonly spans?: readonly LineSpan[];
}

export interface SendOptions {
  /** Code characters per model request. */
  readonly budgetChars: number;
  readonly redactSecrets: boolean;
}

export interface PreparedBatches {
  /** Each inner list is sent in one request; a file's pieces stay in one batch when they fit. */
  readonly batches: readonly (readonly SentFile[])[];
  /** What was cut, skipped or redacted, per file. */
  readonly notices: readonly ContextNotice[];
}

export function prepareBatches(documents: readonly ReviewDocument[], options: SendOptions): PreparedBatches {
  const notices: ContextNotice[] = [];
  const pieces: SentFile[][] = [];
  for (const doc of documents) {
    const input = { path: doc.path, uri: doc.uri, languageId: doc.languageId, text: doc.text };
    if (!doc.spans) {
      const built = buildSentFile(input, { maxChars: options.budgetChars, redactSecrets: options.redactSecrets });
      notices.push(...built.notices);
      if (built.file) {
        pieces.push([built.file]);
      }
      continue;
    }
    const files: SentFile[] = [];
    for (const span of doc.spans) {
      const built = buildSentFile(
        { ...input, selection: { startLine: span.startLine, endLine: span.endLine }, selectionOnly: true },
        { maxChars: options.budgetChars, redactSecrets: options.redactSecrets },
      );
      // The same file's notices (binary, empty) repeat per span; keep each message once.
      for (const n of built.notices) {
        if (!notices.some((m) => m.message === n.message)) {
          notices.push(n);
        }
      }
      if (built.file) {
        // A span is a selection the user did not make: the model sees only the sent lines.
        const { selection: _selection, ...rest } = built.file;
        void _selection;
        files.push(rest);
      }
    }
    if (files.length > 0) {
      pieces.push(files);
    }
  }
  return { batches: pack(pieces, options.budgetChars), notices };
}

function sizeOf(files: readonly SentFile[]): number {
  return files.reduce((n, f) => n + f.text.length, 0);
}

/** Greedy packing in input order; a file's pieces are split across batches only when they alone exceed one. */
function pack(pieces: readonly SentFile[][], budget: number): SentFile[][] {
  const batches: SentFile[][] = [];
  let current: SentFile[] = [];
  let size = 0;
  const flush = () => {
    if (current.length > 0) {
      batches.push(current);
      current = [];
      size = 0;
    }
  };
  for (const group of pieces) {
    const groupSize = sizeOf(group);
    if (size + groupSize <= budget) {
      current.push(...group);
      size += groupSize;
      continue;
    }
    flush();
    if (groupSize <= budget) {
      current.push(...group);
      size = groupSize;
      continue;
    }
    for (const piece of group) {
      if (size + piece.text.length > budget) {
        flush();
      }
      current.push(piece);
      size += piece.text.length;
    }
  }
  flush();
  return batches;
}
