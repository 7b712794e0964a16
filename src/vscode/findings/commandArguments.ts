/**
 * Arguments of chat command links that are too long to write into the link (a 100 KB fix):
 * kept here under an id, the link carries `{ architectRef: id }` (core/render/commandLink.ts).
 * Kept in memory for the session, the most recent MAX_ENTRIES; after a reload the fix is still
 * in the answer's code block, and a click says so.
 */
import * as vscode from 'vscode';
import { type ArgumentStore, isArgumentReference } from '../../core/render/commandLink';

const MAX_ENTRIES = 500;

class SessionArgumentStore implements ArgumentStore {
  private readonly entries = new Map<string, readonly unknown[]>();
  private next = 1;

  put(args: readonly unknown[]): string {
    const id = `a${Date.now().toString(36)}-${this.next++}`;
    this.entries.set(id, args);
    while (this.entries.size > MAX_ENTRIES) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return id;
  }

  get(id: string): readonly unknown[] | undefined {
    return this.entries.get(id);
  }
}

export const commandArgumentStore = new SessionArgumentStore();

/**
 * The first argument a finding command was called with, with a reference resolved. Undefined
 * (after telling the user what to do) when the link carried nothing usable.
 */
export function commandArgument(args: readonly unknown[], what: string): unknown {
  const [first] = args;
  if (isArgumentReference(first)) {
    const stored = commandArgumentStore.get(first.architectRef);
    if (stored === undefined) {
      void vscode.window.showWarningMessage(
        `This ${what} is no longer available (the window was reloaded since the answer). The code is still in the answer's code block: copy it from there, or ask again.`,
      );
      return undefined;
    }
    return stored[0];
  }
  if (first === undefined || first === null || typeof first !== 'object') {
    void vscode.window.showWarningMessage(`This ${what} link carries no content. Copy the code from the answer's code block, or ask again.`);
    return undefined;
  }
  return first;
}
