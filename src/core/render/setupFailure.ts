/**
 * Messages for failures that happen while a chat request is being set up, before the model is
 * called: reading the API key from the editor's secret storage, re-reading persona files,
 * collecting the context. Each says what failed and the next step; pure (no vscode import).
 */

export type SetupStage = 'apiKey' | 'personas' | 'request';

/** A next step the chat renders as a button (same vocabulary as the model errors' actions). */
export type SetupAction = 'setApiKey' | 'showLog';

export interface SetupFailure {
  readonly message: string;
  readonly actions: readonly SetupAction[];
  /** False when the request can go on (e.g. with the personas loaded before). */
  readonly fatal: boolean;
}

function reasonOf(err: unknown): string {
  const m = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  const line = m.split('\n')[0].trim();
  return line === '' ? 'unknown error' : line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

export function describeSetupFailure(stage: SetupStage, err: unknown, personaName?: string): SetupFailure {
  const reason = reasonOf(err);
  switch (stage) {
    case 'apiKey':
      return {
        message:
          `Could not read the Anthropic API key from VS Code's secret storage (${reason}). ` +
          'The system keychain may be locked or unavailable: unlock it, or set the key again, then ask again.',
        actions: ['setApiKey', 'showLog'],
        fatal: true,
      };
    case 'personas':
      return {
        message:
          `Could not re-read the persona files (${reason}); answering as ${personaName ?? 'the persona'} as it was loaded before. ` +
          'Fix or remove the file named in the log; the personas are read again on your next request.',
        actions: ['showLog'],
        fatal: false,
      };
    case 'request':
    default:
      return {
        message: `The request could not be prepared (${reason}). Nothing was sent to the model. Details are in the log; ask again, or report it with the log.`,
        actions: ['showLog'],
        fatal: true,
      };
  }
}

/** Marks an error as having happened at a setup stage (so the participant can describe it). */
export class SetupStageError extends Error {
  constructor(
    readonly stage: SetupStage,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}
