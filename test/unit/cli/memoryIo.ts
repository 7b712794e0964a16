/** A CLI io (argv, cwd, env, std streams) in memory, for running commands in-process in unit tests. */
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../../src/cli/io';

export interface MemoryIo {
  readonly io: CliIo;
  /** What was written to stdout so far. */
  out(): string;
  /** What was written to stderr so far. */
  err(): string;
}

export function memoryIo(argv: readonly string[], cwd: string, env: Record<string, string> = {}): MemoryIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  return { io: { argv: [...argv], cwd, env, stdout, stderr, stdin: new PassThrough() }, out: () => out, err: () => err };
}
