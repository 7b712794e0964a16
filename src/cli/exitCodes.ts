/** Exit codes of `architect-personas`, the same for every subcommand. */
export const EXIT = {
  /** It ran (whatever it found, unless --fail-on says otherwise). */
  ok: 0,
  /** Findings at or above `--fail-on`. */
  findings: 1,
  /** Usage or configuration error; the message names the fix. */
  usage: 2,
  /** The model or the network failed; partial results were still written. */
  modelFailure: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
