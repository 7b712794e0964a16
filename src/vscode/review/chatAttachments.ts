/** Attachments for `workbench.action.chat.open` (files and line ranges), shared by the review commands. */
import * as vscode from 'vscode';

/**
 * The workbench's range shape (1-based lines and columns). `workbench.action.chat.open` hands
 * `attachFiles[].range` to the chat attachment model as is; a vscode.Range would arrive as its
 * JSON form (an array of two positions) and become a Location with NaN lines.
 */
export interface WorkbenchRange {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/** An attachment for workbench.action.chat.open: a whole file, or a range of it. */
export type Attachment = vscode.Uri | { uri: vscode.Uri; range: WorkbenchRange };

/** Whole lines startLine0..endLine0 (0-based, inclusive) of the document. */
export function fullLines(doc: vscode.TextDocument, startLine0: number, endLine0: number): WorkbenchRange {
  const end = Math.min(endLine0, doc.lineCount - 1);
  return { startLineNumber: startLine0 + 1, startColumn: 1, endLineNumber: end + 1, endColumn: doc.lineAt(end).range.end.character + 1 };
}

export function displayPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
}

