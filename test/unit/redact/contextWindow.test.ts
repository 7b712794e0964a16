import * as assert from 'node:assert/strict';
import { buildSentFile } from '../../../src/core/context/contextBuilder';
import { redact, restoreSecrets, toOriginalOffset, toRedactedOffset } from '../../../src/core/redact';

const j = (...parts: string[]): string => parts.join('');
const BODY = [
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
  'MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu',
  'NMoSfm76oqFvAp8Gy0iz5sxjZmSnXyCdPEovGhLa0VzMaQ8s+CLOyS56YyCFGeJZ',
  'qgtzJ6GR3eqoYSW9b9UMvkBpZODSctWSNGj3P7jRFDO5VoTwCQAWbFnOjDfH5Ulg',
  'p2PKSQnSJP3AJLQNFNe7br1XbrhV//eO+t51mIpGSDCUv3E0DDFcWDTH9cXDTTlR',
  'ZVEiR2BwpZOOkE/Z0/BVnhZYL71oZV34bKfWjQIt6V/isSMahdsAASACp4ZTGtwi',
  'VuNd9tybAgMBAAECggEBAKTmjaS6tkK8BlPXClTQ2vpz/N6uxDeS35mXpqasqskV',
  'laAidgg/sWqpjXDbXr93otIMLlWsM+X0CqMDgSXKejLS2jx4GDjI1ZTXg++0AMJ8',
];
const KEY = [j('-----BEGIN ', 'PRIVATE KEY-----'), ...BODY, j('-----END ', 'PRIVATE KEY-----')];
const base = { path: 'deploy/key.ts', uri: 'file:///w/deploy/key.ts', languageId: 'typescript' };

function keyLinesInClear(text: string): number {
  return BODY.filter((l) => text.includes(l) || text.includes(l.slice(8, 40))).length;
}

describe('Redaction: redact first, then cut the window', () => {
  const filler = Array.from({ length: 60 }, (_, i) => `const line${i} = ${i};`);
  const doc = [...filler, 'const key = `', ...KEY, '`;', ...filler].join('\n');
  const keyStart = filler.length + 2; // 1-based line of BEGIN

  it('a budget cut through the middle of the key sends none of its lines', () => {
    // a budget that ends four lines into the key body
    for (const lastLine of [keyStart + 1, keyStart + 4, keyStart + 8]) {
      const maxChars = doc.split('\n').slice(0, lastLine).join('\n').length;
      const built = buildSentFile({ ...base, text: doc }, { maxChars, redactSecrets: true });
      assert.ok(built.file);
      assert.equal(keyLinesInClear(built.file.text), 0, built.file.text.slice(-400));
      assert.ok(built.notices.some((n) => n.kind === 'redacted' && n.redactions?.some((r) => r.kind === 'private-key')));
    }
  });

  it('a window around a selection next to the key sends none of its lines, whatever the budget', () => {
    for (const sel of [keyStart - 1, keyStart + 2, keyStart + KEY.length]) {
      for (const maxChars of [60, 200, 900, 5000]) {
        const built = buildSentFile({ ...base, text: doc, selection: { startLine: sel, endLine: sel } }, { maxChars, redactSecrets: true });
        assert.ok(built.file);
        assert.equal(keyLinesInClear(built.file.text), 0, `selection ${sel}, budget ${maxChars}`);
      }
    }
  });

  it('a selection of only some key lines sends none of them, with the document line numbers', () => {
    const built = buildSentFile({ ...base, text: doc, selection: { startLine: keyStart + 3, endLine: keyStart + 5 }, selectionOnly: true }, { maxChars: 10_000, redactSecrets: true });
    assert.ok(built.file);
    assert.equal(built.file.firstLine, keyStart + 3);
    assert.equal(built.file.text.split('\n').length, 3);
    assert.equal(keyLinesInClear(built.file.text), 0);
  });

  it('key body lines without BEGIN or END are recognised by their shape', () => {
    const text = ['const a = 1;', ...BODY.slice(2, 6), 'const b = 2;'].join('\n');
    const out = redact(text);
    assert.equal(keyLinesInClear(out.text), 0);
    assert.equal(out.text.split('\n').length, text.split('\n').length);
    assert.ok(out.text.startsWith('const a = 1;\n') && out.text.endsWith('\nconst b = 2;'));
  });

  it('a key written with \\n escapes in a JSON string (service-account file) is replaced', () => {
    const json = `{"type": "service_account", "private_key": "${KEY.join('\\n')}\\n", "client_email": "a@b.iam.gserviceaccount.com"}`;
    const out = redact(json);
    assert.equal(keyLinesInClear(out.text), 0);
    assert.ok(out.text.includes('"client_email": "a@b.iam.gserviceaccount.com"'));
  });

  it('without redaction the key is sent as is (the setting is honoured)', () => {
    const built = buildSentFile({ ...base, text: doc }, { maxChars: 100_000, redactSecrets: false });
    assert.equal(keyLinesInClear(built.file!.text), BODY.length);
  });

  it('counts only what is inside the window sent', () => {
    const lines = ['API_TOKEN=' + j('gh', 'p_', 'R8fK2mQ9xL4vN7pZ3tW6yB1cH5jD0sG2aE8u'), ...filler, 'DB_PASSWORD=Tr0ub4dor&3xQ!'];
    const built = buildSentFile({ ...base, text: lines.join('\n') }, { maxChars: 200, redactSecrets: true });
    const notice = built.notices.find((n) => n.kind === 'redacted');
    assert.deepEqual(notice?.redactions, [{ kind: 'github-token', count: 1 }]);
  });
});

describe('Redaction: placeholders and the map back', () => {
  const a = j('gh', 'p_', 'R8fK2mQ9xL4vN7pZ3tW6yB1cH5jD0sG2aE8u');
  const b = j('gh', 'p_', 'Z1aQ2wS3eD4rF5tG6yH7uJ8iK9oL0pM1nB2v');
  const text = `first = "${a}"\nsecond = "${b}"\nagain = "${a}"\n`;

  it('numbers different secrets of one kind and reuses the number for the same secret', () => {
    const out = redact(text);
    assert.equal(out.text, 'first = "[REDACTED:github-token#1]"\nsecond = "[REDACTED:github-token#2]"\nagain = "[REDACTED:github-token#1]"\n');
    assert.deepEqual(out.redactions, [{ kind: 'github-token', count: 3 }]);
  });

  it('maps offsets both ways', () => {
    const out = redact(text);
    const afterFirst = text.indexOf('\nsecond');
    assert.equal(toOriginalOffset(out, toRedactedOffset(out, afterFirst)), afterFirst);
    const inside = text.indexOf(a) + 5;
    assert.equal(toRedactedOffset(out, inside), out.spans[0].outStart);
    assert.equal(toOriginalOffset(out, out.spans[1].outStart + 3), out.spans[1].start);
  });

  it('restores the real values in a fix written against the redacted text', () => {
    const fix = 'second = process.env.GH ?? "[REDACTED:github-token#2]"';
    const restored = restoreSecrets(fix, text);
    assert.equal(restored.text, `second = process.env.GH ?? "${b}"`);
    assert.deepEqual(restored.unknown, []);
  });

  it('reports placeholders it cannot restore', () => {
    const restored = restoreSecrets('x = "[REDACTED:password]"', text);
    assert.deepEqual(restored.unknown, ['[REDACTED:password]']);
  });

  it('keeps line count and the text around secrets', () => {
    const out = redact(text);
    assert.equal(out.text.split('\n').length, text.split('\n').length);
    assert.ok(out.text.startsWith('first = "'));
  });
});
