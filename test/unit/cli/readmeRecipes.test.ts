import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI_COMMANDS } from '../../../src/cli/commandTable';
import { parseReviewOptions } from '../../../src/cli/review/options';
import { REPO_ROOT } from './sarifSchema';

const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Command line, CI and MCP'), readme.indexOf('## Settings'));

function blocks(lang: string): string[] {
  return [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

/** The `review` invocations in the CI recipes, as argument lists (line continuations and YAML folding joined). */
function reviewInvocations(): string[][] {
  const out: string[][] = [];
  for (const yaml of blocks('yaml')) {
    const joined = yaml.replace(/\\\n\s*/g, ' ').replace(/- >\n((?:\s{6,}.*\n)+)/g, (_m, body: string) => `- ${body.replace(/\n\s*/g, ' ')}\n`);
    for (const m of joined.matchAll(/architect-personas@0 review (.*)/g)) {
      const args = m[1]
        .replace(/\$scope/g, '--diff origin/main')
        .replace(/"\$?[^"]*"/g, (q) => q.slice(1, -1).replace(/\$CI_MERGE_REQUEST_TARGET_BRANCH_NAME/g, 'main'))
        .trim()
        .split(/\s+/);
      out.push(args);
    }
  }
  return out;
}

describe('README: command line, CI recipes and MCP configuration', () => {
  it('lists every subcommand of the table', () => {
    for (const c of CLI_COMMANDS) {
      assert.match(section, new RegExp(`\\| \`architect-personas ${c.name}\\b`), c.name);
    }
  });

  it('the GitHub Actions and GitLab CI commands use options that exist', () => {
    const invocations = reviewInvocations();
    assert.equal(invocations.length, 2, JSON.stringify(invocations));
    for (const args of invocations) {
      const options = parseReviewOptions(args, {});
      assert.equal(options.diff, 'origin/main');
      assert.equal(options.failOn, 'high');
      assert.ok(options.reports.length >= 1);
    }
    assert.match(section, /github\/codeql-action\/upload-sarif@v3/);
    assert.match(section, /fetch-depth: 0/);
    assert.match(section, /GIT_DEPTH: 0/);
  });

  it('the MCP configurations are valid JSON that start `mcp`', () => {
    const configs = blocks('json').map((b) => JSON.parse(b) as { mcpServers: Record<string, { command: string; args: string[] }> });
    assert.equal(configs.length, 2);
    for (const c of configs) {
      const server = c.mcpServers['architect-personas'];
      assert.equal(server.command, 'npx');
      assert.equal(server.args[server.args.length - 1], 'mcp');
    }
    assert.match(section, /claude mcp add architect-personas .* -- npx -y architect-personas@0 mcp/);
  });
});
