/**
 * A plain-data render plan mirroring vscode.ChatResponseStream calls, so rendering can be unit
 * tested without VS Code. src/vscode/findings/renderChatParts.ts maps it 1:1 onto the stream.
 */

/** Lines are 1-based and inclusive; the VS Code mapper converts to a 0-based vscode.Range. */
export interface ChatLineRange {
  readonly startLine: number;
  readonly endLine: number;
}

export type ChatPart =
  | { readonly kind: 'markdown'; readonly value: string }
  | {
      readonly kind: 'anchor';
      readonly uri: string;
      readonly range: ChatLineRange;
      readonly title: string;
      /** The verified quote, so a click can re-locate it when the document changed since. */
      readonly quote?: string;
      /** Shown after the location, e.g. "line corrected from 4". */
      readonly note?: string;
    }
  | { readonly kind: 'button'; readonly command: string; readonly title: string; readonly arguments: readonly unknown[] }
  | { readonly kind: 'progress'; readonly value: string };

export const FINDING_COMMANDS = {
  openFixInEditor: 'architectPersonas.openFixInEditor',
  copyFix: 'architectPersonas.copyFix',
  previewAndApplyFix: 'architectPersonas.previewAndApplyFix',
  revealFinding: 'architectPersonas.revealFinding',
} as const;

/** Argument of architectPersonas.openFixInEditor. */
export interface OpenFixArgs {
  readonly language: string;
  readonly content: string;
}

/** Argument of architectPersonas.copyFix. */
export interface CopyFixArgs {
  readonly content: string;
  readonly title?: string;
}

/** Argument of architectPersonas.previewAndApplyFix. */
export interface PreviewAndApplyFixArgs {
  readonly uri: string;
  /** Display path of the file. */
  readonly path: string;
  readonly quote: string;
  readonly replacement: string;
  /** 1-based document line where the quote was found in what was sent (hint for re-locating). */
  readonly line: number;
  readonly language: string;
  readonly title: string;
}

/** Argument of architectPersonas.revealFinding. */
export interface RevealFindingArgs {
  readonly uri: string;
  readonly quote?: string;
  /** 1-based. */
  readonly line: number;
  readonly endLine?: number;
}
