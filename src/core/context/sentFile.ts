/** A piece of a document that was sent to the model, exactly as sent. */
export interface SentFile {
  /** Workspace-relative path with forward slashes, as shown to the model (or the untitled name). */
  readonly path: string;
  /** The document's URI as a string, used for anchors; never shown to the model. */
  readonly uri: string;
  readonly languageId: string;
  /** The exact lines sent, joined with '\n', without the line-number prefixes the prompt adds. */
  readonly text: string;
  /** 1-based line number in the document of the first line of `text`. */
  readonly firstLine: number;
  /** Document version when the context was built, when known. */
  readonly version?: number;
  /** The user's selection inside the document (1-based, inclusive), when there was one. */
  readonly selection?: { readonly startLine: number; readonly endLine: number };
  /** Set when only part of the document was sent (budget), e.g. "lines 120-480 of 5000". */
  readonly truncationNote?: string;
}

/** 1-based number of the last line of a sent file. */
export function lastLineOf(file: SentFile): number {
  let count = 1;
  for (let i = file.text.indexOf('\n'); i !== -1; i = file.text.indexOf('\n', i + 1)) {
    count++;
  }
  return file.firstLine + count - 1;
}
