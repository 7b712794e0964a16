/** Offsets ↔ 1-based lines for one text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.starts.push(i + 1);
    }
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }

  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    const next = this.starts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** The code of lines line..endLine, at most `maxLines` lines and 300 characters, indentation trimmed. */
export function snippetOf(index: LineIndex, line: number, endLine: number, maxLines = 3): string {
  const out: string[] = [];
  for (let l = line; l <= Math.min(endLine, line + maxLines - 1); l++) {
    out.push(index.lineText(l));
  }
  const indent = Math.min(...out.filter((s) => s.trim() !== '').map((s) => s.length - s.trimStart().length), 1000);
  const text = out.map((s) => s.slice(Math.min(indent, s.length - s.trimStart().length))).join('\n').trimEnd();
  return text.length > 300 ? `${text.slice(0, 297)}...` : text + (endLine > line + maxLines - 1 ? '\n...' : '');
}
