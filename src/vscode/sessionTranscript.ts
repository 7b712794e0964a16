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
  /** The model's raw answer. */
  answer: string;
  done: boolean;
}

const MAX_TURNS = 50;

export class SessionTranscript {
  private readonly turns: RecordedTurn[] = [];
  private nextId = 1;

  begin(prompt: string, command: string | undefined, personaId: string, personaName: string): RecordedTurn {
    const turn: RecordedTurn = { id: this.nextId++, prompt, command, personaId, personaName, startedAt: Date.now(), markdown: '', buttons: [], answer: '', done: false };
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
  return new Proxy(stream, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'markdown') {
        return (v: string | vscode.MarkdownString) => {
          turn.markdown += typeof v === 'string' ? v : v.value;
          target.markdown(v);
        };
      }
      if (prop === 'button') {
        return (c: vscode.Command) => {
          turn.buttons.push({ title: c.title, command: c.command });
          target.button(c);
        };
      }
      if (prop === 'anchor') {
        return (v: vscode.Uri | vscode.Location, title?: string) => {
          turn.markdown += title ?? '';
          target.anchor(v, title);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
