import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { redact } from '../../src/core/redact';
import type { FakeAnthropicServer } from '../fakeServer/fakeAnthropic';
import { askInChat, chatPanelText, openFixture, useFakeAnthropic, waitFor, waitForChatText, waitForTurnDone, workspaceRoot } from './support';

// Fake secrets assembled at run time so that secret scanners do not flag this file.
const j = (...parts: string[]): string => parts.join('');
const S = {
  dbPassword: j('Tr0ub4dor', '&3xQ!9'),
  stripe: j('sk', '_live_', '51HqLyjWDarjtT1zdp7dcXQeZ2mLkV9'),
  session: j('q7Rk2Lm9Vx4Zp8Ns', '3Tw6Yb1Hc5Jd'),
  jwtSecret: j('9f86d081884c7d65', '9a2feaa0c55ad015'),
  redis: j('r3d1s', 'P4ss-77'),
  pg: j('Pg', 'S3cret!2024'),
  github: j('gh', 'p_', 'R8fK2mQ9xL4vN7pZ3tW6yB1cH5jD0sG2aE8u'),
  jwtKey: j('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYzEXAMPLEKEY9'),
  smtp: j('sm', 'tp-P4ss!w0rd'),
  sql: j('Sql', 'Adm1n#2024'),
};

const FILES: Record<string, string> = {
  'redaction-it/.env': ['APP_NAME=shop', `DB_PASSWORD=${S.dbPassword}`, `stripe_secret_key=${S.stripe}`, `session_secret=${S.session} jwt_secret=${S.jwtSecret}`, `REDIS_URL=redis://:${S.redis}@cache:6379/0`, 'PORT=8080', ''].join('\n'),
  'redaction-it/docker-compose.yml': [
    'services:',
    '  db:',
    '    image: postgres:16',
    '    environment:',
    `      - POSTGRES_PASSWORD=${S.pg}`,
    '      - POSTGRES_USER=shop',
    '  api:',
    '    build: .',
    '    environment:',
    `      GITHUB_TOKEN: ${S.github}`,
    `      DATABASE_URL: postgres://shop:${S.pg}@db:5432/shop`,
    '',
  ].join('\n'),
  'redaction-it/appsettings.json': JSON.stringify(
    {
      ConnectionStrings: { Default: `Server=tcp:db.example.net,1433;Database=shop;User Id=app;Password=${S.sql};Encrypt=True;` },
      Jwt: { Key: S.jwtKey, Issuer: 'shop' },
      Smtp: { Host: 'smtp.example.net', Password: S.smtp },
      Logging: { LogLevel: { Default: 'Information' } },
    },
    null,
    2,
  ),
};

function describeCounts(text: string): string {
  return redact(text)
    .redactions.map((r) => `${r.count} ${r.kind}`)
    .join(', ');
}

describe('Redaction in the real chat panel', () => {
  let server: FakeAnthropicServer;

  before(() => {
    for (const [rel, content] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(workspaceRoot(), rel)), { recursive: true });
      fs.writeFileSync(path.join(workspaceRoot(), rel), content);
    }
  });
  after(() => {
    fs.rmSync(path.join(workspaceRoot(), 'redaction-it'), { recursive: true, force: true });
  });
  afterEach(async () => {
    await server?.close();
  });

  for (const rel of Object.keys(FILES)) {
    it(`${path.basename(rel)}: every secret is replaced on the wire and the chat says how many of what kind`, async () => {
      server = await useFakeAnthropic();
      server.script({ kind: 'reply', text: `Reviewed ${path.basename(rel)}.` });
      await openFixture(rel);
      await askInChat('@backend /infra is this config safe?');
      await waitForChatText(`Reviewed ${path.basename(rel)}.`);
      await waitForTurnDone();
      const sent = JSON.stringify(server.requests[0].body);
      const secrets = Object.values(S).filter((s) => FILES[rel].includes(s));
      assert.ok(secrets.length >= 2, 'the fixture holds secrets');
      for (const s of secrets) {
        assert.ok(!sent.includes(s) && !sent.includes(JSON.stringify(s).slice(1, -1)), `${s.slice(0, 4)}… was sent`);
      }
      assert.match(sent, /\[REDACTED:/);
      assert.match(sent, /POSTGRES_USER=shop|APP_NAME=shop|Information/, 'the rest of the file is sent as is');
      const expected = `Redacted secrets in ${rel} before sending: ${describeCounts(FILES[rel])}.`;
      await waitFor(`the notice "${expected}"`, async () => ((await chatPanelText()).includes(expected) ? true : undefined));
    });
  }

  it('Preview What Will Be Sent shows exactly the redacted context, read-only, with the placeholders marked', async () => {
    const rel = 'redaction-it/docker-compose.yml';
    await openFixture(rel);
    const result = (await vscode.commands.executeCommand('architectPersonas.previewWhatWillBeSent')) as { uri: vscode.Uri; text: string; summary: string; placeholders: number } | undefined;
    assert.ok(result, 'the preview opened');
    const doc = await vscode.workspace.openTextDocument(result.uri);
    assert.equal(doc.getText(), result.text);
    assert.equal(doc.getText().replace(/\n$/, ''), redact(FILES[rel]).text.replace(/\n$/, ''));
    for (const s of Object.values(S)) {
      assert.ok(!doc.getText().includes(s));
    }
    assert.equal(result.placeholders, redact(FILES[rel]).spans.length);
    assert.match(result.summary, /would be sent; \d+ secrets replaced/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.scheme, 'architect-sent');
    // a virtual document of a content provider: shown read-only, never a file that could be saved
    assert.notEqual(doc.uri.scheme, 'file');
    assert.equal(doc.isUntitled, false);
  });
});
