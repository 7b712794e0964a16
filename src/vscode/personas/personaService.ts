import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { frontMatterKeyLine } from '../../core/personas/frontMatterLines';
import { describePersonaSource, mergePersonas, type ResolvedPersona } from '../../core/personas/mergePersonas';
import { parsePersona, type PersonaProblem } from '../../core/personas/parsePersona';
import type { Persona } from '../../core/personas/persona';
import { DEFAULT_PERSONA_ID } from '../../core/personas/schema';
import { readPersonaFolder, resolveUserFolder, sourcePath, sourceUri, type PersonaFileResult } from './personaFiles';

export const CHOSEN_PERSONA_KEY = 'architectPersonas.chosenPersona';
export const SETTING_DEFAULT_PERSONA = 'defaultPersona';
export const SETTING_PERSONAS_FOLDER = 'personasFolder';
/** Workspace personas live in `<folder>/.vscode/architects/*.md`. */
export const WORKSPACE_PERSONA_DIR = ['.vscode', 'architects'] as const;

/** The part of the extension's log the persona service writes to. */
export type PersonaLog = Pick<vscode.LogOutputChannel, 'info' | 'warn' | 'error'>;

/** Why the active persona is the active one. */
export type ActiveOrigin = 'chosen' | 'setting' | 'fallback';

/**
 * Loads personas from the extension's `personas/` folder, the user folder setting and (in a
 * trusted workspace) `.vscode/architects/*.md`, applies precedence workspace > user > bundled,
 * and reports bad files as diagnostics. Reloads are triggered by file watchers, settings, trust
 * and workspace-folder changes; `settled()` resolves once any pending reload is done.
 */
export class PersonaService implements vscode.Disposable {
  private resolved: readonly ResolvedPersona[] = [];
  private readonly byId = new Map<string, ResolvedPersona>();
  /** The bundled persona files as last read; undefined to read them again. */
  private bundledFiles: PersonaFileResult[] | undefined;
  /** filesSignature() as of the last load. */
  private loadedSignature: string | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires after a reload and when the active persona changes. */
  readonly onDidChange: vscode.Event<void> = this.changeEmitter.event;

  private running: Promise<void> | undefined;
  private rerun = false;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private debounced: Promise<void> | undefined;
  private resolveDebounced: (() => void) | undefined;
  private warnedUnknownDefault: string | undefined;
  private disposed = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: PersonaLog,
    private readonly diagnostics: vscode.DiagnosticCollection,
  ) {
    this.loadBundledSync();
  }

  /** The extension's bundled persona folder. */
  get bundledFolder(): vscode.Uri {
    return vscode.Uri.joinPath(this.context.extensionUri, 'personas');
  }

  /** The active persona: chosen > `architectPersonas.defaultPersona` > the default/first bundled one. */
  getActive(): Persona {
    return this.getActiveResolved().persona;
  }

  /** How the active persona was selected, for UI. */
  activeOrigin(): ActiveOrigin {
    const chosen = this.chosenId();
    if (chosen !== undefined && this.byId.has(chosen)) {
      return 'chosen';
    }
    const setting = this.settingId();
    return setting !== undefined && this.byId.has(setting) ? 'setting' : 'fallback';
  }

  get(id: string): Persona | undefined {
    return this.byId.get(id)?.persona;
  }

  /** Every available persona after precedence, bundled ones first. */
  all(): readonly Persona[] {
    return this.resolved.map((r) => r.persona);
  }

  /** Every persona with the lower-precedence personas it overrides. */
  allResolved(): readonly ResolvedPersona[] {
    return this.resolved;
  }

  /**
   * Where a persona came from, e.g. `workspace file .vscode/architects/x.md, overriding bundled
   * persona "Marcus"`.
   */
  describeSource(persona: Persona): string {
    const resolved = this.byId.get(persona.id);
    const entry = resolved && resolved.persona === persona ? resolved : { persona, overrides: [] };
    return describePersonaSource(entry, (p) => this.displayPath(p));
  }

  /** The chosen persona id, stored per workspace (or globally without a workspace). */
  chosenId(): string | undefined {
    return this.context.workspaceState.get<string>(CHOSEN_PERSONA_KEY) ?? this.context.globalState.get<string>(CHOSEN_PERSONA_KEY);
  }

  /** Records the user's choice; `undefined` goes back to the setting/default. */
  async choose(id: string | undefined): Promise<void> {
    const state = vscode.workspace.workspaceFolders?.length ? this.context.workspaceState : this.context.globalState;
    await state.update(CHOSEN_PERSONA_KEY, id);
    this.changeEmitter.fire();
  }

  /**
   * Before a request: reloads when a user or workspace persona file was added, removed or changed
   * since the last load, whether or not a file watcher reported it (watchers can miss changes,
   * e.g. to a folder created after the watch started). Costs one directory listing and a stat
   * per persona file.
   */
  async refreshIfChanged(): Promise<void> {
    await this.settled();
    const signature = await this.filesSignature();
    if (signature !== this.loadedSignature) {
      await this.reload();
    }
  }

  /** Resolves when no reload is pending or running; await it before reading the active persona. */
  async settled(): Promise<void> {
    while (this.debounced || this.running) {
      await (this.debounced ?? this.running);
    }
  }

  /** The bundled files changed (extension development): read them again on the next reload. */
  invalidateBundled(): void {
    this.bundledFiles = undefined;
  }

  /** Schedules a reload shortly (bursts of file events collapse into one). */
  scheduleReload(delayMs = 75): Promise<void> {
    if (this.debounce) {
      clearTimeout(this.debounce);
    }
    if (!this.debounced) {
      this.debounced = new Promise<void>((resolve) => (this.resolveDebounced = resolve));
    }
    const done = this.debounced;
    this.debounce = setTimeout(() => {
      const resolve = this.resolveDebounced;
      this.debounce = undefined;
      this.debounced = undefined;
      this.resolveDebounced = undefined;
      void this.reload().finally(() => resolve?.());
    }, delayMs);
    return done;
  }

  /** Reloads every source now; concurrent calls are coalesced into one more run. */
  /** Why the last reload failed (the personas loaded before stay active); undefined after a good one. */
  reloadError: unknown;

  reload(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.rerun = false;
          await this.loadAll();
        } while (this.rerun && !this.disposed);
        this.reloadError = undefined;
      } catch (e) {
        this.reloadError = e;
        this.log.error(`personas: reload failed: ${(e as Error).stack ?? String(e)}`);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  dispose(): void {
    this.disposed = true;
    if (this.debounce) {
      clearTimeout(this.debounce);
    }
    this.resolveDebounced?.();
    this.changeEmitter.dispose();
  }

  // ---------------------------------------------------------------------------------------------

  private getActiveResolved(): ResolvedPersona {
    for (const id of [this.chosenId(), this.settingId()]) {
      const hit = id !== undefined ? this.byId.get(id) : undefined;
      if (hit) {
        return hit;
      }
    }
    const setting = this.settingId();
    if (setting !== undefined && setting !== this.warnedUnknownDefault && this.resolved.length > 0) {
      this.warnedUnknownDefault = setting;
      this.log.warn(`personas: architectPersonas.defaultPersona is "${setting}", but no persona has that id; using the default.`);
    }
    const fallback =
      this.byId.get(DEFAULT_PERSONA_ID) ?? this.resolved.find((r) => r.persona.source.kind === 'bundled') ?? this.resolved[0];
    if (!fallback) {
      throw new Error('No persona is available: the bundled personas could not be loaded. See the Architect Personas log.');
    }
    return fallback;
  }

  private settingId(): string | undefined {
    const value = vscode.workspace.getConfiguration('architectPersonas').get<string>(SETTING_DEFAULT_PERSONA, DEFAULT_PERSONA_ID).trim();
    return value === '' ? undefined : value;
  }

  /**
   * Reads the bundled personas synchronously at startup so `getActive()` works from the first
   * request; user and workspace personas follow with the first asynchronous reload.
   */
  private loadBundledSync(): void {
    const folder = this.bundledFolder;
    if (folder.scheme !== 'file') {
      return;
    }
    try {
      const results: PersonaFileResult[] = fs
        .readdirSync(folder.fsPath)
        .filter((n) => n.toLowerCase().endsWith('.md'))
        .sort((a, b) => a.localeCompare(b))
        .map((name) => {
          const uri = vscode.Uri.joinPath(folder, name);
          const text = fs.readFileSync(path.join(folder.fsPath, name), 'utf8');
          return { uri, kind: 'bundled', text, ...parsePersona(text, { kind: 'bundled', path: sourcePath(uri) }) };
        });
      this.bundledFiles = results;
      this.apply(results, results, [], []);
    } catch (e) {
      this.log.error(`personas: could not read the bundled personas in ${folder.fsPath}: ${(e as Error).message}`);
    }
  }

  /** The user and workspace persona folders that are read (workspace ones only when trusted). */
  private editableFolders(): vscode.Uri[] {
    const folders: vscode.Uri[] = [];
    const setting = vscode.workspace.getConfiguration('architectPersonas').get<string>(SETTING_PERSONAS_FOLDER, '');
    const { uri: userFolder } = resolveUserFolder(setting);
    if (userFolder) {
      folders.push(userFolder);
    }
    if (vscode.workspace.isTrusted) {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        folders.push(vscode.Uri.joinPath(folder.uri, ...WORKSPACE_PERSONA_DIR));
      }
    }
    return folders;
  }

  /** Names, sizes and modification times of the persona files in the editable folders. */
  private async filesSignature(): Promise<string> {
    const parts: string[] = [];
    for (const folder of this.editableFolders()) {
      let entries: [string, vscode.FileType][] = [];
      try {
        entries = await vscode.workspace.fs.readDirectory(folder);
      } catch {
        parts.push(`${folder.toString()}:-`);
        continue;
      }
      for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
        if ((type & vscode.FileType.File) !== 0 && name.toLowerCase().endsWith('.md')) {
          const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, name)).then(
            (st) => `${st.mtime}:${st.size}`,
            () => '?',
          );
          parts.push(`${folder.toString()}/${name}:${stat}`);
        }
      }
    }
    return parts.join('\n');
  }

  private async loadAll(): Promise<void> {
    // Taken before reading, so a change made while reading is seen by the next check.
    const signature = await this.filesSignature();
    // Bundled files are read once (at activation); they change only while developing the extension.
    const bundled = (this.bundledFiles ??= await readPersonaFolder(this.bundledFolder, 'bundled'));

    let user: PersonaFileResult[] = [];
    const setting = vscode.workspace.getConfiguration('architectPersonas').get<string>(SETTING_PERSONAS_FOLDER, '');
    const { uri: userFolder, problem } = resolveUserFolder(setting);
    if (problem) {
      this.log.warn(`personas: ${problem}`);
    } else if (userFolder) {
      user = await readPersonaFolder(userFolder, 'user');
      if (user.length === 0) {
        this.log.info(`personas: no persona files (*.md) in the user folder ${userFolder.fsPath}`);
      }
    }

    const workspace: PersonaFileResult[] = [];
    if (vscode.workspace.isTrusted) {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        workspace.push(...(await readPersonaFolder(vscode.Uri.joinPath(folder.uri, ...WORKSPACE_PERSONA_DIR), 'workspace')));
      }
    }
    if (this.disposed) {
      return;
    }
    this.apply([...bundled, ...user, ...workspace], bundled, user, workspace);
    this.loadedSignature = signature;
    this.changeEmitter.fire();
  }

  private apply(files: readonly PersonaFileResult[], bundled: readonly PersonaFileResult[], user: readonly PersonaFileResult[], workspace: readonly PersonaFileResult[]): void {
    const personasOf = (list: readonly PersonaFileResult[]) => list.flatMap((f) => (f.persona ? [f.persona] : []));
    const bundledPersonas = personasOf(bundled);
    // The default persona leads the bundled list, so "the first bundled persona" is the default.
    bundledPersonas.sort((a, b) => Number(b.id === DEFAULT_PERSONA_ID) - Number(a.id === DEFAULT_PERSONA_ID));
    const merged = mergePersonas({ bundled: bundledPersonas, user: personasOf(user), workspace: personasOf(workspace) });

    this.resolved = merged.personas;
    this.byId.clear();
    for (const r of merged.personas) {
      this.byId.set(r.persona.id, r);
    }

    const problemsByFile = new Map<string, { uri: vscode.Uri; problems: PersonaProblem[] }>();
    const textByPath = new Map<string, string>();
    for (const f of files) {
      if (f.text !== undefined) {
        textByPath.set(sourcePath(f.uri), f.text);
      }
      if (f.problems.length > 0) {
        problemsByFile.set(f.uri.toString(), { uri: f.uri, problems: [...f.problems] });
      }
    }
    for (const { kept, ignored } of merged.duplicates) {
      const uri = sourceUri(ignored.source.path);
      const entry = problemsByFile.get(uri.toString()) ?? { uri, problems: [] };
      const text = textByPath.get(ignored.source.path);
      entry.problems.push({
        severity: 'warning',
        line: text !== undefined ? frontMatterKeyLine(text, ['id']) : 1,
        message: `Another ${kept.source.kind} persona file (${this.displayPath(kept.source.path)}) already has the id "${kept.id}", so this file is ignored.`,
      });
      problemsByFile.set(uri.toString(), entry);
    }

    this.diagnostics.clear();
    for (const { uri, problems } of problemsByFile.values()) {
      this.diagnostics.set(uri, problems.map(toDiagnostic));
      for (const p of problems) {
        const line = `personas: ${this.displayPath(sourcePath(uri))}:${p.line}: ${p.severity}: ${p.message}`;
        if (p.severity === 'error') {
          this.log.error(line);
        } else {
          this.log.warn(line);
        }
      }
    }
    for (const r of merged.personas) {
      if (r.overrides.length > 0) {
        this.log.info(`personas: "${r.persona.id}" comes from ${describePersonaSource(r, (p) => this.displayPath(p))}`);
      }
    }
  }

  private displayPath(p: string): string {
    const uri = sourceUri(p);
    const bundledRoot = this.bundledFolder;
    if (uri.scheme === bundledRoot.scheme && uri.path.startsWith(`${bundledRoot.path}/`)) {
      return `personas/${uri.path.slice(bundledRoot.path.length + 1)}`;
    }
    if (vscode.workspace.getWorkspaceFolder(uri)) {
      return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    }
    return p;
  }
}

function toDiagnostic(p: PersonaProblem): vscode.Diagnostic {
  const line = Math.max(0, p.line - 1);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
    p.message,
    p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = 'Architect Personas';
  return diagnostic;
}
