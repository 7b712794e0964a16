/**
 * Splits SQL text into statements the way psql would: semicolons end a statement except inside
 * quotes ('…', E'…', "…"), dollar quotes ($tag$…$tag$), comments (-- and nested /* *\/) and
 * `BEGIN ATOMIC … END` function bodies. psql meta-commands (`\connect`, `\restrict`, …) on their
 * own line are returned separately so a loader can skip them.
 */
export interface SqlStatement {
  /** The statement text, without the terminating semicolon, trimmed. */
  readonly text: string;
  /** 1-based line of the statement's first character in the source. */
  readonly line: number;
  readonly endLine: number;
  /** True for a psql meta-command line (`\connect db`), which Postgres itself cannot run. */
  readonly meta?: boolean;
  /** `COPY … FROM stdin`: its inline data (up to the `\.` line) was consumed with it. */
  readonly copyData?: boolean;
}

export function splitStatements(sql: string, firstLine = 1): SqlStatement[] {
  const out: SqlStatement[] = [];
  let start = -1; // index of the current statement's first non-blank character
  let startLine = firstLine;
  let line = firstLine;
  let atomicDepth = 0;
  let i = 0;
  const n = sql.length;
  const push = (end: number) => {
    if (start >= 0) {
      const text = sql.slice(start, end).trim();
      if (text !== '') {
        out.push({ text, line: startLine, endLine: line });
      }
    }
    start = -1;
  };
  const begin = () => {
    if (start < 0) {
      start = i;
      startLine = line;
    }
  };
  while (i < n) {
    const c = sql[i];
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    // psql meta-command: a backslash at the start of a line, outside any statement.
    if (c === '\\' && start < 0 && (i === 0 || sql[i - 1] === '\n' || /^[ \t]*$/.test(lineBefore(sql, i)))) {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      out.push({ text: sql.slice(i, stop).trim(), line, endLine: line, meta: true });
      i = stop;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? n : end;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (sql[i] === '\n') {
          line++;
        }
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
        } else {
          i++;
        }
      }
      continue;
    }
    begin();
    if (c === ';') {
      if (atomicDepth > 0) {
        i++;
        continue;
      }
      push(i);
      i++;
      const last = out[out.length - 1];
      if (last && !last.meta && /^COPY\b[\s\S]*\bFROM\s+STDIN\b/i.test(last.text)) {
        // Inline data follows, up to a line holding only `\.`.
        const m = /\n\\\.[ \t]*(?:\r?\n|$)/.exec(sql.slice(i));
        const end = m ? i + m.index + m[0].length : n;
        line += countNewlines(sql, i, end);
        out[out.length - 1] = { ...last, endLine: line, copyData: true };
        i = end;
      }
      continue;
    }
    if (c === "'" || c === '"') {
      const escapes = c === "'" && i > 0 && /[eE]/.test(sql[i - 1]) && !/[\w$]/.test(sql[i - 2] ?? '');
      i++;
      while (i < n) {
        const d = sql[i];
        if (d === '\n') {
          line++;
        }
        if (escapes && d === '\\') {
          i += 2;
          continue;
        }
        if (d === c) {
          if (sql[i + 1] === c) {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      continue;
    }
    if (c === '$') {
      const m = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 64));
      if (m && !/[\w$]/.test(sql[i - 1] ?? '')) {
        const tag = m[0];
        const close = sql.indexOf(tag, i + tag.length);
        const end = close < 0 ? n : close + tag.length;
        line += countNewlines(sql, i, end);
        i = end;
        continue;
      }
      i++;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w$]/.test(sql[j])) {
        j++;
      }
      const word = sql.slice(i, j).toUpperCase();
      if (word === 'ATOMIC' && /\bBEGIN\s+$/i.test(sql.slice(Math.max(0, i - 12), i))) {
        atomicDepth++;
      } else if (atomicDepth > 0 && (word === 'CASE' )) {
        atomicDepth++;
      } else if (atomicDepth > 0 && word === 'END') {
        atomicDepth--;
      }
      i = j;
      continue;
    }
    i++;
  }
  push(n);
  return out;
}

function lineBefore(sql: string, i: number): string {
  const nl = sql.lastIndexOf('\n', i - 1);
  return sql.slice(nl + 1, i);
}

function countNewlines(s: string, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) {
    if (s.charCodeAt(i) === 10) {
      k++;
    }
  }
  return k;
}

/** The text with psql meta-command lines blanked (line numbers kept), so Postgres can run it whole. */
export function blankMetaCommands(sql: string): string {
  return sql.replace(/^[ \t]*\\[^\n]*$/gm, '');
}
