import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT } from '../exitCodes';
import type { CliCommand } from '../commandTable';
import { UsageError } from '../io';

declare const __CLI_VERSION__: string | undefined;
const VERSION = typeof __CLI_VERSION__ === 'string' ? __CLI_VERSION__ : 'dev';

const USAGE = `Usage: architect-personas mcp [--root <folder>]

Runs an MCP server on stdin/stdout for agents such as Claude Code, Cursor or VS Code's agent
mode. Tools: review (rules, query plans and, with ANTHROPIC_API_KEY, a persona's review),
run_rules, explain_query, check_sql_fix and schema (embedded Postgres, never your database).

Options:
  --root <folder>   Project folder the tools work in (default: the current folder).

Environment: ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, ANTHROPIC_MODEL as for review.
Logs go to stderr; stdout carries only the protocol.
`;

/** `architect-personas mcp`: the stdio MCP server (src/mcp). */
export const mcpCommand: CliCommand = {
  name: 'mcp',
  summary: 'Run the MCP server on stdio (review, run_rules, explain_query, check_sql_fix, schema)',
  usage: USAGE,
  async run(io) {
    let root: string;
    try {
      const { values } = parseArgs({ args: [...io.argv], options: { root: { type: 'string' } }, strict: true, allowPositionals: false });
      root = path.resolve(io.cwd, values.root ?? '.');
    } catch (err) {
      throw new UsageError(`${(err as Error).message} Run 'architect-personas mcp --help' for the options.`);
    }
    if (!(await fs.stat(root).then((s) => s.isDirectory(), () => false))) {
      throw new UsageError(`--root ${root} is not a folder.`);
    }
    const { serveStdio } = await import('../../mcp/stdio');
    await serveStdio({ root, env: io.env, version: VERSION, log: (line) => io.stderr.write(`architect-personas mcp: ${line}\n`) });
    return EXIT.ok;
  },
};
