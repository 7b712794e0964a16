import type * as vscode from 'vscode';
import type { Persona } from '../../core/personas/persona';

export const SAVE_DESIGN_DOCUMENT_COMMAND = 'architectPersonas.saveDesignDocument';

/** What the answer pipeline tells the design sessions when an answer has been rendered. */
export interface AnswerEndInfo {
  readonly prompt: string;
  readonly command: string | undefined;
  readonly persona: Persona;
  /** The model's raw answer. */
  readonly answer: string;
}

/**
 * Called by the answer pipeline at the end of a successful answer, before the result is
 * returned: offers Save Design Document under a `/design` answer and lets the design sessions
 * react (e.g. append a session summary to the saved document). Must never throw.
 */
export type AnswerEndListener = (stream: vscode.ChatResponseStream, info: AnswerEndInfo) => Promise<void>;
