/** What a subcommand may touch of the process: its arguments, streams and environment. Tests pass their own. */
export interface CliIo {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Results (or `--output`, handled by the subcommand). */
  readonly stdout: NodeJS.WritableStream;
  /** Progress, warnings and errors; never results. */
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
}

/** A usage or configuration error: printed with the fix it names, exit code 2. */
export class UsageError extends Error {}
