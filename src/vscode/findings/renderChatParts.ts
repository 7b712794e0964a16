import * as vscode from 'vscode';
import type { ChatLineRange, ChatPart } from '../../core/render/chatParts';
import { FINDING_COMMANDS } from '../../core/render/chatParts';
import { anchorLineMarkdown, buttonsLineMarkdown, commandLink as coreCommandLink } from '../../core/render/commandLink';
import { commandArgumentStore } from './commandArguments';

/** A 1-based inclusive line range (ChatPart) as a 0-based vscode.Range covering whole lines. */
export function toVscodeRange(range: ChatLineRange): vscode.Range {
  const start = Math.max(0, range.startLine - 1);
  const end = Math.max(start, range.endLine - 1);
  // The end character is clamped to the line length by the editor when revealed.
  return new vscode.Range(start, 0, end, Number.MAX_SAFE_INTEGER);
}

/** The only commands our own links may run; model-written Markdown is never trusted. */
const LINK_COMMANDS = Object.values(FINDING_COMMANDS);

/**
 * Sends a render plan to the chat stream, in order.
 *
 * Anchors and buttons are rendered as command links in trusted Markdown parts of their own,
 * not as `stream.anchor` / `stream.button` parts. Two reasons, both measured in VS Code 1.139:
 * the chat panel folds every part before the answer's last run of Markdown into a collapsed
 * "Completed N steps" section (`chat.agent.collapseCompletedResponses`), which hid all findings
 * but the last; and an anchor link runs `revealFinding`, which re-locates the quote when the
 * document has changed since the answer, where a fixed `Location` would point at stale lines.
 * The model's own text stays in untrusted Markdown parts.
 */
export function renderChatParts(stream: vscode.ChatResponseStream, parts: readonly ChatPart[]): void {
  const options = { store: commandArgumentStore };
  let buttons: Array<Extract<ChatPart, { kind: 'button' }>> = [];
  const flushButtons = (): void => {
    if (buttons.length > 0) {
      stream.markdown(trusted(buttonsLineMarkdown(buttons, options)));
      buttons = [];
    }
  };
  for (const part of parts) {
    if (part.kind !== 'button') {
      flushButtons();
    }
    switch (part.kind) {
      case 'markdown':
        stream.markdown(part.value);
        break;
      case 'anchor':
        stream.markdown(trusted(anchorLineMarkdown(part, options)));
        break;
      case 'button':
        buttons.push(part);
        break;
      case 'progress':
        stream.progress(part.value);
        break;
    }
  }
  flushButtons();
}

function trusted(value: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value);
  md.isTrusted = { enabledCommands: LINK_COMMANDS };
  return md;
}

/**
 * `[title](command:id?args "tooltip")`: arguments round-trip exactly (core/render/commandLink.ts);
 * long ones are kept in the session's argument store and passed by reference.
 */
export function commandLink(title: string, command: string, args: readonly unknown[], tooltip?: string): string {
  return coreCommandLink(title, command, args, { tooltip, store: commandArgumentStore });
}
