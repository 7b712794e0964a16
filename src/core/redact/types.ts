/** Shapes shared by the secret detectors and the redactor. Offsets are UTF-16 code units. */

/** One secret found in a text: [start, end) in the text, the 1-based line of `start`, and its kind. */
export interface SecretMatch {
  readonly start: number;
  readonly end: number;
  /** 1-based line of `start`. */
  readonly line: number;
  /** Provider family or syntax, e.g. `github-token`, `private-key`, `password-in-url`, `secret-assignment`. */
  readonly kind: string;
}

/** A detector's raw output before line numbers are added and overlaps merged. */
export interface RawSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  /** Higher wins when two spans overlap (provider rules over generic assignments). */
  readonly priority: number;
}

/** How many secrets of one kind were replaced. */
export interface Redaction {
  readonly kind: string;
  readonly count: number;
}

/** One replaced secret: where it was in the original and where its placeholder is in the output. */
export interface RedactedSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  readonly outStart: number;
  readonly outEnd: number;
  /** The text written in place of the secret (e.g. `[REDACTED:github-token]`). */
  readonly placeholder: string;
}

export interface RedactionResult {
  /** The text with every secret replaced; same number of lines as the input. */
  readonly text: string;
  /** Counts per kind, in order of first occurrence. */
  readonly redactions: Redaction[];
  /** Replaced spans in order, with offsets in the original and in `text`. */
  readonly spans: RedactedSpan[];
}
