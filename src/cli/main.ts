/**
 * `architect-personas`: the product's core on the command line. Dispatches to the subcommand
 * table; every error ends in a message on stderr and a documented exit code, never a stack.
 */
import { CLI_COMMANDS, type CliCommand } from './commandTable';
import { EXIT, type ExitCode } from './exitCodes';
import { UsageError, type CliIo } from './io';

declare const __CLI_VERSION__: string | undefined;
const VERSION = typeof __CLI_VERSION__ === 'string' ? __CLI_VERSION__ : 'dev';

export function helpText(commands: readonly CliCommand[] = CLI_COMMANDS): string {
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const rows = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: architect-personas <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Run `architect-personas <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}

/** Runs one invocation; `io.argv` is the arguments after the program name. */
export async function runCli(io: CliIo, commands: readonly CliCommand[] = CLI_COMMANDS): Promise<ExitCode> {
  const [name, ...rest] = io.argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(helpText(commands));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`architect-personas: unknown command '${name}'.\n\n${helpText(commands)}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run({ ...io, argv: rest });
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`architect-personas ${name}: ${err.message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`architect-personas ${name}: ${(err as Error)?.message ?? String(err)}\n`);
    return EXIT.usage;
  }
}

if (require.main === module) {
  runCli({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`architect-personas: ${(err as Error)?.message ?? String(err)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
