/**
 * The subcommands of `architect-personas`, as one table. Each lives in its own file under
 * `commands/`; `main.ts` only dispatches. A unit test checks the table against README.
 */
import type { ExitCode } from './exitCodes';
import type { CliIo } from './io';
import { reviewCommand } from './commands/review';
import { mcpCommand } from './commands/mcp';
import { rulesCommand } from './commands/rules';
import { explainCommand } from './commands/explain';
import { redactCommand } from './commands/redact';

export interface CliCommand {
  readonly name: string;
  /** One line for `architect-personas --help`. */
  readonly summary: string;
  /** Full usage text for `architect-personas <name> --help`. */
  readonly usage: string;
  run(io: CliIo): Promise<ExitCode>;
}

/** Filled in by each subcommand's module (one line each, in help order). */
export const CLI_COMMANDS: readonly CliCommand[] = [
  reviewCommand,
  mcpCommand,
  rulesCommand,
  explainCommand,
  redactCommand,
];
