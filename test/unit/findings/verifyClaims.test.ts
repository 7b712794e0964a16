/**
 * Issue #17, "Line verification": approximate matches, duplicate lines, overlapping claims.
 */
import * as assert from 'node:assert/strict';
import type { SentFile } from '../../../src/core/context/sentFile';
import { parseFindingBlock } from '../../../src/core/findings/block';
import type { Finding } from '../../../src/core/findings/types';
import { planReplacement, verifyFinding } from '../../../src/core/findings/verify';
import { FINDING_COMMANDS, type ChatPart } from '../../../src/core/render/chatParts';
import { renderFinding } from '../../../src/core/render/renderFinding';

function finding(attrs: string, quote: string, extra = ''): Finding {
  const f = parseFindingBlock(`<finding severity="high" ${attrs}>\n<quote>\n${quote}\n</quote>\n<issue>i</issue>\n${extra}</finding>`);
  assert.ok(f);
  return f;
}

function sent(text: string, path = 'src/orders.ts'): SentFile[] {
  return [{ path, uri: `file:///w/${path}`, languageId: 'typescript', text, firstLine: 1 }];
}

function buttons(parts: readonly ChatPart[]): string[] {
  return parts.flatMap((p) => (p.kind === 'button' ? [p.command] : []));
}

function anchorNote(parts: readonly ChatPart[]): string | undefined {
  const a = parts.find((p) => p.kind === 'anchor');
  return a?.kind === 'anchor' ? a.note : undefined;
}

const ORDERS = [
  'export async function listOrders(db: Db, userId: string) {',
  "  const rows = await db.query('SELECT * FROM orders WHERE user_id = $1', [userId]);",
  '  return rows.map(toOrder);',
  '}',
  '',
  'export async function listInvoices(db: Db, userId: string) {',
  "  const rows = await db.query('SELECT * FROM invoices WHERE user_id = $1', [userId]);",
  '  return rows.map(toInvoice);',
  '}',
  '',
  'export async function countOrders(db: Db) {',
  '  for (const shard of shards) {',
  '    total += await shard.count();',
  '  }',
  '}',
  '',
  'export async function countInvoices(db: Db) {',
  '  for (const shard of shards) {',
  '    total += await shard.count();',
  '  }',
  '}',
].join('\n');

describe('Line verification (issue #17)', () => {
  it('a quote of a function that does not exist is an approximate match: it says so and Apply is not offered', () => {
    // listPayments does not exist; listOrders is similar (the same shape, other names).
    const quote = [
      'export async function listPayments(db: Db, userId: string) {',
      "  const rows = await db.query('SELECT * FROM payments WHERE user_id = $1', [userId]);",
      '  return rows.map(toPayment);',
    ].join('\n');
    const v = verifyFinding(
      finding('file="src/orders.ts" line="1" title="Unbounded listPayments"', quote, '<fix kind="replace" lang="typescript">\nexport async function listPayments() {}\n</fix>\n'),
      sent(ORDERS),
    );
    assert.ok(v.location, 'the nearest similar code is still shown');
    assert.equal(v.match?.method, 'fuzzy');
    assert.equal(v.status, 'approximate');
    const parts = renderFinding(v);
    assert.match(anchorNote(parts) ?? '', /approximate match: the quoted code is not in the file as written \(\d+% similar\)/);
    assert.ok(!buttons(parts).includes(FINDING_COMMANDS.previewAndApplyFix), 'no Preview & Apply on an approximate match');
    assert.ok(buttons(parts).includes(FINDING_COMMANDS.copyFix), 'the fix can still be copied');
    // The click-time planner refuses an approximate match too (the document may have been edited since).
    assert.equal(planReplacement(ORDERS, quote, 'x'), undefined);
    assert.ok(planReplacement(ORDERS.replace(/ {2}const rows/g, '    const rows'), "  const rows = await db.query('SELECT * FROM orders WHERE user_id = $1', [userId]);", 'x'), 'whitespace-normalised text still applies');
  });

  it('when the same line occurs twice, a shifted claim is anchored to the copy the title names', () => {
    const quote = '  for (const shard of shards) {\n    total += await shard.count();\n  }';
    // Claimed at 11 (countOrders) but the title names countInvoices: lines 18-20.
    const byTitle = verifyFinding(finding('file="src/orders.ts" line="10" title="Sequential awaits in countInvoices"', quote), sent(ORDERS));
    assert.deepEqual([byTitle.location?.startLine, byTitle.location?.endLine], [18, 20]);
    assert.equal(byTitle.status, 'relocated');
    assert.equal(byTitle.ambiguous, undefined);
    // Claimed near countInvoices, title names countOrders: lines 12-14.
    const other = verifyFinding(finding('file="src/orders.ts" line="19" title="Sequential awaits in countOrders"', quote), sent(ORDERS));
    assert.deepEqual([other.location?.startLine, other.location?.endLine], [12, 14]);
  });

  it('when the same line occurs twice and nothing names either copy, the location is marked ambiguous', () => {
    const quote = '    total += await shard.count();';
    const v = verifyFinding(finding('file="src/orders.ts" line="16" title="Sequential awaits"', quote), sent(ORDERS));
    assert.equal(v.location?.startLine, 13, 'nearest copy to line 16 among equals');
    assert.deepEqual(
      v.ambiguous?.map((l) => l.startLine),
      [19],
    );
    assert.match(anchorNote(renderFinding(v)) ?? '', /ambiguous: the same code is also at line 19/);
    // A claim exactly on one copy is taken as it is.
    const exact = verifyFinding(finding('file="src/orders.ts" line="19" title="Sequential awaits"', quote), sent(ORDERS));
    assert.equal(exact.status, 'verified');
    assert.equal(exact.location?.startLine, 19);
    assert.equal(exact.ambiguous, undefined);
  });

  it('a line repeated in every handler of a long file: the claim is checked against every copy, not the first twenty', () => {
    // 60 handlers, each ending in the same line; the claim names the 45th exactly, then 4 lines off.
    const handler = (i: number): string[] => [`export function handler${i}(req: Req, res: Res) {`, '  const rows = load();', '  res.json({ count: rows.length });', '}', ''];
    const text = Array.from({ length: 60 }, (_, i) => handler(i)).flat().join('\n');
    const quote = '  res.json({ count: rows.length });';
    const line45 = 44 * 5 + 3;
    const exact = verifyFinding(finding(`file="src/orders.ts" line="${line45}" title="No page size"`, quote), sent(text));
    assert.equal(exact.status, 'verified');
    assert.equal(exact.location?.startLine, line45);
    const near = verifyFinding(finding(`file="src/orders.ts" line="${line45 + 1}" title="No page size in handler44"`, quote), sent(text));
    assert.equal(near.status, 'relocated');
    assert.equal(near.location?.startLine, line45, 'the copy the title names, far past the twentieth');
    const unnamed = verifyFinding(finding(`file="src/orders.ts" line="${line45 - 1}" title="No page size"`, quote), sent(text));
    assert.equal(unnamed.location?.startLine, line45, 'the nearest copy');
    assert.equal(unnamed.ambiguous?.length, 59, 'and every other copy listed as just as plausible');
  });

  it('a claimed range that only overlaps the found range gets the "line corrected" note', () => {
    const quote = '  for (const shard of shards) {\n    total += await shard.count();\n  }';
    // Found at 12-14; claimed 13-15 overlaps it.
    const v = verifyFinding(finding('file="src/orders.ts" line="13" end="15" title="Sequential awaits in countOrders"', quote), sent(ORDERS));
    assert.deepEqual([v.location?.startLine, v.location?.endLine], [12, 14]);
    assert.equal(v.status, 'relocated');
    assert.equal(anchorNote(renderFinding(v)), 'line corrected from 13-15');
    // The exact claim is verified, without a note.
    const ok = verifyFinding(finding('file="src/orders.ts" line="12" end="14" title="Sequential awaits in countOrders"', quote), sent(ORDERS));
    assert.equal(ok.status, 'verified');
    assert.equal(anchorNote(renderFinding(ok)), undefined);
  });
});
