/**
 * Progress on stderr. On a terminal: one line redrawn in place (a bar for counted steps); in CI
 * or when stderr is a pipe or file: plain lines, one per step, no control characters.
 * Warnings always get their own line. Results never go here.
 */
export interface Progress {
  /** A phase with a known number of steps (e.g. model requests). */
  start(label: string, total: number): void;
  step(detail: string): void;
  /** A one-off status line (e.g. "rules: 12 files"). */
  info(line: string): void;
  warn(line: string): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, env: Readonly<Record<string, string | undefined>>, quiet: boolean): Progress {
  const prefix = 'architect-personas';
  const interactive = stream.isTTY === true && !env.CI && env.TERM !== 'dumb';
  let label = '';
  let total = 0;
  let count = 0;
  let live = false;
  const clear = () => {
    if (live) {
      stream.write('\r\x1b[2K');
      live = false;
    }
  };
  const draw = (detail: string) => {
    const width = 20;
    const filled = total > 0 ? Math.round((count / total) * width) : 0;
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    const line = `${label} ${bar} ${count}/${total} ${detail}`;
    const columns = stream.columns ?? 80;
    stream.write(`\r\x1b[2K${line.length > columns - 1 ? `${line.slice(0, columns - 2)}…` : line}`);
    live = true;
  };
  return {
    start(l, t) {
      label = l;
      total = t;
      count = 0;
      if (quiet) {
        return;
      }
      if (interactive) {
        draw('');
      } else {
        stream.write(`${prefix}: ${l} (${t})\n`);
      }
    },
    step(detail) {
      count++;
      if (quiet) {
        return;
      }
      if (interactive) {
        draw(detail);
      } else if (total <= 10 || count === total || count % Math.ceil(total / 10) === 0) {
        // Plain lines: at most about ten per phase, so a CI log stays readable.
        stream.write(`${prefix}: ${label} ${count}/${total}: ${detail}\n`);
      }
    },
    info(line) {
      if (quiet) {
        return;
      }
      clear();
      stream.write(`${prefix}: ${line}\n`);
    },
    warn(line) {
      clear();
      stream.write(`${prefix}: warning: ${line}\n`);
    },
    done() {
      clear();
    },
  };
}
