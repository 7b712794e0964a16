import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeAnthropicServer } from '../../fakeServer/fakeAnthropic';
import { assertBuilt, cliEnv, fixtureCopy, git, removeTempDirs, runCli } from './cliProcess';
import { sarifSchemaErrors } from './sarifSchema';

interface JsonReport {
  exitCode: number;
  mode: string;
  offlineReason?: string;
  persona: { id: string; name: string; title: string } | null;
  diff: { base: string; mergeBase: string } | null;
  files: string[];
  ruleFindings: { ruleId: string; file: string; line: number; severity: string }[];
  modelFindings: { ruleId: string; status: string; file: string | null; line: number | null; severity: string; title: string }[];
  error: { kind: string; message: string } | null;
  usage: { requests: number } | null;
}

const KEY = 'sk-ant-api03-cli-process-test-0000000000000000';

const N_PLUS_ONE_FINDING = [
  'The loop is the problem.',
  '',
  '<finding severity="high" file="src/db/orders.ts" line="12" end="13" title="N+1 query in ordersForUsers">',
  '<quote>',
  '  for (const id of userIds) {',
  "    const result = await pool.query('SELECT * FROM orders WHERE user_id = $1', [id]);",
  '</quote>',
  '<issue>One round trip per user.</issue>',
  '<recommendation>Fetch all orders with `user_id = ANY($1)`.</recommendation>',
  '</finding>',
  '',
].join('\n');

describe('architect-personas review (process)', function () {
  this.timeout(60_000);
  before(assertBuilt);
  after(removeTempDirs);

  describe('offline: rules only', () => {
    let repo: string;
    before(() => {
      repo = fixtureCopy('shop-api', { git: true });
    });

    it('text: findings by file, a summary line, plain progress lines on stderr, exit 0', async () => {
      const r = await runCli(['review', '--offline', '--rows', '2000'], { cwd: repo });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^src\/db\/orders\.ts$/m);
      // The N+1 loop's query, explained on the embedded PostgreSQL with the migrations and synthetic rows.
      assert.match(r.stdout, /^Query plan src\/db\/orders\.ts:13\n {2}Plan on embedded PostgreSQL [\d.]+ with 2,000 synthetic orders: Seq Scan/m);
      assert.match(r.stderr, /^architect-personas: query plans: 1 on embedded PostgreSQL$/m);
      assert.match(r.stdout, /^ {2}13:\d+ +high +.*n-plus-one$/m);
      assert.match(r.stdout, /^ {2}20:\d+ +critical +.*sql-injection$/m);
      assert.match(r.stdout, /^\d+ findings \(1 critical, .*\) in 3 files · rules and query plans only \(offline\)$/m);
      assert.match(r.stderr, /^architect-personas: rules: \d+ findings$/m);
      assert.doesNotMatch(r.stderr, /\r|\x1b\[/, 'no terminal control characters in CI');
    });

    it('without ANTHROPIC_API_KEY it says so and runs the rules only', async () => {
      const r = await runCli(['review', '--no-query-plans', '--format', 'json'], { cwd: repo });
      assert.equal(r.code, 0, r.stderr);
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.equal(report.mode, 'offline');
      assert.equal(report.offlineReason, 'no-key');
      assert.deepEqual(report.files, ['migrations/001_orders.sql', 'src/db/orders.ts', 'src/db/pool.ts']);
      const ids = new Set(report.ruleFindings.map((f) => f.ruleId));
      for (const id of ['n-plus-one', 'sql-injection', 'hardcoded-credential']) {
        assert.ok(ids.has(id), `${id} in ${[...ids].join(', ')}`);
      }
      assert.match(r.stderr, /no API key \(ANTHROPIC_API_KEY\)/);
    });

    it('sarif: valid SARIF 2.1.0, one run, relative paths, rules with help and security-severity', async () => {
      const r = await runCli(['review', '--no-query-plans', '--offline', '--format', 'sarif'], { cwd: repo });
      assert.equal(r.code, 0, r.stderr);
      const log = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string; help: { text: string }; properties: Record<string, unknown> }[] } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
      assert.deepEqual(sarifSchemaErrors(log), []);
      assert.equal(log.runs.length, 1);
      const run = log.runs[0];
      const uris = new Set(run.results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri));
      assert.deepEqual([...uris].sort(), ['migrations/001_orders.sql', 'src/db/orders.ts', 'src/db/pool.ts']);
      for (const result of run.results) {
        const rule = run.tool.driver.rules.find((x) => x.id === result.ruleId);
        assert.ok(rule?.help.text && typeof rule.properties['security-severity'] === 'string', result.ruleId);
      }
      assert.ok(!r.stdout.includes('hunter2-very-secret'), 'the password in pool.ts never reaches the SARIF');
    });

    it('markdown: a pull-request comment with a summary table', async () => {
      const r = await runCli(['review', '--no-query-plans', '--offline', '--format', 'markdown'], { cwd: repo });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^## Architect review: \d+ findings \(1 critical/);
      assert.match(r.stdout, /^\| Severity \| Where \| Finding \| Rule \|$/m);
      assert.match(r.stdout, /^\| 🛑 critical \| `src\/db\/orders\.ts:20` \| .* \| `sql-injection` \|$/m);
      assert.match(r.stdout, /no model was asked \(`--offline`\)/);
    });

    it('--output writes the file and leaves stdout empty; paths narrow the review', async () => {
      const r = await runCli(['review', '--no-query-plans', 'src/db/pool.ts', '--offline', '--format', 'json', '--output', 'out/review.json'], { cwd: repo });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      const report = JSON.parse(fs.readFileSync(path.join(repo, 'out', 'review.json'), 'utf8')) as JsonReport;
      assert.deepEqual(report.files, ['src/db/pool.ts']);
      assert.ok(report.ruleFindings.every((f) => f.file === 'src/db/pool.ts'));
    });

    it('--report writes more formats from the same run', async () => {
      const r = await runCli(['review', '--no-query-plans', '--offline', '--format', 'sarif', '--output', 'results.sarif', '--report', 'markdown=comment.md', '--report', 'json=report.json'], { cwd: repo });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(sarifSchemaErrors(JSON.parse(fs.readFileSync(path.join(repo, 'results.sarif'), 'utf8'))), []);
      assert.match(fs.readFileSync(path.join(repo, 'comment.md'), 'utf8'), /^## Architect review/);
      assert.equal((JSON.parse(fs.readFileSync(path.join(repo, 'report.json'), 'utf8')) as JsonReport).mode, 'offline');
      const bad = await runCli(['review', '--no-query-plans', '--report', 'pdf=x.pdf'], { cwd: repo });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--report needs <format>=<file>/);
    });

    it('--fail-on: exit 1 at or above the severity, 0 below it', async () => {
      assert.equal((await runCli(['review', '--no-query-plans', '--offline', '--fail-on', 'critical'], { cwd: repo })).code, 1);
      const below = await runCli(['review', '--no-query-plans', 'src/db/pool.ts', '--offline', '--fail-on', 'critical'], { cwd: repo });
      assert.equal(below.code, 0, below.stdout);
      const r = await runCli(['review', '--no-query-plans', 'src/db/pool.ts', '--offline', '--fail-on', 'high'], { cwd: repo });
      assert.equal(r.code, 1);
      assert.match(r.stderr, /1 finding at or above --fail-on high/);
    });

    it('usage and configuration errors exit 2 and name the fix', async () => {
      const cases: [string[], RegExp][] = [
        [['review', '--format', 'xml'], /--format must be one of text, json, sarif, markdown/],
        [['review', '--fail-on', 'severe'], /--fail-on must be one of critical, high, medium, low, info or none/],
        [['review', '--persona', 'nobody'], /no persona has the id 'nobody'\. Available: .*pragmatic-platform-engineer/],
        [['review', 'no/such/dir'], /no\/such\/dir does not exist/],
        [['review', '--diff', 'origin/nowhere'], /'origin\/nowhere' is not a revision.*fetch-depth: 0/],
        [['review', '--bogus'], /Unknown option '--bogus'.*review --help/],
        [['review', '--untracked'], /--untracked only applies to --diff/],
        [['review', '--max-files', '0'], /--max-files needs a whole number of at least 1/],
      ];
      for (const [args, message] of cases) {
        const r = await runCli(args, { cwd: repo });
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
        assert.match(r.stderr, message, args.join(' '));
        assert.equal(r.stdout, '', 'no results on a usage error');
      }
    });

    it('help and version', async () => {
      const top = await runCli(['--help'], { cwd: repo });
      assert.equal(top.code, 0);
      assert.match(top.stdout, /^ {2}review +Review files/m);
      assert.match(top.stdout, /^ {2}mcp +Run the MCP server/m);
      const usage = await runCli(['review', '--help'], { cwd: repo });
      assert.equal(usage.code, 0);
      assert.match(usage.stdout, /--diff <base>/);
      assert.equal((await runCli([], { cwd: repo })).code, 2);
      assert.match((await runCli(['--version'], { cwd: repo })).stdout, /^\d+\.\d+\.\d+\n$/);
    });
  });

  describe('personas: bundled, --persona-file, .vscode/architects', () => {
    const persona = (id: string, name: string) =>
      ['---', `id: ${id}`, `name: ${name}`, 'title: Test Architect', 'description: A persona for the CLI tests.', 'principles:', '  - Measure first.', '---', `You are ${name}.`, ''].join('\n');

    it('a --persona-file is used, and the workspace file with the same id wins over it', async () => {
      const repo = fixtureCopy('shop-api', { git: true });
      fs.writeFileSync(path.join(repo, 'frugal.md'), persona('frugal-architect', 'Fran'));
      const own = await runCli(['review', '--no-query-plans', 'src/db/pool.ts', '--offline', '--persona-file', 'frugal.md', '--format', 'json'], { cwd: repo });
      assert.equal(own.code, 0, own.stderr);
      assert.deepEqual((JSON.parse(own.stdout) as JsonReport).persona, { id: 'frugal-architect', name: 'Fran', title: 'Test Architect' });

      fs.mkdirSync(path.join(repo, '.vscode', 'architects'), { recursive: true });
      fs.writeFileSync(path.join(repo, '.vscode', 'architects', 'frugal.md'), persona('frugal-architect', 'Team Fran'));
      const team = await runCli(['review', '--no-query-plans', 'src/db/pool.ts', '--offline', '--persona-file', 'frugal.md', '--format', 'json'], { cwd: repo });
      assert.equal((JSON.parse(team.stdout) as JsonReport).persona?.name, 'Team Fran');
      const bundled = await runCli(['review', '--no-query-plans', 'src/db/pool.ts', '--offline', '--persona', 'systems-sage', '--persona-file', 'frugal.md', '--format', 'json'], { cwd: repo });
      assert.equal((JSON.parse(bundled.stdout) as JsonReport).persona?.id, 'systems-sage');
    });

    it('a broken --persona-file is a usage error with its line; a broken workspace persona is skipped with a warning', async () => {
      const repo = fixtureCopy('shop-api', { git: true });
      fs.writeFileSync(path.join(repo, 'broken.md'), persona('Not Kebab', 'X'));
      const r = await runCli(['review', '--no-query-plans', '--offline', '--persona-file', 'broken.md'], { cwd: repo });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /the persona file has errors; fix them and run again:\n {2}.*broken\.md:2: .*kebab-case/);
      fs.mkdirSync(path.join(repo, '.vscode', 'architects'), { recursive: true });
      fs.renameSync(path.join(repo, 'broken.md'), path.join(repo, '.vscode', 'architects', 'broken.md'));
      const skipped = await runCli(['review', '--no-query-plans', 'src/db/pool.ts', '--offline', '--format', 'json'], { cwd: repo });
      assert.equal(skipped.code, 0, skipped.stderr);
      assert.match(skipped.stderr, /warning: .*broken\.md:2: error: .*kebab-case/);
      assert.equal((JSON.parse(skipped.stdout) as JsonReport).persona?.id, 'pragmatic-platform-engineer');
    });
  });

  describe('--diff <base>', () => {
    it('reviews only what changed since the merge base; --untracked adds new files', async () => {
      const repo = fixtureCopy('shop-api', { git: true });
      git(repo, 'checkout', '-q', '-b', 'feature');
      const file = path.join(repo, 'src', 'db', 'orders.ts');
      const added = [
        '',
        'export async function totalsForUsers(userIds: number[]): Promise<number[]> {',
        '  const totals: number[] = [];',
        '  for (const id of userIds) {',
        "    const result = await pool.query('SELECT sum(total_cents) AS t FROM orders WHERE user_id = $1', [id]);",
        '    totals.push(Number(result.rows[0].t));',
        '  }',
        '  return totals;',
        '}',
        '',
      ].join('\n');
      fs.appendFileSync(file, added);
      git(repo, 'commit', '-q', '-am', 'totals');
      // main moves on after the branch point: its changes are not part of this branch's diff.
      git(repo, 'checkout', '-q', 'main');
      fs.appendFileSync(path.join(repo, 'src', 'db', 'pool.ts'), '\nexport const other = new Pool({ connectionString: process.env.URL });\n');
      git(repo, 'commit', '-q', '-am', 'main moves');
      git(repo, 'checkout', '-q', 'feature');
      fs.writeFileSync(path.join(repo, 'src', 'db', 'extra.ts'), "import { pool } from './pool';\nexport const q = (t: string) => pool.query(`SELECT 1 FROM orders WHERE note = '${t}'`);\n");

      const r = await runCli(['review', '--no-query-plans', '--diff', 'main', '--offline', '--format', 'json'], { cwd: repo });
      assert.equal(r.code, 0, r.stderr);
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.deepEqual(report.files, ['src/db/orders.ts']);
      assert.equal(report.diff?.base, 'main');
      assert.match(report.diff?.mergeBase ?? '', /^[0-9a-f]{40}$/);
      // The new loop's N+1 (line 27) is reported; the old one (13) and the old injection (20) are unchanged code.
      assert.deepEqual(report.ruleFindings.map((f) => `${f.ruleId}:${f.line}`), ['n-plus-one:27']);

      const withNew = await runCli(['review', '--no-query-plans', '--diff', 'main', '--untracked', '--offline', '--format', 'json'], { cwd: repo });
      const report2 = JSON.parse(withNew.stdout) as JsonReport;
      assert.deepEqual(report2.files, ['src/db/orders.ts', 'src/db/extra.ts']);
      assert.ok(report2.ruleFindings.some((f) => f.file === 'src/db/extra.ts' && f.ruleId === 'sql-injection'));
    });

    it('outside a git repository --diff is a usage error', async () => {
      const dir = fixtureCopy('shop-api', { git: false });
      const r = await runCli(['review', '--no-query-plans', '--diff', 'main', '--offline'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--diff needs a Git repository/);
    });
  });

  describe('with a key: the persona review through the fake Anthropic server', () => {
    let server: FakeAnthropicServer;
    let url: string;
    let repo: string;
    before(async () => {
      server = new FakeAnthropicServer();
      ({ url } = await server.start());
      repo = fixtureCopy('shop-api', { git: true });
    });
    after(() => server.close());
    beforeEach(() => server.reset());
    const env = () => cliEnv({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: url });

    it('sends redacted code with the rule facts, verifies the finding and fails on it', async () => {
      server.script({ kind: 'reply', text: N_PLUS_ONE_FINDING, chunkSize: 9 });
      const r = await runCli(['review', '--no-query-plans', '--format', 'json', '--fail-on', 'high', '--persona', 'systems-sage', '--command', 'optimize', '--model', 'claude-test-model'], { cwd: repo, env: env() });
      assert.equal(r.code, 1, r.stderr);
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.equal(report.mode, 'model');
      assert.equal(report.persona?.id, 'systems-sage');
      assert.deepEqual(
        report.modelFindings.map((f) => [f.status, f.file, f.line, f.ruleId]),
        [['verified', 'src/db/orders.ts', 12, 'architect/systems-sage/n-1-query-in-ordersforusers']],
      );
      assert.equal(report.usage?.requests, 1);
      assert.equal(server.requests.length, 1);
      const recorded = server.requests[0];
      assert.equal(recorded.auth.value, KEY);
      const body = JSON.stringify(recorded.body);
      assert.equal(recorded.body?.model, 'claude-test-model');
      assert.ok(!body.includes('hunter2-very-secret'), 'the password is redacted before sending');
      assert.ok(body.includes('rule=\\"n-plus-one\\"'), 'the rule facts are in the prompt');
      assert.ok(body.includes('# Task: /optimize'));
      assert.ok(body.includes('a pull-request check') && !body.includes('chat panel'), 'the persona knows its answer is a report');
      assert.match(r.stderr, /Redacted secrets in src\/db\/pool\.ts before sending/);
    });

    it('the persona calls a tool: the file it reads is redacted, and a finding on it is verified', async () => {
      const poolFinding = [
        '<finding severity="medium" file="src/db/pool.ts" line="3" end="3" title="Pool without timeouts">',
        '<quote>',
        'export const pool = new Pool({',
        '</quote>',
        '<issue>No connection or statement timeout.</issue>',
        '</finding>',
      ].join('\n');
      server.script(
        { kind: 'reply', text: 'Let me look at the pool.', toolUses: [{ name: 'read_file', input: { path: 'src/db/pool.ts' } }] },
        { kind: 'reply', text: poolFinding },
      );
      const r = await runCli(['review', '--no-query-plans', 'src/db/orders.ts', '--format', 'json'], { cwd: repo, env: env() });
      assert.equal(r.code, 0, r.stderr);
      const report = JSON.parse(r.stdout) as JsonReport & { toolCalls: { tool: string; isError: boolean }[] };
      assert.deepEqual(report.files, ['src/db/orders.ts']);
      assert.deepEqual(report.toolCalls.map((c) => [c.tool, c.isError]), [['read_file', false]]);
      assert.equal(server.requests.length, 2);
      const first = JSON.stringify(server.requests[0].body);
      assert.ok(first.includes('"name":"read_file"') && first.includes('"name":"run_rules"'), 'the tools are offered');
      const second = JSON.stringify(server.requests[1].body);
      assert.ok(second.includes('tool_result') && second.includes('new Pool('), 'the file went back as the tool result');
      assert.ok(!second.includes('hunter2-very-secret'), 'and redacted');
      assert.equal(report.modelFindings[0].file, 'src/db/pool.ts');
      assert.deepEqual([report.modelFindings[0].status, report.modelFindings[0].line], ['verified', 3]);
      assert.match(r.stderr, /tool: /);
    });

    it('sarif and markdown carry the model finding next to the rule findings', async () => {
      server.script({ kind: 'reply', text: N_PLUS_ONE_FINDING }, { kind: 'reply', text: N_PLUS_ONE_FINDING });
      const sarif = await runCli(['review', '--no-query-plans', '--format', 'sarif'], { cwd: repo, env: env() });
      assert.equal(sarif.code, 0, sarif.stderr);
      const log = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; level: string; properties: { source: string } }[] }[] };
      assert.deepEqual(sarifSchemaErrors(log), []);
      const model = log.runs[0].results.filter((x) => x.properties.source === 'model');
      assert.deepEqual(model.map((x) => [x.ruleId, x.level]), [['architect/pragmatic-platform-engineer/n-1-query-in-ordersforusers', 'error']]);
      assert.ok(log.runs[0].results.some((x) => x.properties.source === 'rules'));
      const md = await runCli(['review', '--no-query-plans', '--format', 'markdown'], { cwd: repo, env: env() });
      assert.match(md.stdout, /<details><summary>🔴 <b>N\+1 query in ordersForUsers<\/b> — <code>src\/db\/orders\.ts:12-13<\/code><\/summary>/);
      assert.match(md.stdout, /\*\*Marcus\*\* \(.*\) and the rules engine reviewed 3 files\./);
    });

    it('a stream cut mid-answer: exit 3, and the finding that arrived is still written', async () => {
      server.script({ kind: 'midStreamError', errorType: 'api_error', text: `${N_PLUS_ONE_FINDING}\nAnd another <fin`, chunkSize: 40 });
      const out = path.join(repo, 'partial.json');
      const r = await runCli(['review', '--no-query-plans', '--format', 'json', '--output', out, '--fail-on', 'info'], { cwd: repo, env: env() });
      assert.equal(r.code, 3, r.stderr);
      const report = JSON.parse(fs.readFileSync(out, 'utf8')) as JsonReport;
      assert.equal(report.exitCode, 3);
      assert.equal(report.error?.kind, 'cut');
      assert.equal(report.modelFindings.length, 1);
      assert.ok(report.ruleFindings.length > 0, 'the rule findings are kept too');
      assert.match(r.stderr, /cut off/);
    });

    it('a rejected key: exit 2 naming ANTHROPIC_API_KEY', async () => {
      server.script({ kind: 'error', status: 401 });
      const r = await runCli(['review'], { cwd: repo, env: env() });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /rejected the key in ANTHROPIC_API_KEY \(401\)/);
      assert.ok(!r.stderr.includes(KEY) && !r.stdout.includes(KEY), 'the key is never printed');
      assert.match(r.stdout, /sql-injection/, 'the rule findings are still written');
    });

    it('--offline with a key asks no model', async () => {
      const r = await runCli(['review', '--no-query-plans', '--offline', '--format', 'json'], { cwd: repo, env: env() });
      assert.equal(r.code, 0);
      assert.equal((JSON.parse(r.stdout) as JsonReport).offlineReason, 'flag');
      assert.equal(server.requests.length, 0);
    });
  });
});
