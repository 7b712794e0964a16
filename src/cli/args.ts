/**
 * Argument parsing shared by the subcommands: node:util parseArgs in strict mode with
 * positionals, its errors turned into a UsageError that names the subcommand's --help.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<const T extends Options>(command: string, argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.replace(/\.?$/, '.')} Run 'architect-personas ${command} --help' for the options.`);
  }
}
