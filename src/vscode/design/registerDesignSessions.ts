/**
 * Design sessions: Start Design Session (persona → subject → quick questions → `@backend /design`
 * in the chat), Save Design Document (the design conversation as an ADR-style Markdown file),
 * the session summary appended to that document, and Export Session as Markdown.
 * Document building, naming and the question table are pure, in src/core/design.
 */
import * as vscode from 'vscode';
import { fileExists } from '../common/fileExists';
import {
  appendSessionSummary,
  buildSessionMarkdown,
  designTitleForTurns,
  selectDesignTurns,
  buildDesignDocument,
} from '../../core/design/designDocument';
import {
  buildDesignQuery,
  designQuestionsFor,
  DESIGN_SUBJECT_PLACEHOLDER,
  DESIGN_SUBJECT_PROMPT,
  type DesignAnswer,
  type DesignQuestion,
} from '../../core/design/designQuestions';
import { designDocFileName, designDocsSegments, takenIn, uniqueFileName } from '../../core/design/naming';
import { isSessionSummaryPrompt } from '../../core/design/summary';
import type { Persona } from '../../core/personas/persona';
import { ANTHROPIC_VENDOR, type AnthropicAccess } from '../model/anthropicAccess';
import type { Log } from '../common/log';
import { personaItems, pickPersona } from '../personas/personaPicker';
import type { PersonaService } from '../personas/personaService';
import type { SessionTranscript } from '../chat/sessionTranscript';
import { SAVE_DESIGN_DOCUMENT_COMMAND, type AnswerEndInfo, type AnswerEndListener } from './answerEnd';

export const START_DESIGN_SESSION_COMMAND = 'architectPersonas.startDesignSession';
export const EXPORT_SESSION_COMMAND = 'architectPersonas.exportSession';
/** Internal (not in the palette): ends the quick questions and opens the chat with what was answered. */
export const SKIP_DESIGN_QUESTIONS_COMMAND = 'architectPersonas.skipDesignQuestions';
export const SETTING_DESIGN_DOCS_FOLDER = 'designDocsFolder';

export interface DesignSessionDeps {
  readonly personas: PersonaService;
  readonly transcript: SessionTranscript;
  readonly log: Log;
  /** When a key is set, the design chat is opened with the extension's Anthropic model selected. */
  readonly anthropic?: AnthropicAccess;
  /** False when no model can answer (the user has been told, with a button); absent: always true. */
  readonly canAnswer?: (what: string, retry: () => unknown) => Promise<boolean>;
}

/** Arguments of architectPersonas.saveDesignDocument (the chat button passes `fromTurnId`). */
export interface SaveDesignDocumentArgs {
  /** The recorded turn the document starts from; default: the last `/design` turn. */
  readonly fromTurnId?: number;
  /** Overrides the title derived from the `/design` prompt. */
  readonly title?: string;
}

interface SavedDocument {
  readonly uri: vscode.Uri;
  readonly fromTurnId: number | undefined;
}

/** Registers the design-session commands; returns the hook the answer pipeline calls after each answer. */
export function registerDesignSessions(context: vscode.ExtensionContext, deps: DesignSessionDeps): { onAnswerEnd: AnswerEndListener } {
  const saved: SavedDocument[] = [];
  let skipAll: (() => void) | undefined;

  context.subscriptions.push(
    vscode.commands.registerCommand(START_DESIGN_SESSION_COMMAND, () =>
      startDesignSession(deps, (fn) => {
        skipAll = fn;
      }),
    ),
    vscode.commands.registerCommand(SKIP_DESIGN_QUESTIONS_COMMAND, () => skipAll?.()),
    vscode.commands.registerCommand(SAVE_DESIGN_DOCUMENT_COMMAND, async (args?: unknown) => {
      const uri = await saveDesignDocument(deps, (args ?? {}) as SaveDesignDocumentArgs);
      if (uri) {
        saved.push({ uri, fromTurnId: (args as SaveDesignDocumentArgs | undefined)?.fromTurnId });
      }
      return uri;
    }),
    vscode.commands.registerCommand(EXPORT_SESSION_COMMAND, () => exportSession(deps)),
  );
  return {
    onAnswerEnd: async (stream, info) => {
      try {
        await onAnswerEnd(stream, info, deps, saved);
      } catch (e) {
        // The answer itself is complete; a failing extra must not turn it into an error.
        deps.log.warn(`design: answer-end hook failed: ${(e as Error).message}`);
      }
    },
  };
}

// --- Start Design Session --------------------------------------------------------------------


async function startDesignSession(deps: DesignSessionDeps, setSkipAll: (fn: (() => void) | undefined) => void): Promise<string | undefined> {
  if (deps.canAnswer && !(await deps.canAnswer('Start Design Session', () => startDesignSession(deps, setSkipAll)))) {
    return undefined;
  }
  const persona = await pickDesignPersona(deps.personas);
  if (!persona) {
    return undefined;
  }
  const subject = await askSubject(persona);
  if (subject === undefined) {
    return undefined;
  }
  const questions = designQuestionsFor(persona.id);
  const answers: DesignAnswer[] = [];
  for (let i = 0; i < questions.length; i++) {
    const result = await askQuestion(persona, questions[i], i, questions.length, setSkipAll);
    answers.push({ question: questions[i], answer: result.kind === 'skip' ? '' : result.value });
    if (result.kind === 'skipAll') {
      break;
    }
  }
  const query = buildDesignQuery(subject, answers);
  const options: { query: string; modelSelector?: { vendor: string } } = { query };
  if (deps.anthropic && (await deps.anthropic.getClient().catch(() => undefined))) {
    options.modelSelector = { vendor: ANTHROPIC_VENDOR };
  }
  deps.log.info(`design session: persona=${persona.id} questions=${questions.length} answered=${answers.filter((a) => a.answer.trim()).length}`);
  await vscode.commands.executeCommand('workbench.action.chat.newChat');
  await vscode.commands.executeCommand('workbench.action.chat.open', options);
  return query;
}

async function pickDesignPersona(service: PersonaService): Promise<Persona | undefined> {
  await service.settled();
  const activeId = service.getActive().id;
  const items = personaItems(service, activeId, (p) => (designQuestionsFor(p.id).length ? ' · asks a few quick questions first' : ''));
  const chosen = await pickPersona(service, 'Start Design Session: who designs it?', items, activeId, {
    placeholder: 'Choose the architect (Enter keeps the active one); type to filter',
    ignoreFocusOut: true,
  });
  if (!chosen?.personaId) {
    return undefined;
  }
  await service.choose(chosen.personaId);
  return service.get(chosen.personaId);
}

async function askSubject(persona: Persona): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.title = `What are we designing? (${persona.name})`;
  box.prompt = DESIGN_SUBJECT_PROMPT;
  box.placeholder = DESIGN_SUBJECT_PLACEHOLDER;
  box.ignoreFocusOut = true;
  try {
    return await new Promise<string | undefined>((resolve) => {
      box.onDidChangeValue(() => (box.validationMessage = undefined));
      box.onDidAccept(() => {
        const value = box.value.trim();
        if (value === '') {
          box.validationMessage = 'Describe what to design, e.g. "a booking system for physiotherapy clinics".';
          return;
        }
        resolve(value);
      });
      box.onDidHide(() => resolve(undefined));
      box.show();
    });
  } finally {
    box.dispose();
  }
}

/** `skipAll` keeps what was typed into the current box. */
type QuestionResult = { kind: 'answer'; value: string } | { kind: 'skip' } | { kind: 'skipAll'; value: string };

async function askQuestion(
  persona: Persona,
  question: DesignQuestion,
  index: number,
  count: number,
  setSkipAll: (fn: (() => void) | undefined) => void,
): Promise<QuestionResult> {
  const box = vscode.window.createInputBox();
  const skipAllButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('run-all'), tooltip: 'Skip all: open the chat now with the answers so far' };
  box.title = `${persona.name} asks (${index + 1}/${count}): ${question.label}`;
  box.prompt = `${question.prompt} Leave it empty or press Escape to skip this question; "Skip all" (top right) opens the chat now.`;
  box.placeholder = question.placeholder;
  box.buttons = [skipAllButton];
  box.ignoreFocusOut = true;
  try {
    return await new Promise<QuestionResult>((resolve) => {
      let result: QuestionResult = { kind: 'skip' };
      const finish = (r: QuestionResult) => {
        result = r;
        box.hide();
      };
      setSkipAll(() => finish({ kind: 'skipAll', value: box.value.trim() }));
      box.onDidAccept(() => finish(box.value.trim() === '' ? { kind: 'skip' } : { kind: 'answer', value: box.value.trim() }));
      box.onDidTriggerButton((b) => b === skipAllButton && finish({ kind: 'skipAll', value: box.value.trim() }));
      box.onDidHide(() => resolve(result));
      box.show();
    });
  } finally {
    setSkipAll(undefined);
    box.dispose();
  }
}

// --- Save Design Document --------------------------------------------------------------------

async function saveDesignDocument(deps: DesignSessionDeps, args: SaveDesignDocumentArgs): Promise<vscode.Uri | undefined> {
  const turns = selectDesignTurns(deps.transcript.all(), args.fromTurnId);
  if (turns.length === 0) {
    void vscode.window.showInformationMessage('There is no @backend answer to save yet. Start with "@backend /design …" or Architect Personas: Start Design Session.');
    return undefined;
  }
  const folder = targetWorkspaceFolder();
  if (!folder) {
    const choice = await vscode.window.showErrorMessage('Open a folder first: design documents are saved in the workspace.', 'Export Session as Markdown');
    if (choice) {
      await vscode.commands.executeCommand(EXPORT_SESSION_COMMAND);
    }
    return undefined;
  }
  const setting = vscode.workspace.getConfiguration('architectPersonas', folder.uri).get<string>(SETTING_DESIGN_DOCS_FOLDER);
  const { segments, problem } = designDocsSegments(setting);
  if (!segments) {
    void vscode.window.showErrorMessage(problem ?? 'architectPersonas.designDocsFolder is not valid.');
    return undefined;
  }
  const first = turns[0];
  const persona = deps.personas.get(first.personaId);
  const title = args.title?.trim() || designTitleForTurns(turns);
  const now = new Date();
  const text = buildDesignDocument({
    title,
    persona: { id: first.personaId, name: persona?.name ?? first.personaName, title: persona?.title },
    date: now,
    turns,
  });

  const dir = vscode.Uri.joinPath(folder.uri, ...segments);
  await vscode.workspace.fs.createDirectory(dir);
  let listing: string[] = [];
  try {
    listing = (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name);
  } catch {
    listing = [];
  }
  const listed = takenIn(listing);
  const name = await uniqueFileName(designDocFileName(title, now), async (candidate) => listed(candidate) || (await fileExists(vscode.Uri.joinPath(dir, candidate))));
  const target = vscode.Uri.joinPath(dir, name);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  deps.log.info(`design document saved: ${target.toString()} (${turns.length} turns)`);
  await vscode.window.showTextDocument(target, { preview: false });
  return target;
}

function targetWorkspaceFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}

// --- End of an answer: the Save button, and the summary appended to the saved document ---------

async function onAnswerEnd(stream: vscode.ChatResponseStream, info: AnswerEndInfo, deps: DesignSessionDeps, saved: readonly SavedDocument[]): Promise<void> {
  if (info.command === 'design' && info.answer.trim() !== '') {
    // The turn being answered is the transcript's latest one (the participant records it first).
    const turn = deps.transcript.last();
    stream.button({
      command: SAVE_DESIGN_DOCUMENT_COMMAND,
      title: 'Save Design Document',
      arguments: turn ? [{ fromTurnId: turn.id } satisfies SaveDesignDocumentArgs] : [],
    });
    return;
  }
  const doc = saved[saved.length - 1];
  if (!doc || !isSessionSummaryPrompt(info.prompt) || info.answer.trim() === '') {
    return;
  }
  try {
    await appendToDocument(doc.uri, info.answer);
    // A Markdown link, not stream.anchor: the chat folds everything before a trailing non-Markdown
    // part into "Completed N steps", which would hide the summary itself.
    const rel = vscode.workspace.asRelativePath(doc.uri, false).replace(/[[\]\\]/g, '\\$&');
    stream.markdown(new vscode.MarkdownString(`\n\n> Summary added to the design document [${rel}](${doc.uri.toString()})\n`));
  } catch (e) {
    deps.log.warn(`design: could not append the summary to ${doc.uri.toString()}: ${(e as Error).message}`);
    stream.markdown(`\n\n> Could not add the summary to ${vscode.workspace.asRelativePath(doc.uri, false)}: ${(e as Error).message}\n`);
  }
}

/** Appends through the text document, so an open editor (even with unsaved edits) stays consistent. */
async function appendToDocument(uri: vscode.Uri, summary: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const wasDirty = doc.isDirty;
  const current = doc.getText();
  const updated = appendSessionSummary(current.endsWith('\n') || current === '' ? current : `${current}\n`, summary);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, doc.positionAt(current.length), updated.slice(current.length));
  if (!(await vscode.workspace.applyEdit(edit))) {
    throw new Error('the edit was refused');
  }
  if (!wasDirty) {
    await doc.save();
  }
}

// --- Export Session as Markdown ---------------------------------------------------------------

async function exportSession(deps: DesignSessionDeps): Promise<vscode.Uri> {
  const content = buildSessionMarkdown({ turns: deps.transcript.all(), exportedAt: new Date() });
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc.uri;
}
