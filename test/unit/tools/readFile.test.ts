import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createWorkspaceAccess, findTool, runTool, type ToolContext } from '../../../src/core/tools';
import type { WorkspaceAccessOptions } from '../../../src/core/tools/workspaceFiles';

const signal = new AbortController().signal;

function write(root: string, rel: string, text: string | Buffer): void {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
}

describe('read_file tool: workspace files with the security rules', () => {
  let base: string;
  let root: string;
  let outside: string;

  after(() => fs.rmSync(base, { recursive: true, force: true }));

  before(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-tools-'));
    root = path.join(base, 'ws');
    outside = path.join(base, 'outside');
    fs.mkdirSync(root);
    fs.mkdirSync(outside);
    write(root, 'db/schema.sql', 'CREATE TABLE orders (\n  id bigserial PRIMARY KEY,\n  user_id bigint NOT NULL\n);\n');
    write(root, 'src/config.ts', "export const url = 'postgres://app:hunter2hunter2@db:5432/app';\nexport const port = 8080;\n");
    write(root, '.env', 'DATABASE_PASSWORD=s3cr3t-Value-9f8a7b\n');
    write(root, '.env.example', 'DATABASE_PASSWORD=\n');
    write(root, 'certs/server.pem', '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n');
    write(root, 'home/id_rsa', 'key');
    write(root, 'config/credentials.json', '{"token":"x"}');
    write(root, 'secrets/prod.yml', 'a: b\n');
    write(root, 'logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
    write(root, 'build-output.log', 'ignored by git\n');
    write(root, '.gitignore', 'build-output.log\n');
    write(root, 'big.ts', Array.from({ length: 2000 }, (_, i) => `const line${i} = ${i};`).join('\n'));
    write(outside, 'stolen.txt', 'outside the workspace\n');
    fs.symlinkSync(path.join(outside, 'stolen.txt'), path.join(root, 'link-out.txt'));
    fs.symlinkSync(path.join(root, '.env'), path.join(root, 'innocent.txt'));
    execFileSync('git', ['init', '-q'], { cwd: root });
  });

  function ctx(options: Partial<WorkspaceAccessOptions> = {}, extra: Partial<ToolContext> = {}): ToolContext {
    return { files: createWorkspaceAccess({ root, ...options }), maxFileChars: 60_000, redactSecrets: true, ...extra };
  }
  const read = (input: unknown, c = ctx()) => runTool(findTool('read_file')!, input, c, signal);

  it('reads a workspace file with line numbers and reports it as sent', async () => {
    const r = await read({ path: 'db/schema.sql' });
    assert.equal(r.isError, undefined);
    assert.match(r.content, /<file path="db\/schema.sql" language="sql" lines="1-5">/);
    assert.match(r.content, / {3}3 \| {3}user_id bigint NOT NULL/);
    assert.equal(r.sentFiles?.[0].path, 'db/schema.sql');
    assert.equal(r.summary, 'Read db/schema.sql lines 1-5');
  });

  it('reads a line range', async () => {
    const r = await read({ path: 'big.ts', startLine: 100, endLine: 102 });
    assert.match(r.content, /lines="100-102"/);
    assert.match(r.content, / 101 \| const line100 = 100;/);
    assert.doesNotMatch(r.content, /line103 =/);
  });

  it('redacts secrets in what it returns', async () => {
    const r = await read({ path: 'src/config.ts' });
    assert.doesNotMatch(r.content, /hunter2hunter2/);
    assert.match(r.summary, /secrets redacted/);
  });

  it('cuts a file over the context budget and says which lines were sent', async () => {
    const r = await read({ path: 'big.ts' }, ctx({}, { maxFileChars: 2000 }));
    assert.match(r.content, /Only part of this file was sent: lines 1-\d+ of 2000/);
    assert.ok(r.content.length < 4000);
  });

  for (const [p, why] of [
    ['/etc/passwd', /absolute path/],
    ['../outside/stolen.txt', /outside the workspace/],
    ['file:///etc/passwd', /URI/],
    ['link-out.txt', /link to a place outside the workspace/],
    ['innocent.txt', /links to \.env/],
    ['.env', /looks like it holds secrets/],
    ['certs/server.pem', /secrets/],
    ['home/id_rsa', /secrets/],
    ['config/credentials.json', /secrets/],
    ['build-output.log', /ignored by git/],
    ['logo.png', /binary/],
    ['missing.ts', /does not exist/],
    ['db', /is a folder/],
  ] as const) {
    it(`refuses ${p}`, async () => {
      const r = await read({ path: p });
      assert.equal(r.isError, true, r.content);
      assert.match(r.content, why);
      assert.equal(r.sentFiles, undefined);
    });
  }

  it('reads .env.example (a template without secrets)', async () => {
    const r = await read({ path: '.env.example' });
    assert.equal(r.isError, undefined, r.content);
  });

  it('refuses files on the user deny list', async () => {
    const r = await read({ path: 'secrets/prod.yml' }, ctx({ denyList: ['secrets/**'] }));
    assert.equal(r.isError, true);
    assert.match(r.content, /deny list \(secrets\/\*\*\)/);
  });

  it('reads a secret-looking or ignored file the user attached (still redacted)', async () => {
    const c = ctx({ attached: ['.env', 'build-output.log'] });
    const env = await read({ path: '.env' }, c);
    assert.equal(env.isError, undefined, env.content);
    assert.doesNotMatch(env.content, /s3cr3t-Value-9f8a7b/, 'redaction still applies');
    assert.equal((await read({ path: 'build-output.log' }, c)).isError, undefined);
  });

  it('untrusted workspace: only attached files', async () => {
    const c = ctx({ restricted: true, attached: ['src/config.ts'] });
    assert.equal((await read({ path: 'src/config.ts' }, c)).isError, undefined);
    const r = await read({ path: 'db/schema.sql' }, c);
    assert.equal(r.isError, true);
    assert.match(r.content, /untrusted workspace/);
  });

  it('bad input is an error the model can act on', async () => {
    const r = await read({ file: 'db/schema.sql' });
    assert.equal(r.isError, true);
    assert.match(r.content, /"path" is required/);
    const n = await read({ path: 'db/schema.sql', startLine: 'ten' });
    assert.match(n.content, /"startLine" must be an integer/);
  });

  describe('find_in_workspace', () => {
    const find = (input: unknown, c = ctx()) => runTool(findTool('find_in_workspace')!, input, c, signal);

    it('finds text, leaving ignored and secret files out', async () => {
      const r = await find({ query: 'DATABASE_PASSWORD' });
      assert.match(r.content, /^\.env\.example:1: DATABASE_PASSWORD=$/m);
      assert.doesNotMatch(r.content, /^\.env:/m, '.env is not searched');
      const ignored = await find({ query: 'ignored by git' });
      assert.match(ignored.content, /No line containing/);
    });

    it('finds a definition by symbol, including SQL tables', async () => {
      const r = await find({ query: 'orders', kind: 'symbol' });
      assert.match(r.content, /^db\/schema.sql:1: CREATE TABLE orders \($/m);
      const c = await find({ query: 'port', kind: 'symbol' });
      assert.match(c.content, /^src\/config.ts:2: export const port = 8080;$/m);
    });

    it('bounds the results', async () => {
      const r = await find({ query: 'const line', maxResults: 5 });
      assert.equal(r.content.split('\n').filter((l) => l.startsWith('big.ts:')).length, 5);
      assert.match(r.content, /more matches exist; showing the first 5/);
    });

    it('redacts secrets in matching lines', async () => {
      const r = await find({ query: 'postgres://' });
      assert.match(r.content, /src\/config.ts:1:/);
      assert.doesNotMatch(r.content, /hunter2hunter2/);
    });
  });
});
