import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChatPart } from '../../../src/core/render/chatParts';
import { FINDING_COMMANDS } from '../../../src/core/render/chatParts';
import { codeBlock, renderEvents, renderFinding } from '../../../src/core/render/renderFinding';
import { FindingsStreamParser } from '../../../src/core/findings/parser';
import { parseFindingBlock } from '../../../src/core/findings/block';
import { verifyFinding } from '../../../src/core/findings/verify';
import { TRANSCRIPTS_DIR, readContext, readTranscript, renderChunks, rng, transcriptNames } from './helpers';

function renderTranscript(name: string, chunks?: readonly string[]): ChatPart[] {
  return renderChunks(readContext(name), chunks ?? [readTranscript(name)]);
}

const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('render: golden transcripts', () => {
  for (const name of transcriptNames()) {
    it(`${name} renders as ${name}.golden.json`, () => {
      const parts = renderTranscript(name);
      const file = path.join(TRANSCRIPTS_DIR, `${name}.golden.json`);
      if (UPDATE || !fs.existsSync(file)) {
        if (!UPDATE) {
          assert.fail(`${file} is missing; run the tests with UPDATE_GOLDEN=1 to create it, then review it`);
        }
        fs.writeFileSync(file, JSON.stringify(parts, null, 2) + '\n');
      }
      const expected = JSON.parse(fs.readFileSync(file, 'utf8')) as ChatPart[];
      assert.deepEqual(parts, expected);
    });

    it(`${name} renders the same when streamed in random chunks`, () => {
      const text = readTranscript(name);
      const rand = rng(text.length);
      const chunks: string[] = [];
      for (let pos = 0; pos < text.length; ) {
        const len = 1 + Math.floor(rand() * 64);
        chunks.push(text.slice(pos, pos + len));
        pos += len;
      }
      assert.deepEqual(renderTranscript(name, chunks), renderTranscript(name));
    });
  }
});

describe('render: findings', () => {
  const parts = (name: string) => renderTranscript(name);
  const anchors = (ps: ChatPart[]) => ps.flatMap((p) => (p.kind === 'anchor' ? [p] : []));
  const buttons = (ps: ChatPart[]) => ps.flatMap((p) => (p.kind === 'button' ? [p] : []));
  const markdown = (ps: ChatPart[]) => ps.map((p) => (p.kind === 'markdown' ? p.value : '')).join('');

  it('optimize: anchors at verified document lines, relocation note, buttons per fix kind', () => {
    const ps = parts('optimize');
    assert.deepEqual(
      anchors(ps).map((a) => [a.title, a.range.startLine, a.range.endLine]),
      [
        ['src/db/users.ts:26-28', 26, 28],
        ['src/db/users.ts:20', 20, 20],
        ['src/db/users.ts:41-46', 41, 46],
        ['src/db/users.ts:34', 34, 34],
      ],
    );
    assert.deepEqual(
      anchors(ps).map((a) => a.note),
      [undefined, undefined, 'line corrected from 40-46; approximate match: the quoted code is not in the file as written (99% similar)', undefined],
      'the relocation and the approximate match are noted on the anchor',
    );
    assert.deepEqual(
      buttons(ps).map((b) => [b.title, b.command]),
      [
        ['Preview & Apply', FINDING_COMMANDS.previewAndApplyFix],
        ['Open in SQL Editor', FINDING_COMMANDS.openFixInEditor],
        ['Copy', FINDING_COMMANDS.copyFix],
        ['Preview & Apply', FINDING_COMMANDS.previewAndApplyFix],
        ['Open in SQL Editor', FINDING_COMMANDS.openFixInEditor],
        ['Copy', FINDING_COMMANDS.copyFix],
        // An approximate match (the quote is 99% like lines 41-46): copy only, never apply.
        ['Copy', FINDING_COMMANDS.copyFix],
        ['Open in SQL Editor', FINDING_COMMANDS.openFixInEditor],
        ['Copy', FINDING_COMMANDS.copyFix],
      ],
    );
    const apply = buttons(ps)[0].arguments[0] as Record<string, unknown>;
    assert.equal(apply.uri, 'file:///workspace/src/db/users.ts');
    assert.equal(apply.line, 26);
    assert.equal(apply.language, 'typescript');
    assert.ok(String(apply.quote).startsWith('  for (const user of users) {'));
    // Button arguments are small, JSON-serialisable data.
    for (const b of buttons(ps)) {
      assert.deepEqual(JSON.parse(JSON.stringify(b.arguments)), b.arguments);
    }
    assert.ok(markdown(ps).includes('```sql\nCREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_id_idx ON orders (user_id);\n```'));
  });

  it('infra and debug: unsent, absolute and ../ paths are never linked', () => {
    const infra = parts('infra');
    assert.deepEqual(
      anchors(infra).map((a) => a.uri),
      ['file:///workspace/docker-compose.yml', 'file:///workspace/Dockerfile'],
    );
    assert.ok(markdown(infra).includes('_Not linked: that file was not part of what was sent (claimed `k8s/deployment.yaml:12`)._'));
    assert.ok(markdown(infra).includes('_Not linked: the path is outside the workspace (claimed `/etc/nginx/nginx.conf:1`)._'));
    assert.ok(buttons(infra).some((b) => b.title === 'Open in Editor'), 'bash run fix opens in a plain editor');
    const debug = parts('debug');
    assert.ok(!anchors(debug).some((a) => a.uri.includes('secrets')));
    assert.ok(markdown(debug).includes('_Unverified: quote not found in what was sent (claimed `src/api/handlers.ts:30`)._'));
    assert.ok(markdown(debug).includes('_Not linked: the path is outside the workspace (claimed `../config/secrets.ts:3`)._'));
  });

  it('a replace fix with no verified location offers Copy instead of Preview & Apply', () => {
    const f = parseFindingBlock('<finding severity="low" file="nope.ts" line="1" title="t">\n<quote>\nx\n</quote>\n<fix kind="replace" lang="ts">\ny\n</fix>\n</finding>');
    assert.ok(f);
    const ps = renderFinding(verifyFinding(f, readContext('debug')));
    assert.deepEqual(
      buttons(ps).map((b) => b.title),
      ['Copy'],
    );
    assert.equal(anchors(ps).length, 0);
    assert.ok(markdown(ps).includes('```\nx\n```'), 'unlinked quote shown as code');
  });

  it('renders sections in order with labels, and the heading with the severity marker', () => {
    const ps = renderTranscript('scale');
    const md = markdown(ps);
    assert.ok(md.includes('#### 🟠 High · Two workers pick the same jobs'));
    const order = ['**Issue:**', '**Root cause:**', '**Impact:**', '**Recommendation:**', '**Trade-off:**'].map((l) => md.indexOf(l));
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    assert.ok(order.every((i) => i >= 0));
  });

  it('renderEvents shows progress while a block is buffered, and passes prose through', () => {
    const events = FindingsStreamParser.parseAll('Hi\n<finding severity="info" title="x">\n<issue>y</issue>\n</finding>\n');
    const ps = renderEvents(events, []);
    assert.deepEqual(ps[0], { kind: 'markdown', value: 'Hi\n' });
    assert.deepEqual(ps[1], { kind: 'progress', value: 'Writing a finding…' });
    assert.equal(renderEvents(events, [], { progressText: '' }).filter((p) => p.kind === 'progress').length, 0);
  });

  it('code blocks use a fence longer than any backtick run in the content', () => {
    assert.equal(codeBlock('a ``` b', 'md'), '````md\na ``` b\n````\n');
    assert.equal(codeBlock('x', 'weird lang'), '```\nx\n```\n');
  });
});
