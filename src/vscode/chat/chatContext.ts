import * as vscode from 'vscode';
import type { SentFile } from '../../core/context/sentFile';
import { buildSentFile, type ContextNotice } from '../../core/context/contextBuilder';
import { withoutHunkFragment } from '../review/hunkReferences';

/**
 * Context stage (VS Code side): collects what the user pointed at — `#file` and selection
 * references, else the active editor's selection, else its whole file — and hands the texts to
 * the pure context builder (budget, binary refusal, secret redaction).
 */
export interface GatheredContext {
  readonly files: SentFile[];
  readonly notices: ContextNotice[];
}

interface Source {
  readonly document: vscode.TextDocument;
  /** 0-based inclusive line range of the selection, when there is one. */
  readonly selection?: { start: number; end: number };
  /** True when only the selection is sent (not the surrounding file). */
  readonly selectionOnly: boolean;
}

export interface GatherOptions {
  readonly maxChars: number;
  readonly redactSecrets: boolean;
}

export async function gatherChatContext(
  references: readonly vscode.ChatPromptReference[],
  options: GatherOptions,
): Promise<GatheredContext> {
  const notices: ContextNotice[] = [];
  const sources: Source[] = [];
  // The chat adds the active editor's selection or file as an implicit reference; when the user
  // (or Review with Architect) attached something explicitly, that is what they meant to send.
  const explicit = references.filter((r) => !r.id.startsWith('vscode.implicit'));
  for (const ref of explicit.length > 0 ? explicit : references) {
    const source = await sourceFromReference(ref, notices);
    if (source) {
      sources.push(source);
    }
  }
  if (sources.length === 0) {
    const editor = vscode.window.activeTextEditor;
    if (editor) {
      const sel = editor.selection;
      sources.push(
        sel.isEmpty
          ? { document: editor.document, selectionOnly: false }
          : { document: editor.document, selection: lineRange(sel), selectionOnly: true },
      );
    }
  }
  const files: SentFile[] = [];
  const seen = new Set<string>();
  for (const s of sources) {
    const key = `${s.document.uri.toString()}#${s.selection?.start ?? ''}-${s.selection?.end ?? ''}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    const built = buildSentFile(
      {
        path: displayPath(s.document),
        uri: s.document.uri.toString(),
        languageId: s.document.languageId,
        text: s.document.getText(),
        version: s.document.version,
        selection: s.selection && { startLine: s.selection.start + 1, endLine: s.selection.end + 1 },
        selectionOnly: s.selectionOnly,
      },
      { maxChars: Math.max(1000, Math.floor(options.maxChars / Math.max(1, sources.length))), redactSecrets: options.redactSecrets },
    );
    notices.push(...built.notices);
    if (built.file) {
      files.push(built.file);
    }
  }
  return { files, notices };
}

async function sourceFromReference(ref: vscode.ChatPromptReference, notices: ContextNotice[]): Promise<Source | undefined> {
  const value = ref.value;
  try {
    if (value instanceof vscode.Uri) {
      return { document: await vscode.workspace.openTextDocument(value), selectionOnly: false };
    }
    if (value instanceof vscode.Location) {
      const document = await vscode.workspace.openTextDocument(withoutHunkFragment(value.uri));
      return { document, selection: lineRange(value.range), selectionOnly: !value.range.isEmpty };
    }
  } catch (err) {
    const name = value instanceof vscode.Uri ? value : (value as vscode.Location).uri;
    notices.push({ kind: 'unreadable', message: `Could not read ${vscode.workspace.asRelativePath(name)}: ${(err as Error).message}` });
  }
  return undefined;
}

/** Full lines covered by a range; a range ending at column 0 does not include that line. */
function lineRange(range: vscode.Range): { start: number; end: number } {
  const end = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  return { start: range.start.line, end };
}

function displayPath(document: vscode.TextDocument): string {
  if (document.isUntitled) {
    return document.uri.path.split('/').pop() || 'Untitled';
  }
  return vscode.workspace.asRelativePath(document.uri, false).replace(/\\/g, '/');
}
