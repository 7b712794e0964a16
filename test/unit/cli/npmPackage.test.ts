import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { assertBuilt, cliEnv, fixtureCopy, removeTempDirs, runCli, tempDir } from './cliProcess';
import { REPO_ROOT, sarifSchemaErrors } from './sarifSchema';

const exec = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the npm package (npm pack, installed into a temporary project)', function () {
  this.timeout(180_000);
  let tarball: string;
  let project: string;

  before(async () => {
    assertBuilt();
    const packDir = tempDir('ap-pack-');
    const { stdout } = await exec(npm, ['pack', '--json', '--pack-destination', packDir], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
    const packed = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(packDir, packed[0].filename);
    const files = packed[0].files.map((f) => f.path);
    assert.ok(files.includes('dist/cli.js') && files.includes('personas/pragmatic-platform-engineer.md'), files.join(', '));
    assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.map')), 'sources, tests and maps stay out');
    project = tempDir('ap-install-');
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'ci-project', version: '1.0.0', private: true }));
    await exec(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: project, maxBuffer: 64 * 1024 * 1024 });
  });
  after(removeTempDirs);

  it('installs nothing but itself (everything it runs is bundled)', () => {
    const installed = fs.readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
    assert.deepEqual(installed, ['architect-personas']);
  });

  it('npx architect-personas review runs on a fixture repo and writes valid SARIF', async () => {
    const repo = fixtureCopy('shop-api', { git: true });
    const bin = path.join(project, 'node_modules', '.bin', process.platform === 'win32' ? 'architect-personas.cmd' : 'architect-personas');
    assert.ok(fs.existsSync(bin), 'npm linked the bin');
    const { stdout, stderr } = await exec(npm, ['exec', '--no', '--prefix', project, '--', 'architect-personas', 'review', '--offline', '--format', 'sarif', '--output', 'results.sarif'], {
      cwd: repo,
      env: cliEnv(),
    });
    assert.equal(stdout.trim(), '');
    assert.match(stderr, /rules: \d+ findings/);
    const log = JSON.parse(fs.readFileSync(path.join(repo, 'results.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    assert.deepEqual(sarifSchemaErrors(log), []);
    assert.ok(log.runs[0].results.some((r) => r.ruleId === 'n-plus-one'), 'the bundled rules engine and its wasm files work from the package');
  });

  it('the installed package finds its bundled personas', async () => {
    const repo = fixtureCopy('shop-api', { git: false });
    const script = path.join(project, 'node_modules', 'architect-personas', 'dist', 'cli.js');
    const r = await runCli(['review', 'src/db/pool.ts', '--offline', '--persona', 'web-systems-guru', '--format', 'json'], { cwd: repo, script });
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { persona: { id: string } }).persona.id, 'web-systems-guru');
  });
});
