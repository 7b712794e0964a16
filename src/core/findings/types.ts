/**
 * Plain data produced by the findings parser. See docs/output-contract.md for the format the
 * model is asked to emit.
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The five prose sections of a finding, in display order. */
export const SECTION_NAMES = ['issue', 'cause', 'impact', 'recommendation', 'tradeoff'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** `run`: SQL or commands the user runs themselves (never executed by us). `replace`: replacement for the quoted code. */
export type FixKind = 'run' | 'replace';

export interface FindingFix {
  readonly kind: FixKind;
  /** Fence language, lower-case, e.g. `sql`, `typescript`; '' when unknown. */
  readonly language: string;
  readonly title: string;
  /** The fix's code, without a surrounding fence, leading/trailing blank lines removed, indentation kept. */
  readonly content: string;
}

export interface Finding {
  readonly severity: Severity;
  /** The path the model claimed, as written (trimmed); not yet validated. */
  readonly file?: string;
  /** Claimed 1-based document line of the first quoted line. */
  readonly line?: number;
  /** Claimed 1-based document line of the last quoted line. */
  readonly endLine?: number;
  /** '' when the model gave none. */
  readonly title: string;
  /** The verbatim code the finding is about (line-number prefixes and fences stripped). */
  readonly quote?: string;
  readonly sections: Readonly<Partial<Record<SectionName, string>>>;
  /** Text inside the block outside any known child tag (unknown tags included), trimmed; Markdown. */
  readonly notes?: string;
  readonly fixes: readonly FindingFix[];
  /** All attributes of the opening tag, names lower-cased, values entity-decoded. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Non-fatal problems met while parsing (unknown severity, bad line number, ...). */
  readonly problems: readonly string[];
  /** The exact text of the block, from the start of its opening line to the end of `</finding>`. */
  readonly raw: string;
}

export type ParsedEvent =
  /** Prose, passed through verbatim. */
  | { readonly kind: 'markdown'; readonly text: string }
  /** A `<finding` opener was seen; the block is being buffered (no text of its own). */
  | { readonly kind: 'findingStart' }
  /** A complete, well-formed block. */
  | { readonly kind: 'finding'; readonly finding: Finding };
