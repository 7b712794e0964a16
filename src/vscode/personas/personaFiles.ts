import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Persona, PersonaSourceKind } from '../../core/personas/persona';
import { parsePersona, type PersonaProblem } from '../../core/personas/parsePersona';
import { MAX_PERSONA_FILE_CHARS } from '../../core/personas/schema';

/** The outcome of reading one persona file. */
export interface PersonaFileResult {
  readonly uri: vscode.Uri;
  readonly kind: PersonaSourceKind;
  /** The file's text, when it could be read (used to place later problems on the right line). */
  readonly text?: string;
  readonly persona?: Persona;
  readonly problems: readonly PersonaProblem[];
}

/** Files larger than this are not read at all (UTF-8 may use up to 4 bytes a character). */
const MAX_FILE_BYTES = MAX_PERSONA_FILE_CHARS * 4;

/**
 * Reads every `*.md` file directly inside `folder` (not recursively), sorted by name so the
 * order, and therefore which of two same-id files wins, is stable. A missing folder yields [].
 */
export async function readPersonaFolder(folder: vscode.Uri, kind: PersonaSourceKind): Promise<PersonaFileResult[]> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') {
      return [];
    }
    throw e;
  }
  const names = entries
    .filter(([name, type]) => (type & vscode.FileType.File) !== 0 && name.toLowerCase().endsWith('.md'))
    .map(([name]) => name)
    .sort((a, b) => a.localeCompare(b));
  return Promise.all(names.map((name) => readPersonaFile(vscode.Uri.joinPath(folder, name), kind)));
}

export async function readPersonaFile(uri: vscode.Uri, kind: PersonaSourceKind): Promise<PersonaFileResult> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_FILE_BYTES) {
      return {
        uri,
        kind,
        problems: [{ severity: 'error', line: 1, message: `The persona file is ${Math.round(stat.size / 1024)} KB; persona files are limited to ${MAX_PERSONA_FILE_CHARS / 1024} KB.` }],
      };
    }
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    return { uri, kind, text, ...parsePersona(text, { kind, path: sourcePath(uri) }) };
  } catch (e) {
    return { uri, kind, problems: [{ severity: 'error', line: 1, message: `Could not read the persona file: ${(e as Error).message}` }] };
  }
}

/** The `PersonaSource.path` for a file: a file-system path for `file:` URIs, else the URI string. */
export function sourcePath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

/** The URI a `PersonaSource.path` came from (inverse of `sourcePath`). */
export function sourceUri(p: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(p) ? vscode.Uri.parse(p) : vscode.Uri.file(p);
}

/**
 * Resolves the `architectPersonas.personasFolder` setting: `~` and `${userHome}` expand to the
 * home directory; anything that is still not absolute is rejected (there is no base to resolve it
 * against for a machine-scoped setting).
 */
export function resolveUserFolder(setting: string | undefined): { uri?: vscode.Uri; problem?: string } {
  const raw = (setting ?? '').trim();
  if (raw === '') {
    return {};
  }
  const expanded = raw.replace(/^~(?=$|[\\/])/, os.homedir()).replace(/\$\{userHome\}/g, os.homedir());
  if (!path.isAbsolute(expanded)) {
    return { problem: `architectPersonas.personasFolder must be an absolute path (or start with ~); "${raw}" is ignored.` };
  }
  return { uri: vscode.Uri.file(expanded) };
}
