import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SentFile } from '../../../src/core/context/sentFile';
import { FindingsStreamParser } from '../../../src/core/findings/parser';
import type { ParsedEvent } from '../../../src/core/findings/types';
import type { ChatPart } from '../../../src/core/render/chatParts';
import { FindingsChatRenderer } from '../../../src/core/render/renderFinding';
export { rng } from '../../util/rng';

/** test/fixtures/transcripts, from the compiled test (out/test/unit/findings) or the source. */
export const TRANSCRIPTS_DIR = (() => {
  for (const up of ['../../../../test/fixtures/transcripts', '../../fixtures/transcripts']) {
    const dir = path.resolve(__dirname, up);
    if (fs.existsSync(path.join(dir, 'optimize.md'))) {
      return dir;
    }
  }
  throw new Error(`transcripts directory not found from ${__dirname}`);
})();

export const WORKSPACE_URI = 'file:///workspace';

/** Transcript names: one per slash command plus malformed ones. */
export function transcriptNames(): string[] {
  return fs
    .readdirSync(TRANSCRIPTS_DIR)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort();
}

export function readTranscript(name: string): string {
  return fs.readFileSync(path.join(TRANSCRIPTS_DIR, `${name}.md`), 'utf8');
}

interface ContextEntry {
  path: string;
  languageId: string;
  firstLine: number;
  lastLine?: number;
}

/** Builds the SentFile[] of a transcript from `<name>.context.json` and the files under workspace/. */
export function readContext(name: string): SentFile[] {
  const entries = JSON.parse(fs.readFileSync(path.join(TRANSCRIPTS_DIR, `${name}.context.json`), 'utf8')) as ContextEntry[];
  return entries.map((e) => {
    const lines = readWorkspaceFile(e.path).split('\n');
    if (lines[lines.length - 1] === '') {
      lines.pop();
    }
    const text = lines.slice(e.firstLine - 1, e.lastLine ?? lines.length).join('\n');
    return { path: e.path, uri: `${WORKSPACE_URI}/${e.path}`, languageId: e.languageId, text, firstLine: e.firstLine };
  });
}

export function readWorkspaceFile(relPath: string): string {
  return fs.readFileSync(path.join(TRANSCRIPTS_DIR, 'workspace', `${relPath}.txt`), 'utf8');
}

/** Merges adjacent markdown events so streams from different chunkings can be compared. */
export function mergeEvents(events: readonly ParsedEvent[]): ParsedEvent[] {
  const out: ParsedEvent[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e.kind === 'markdown' && last?.kind === 'markdown') {
      out[out.length - 1] = { kind: 'markdown', text: last.text + e.text };
    } else if (e.kind !== 'markdown' || e.text !== '') {
      out.push(e);
    }
  }
  return out;
}

export function parseChunks(chunks: readonly string[]): ParsedEvent[] {
  const p = new FindingsStreamParser();
  const events: ParsedEvent[] = [];
  for (const c of chunks) {
    events.push(...p.push(c));
  }
  events.push(...p.end());
  return events;
}

/** The text the events stand for: markdown text and the raw text of findings, in order. */
export function reconstruct(events: readonly ParsedEvent[]): string {
  return events.map((e) => (e.kind === 'markdown' ? e.text : e.kind === 'finding' ? e.finding.raw : '')).join('');
}


/**
 * Renders an answer (in the given chunks) through the parse → verify → render stage, with
 * adjacent markdown parts merged (the chat view merges them too), so chunkings compare equal.
 */
export function renderChunks(sentFiles: readonly SentFile[], chunks: readonly string[]): ChatPart[] {
  const renderer = new FindingsChatRenderer(sentFiles);
  const parts: ChatPart[] = [];
  for (const c of chunks) {
    parts.push(...renderer.push(c));
  }
  parts.push(...renderer.end());
  const out: ChatPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (p.kind === 'markdown' && last?.kind === 'markdown') {
      out[out.length - 1] = { kind: 'markdown', value: last.value + p.value };
    } else {
      out.push(p);
    }
  }
  return out;
}
