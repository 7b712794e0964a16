/**
 * Did an answer parse without loss under the output contract (docs/output-contract.md)?
 *
 * The parser guarantees that the markdown events' text and the findings' raw blocks concatenate
 * back to the input, for every chunking. An answer is *lossless* when that holds for a streamed
 * (chunked) parse and no block fell back to prose: every `<finding` line outside a code fence in
 * the prose is a block the user sees as raw text (unclosed at max tokens, malformed tag, a new
 * opener before `</finding>`).
 */
import { FindingsStreamParser } from '../../../src/core/findings/parser';
import type { ParsedEvent } from '../../../src/core/findings/types';

export interface ParseCheck {
  /** Concatenated prose + raw blocks equal the answer exactly. */
  readonly roundTrip: boolean;
  /** Finding blocks the parser accepted. */
  readonly blocks: number;
  /** `<finding` lines outside fences that ended up as prose. */
  readonly lostBlocks: number;
  /** Non-fatal parser problems across the accepted blocks (unknown severity, bad line, …). */
  readonly problems: number;
  readonly lossless: boolean;
}

const OPENER_LINE = /^[ \t]{0,16}<finding[\s>]/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Deterministic uneven chunk sizes (1..97), so the check runs the streaming path, not one push. */
export function chunkAnswer(text: string): string[] {
  const chunks: string[] = [];
  let size = 1;
  for (let i = 0; i < text.length; i += size) {
    size = (size * 37 + 11) % 97 || 1;
    chunks.push(text.slice(i, i + size));
  }
  return chunks;
}

export function parseStreamed(text: string): ParsedEvent[] {
  const parser = new FindingsStreamParser();
  const events: ParsedEvent[] = [];
  for (const chunk of chunkAnswer(text)) {
    events.push(...parser.push(chunk));
  }
  events.push(...parser.end());
  return events;
}

/** Opener lines outside code fences in prose. */
export function lostOpeners(prose: string): number {
  let fence: { ch: string; len: number } | undefined;
  let lost = 0;
  for (const line of prose.split('\n')) {
    const m = FENCE.exec(line);
    if (m) {
      const run = m[1];
      if (!fence) {
        fence = { ch: run[0], len: run.length };
        continue;
      }
      if (run[0] === fence.ch && run.length >= fence.len && line.trim() === run) {
        fence = undefined;
        continue;
      }
    }
    if (!fence && OPENER_LINE.test(line)) {
      lost++;
    }
  }
  return lost;
}

export function checkParse(text: string): ParseCheck {
  const events = parseStreamed(text);
  let joined = '';
  let prose = '';
  let blocks = 0;
  let problems = 0;
  for (const e of events) {
    if (e.kind === 'markdown') {
      joined += e.text;
      prose += e.text;
    } else if (e.kind === 'finding') {
      joined += e.finding.raw;
      // A block boundary ends a prose line for fence tracking purposes.
      prose += '\n';
      blocks++;
      problems += e.finding.problems.length;
    }
  }
  const roundTrip = joined === text;
  const lostBlocks = lostOpeners(prose);
  return { roundTrip, blocks, lostBlocks, problems, lossless: roundTrip && lostBlocks === 0 };
}
