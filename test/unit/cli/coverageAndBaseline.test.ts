/**
 * Issue #23 points 4–6 through the command line (in process): `rules` and `review` read the same
 * files and the same scoped schema, `review .` covers every file of a 320-file repository and
 * says so in every format, and a baseline lets CI fail on new findings only.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { memoryIo } from './memoryIo';
import { runCli } from '../../../src/cli/main';
import { chooseModelFiles } from '../../../src/core/pipeline/workspace/coverage';
import type { RuleFinding } from '../../../src/core/rules';
import { git } from './cliProcess';

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const m = memoryIo(argv, cwd);
  const code = await runCli(m.io);
  return { code, stdout: m.out(), stderr: m.err() };
}

const temps: string[] = [];
function repoWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-cov-'));
  temps.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  return dir;
}

interface JsonReport {
  files: string[];
  ruleFindings: { file: string; line: number; ruleId: string }[];
  coverage: { files: number; skipped: { path: string; reason: string }[] };
  baseline: { file: string; known: number } | null;
}

const SELECT_STAR: Record<string, (i: number) => string> = {
  ts: (i) => `export async function f${i}(pool: any) {\n  return pool.query('SELECT * FROM users');\n}\n`,
  py: (i) => `def f${i}(cursor):\n    cursor.execute('SELECT * FROM users')\n`,
  sql: () => 'SELECT * FROM users;\n',
};

const CODE_A = 'export const a = 1;\n';

const LOOP = [
  'export async function load(pool: any, ids: number[]) {',
  '  for (const id of ids) {',
  "    await pool.query('SELECT id, total FROM orders WHERE id = $1', [id]);",
  '  }',
  '}',
  '',
].join('\n');

describe('CLI: one file set, whole-repository coverage, baselines', function () {
  this.timeout(120000);
  after(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('rules and review read the same files and build the schema from the scope only', async () => {
    const repo = repoWith({
      'db-app/migrations/001_init.sql': 'CREATE TABLE users (id int PRIMARY KEY);\nCREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id));\n',
      'db-app/.semgrep/orders.ts': LOOP,
      'db-app/fixtures/seed.sql': 'CREATE INDEX orders_user_id_idx ON orders (user_id);\n',
      // another project of the repository indexes its own orders.user_id
      'other-app/schema.sql': 'CREATE TABLE users (id int PRIMARY KEY);\nCREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id));\nCREATE INDEX orders_user_id_idx ON orders (user_id);\n',
    });
    const rules = await cli(repo, 'rules', 'db-app', '--format', 'json');
    assert.equal(rules.code, 0, rules.stderr);
    const fromRules = (JSON.parse(rules.stdout) as { file: string; line: number; ruleId: string }[]).map((f) => `${f.file}:${f.line} ${f.ruleId}`);
    assert.deepEqual(fromRules, ['db-app/migrations/001_init.sql:2 fk-without-index']);
    const review = await cli(repo, 'review', 'db-app', '--offline', '--no-query-plans', '--quiet', '--format', 'json');
    assert.equal(review.code, 0, review.stderr);
    const report = JSON.parse(review.stdout) as JsonReport;
    assert.deepEqual(report.files, ['db-app/migrations/001_init.sql']);
    assert.deepEqual(report.ruleFindings.map((f) => `${f.file}:${f.line} ${f.ruleId}`), fromRules);
  });

  it('review --diff: the changed files of the same file set (excludes relative to the path, tests flagged)', async () => {
    const repo = repoWith({ 'svc/src/a.ts': CODE_A, 'svc/fixtures/b.ts': CODE_A, 'svc/vendor/c.js': CODE_A, 'svc/test/d.test.ts': CODE_A, 'other/e.ts': CODE_A });
    for (const rel of ['svc/src/a.ts', 'svc/fixtures/b.ts', 'svc/vendor/c.js', 'svc/test/d.test.ts', 'other/e.ts']) {
      fs.appendFileSync(path.join(repo, rel), LOOP);
    }
    const r = await cli(path.join(repo, 'svc'), 'review', '.', '--diff', 'main', '--offline', '--no-query-plans', '--quiet', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport & { coverage: { testFiles: number } };
    assert.deepEqual(report.files, ['svc/src/a.ts', 'svc/test/d.test.ts']);
    assert.equal(report.coverage.testFiles, 1);
    assert.deepEqual(report.ruleFindings.map((f) => `${f.file} ${f.ruleId}`), ['svc/src/a.ts n-plus-one'], 'no n-plus-one in the test file');
  });

  it('review . --offline on a 320-file repository reports findings in every file, and a limit is said in every format', async () => {
    const files: Record<string, string> = {};
    const exts = Object.keys(SELECT_STAR);
    for (let i = 0; i < 320; i++) {
      const ext = exts[i % exts.length];
      files[`src/mod${i % 8}/f${String(i).padStart(3, '0')}.${ext}`] = SELECT_STAR[ext](i);
    }
    const repo = repoWith(files);
    const r = await cli(repo, 'review', '.', '--offline', '--no-query-plans', '--quiet', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.equal(report.files.length, 320);
    assert.equal(report.coverage.files, 320);
    assert.deepEqual(report.coverage.skipped, []);
    const withFindings = new Set(report.ruleFindings.map((f) => f.file));
    assert.deepEqual([...withFindings].sort(), Object.keys(files).sort(), 'a rule finding in every one of the 320 files');

    const text = await cli(repo, 'review', '--offline', '--no-query-plans', '--quiet');
    assert.match(text.stdout, /Rules and query plans covered all 320 files\./);

    const limited = await cli(repo, 'review', '--offline', '--no-query-plans', '--quiet', '--max-files', '300', '--format', 'json', '--report', `markdown=${path.join(repo, 'r.md')}`, '--report', `sarif=${path.join(repo, 'r.sarif')}`);
    const lim = JSON.parse(limited.stdout) as JsonReport;
    assert.equal(lim.coverage.files, 300);
    assert.equal(lim.coverage.skipped.length, 20);
    assert.ok(lim.coverage.skipped.every((s) => /over the limit of 300 files/.test(s.reason)));
    assert.match(fs.readFileSync(path.join(repo, 'r.md'), 'utf8'), /Rules and query plans covered 300 files\. Not covered: 20 files \(20 over the limit of 300 files\): /);
    const sarif = JSON.parse(fs.readFileSync(path.join(repo, 'r.sarif'), 'utf8')) as { runs: { invocations: { toolExecutionNotifications: { message: { text: string } }[] }[] }[] };
    assert.ok(sarif.runs[0].invocations[0].toolExecutionNotifications.some((n) => /Not covered: 20 files/.test(n.message.text)));
  });

  for (const command of ['rules', 'review'] as const) {
    it(`${command}: with its baseline an existing repository exits 0, a moved finding stays known, a new one exits 1`, async () => {
      const repo = repoWith({ 'src/orders.ts': LOOP, 'db/report.sql': 'SELECT * FROM orders;\n' });
      const extra = command === 'review' ? ['--offline', '--no-query-plans', '--quiet'] : [];
      const run = (...args: string[]) => cli(repo, command, ...extra, ...args);

      const first = await run('--write-baseline', 'baseline.json', '--fail-on', 'low');
      assert.equal(first.code, 1, 'the findings are there: without the baseline --fail-on fails');
      const written = JSON.parse(fs.readFileSync(path.join(repo, 'baseline.json'), 'utf8')) as { findings: { ruleId: string; fingerprint: string }[] };
      assert.deepEqual(written.findings.map((f) => f.ruleId).sort(), ['n-plus-one', 'select-star']);

      const known = await run('--baseline', 'baseline.json', '--fail-on', 'low');
      assert.equal(known.code, 0, known.stdout + known.stderr);
      assert.match(known.stdout, /2 known findings left out/);

      // lines inserted above the finding: it moves from line 3 to line 6, and stays baselined
      fs.writeFileSync(path.join(repo, 'src/orders.ts'), `import type { Pool } from 'pg';\n\n// orders\n${LOOP}`);
      const moved = await run('--baseline', 'baseline.json', '--fail-on', 'low');
      assert.equal(moved.code, 0, moved.stdout + moved.stderr);

      // one new finding
      fs.writeFileSync(path.join(repo, 'src/items.ts'), LOOP.replace('orders', 'items'));
      const fresh = await run('--baseline', 'baseline.json', '--fail-on', 'low', '--format', 'json');
      assert.equal(fresh.code, 1);
      const parsed = JSON.parse(fresh.stdout) as JsonReport | { file: string; ruleId: string }[];
      const rows = Array.isArray(parsed) ? parsed : parsed.ruleFindings;
      assert.deepEqual(rows.map((f) => `${f.file} ${f.ruleId}`), ['src/items.ts n-plus-one']);
      if (!Array.isArray(parsed)) {
        assert.deepEqual(parsed.baseline, { file: 'baseline.json', known: 2 });
      }

      const missing = await run('--baseline', 'nope.json');
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /could not read the baseline .*nope\.json.*--write-baseline/);
    });
  }

  it('the baseline fingerprints are the SARIF partialFingerprints', async () => {
    const repo = repoWith({ 'src/orders.ts': LOOP, 'db/report.sql': 'SELECT * FROM orders;\nSELECT * FROM orders;\n' });
    const sarif = await cli(repo, 'rules', '--format', 'sarif', '--write-baseline', 'b.json');
    const log = JSON.parse(sarif.stdout) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };
    const fromSarif = log.runs[0].results.map((r) => r.partialFingerprints['architectPersonas/v1']).sort();
    const fromBaseline = (JSON.parse(fs.readFileSync(path.join(repo, 'b.json'), 'utf8')) as { findings: { fingerprint: string }[] }).findings.map((f) => f.fingerprint).sort();
    assert.equal(fromSarif.length, 3);
    assert.deepEqual(fromBaseline, fromSarif);
  });

  it('the model gets the files the rules flagged first, test files last, not path order', () => {
    const target = (p: string, text = 'export const a = 1;\n', test = false) => ({ path: p, absolutePath: `/r/${p}`, languageId: 'typescript', text, test });
    const targets = [target('a.ts'), target('b.test.ts', 'x', true), target('c.ts', "db.query('SELECT id FROM users WHERE id = $1', [id]);\n"), target('d.ts'), target('e.ts')];
    const finding = (file: string, severity: RuleFinding['severity']): RuleFinding => ({ ruleId: 'r', category: 'r', severity, file, line: 1, endLine: 1, message: 'm', snippet: 's' });
    const findings = [finding('e.ts', 'low'), finding('d.ts', 'critical'), finding('b.test.ts', 'critical')];
    const { sent, notSent } = chooseModelFiles(targets, findings, 3);
    assert.deepEqual(sent.map((t) => t.path), ['c.ts', 'd.ts', 'e.ts']);
    assert.deepEqual(notSent.map((t) => t.path), ['a.ts', 'b.test.ts']);
    assert.equal(chooseModelFiles(targets, findings, 10).sent.length, 5);
  });
});
