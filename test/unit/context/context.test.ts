import * as assert from 'node:assert/strict';
import { isProbablyBinary } from '../../../src/core/context/binary';
import { budgetContext } from '../../../src/core/context/budget';
import { buildSentFile } from '../../../src/core/context/contextBuilder';
import { countLines, numberLines } from '../../../src/core/context/lineNumbers';

function numbered(count: number, width = 20): string {
  const lines: string[] = [];
  for (let i = 1; i <= count; i++) {
    lines.push(`line ${i}`.padEnd(width, '.'));
  }
  return lines.join('\n');
}

describe('budgetContext', () => {
  it('sends a small file whole', () => {
    const r = budgetContext('a\nb\nc', { maxChars: 1000 });
    assert.equal(r.text, 'a\nb\nc');
    assert.equal(r.truncated, false);
    assert.equal(r.truncationNote, undefined);
    assert.equal(r.firstLine, 1);
    assert.equal(r.lastLine, 3);
  });

  it('cuts from the top when there is no selection', () => {
    const text = numbered(5000); // 21 chars per line with the newline
    const r = budgetContext(text, { maxChars: 21 * 100 });
    assert.equal(r.firstLine, 1);
    assert.equal(r.lastLine, 100);
    assert.equal(r.truncationNote, 'lines 1-100 of 5000');
    assert.ok(r.text.length <= 21 * 100);
    assert.ok(r.text.startsWith('line 1.'));
    assert.ok(r.text.endsWith('line 100' + '.'.repeat(12)));
  });

  it('centres the window on the selection and keeps it whole', () => {
    const text = numbered(5000);
    const r = budgetContext(text, { selection: { startLine: 1400, endLine: 1450 }, maxChars: 21 * 451 });
    assert.ok(r.firstLine <= 1400 && r.lastLine >= 1450, 'selection inside the window');
    assert.equal(r.lastLine - r.firstLine + 1, 451);
    const above = 1400 - r.firstLine;
    const below = r.lastLine - 1450;
    assert.ok(Math.abs(above - below) <= 1, `centred (${above} above, ${below} below)`);
    assert.equal(r.truncationNote, `lines ${r.firstLine}-${r.lastLine} of 5000`);
    assert.equal(r.text.split('\n')[0], `line ${r.firstLine}`.padEnd(20, '.'));
  });

  it('uses the other side when the selection is near the start', () => {
    const r = budgetContext(numbered(1000), { selection: { startLine: 2, endLine: 3 }, maxChars: 21 * 50 });
    assert.equal(r.firstLine, 1);
    assert.equal(r.lastLine, 50);
  });

  it('keeps the top of a selection larger than the budget', () => {
    const r = budgetContext(numbered(1000), { selection: { startLine: 100, endLine: 900 }, maxChars: 21 * 10 });
    assert.equal(r.firstLine, 100);
    assert.equal(r.lastLine, 109);
    assert.equal(r.selectionCut, true);
  });

  it('cuts a single huge line by characters', () => {
    const r = budgetContext('x'.repeat(10_000), { maxChars: 100 });
    assert.equal(r.text.length, 100);
    assert.equal(r.truncated, true);
    assert.match(r.truncationNote ?? '', /first 100 characters of line 1 of 1/);
  });

  it('accepts a token budget (4 chars per token) and normalises CRLF', () => {
    const r = budgetContext('ab\r\ncd\r\nef\r\n', { maxTokensEstimate: 2 });
    assert.equal(r.text, 'ab\ncd');
    assert.equal(r.lastLine, 2);
  });

  it('handles a 10 MB file', () => {
    const line = 'const value = computeSomething(input, options); // padding padding\n';
    const text = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
    const total = countLines(text);
    const r = budgetContext(text, { selection: { startLine: 80_000, endLine: 80_010 }, maxChars: 50_000 });
    assert.ok(r.firstLine <= 80_000 && r.lastLine >= 80_010);
    assert.equal(r.totalLines, total);
    assert.ok(r.text.length <= 50_000);
    const n = numberLines(r.text, r.firstLine);
    assert.equal(n.split('\n').length, r.lastLine - r.firstLine + 1);
    assert.equal(numberLines(text, 1).length > text.length, true);
  });
});

describe('isProbablyBinary', () => {
  it('flags NUL bytes and control-heavy content, not text', () => {
    assert.equal(isProbablyBinary('hello\0world'), true);
    assert.equal(isProbablyBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), true);
    assert.equal(isProbablyBinary('\x01\x02\x03\x04\x05abc'), true);
    assert.equal(isProbablyBinary('\uFFFD\uFFFD\uFFFD\uFFFDab'), true);
    assert.equal(isProbablyBinary('function f() {\n\treturn 1;\r\n}\n'), false);
    assert.equal(isProbablyBinary('\x1b[31mred log\x1b[0m\n'), false);
    assert.equal(isProbablyBinary('naïve café 日本語'), false);
    assert.equal(isProbablyBinary(new TextEncoder().encode('plain utf-8 text é')), false);
    assert.equal(isProbablyBinary(''), false);
  });
});

describe('numberLines', () => {
  it('right-aligns numbers with a bar', () => {
    assert.equal(numberLines('a\nb', 42), '  42 | a\n  43 | b');
    assert.equal(numberLines('x\ny\nz', 9998), ' 9998 | x\n 9999 | y\n10000 | z');
    assert.equal(numberLines('code\r\nmore', 1), '   1 | code\n   2 | more');
  });
});

describe('buildSentFile', () => {
  const base = { path: 'src/a.ts', uri: 'file:///w/src/a.ts', languageId: 'typescript', version: 3 };

  it('refuses binary content with a notice', () => {
    const built = buildSentFile({ ...base, text: 'PK\0\0\x03\x04' }, { maxChars: 1000, redactSecrets: true });
    assert.equal(built.file, undefined);
    assert.equal(built.notices[0].kind, 'binary');
  });

  it('sends a budgeted window with a truncation note and notice', () => {
    const built = buildSentFile(
      { ...base, text: numbered(5000), selection: { startLine: 1200, endLine: 1210 } },
      { maxChars: 21 * 451, redactSecrets: false },
    );
    assert.ok(built.file);
    assert.match(built.file.truncationNote ?? '', /^lines \d+-\d+ of 5000$/);
    assert.ok(built.file.firstLine <= 1200);
    assert.deepEqual(built.file.selection, { startLine: 1200, endLine: 1210 });
    assert.equal(built.file.version, 3);
    assert.ok(built.notices.some((n) => n.kind === 'truncated'));
  });

  it('sends only the selection when asked, numbered from its document line', () => {
    const built = buildSentFile(
      { ...base, text: numbered(100), selection: { startLine: 10, endLine: 12 }, selectionOnly: true },
      { maxChars: 10_000, redactSecrets: false },
    );
    assert.ok(built.file);
    assert.equal(built.file.firstLine, 10);
    assert.equal(built.file.text.split('\n').length, 3);
    assert.ok(built.file.text.startsWith('line 10.'));
    assert.equal(built.file.truncationNote, 'lines 10-12 of 100');
    assert.equal(built.notices.length, 0, 'a chosen selection is not a truncation notice');
  });

  it('redacts secrets, keeps the line count and reports what it replaced', () => {
    const text = [
      'const a = 1;',
      '-----BEGIN RSA PRIVATE KEY-----',
      'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
      'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
      '-----END RSA PRIVATE KEY-----',
      'const b = 2;',
    ].join('\n');
    const built = buildSentFile({ ...base, text }, { maxChars: 10_000, redactSecrets: true });
    assert.ok(built.file);
    assert.equal(built.file.text.split('\n').length, 6, 'line count kept');
    assert.equal(built.file.text.split('\n')[5], 'const b = 2;');
    assert.ok(!built.file.text.includes('MIIEow'));
    const notice = built.notices.find((n) => n.kind === 'redacted');
    assert.ok(notice);
    assert.deepEqual(notice.redactions, [{ kind: 'private-key', count: 1 }]);
  });
});
