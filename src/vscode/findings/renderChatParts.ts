import * as vscode from 'vscode';
import type { ChatLineRange, ChatPart } from '../../core/render/chatParts';

/** A 1-based inclusive line range (ChatPart) as a 0-based vscode.Range covering whole lines. */
export function toVscodeRange(range: ChatLineRange): vscode.Range {
  const start = Math.max(0, range.startLine - 1);
  const end = Math.max(start, range.endLine - 1);
  // The end character is clamped to the line length by the editor when revealed.
  return new vscode.Range(start, 0, end, Number.MAX_SAFE_INTEGER);
}

/** Sends a render plan to the chat stream, 1:1. */
export function renderChatParts(stream: vscode.ChatResponseStream, parts: readonly ChatPart[]): void {
  for (const part of parts) {
    switch (part.kind) {
      case 'markdown':
        stream.markdown(part.value);
        break;
      case 'anchor':
        stream.anchor(new vscode.Location(vscode.Uri.parse(part.uri), toVscodeRange(part.range)), part.title);
        break;
      case 'button':
        stream.button({ command: part.command, title: part.title, arguments: [...part.arguments] });
        break;
      case 'progress':
        stream.progress(part.value);
        break;
    }
  }
}
