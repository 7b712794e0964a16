/**
 * Personas for the command line, with the extension's precedence (core mergePersonas):
 * the workspace's `.vscode/architects/*.md` > `--persona-file` files > bundled `personas/`.
 * A file with errors is named on stderr with its line and skipped; a `--persona-file` with
 * errors, or an unknown `--persona`, is a usage error.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { mergePersonas, type ResolvedPersona } from '../../personas/mergePersonas';
import { parsePersona } from '../../personas/parsePersona';
import type { Persona, PersonaSourceKind } from '../../personas/persona';
import { DEFAULT_PERSONA_ID, MAX_PERSONA_FILE_CHARS } from '../../personas/schema';
import { ReviewConfigError } from './errors';

export interface PersonaChoice {
  readonly persona: Persona;
  readonly resolved: ResolvedPersona;
  readonly available: readonly string[];
}

/** The bundled `personas/` folder: next to the package that holds this file (dist/cli.js or out/…). */
export async function bundledPersonaFolder(from = __dirname): Promise<string | undefined> {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'personas');
    const hasPackage = await fs.stat(path.join(dir, 'package.json')).then(() => true, () => false);
    if (hasPackage && (await fs.stat(candidate).then((s) => s.isDirectory(), () => false))) {
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      break;
    }
    dir = parent;
  }
  return undefined;
}

async function readOne(file: string, kind: PersonaSourceKind, warn: (line: string) => void, strict: boolean): Promise<Persona | undefined> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_PERSONA_FILE_CHARS * 4) {
      throw new Error(`it is ${Math.round(stat.size / 1024)} KB; persona files are limited to ${MAX_PERSONA_FILE_CHARS / 1024} KB`);
    }
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const message = `could not read persona file ${file}: ${(err as Error).message}`;
    if (strict) {
      throw new ReviewConfigError(`${message}.`);
    }
    warn(message);
    return undefined;
  }
  const result = parsePersona(text, { kind, path: file });
  for (const p of result.problems) {
    if (p.severity === 'warning' || !strict) {
      warn(`${file}:${p.line}: ${p.severity}: ${p.message}`);
    }
  }
  if (!result.persona && strict) {
    const errors = result.problems.filter((p) => p.severity === 'error').map((p) => `${file}:${p.line}: ${p.message}`);
    throw new ReviewConfigError(`the persona file has errors; fix them and run again:\n  ${errors.join('\n  ')}`);
  }
  return result.persona;
}

async function readFolder(folder: string, kind: PersonaSourceKind, warn: (line: string) => void): Promise<Persona[]> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const files = names.filter((n) => n.toLowerCase().endsWith('.md')).sort((a, b) => a.localeCompare(b));
  const personas = await Promise.all(files.map((n) => readOne(path.join(folder, n), kind, warn, false)));
  return personas.filter((p): p is Persona => p !== undefined);
}

export async function choosePersona(options: {
  readonly root: string;
  readonly id?: string;
  readonly files: readonly string[];
  readonly cwd: string;
  readonly warn: (line: string) => void;
  readonly bundledFolder?: string;
}): Promise<PersonaChoice> {
  const bundledDir = options.bundledFolder ?? (await bundledPersonaFolder());
  const bundled = bundledDir ? await readFolder(bundledDir, 'bundled', options.warn) : [];
  const user: Persona[] = [];
  for (const f of options.files) {
    const persona = await readOne(path.resolve(options.cwd, f), 'user', options.warn, true);
    if (persona) {
      user.push(persona);
    }
  }
  const workspace = await readFolder(path.join(options.root, '.vscode', 'architects'), 'workspace', options.warn);
  const merged = mergePersonas({ bundled, user, workspace });
  for (const d of merged.duplicates) {
    options.warn(`persona id '${d.kept.id}' is declared twice; using ${d.kept.source.path}, ignoring ${d.ignored.source.path}.`);
  }
  const available = merged.personas.map((r) => r.persona.id);
  // With one --persona-file and no --persona, that file's persona is the one meant.
  const wanted = options.id ?? (user.length === 1 ? user[0].id : DEFAULT_PERSONA_ID);
  const resolved = merged.personas.find((r) => r.persona.id === wanted) ?? (options.id === undefined ? merged.personas[0] : undefined);
  if (!resolved) {
    if (available.length === 0) {
      throw new ReviewConfigError('no persona could be loaded: the bundled personas folder is missing and no --persona-file was given. Reinstall the package or pass --persona-file <file>.');
    }
    throw new ReviewConfigError(`no persona has the id '${wanted}'. Available: ${available.join(', ')}.`);
  }
  return { persona: resolved.persona, resolved, available };
}
