import type { SlashCommandName } from '../slashCommands';

export type PersonaSourceKind = 'bundled' | 'user' | 'workspace';

export interface PersonaSource {
  readonly kind: PersonaSourceKind;
  /** Absolute file path (or URI string) the persona was read from. */
  readonly path: string;
}

/** A loaded, validated persona. */
export interface Persona {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly principles: readonly string[];
  /** Per-slash-command instructions; a missing command falls back to the table's defaults. */
  readonly commands: Partial<Record<SlashCommandName, string>>;
  /** Shown when `@backend` gets an empty prompt or `help`. */
  readonly greeting?: string;
  /** How the persona formats its session-end summary. */
  readonly sessionSummary?: string;
  /** A codicon id (e.g. `tools`, without `$(...)`) shown in the status bar and the persona picker. */
  readonly icon?: string;
  /** Short keywords shown in the persona picker and matched when filtering it. */
  readonly tags?: readonly string[];
  /** The persona's prompt: the Markdown body of its file. */
  readonly body: string;
  readonly source: PersonaSource;
}
