/**
 * Line numbering for the prompt: `  42 | code`, numbers right-aligned to the widest number
 * (at least 4 columns). One split and one join, so a 10 MB text stays in milliseconds.
 */
export function numberLines(text: string, firstLine = 1): string {
  const lines = text.split('\n');
  const last = firstLine + lines.length - 1;
  const width = Math.max(4, String(last).length);
  const out = new Array<string>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const body = line.endsWith('\r') ? line.slice(0, -1) : line;
    out[i] = `${String(firstLine + i).padStart(width, ' ')} | ${body}`;
  }
  return out.join('\n');
}

/** Number of lines in `text` ('' is one empty line), counted without splitting. */
export function countLines(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    count++;
  }
  return count;
}
