/**
 * Command-line bench (`npm run bench`, or `node out/test/bench/cli.js` alone): start-up of the
 * bundled `dist/cli.js`, an offline review of the shop-api fixture as SARIF, and the npm
 * package's size. Figures only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from './core';
import { summarize, type Row } from './stats';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function timeRun(args: readonly string[], cwd: string, runs: number): { ms: number[]; stdout: string } {
  const ms: number[] = [];
  let stdout = '';
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, CI: 'true' } });
    ms.push(performance.now() - t);
    stdout = r.stdout;
  }
  return { ms, stdout };
}

export function benchCli(): { rows: Row[]; raw: Record<string, unknown> } {
  if (!fs.existsSync(CLI)) {
    return { rows: [], raw: { skipped: 'dist/cli.js missing: run npm run build' } };
  }
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-bench-cli-'));
  try {
    fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'cli', 'shop-api'), repo, { recursive: true });
    const git = (...a: string[]) => execFileSync('git', ['-c', 'user.email=b@example.invalid', '-c', 'user.name=b', ...a], { cwd: repo });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    const help = summarize(timeRun(['--help'], repo, 7).ms);
    const review = timeRun(['review', '--offline', '--format', 'sarif', '--quiet'], repo, 3);
    const reviewMs = summarize(review.ms);
    const results = (JSON.parse(review.stdout) as { runs: { results: unknown[] }[] }).runs[0].results.length;
    const pack = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { size: number; unpackedSize: number; files: unknown[] }[];
    const rows: Row[] = [
      { id: 'cli.help', label: 'cli: `architect-personas --help` (process start to exit)', unit: 'ms', value: help.median, summary: help },
      { id: 'cli.reviewOffline', label: 'cli: offline review of the 3-file fixture as SARIF', unit: 'ms', value: reviewMs.median, summary: reviewMs, note: `${results} results, ${(Buffer.byteLength(review.stdout) / 1024).toFixed(1)} KB SARIF` },
      { id: 'cli.packageSize', label: 'cli: npm package (tarball)', unit: 'MB', value: pack[0].size / 1024 / 1024, note: `${(pack[0].unpackedSize / 1024 / 1024).toFixed(1)} MB unpacked, ${pack[0].files.length} files, no dependencies` },
    ];
    return { rows, raw: { help, review: reviewMs, results, packageBytes: pack[0].size, unpackedBytes: pack[0].unpackedSize } };
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { rows } = benchCli();
  for (const r of rows) {
    console.log(`${r.label}: ${r.value.toFixed(1)} ${r.unit}${r.note ? ` (${r.note})` : ''}`);
  }
}
