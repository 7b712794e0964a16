import * as assert from 'node:assert/strict';
import { redact as redactSecrets } from '../../../src/core/redact';
import { NEAR_MISSES } from './cases';

// Fake secrets are assembled at run time so that secret scanners do not flag this file.
const j = (...parts: string[]): string => parts.join('');
const alnum = (n: number, seed = 'aB3dE5gH7jK9mN1pQ2rS4tU6vW8xY0z'): string => seed.repeat(Math.ceil(n / seed.length)).slice(0, n);

interface Case {
  readonly kind: string;
  readonly secret: string;
  /** The line containing it; `${S}` stands for the secret. */
  readonly line: string;
}

const CASES: Case[] = [
  { kind: 'aws-access-key', secret: j('AKIA', 'IOSFODNN7', 'EXAMPL2'), line: 'aws_access_key_id = ${S}' },
  { kind: 'github-token', secret: j('ghp', '_', alnum(36)), line: 'const gh = "${S}";' },
  { kind: 'github-token', secret: j('github', '_pat_', alnum(82)), line: 'token: ${S}' },
  { kind: 'gitlab-token', secret: j('glpat', '-', alnum(20)), line: 'GL=${S}' },
  { kind: 'slack-token', secret: j('xox', 'b-', '1234567890-', '1234567890-', alnum(24)), line: 'slack(${S})' },
  { kind: 'slack-webhook', secret: j('https://hooks.', 'slack.com/services/', 'T0000/B0000/', alnum(24)), line: 'post("${S}")' },
  { kind: 'stripe-key', secret: j('sk', '_live_', alnum(24)), line: 'stripe = Stripe("${S}")' },
  { kind: 'google-api-key', secret: j('AI', 'za', 'Sy', alnum(33)), line: 'maps.load("${S}")' },
  { kind: 'openai-api-key', secret: j('sk-', 'proj-', alnum(48)), line: 'new OpenAI({ apiKey: process.env.X ?? "${S}" })' },
  { kind: 'openai-api-key', secret: j('sk-', alnum(20), 'T3Blbk', 'FJ', alnum(20)), line: 'openai.key = ${S}' },
  { kind: 'anthropic-api-key', secret: j('sk-', 'ant-', 'api03-', alnum(93), 'AA'), line: 'anthropic(${S})' },
  { kind: 'npm-token', secret: j('npm', '_', alnum(36)), line: '//registry.npmjs.org/:_authToken=${S}' },
  {
    kind: 'jwt',
    secret: j('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ', '.', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'),
    line: 'Authorization: Bearer ${S}',
  },
  { kind: 'password-in-url', secret: 'hunter2secret', line: 'DATABASE_URL_X=postgres://app_user:${S}@db.internal:5432/app' },
  { kind: 'password-in-url', secret: 'p4ssw0rd', line: 'redis = "redis://default:${S}@cache:6379"' },
  { kind: 'password', secret: 'S3cr3tValue!', line: 'DB_PASSWORD=${S}' },
  { kind: 'secret-assignment', secret: 'abc123def456', line: 'export API_KEY="${S}"' },
  { kind: 'secret-assignment', secret: 'zzTopSecretzz', line: 'JWT_SECRET: ${S}' },
  { kind: 'secret-assignment', secret: 'tok_9f8e7d6c', line: 'GITHUB_TOKEN=${S}' },
  { kind: 'password', secret: 'hunter2hunter2', line: '  password: "${S}"' },
  { kind: 'secret-assignment', secret: 'k3y-v4lu3-xyz', line: '{ "apiKey": "${S}" }' },
];

describe('Redaction: redactSecrets (the cases of the first redactor, kept)', () => {
  for (const c of CASES) {
    it(`replaces ${c.kind} in: ${c.line}`, () => {
      const input = c.line.replace('${S}', c.secret);
      const result = redactSecrets(input);
      assert.ok(!result.text.includes(c.secret), `secret gone from: ${result.text}`);
      assert.ok(result.text.includes(`[REDACTED:${c.kind}]`), `placeholder in: ${result.text}`);
      const entry = result.redactions.find((r) => r.kind === c.kind);
      assert.equal(entry?.count, 1);
    });
  }

  it('replaces a private key block and keeps its line count', () => {
    const block = [
      j('-----BEGIN OPENSSH ', 'PRIVATE KEY-----'),
      alnum(64),
      alnum(64, 'Zx9Yw8Vu7Ts6'),
      j('-----END OPENSSH ', 'PRIVATE KEY-----'),
    ].join('\n');
    const input = `before\n${block}\nafter`;
    const result = redactSecrets(input);
    assert.equal(result.text, '[REDACTED:private-key]'.replace(/^/, 'before\n') + '\n\n\n\nafter');
    assert.equal(result.text.split('\n').length, input.split('\n').length);
    assert.deepEqual(result.redactions, [{ kind: 'private-key', count: 1 }]);
  });

  it('counts several secrets of one kind', () => {
    const a = j('AKIA', 'ABCDEFGHIJKLMNOP');
    const b = j('ASIA', 'QRSTUVWXYZ234567');
    const result = redactSecrets(`x = "${a}"\ny = "${b}"\n`);
    assert.deepEqual(result.redactions, [{ kind: 'aws-access-key', count: 2 }]);
    assert.equal(result.text, 'x = "[REDACTED:aws-access-key#1]"\ny = "[REDACTED:aws-access-key#2]"\n');
  });

  it('leaves ordinary code and placeholders alone', () => {
    // Every near miss of the syntax cases, as one file.
    const code = NEAR_MISSES.join('\n');
    const result = redactSecrets(code);
    assert.equal(result.text, code);
    assert.deepEqual(result.redactions, []);
  });

  it('does not redact its own placeholders twice', () => {
    const once = redactSecrets(`API_KEY=${j('ghp', '_', alnum(36))}`);
    const twice = redactSecrets(once.text);
    assert.equal(twice.text, once.text);
    assert.deepEqual(twice.redactions, []);
  });

  it('handles a 10 MB file with a secret near the end', () => {
    const filler = 'function handler(req, res) { return res.json({ ok: true, items: [] }); }\n';
    const big = filler.repeat(Math.ceil((10 * 1024 * 1024) / filler.length));
    const secret = j('ghp', '_', alnum(36));
    const result = redactSecrets(`${big}const t = "${secret}";\n`);
    assert.ok(!result.text.includes(secret));
    assert.deepEqual(result.redactions, [{ kind: 'github-token', count: 1 }]);
    assert.equal(result.text.length, big.length + 'const t = "[REDACTED:github-token]";\n'.length);
  });
});
