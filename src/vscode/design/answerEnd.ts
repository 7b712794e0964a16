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

type AnswerEndListener = (stream: vscode.ChatResponseStream, info: AnswerEndInfo) => Promise<void> | void;

let listener: AnswerEndListener | undefined;

/** Set by registerDesignSessions; returns a function that removes it. */
export function setAnswerEndListener(l: AnswerEndListener): () => void {
  listener = l;
  return () => {
    if (listener === l) {
      listener = undefined;
    }
  };
}

/**
 * Called by the answer pipeline at the end of a successful answer, before the result is
 * returned: offers Save Design Document under a `/design` answer and lets the design sessions
 * react (e.g. append a session summary to the saved document). Never throws.
 */
export async function renderAnswerEnd(stream: vscode.ChatResponseStream, info: AnswerEndInfo): Promise<void> {
  try {
    if (listener) {
      await listener(stream, info);
    } else if (info.command === 'design' && info.answer.trim() !== '') {
      stream.button({ command: SAVE_DESIGN_DOCUMENT_COMMAND, title: 'Save Design Document' });
    }
  } catch {
    // The answer itself is complete; a failing extra must not turn it into an error.
  }
}
