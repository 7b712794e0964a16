import type * as vscode from 'vscode';

/**
 * The recent `@backend` exchanges of this window, as rendered: the source for Export Session
 * and Save Design Document, and what tests read when no chat panel DOM is reachable.
 * Bounded: keeps the last MAX_TURNS exchanges.
 */
export interface RecordedTurn {
  readonly id: number;
  readonly prompt: string;
  readonly command: string | undefined;
  readonly personaId: string;
  readonly personaName: string;
  readonly startedAt: number;
  /** Markdown as rendered, in order (anchors and buttons appear as their titles). */
  markdown: string;
  readonly buttons: { title: string; command: string }[];
  /** Progress lines shown, in order ("Reading db/schema.sql…"). */
  readonly progress: string[];
  /** The model's raw answer. */
  answer: string;
  done: boolean;
}

const MAX_TURNS = 50;

export class SessionTranscript {
  private readonly turns: RecordedTurn[] = [];
  private nextId = 1;

  begin(prompt: string, command: string | undefined, personaId: string, personaName: string): RecordedTurn {
    const turn: RecordedTurn = { id: this.nextId++, prompt, command, personaId, personaName, startedAt: Date.now(), markdown: '', buttons: [], progress: [], answer: '', done: false };
    this.turns.push(turn);
    if (this.turns.length > MAX_TURNS) {
      this.turns.shift();
    }
    return turn;
  }

  all(): readonly RecordedTurn[] {
    return this.turns;
  }

  last(): RecordedTurn | undefined {
    return this.turns[this.turns.length - 1];
  }
}

/** Wraps a response stream so that what is rendered is also recorded in `turn`. */
export function recordingStream(stream: vscode.ChatResponseStream, turn: RecordedTurn): vscode.ChatResponseStream {
  return {
    markdown(value) {
      turn.markdown += typeof value === 'string' ? value : value.value;
      stream.markdown(value);
    },
    anchor(value, title) {
      turn.markdown += title ?? '';
      stream.anchor(value, title);
    },
    button(command) {
      turn.buttons.push({ title: command.title, command: command.command });
      stream.button(command);
    },
    filetree(value, baseUri) {
      stream.filetree(value, baseUri);
    },
    progress(value) {
      turn.progress.push(value);
      stream.progress(value);
    },
    reference(value, iconPath) {
      stream.reference(value, iconPath);
    },
    push(part) {
      stream.push(part);
    },
  };
}
