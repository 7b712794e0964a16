/**
 * Runs the built command line (dist/cli.js) as a child process, on copies of the fixture repos
 * under test/fixtures/cli/ made into git repositories in a temporary folder.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './sarifSchema';

export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A clean environment: no API key unless the test gives one, CI set (plain progress lines). */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, CI: 'true', ...extra };
}

export function runCli(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; script?: string }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.script ?? CLI, ...args], { cwd: options.cwd, env: options.env ?? cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=test@example.invalid', '-c', 'user.name=Test', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

const made: string[] = [];

/** A copy of test/fixtures/cli/<name> in a temp folder; with `git`, a repository with one commit on main. */
export function fixtureCopy(name: string, options: { git: boolean }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ap-cli-${name}-`));
  made.push(dir);
  fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'cli', name), dir, { recursive: true });
  if (options.git) {
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
  }
  return dir;
}

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function assertBuilt(): void {
  if (!fs.existsSync(CLI)) {
    throw new Error(`${CLI} is missing: run npm run build first (npm test does).`);
  }
}
