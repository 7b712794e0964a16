/**
 * Builds design documents (ADR-style Markdown with YAML front matter) and session exports from
 * recorded `@backend` turns. Pure; no I/O.
 *
 * The model's raw answers are used, not the chat rendering, so SQL and code blocks arrive exactly
 * as written. Finding blocks (see docs/output-contract.md) become plain Markdown sections; the
 * answer's own headings are moved one level down so they nest under the document's sections.
 */
import { FindingsStreamParser } from '../findings/parser';
import type { Finding } from '../findings/types';
import { SECTION_NAMES } from '../findings/types';
import { codeBlock, escapeMarkdown, notesMarkdown, SECTION_LABELS, SEVERITY_LABELS } from '../render/renderFinding';
import { designTitleFrom, isoDate } from './naming';
import { isSessionSummaryPrompt } from './summary';

/** What the document builder needs from a recorded turn (`RecordedTurn` satisfies it). */
export interface DesignTurn {
  readonly id?: number;
  readonly prompt: string;
  readonly command: string | undefined;
  readonly personaId: string;
  readonly personaName: string;
  /** The model's raw answer ('' when there was none, e.g. the greeting or an error). */
  readonly answer: string;
  /** The chat rendering, used by the session export when there is no raw answer. */
  readonly markdown?: string;
  readonly startedAt?: number;
  readonly done?: boolean;
}

export interface DesignPersonaInfo {
  readonly id: string;
  readonly name: string;
  readonly title?: string;
}

export interface DesignDocumentInput {
  readonly title: string;
  readonly persona: DesignPersonaInfo;
  readonly date: Date;
  readonly turns: readonly DesignTurn[];
  /** Default `proposed`. */
  readonly status?: string;
}

/**
 * The turns of a design conversation: from the turn `fromId` (when it is still recorded and was
 * answered), else from the last `/design` turn with an answer, to the end; with neither, every
 * answered turn. Unfinished and unanswered turns are left out.
 */
export function selectDesignTurns<T extends DesignTurn>(turns: readonly T[], fromId?: number): T[] {
  const answered = turns.filter((t) => t.done !== false && t.answer.trim() !== '');
  if (fromId !== undefined) {
    const at = answered.findIndex((t) => t.id === fromId);
    if (at >= 0) {
      return answered.slice(at);
    }
  }
  let start = -1;
  answered.forEach((t, i) => {
    if (t.command === 'design') {
      start = i;
    }
  });
  return start < 0 ? answered : answered.slice(start);
}

/** The title for a document made from `turns`: from the `/design` prompt, else the first prompt. */
export function designTitleForTurns(turns: readonly DesignTurn[]): string {
  const design = turns.find((t) => t.command === 'design') ?? turns[0];
  return designTitleFrom(design?.prompt ?? '');
}

export function buildDesignDocument(input: DesignDocumentInput): string {
  const { persona, turns } = input;
  const date = isoDate(input.date);
  const status = input.status ?? 'proposed';
  const personaLine = persona.title ? `${persona.name}, ${persona.title}` : persona.name;
  let md =
    '---\n' +
    `title: ${yamlScalar(input.title)}\n` +
    `persona: ${yamlScalar(persona.id)}\n` +
    `personaName: ${yamlScalar(persona.name)}\n` +
    `date: ${date}\n` +
    `status: ${yamlScalar(status)}\n` +
    '---\n\n' +
    `# ${escapeMarkdown(input.title)}\n\n` +
    `- **Status:** ${status}\n` +
    `- **Date:** ${date}\n` +
    `- **Persona:** ${escapeMarkdown(personaLine)} (\`${persona.id}\`)\n`;

  const [first, ...rest] = turns;
  if (!first) {
    return md + '\n## Context\n\nNo `@backend` answers were recorded.\n';
  }
  md += `\n## Context\n\nThe request, as asked with \`@backend${first.command ? ` /${first.command}` : ''}\`:\n\n${blockquote(first.prompt)}\n`;
  md += `\n## Design\n\n${byline(first, persona)}${answerToMarkdown(first.answer)}`;
  for (const turn of rest) {
    if (isSessionSummaryPrompt(turn.prompt)) {
      md += summarySection(turn.answer);
      continue;
    }
    md += `\n## Follow-up: ${escapeMarkdown(firstLine(turn.prompt, 100))}\n\n`;
    if (firstLine(turn.prompt, Infinity) !== turn.prompt.trim()) {
      md += `${blockquote(turn.prompt)}\n\n`;
    }
    md += `${byline(turn, persona)}${answerToMarkdown(turn.answer)}`;
  }
  return md;
}

/** The document with a "Session summary" section appended. */
export function appendSessionSummary(document: string, summary: string): string {
  return document + summarySection(summary);
}

export interface SessionExportInput {
  readonly turns: readonly DesignTurn[];
  readonly exportedAt: Date;
}

/** Every recorded turn as one Markdown document (for Export Session as Markdown). */
export function buildSessionMarkdown(input: SessionExportInput): string {
  const { turns } = input;
  let md = `# @backend session\n\nExported ${isoDate(input.exportedAt)} ${clock(input.exportedAt)} · ${turns.length} ${turns.length === 1 ? 'exchange' : 'exchanges'}\n`;
  if (turns.length === 0) {
    return md + '\nNo `@backend` exchanges were recorded in this window yet.\n';
  }
  turns.forEach((t, i) => {
    const cmd = t.command ? `/${t.command} ` : '';
    md += `\n---\n\n## ${i + 1}. ${escapeMarkdown(cmd + (firstLine(t.prompt, 100) || '(empty prompt)'))}\n\n`;
    md += `_${escapeMarkdown(t.personaName)}${t.startedAt !== undefined ? ` · ${clock(new Date(t.startedAt))}` : ''}${t.done === false ? ' · still answering' : ''}_\n\n`;
    md += `**You:**\n\n${blockquote(`${cmd}${t.prompt}`.trim() || '(empty prompt)')}\n\n**${escapeMarkdown(t.personaName)}:**\n\n`;
    const body = t.answer.trim() !== '' ? answerToMarkdown(t.answer) : ensureNewline((t.markdown ?? '').trim());
    md += body.trim() === '' ? '_(no answer)_\n' : body;
  });
  return md;
}

/**
 * A raw answer as document Markdown: prose verbatim (headings one level down outside code
 * fences), finding blocks as Markdown sections with their quotes and fixes as code blocks.
 */
export function answerToMarkdown(raw: string): string {
  const parser = new FindingsStreamParser();
  const events = [...parser.push(raw), ...parser.end()];
  let out = '';
  let prose = '';
  for (const e of events) {
    if (e.kind === 'markdown') {
      prose += e.text;
    } else if (e.kind === 'finding') {
      // A finding never starts inside a code fence, so each prose run is demoted on its own.
      out += demoteHeadings(prose) + findingMarkdown(e.finding);
      prose = '';
    }
  }
  out += demoteHeadings(prose);
  return ensureNewline(collapseBlankLines(out.trim()));
}

/** At most one blank line in a row outside code fences (finding sections bring their own spacing). */
function collapseBlankLines(md: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  let blanks = 0;
  for (const line of md.split('\n')) {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === undefined && line.trim() === '') {
      if (++blanks > 1) {
        continue;
      }
    } else {
      blanks = 0;
    }
    if (fence !== undefined) {
      if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length && line.trim() === opener[1]) {
        fence = undefined;
      }
    } else if (opener) {
      fence = opener[1];
    }
    out.push(line);
  }
  return out.join('\n');
}

function findingMarkdown(f: Finding): string {
  let md = `\n\n#### ${SEVERITY_LABELS[f.severity]} · ${escapeMarkdown(f.title || 'Finding')}\n\n`;
  if (f.file !== undefined) {
    const range = f.line === undefined ? '' : f.endLine !== undefined && f.endLine !== f.line ? `:${f.line}-${f.endLine}` : `:${f.line}`;
    md += `📍 \`${f.file.replace(/`/g, "'")}${range}\`\n\n`;
  }
  if (f.quote !== undefined) {
    md += codeBlock(f.quote, languageOfPath(f.file)) + '\n';
  }
  for (const name of SECTION_NAMES) {
    const text = f.sections[name];
    if (text !== undefined && text !== '') {
      md += /\n\s*\n/.test(text) || /^\s*([-*+]\s|\d+[.)]\s|#|>|```|~~~|\|)/m.test(text) ? `**${SECTION_LABELS[name]}:**\n\n${text}\n\n` : `**${SECTION_LABELS[name]}:** ${text}\n\n`;
    }
  }
  if (f.notes !== undefined) {
    md += `${notesMarkdown(f.notes)}\n\n`;
  }
  for (const fix of f.fixes) {
    md += `**${fix.kind === 'run' ? 'Run' : 'Fix'}${fix.title ? `: ${escapeMarkdown(fix.title)}` : ''}**\n\n${codeBlock(fix.content, fix.language)}\n`;
  }
  return md;
}

const LANGUAGE_BY_EXT: Readonly<Record<string, string>> = {
  ts: 'typescript', tsx: 'tsx', js: 'javascript', jsx: 'jsx', mjs: 'javascript', cjs: 'javascript', py: 'python', go: 'go', rs: 'rust',
  java: 'java', kt: 'kotlin', rb: 'ruby', php: 'php', cs: 'csharp', sql: 'sql', yml: 'yaml', yaml: 'yaml', json: 'json', sh: 'bash',
};

function languageOfPath(path: string | undefined): string {
  const ext = path?.match(/\.([A-Za-z0-9]+)$/)?.[1]?.toLowerCase();
  return (ext && LANGUAGE_BY_EXT[ext]) ?? '';
}

/** Moves ATX headings one level down (max 6), leaving fenced code untouched. */
export function demoteHeadings(md: string): string {
  let fence: string | undefined;
  return md
    .split('\n')
    .map((line) => {
      const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence !== undefined) {
        if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length && line.trim() === opener[1]) {
          fence = undefined;
        }
        return line;
      }
      if (opener) {
        fence = opener[1];
        return line;
      }
      return line.replace(/^( {0,3})(#{1,5})(?=\s|$)/, '$1$2#');
    })
    .join('\n');
}

function summarySection(summary: string): string {
  const body = answerToMarkdown(summary);
  return `\n## Session summary\n\n${body.trim() === '' ? '_(no summary)_\n' : body}`;
}

function byline(turn: DesignTurn, persona: DesignPersonaInfo): string {
  return turn.personaId === persona.id ? '' : `_Answered by ${escapeMarkdown(turn.personaName)}._\n\n`;
}

function blockquote(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((l) => (l.trim() === '' ? '>' : `> ${l}`))
    .join('\n');
}

function firstLine(text: string, max: number): string {
  const line = text.trim().split(/\r?\n/)[0]?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function ensureNewline(s: string): string {
  return s === '' || s.endsWith('\n') ? s : `${s}\n`;
}

function clock(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** A plain YAML scalar for words and simple phrases that YAML reads as strings, else a quoted one. */
function yamlScalar(s: string): string {
  return /^[A-Za-z][A-Za-z0-9 ._'&-]*[A-Za-z0-9.]$|^[A-Za-z]$/.test(s) && !/^(y|n|yes|no|on|off|true|false|null|~)$/i.test(s) ? s : yamlString(s);
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
function yamlString(s: string): string {
  return JSON.stringify(s);
}
