/**
 * Collects the changes a review sends: for each workspace folder, `git diff <rev>` of the working
 * tree (rev: HEAD, or a merge base) and, for uncommitted changes, the untracked files. Each hunk
 * becomes its own attachment (core/review/changeAttachments.ts explains the URI fragment).
 */
import * as vscode from 'vscode';
import { hunkAttachmentSpans, hunkFragment, untrackedFileDiff } from '../../core/review/changeAttachments';
import { parseUnifiedDiff } from '../../core/review/hunks';
import type { ChangedFile } from '../../core/review/reviewModel';
import { type Attachment, displayPath, fullLines } from './chatAttachments';
import { diffAgainst, GitDiffError, untrackedFiles } from './gitDiff';

export interface CollectedChanges {
  readonly changed: ChangedFile[];
  readonly attachments: Attachment[];
  /** git failures, one per folder ("folder: message" when there are several folders). */
  readonly errors: string[];
}

/** Untracked files larger than this are named but not attached (a generated file or a dump). */
const MAX_UNTRACKED_BYTES = 512 * 1024;

async function openText(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_UNTRACKED_BYTES) {
      return undefined;
    }
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.subarray(0, 8000).includes(0)) {
      return undefined; // binary
    }
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    return undefined;
  }
}

/**
 * `revFor(folder)` names what to compare the working tree with in that folder (HEAD, or the
 * merge base with a branch); `withUntracked` adds new untracked files whole.
 */
export async function collectChanges(
  folders: readonly vscode.WorkspaceFolder[],
  revFor: (folder: vscode.WorkspaceFolder) => Promise<string>,
  withUntracked: boolean,
): Promise<CollectedChanges> {
  const changed: ChangedFile[] = [];
  const attachments: Attachment[] = [];
  const errors: string[] = [];
  for (const folder of folders) {
    let diff: string;
    let untracked: string[] = [];
    try {
      diff = await diffAgainst(folder.uri.fsPath, await revFor(folder));
      if (withUntracked) {
        untracked = await untrackedFiles(folder.uri.fsPath);
      }
    } catch (err) {
      if (!(err instanceof GitDiffError)) {
        throw err;
      }
      errors.push(folders.length > 1 ? `${folder.name}: ${err.message}` : err.message);
      continue;
    }
    for (const file of parseUnifiedDiff(diff)) {
      if (!file.newPath || file.binary || file.hunks.length === 0) {
        continue; // deleted, binary or mode-only changes have no text to review
      }
      const uri = vscode.Uri.joinPath(folder.uri, file.newPath);
      let doc: vscode.TextDocument;
      try {
        doc = await vscode.workspace.openTextDocument(uri);
      } catch {
        continue;
      }
      const spans = hunkAttachmentSpans(file, doc.lineCount);
      if (spans.length === 0) {
        continue;
      }
      spans.forEach((span, i) => {
        attachments.push({ uri: uri.with({ fragment: hunkFragment(i) }), range: fullLines(doc, span.startLine - 1, span.endLine - 1) });
      });
      changed.push({ path: displayPath(uri), diff: file });
    }
    for (const rel of untracked) {
      const uri = vscode.Uri.joinPath(folder.uri, rel);
      const doc = await openText(uri);
      if (!doc || doc.getText().trim() === '') {
        continue;
      }
      attachments.push(uri);
      changed.push({ path: displayPath(uri), diff: untrackedFileDiff(rel, doc.lineCount), untracked: true });
    }
  }
  return { changed, attachments, errors };
}
