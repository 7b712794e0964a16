/**
 * Prompt stage: turns the persona, the slash command, the sent files and the conversation into
 * the system blocks and messages the model receives. Pure; no I/O.
 *
 * Layout, chosen for prompt caching: the first system block (persona prompt + output contract)
 * is identical for every request with the same persona, so it is marked cacheable; the
 * command's instructions follow in a second block; the code travels in the last user message.
 */
import type { SentFile } from '../context/sentFile';
import { sessionSummaryInstructions } from '../design/summary';
import { lastLineOf } from '../context/sentFile';
import { numberLines } from '../context/lineNumbers';
import type { ModelMessage, SystemBlock } from '../model/modelClient';
import { toAlternatingTurns } from '../model/turns';
import type { Persona } from '../personas/persona';
import { personaInstructionsFor } from '../personas/instructions';
import { GENERAL_INSTRUCTIONS, type SlashCommand } from '../slashCommands';

export interface PromptInput {
  readonly persona: Persona;
  readonly command: SlashCommand | undefined;
  readonly userPrompt: string;
  readonly files: readonly SentFile[];
  /** Earlier turns of this participant's conversation, oldest first. */
  readonly history: readonly ModelMessage[];
  /** The output contract the renderer parses (findings and fixes). */
  readonly outputContract: string;
  /**
   * What the extension's own checks measured on the sent code (rule findings, query plans, …),
   * each as a titled section placed after the code. Empty or absent: nothing is added.
   */
  readonly grounding?: readonly GroundingSection[];
  /** Where the answer is read, replacing the editor's chat panel (e.g. a CI report); default: the editor. */
  readonly setting?: string;
}

/** One block of facts the extension established itself, e.g. "Facts the rules found". */
export interface GroundingSection {
  readonly title: string;
  /** Plain text or Markdown; the model is told these were measured, not guessed. */
  readonly body: string;
}

export interface BuiltPrompt {
  readonly system: readonly SystemBlock[];
  readonly messages: readonly ModelMessage[];
}

const SETTING =
  'You are answering inside VS Code, in the chat panel of a backend or full-stack engineer. ' +
  'The code you are given was taken from their editor; refer to it by workspace-relative path and line number. ' +
  'Be direct and concrete. Never claim to have run code or queries.';

export function buildPrompt(input: PromptInput): BuiltPrompt {
  const { persona } = input;
  const principles = persona.principles.length ? `\n\nPrinciples you hold:\n${persona.principles.map((p) => `- ${p}`).join('\n')}` : '';
  const personaBlock = `${input.setting ?? SETTING}\n\n# Who you are: ${persona.name}, ${persona.title}\n\n${persona.body.trim()}${principles}${sessionSummaryInstructions(persona.sessionSummary)}\n\n${input.outputContract.trim()}`;
  const instructions = input.command
    ? `# Task: /${input.command.name}\n\n${personaInstructionsFor(persona, input.command.name)}`
    : `# Task\n\n${GENERAL_INSTRUCTIONS}`;
  return {
    system: [
      { text: personaBlock, cache: true },
      { text: instructions },
    ],
    messages: [
      ...normaliseHistory(input.history),
      { role: 'user', content: userMessage(input.files, input.userPrompt, input.grounding ?? []) },
    ],
  };
}

/** For chat models without a system role: the system text becomes the start of the first user turn. */
export function flattenSystemIntoMessages(prompt: BuiltPrompt): ModelMessage[] {
  const system = prompt.system.map((b) => b.text).join('\n\n');
  const [first, ...rest] = prompt.messages;
  if (!first || first.role !== 'user') {
    return [{ role: 'user', content: system }, ...prompt.messages];
  }
  return [{ role: 'user', content: `${system}\n\n---\n\n${first.content}` }, ...rest];
}

export function formatFileBlock(file: SentFile): string {
  const attrs = [`path="${file.path}"`, `language="${file.languageId}"`, `lines="${file.firstLine}-${lastLineOf(file)}"`];
  if (file.selection) {
    attrs.push(`selection="${file.selection.startLine}-${file.selection.endLine}"`);
  }
  const note = file.truncationNote ? `\n(Only part of this file was sent: ${file.truncationNote}.)` : '';
  return `<file ${attrs.join(' ')}>${note}\n${numberLines(file.text, file.firstLine)}\n</file>`;
}

function userMessage(files: readonly SentFile[], prompt: string, grounding: readonly GroundingSection[]): string {
  const question = prompt.trim() || 'Review this code.';
  const facts = groundingText(grounding);
  if (files.length === 0) {
    return `No code was attached; answer from the question alone and say what code you would need to see.\n\n${facts}${question}`;
  }
  const intro =
    'Code from the editor follows. Each line starts with its line number and " | "; the numbers are not part of the code.';
  return `${intro}\n\n${files.map(formatFileBlock).join('\n\n')}\n\n${facts}${question}`;
}

/** The grounding sections as tagged blocks, each introduced as measured by the extension. */
export function groundingText(grounding: readonly GroundingSection[]): string {
  const sections = grounding.filter((g) => g.body.trim() !== '');
  if (sections.length === 0) {
    return '';
  }
  const blocks = sections.map((g) => `<facts title="${g.title.replace(/"/g, "'")}">\n${g.body.trim()}\n</facts>`);
  return (
    'The extension checked this code itself before asking you; these facts were measured, not guessed. ' +
    'Build on them, and say when you disagree.\n\n' +
    `${blocks.join('\n\n')}\n\n`
  );
}

/** History before a new user message: alternating turns that end with the assistant. */
function normaliseHistory(history: readonly ModelMessage[]): ModelMessage[] {
  const turns = toAlternatingTurns(history);
  return turns[turns.length - 1]?.role === 'user' ? turns.slice(0, -1) : turns;
}
