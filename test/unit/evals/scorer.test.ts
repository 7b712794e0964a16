/**
 * The eval scorer counts what it claims to count: a missed issue, a finding on the wrong lines,
 * an answer that does not parse without loss, a SQL fix that does not apply or does not help,
 * a false alarm on a place labelled fine, and the totals and baseline built from them.
 */
import * as assert from 'node:assert/strict';
import type { SentFile } from '../../../src/core/context/sentFile';
import { FindingsStreamParser } from '../../../src/core/findings/parser';
import { verifyFindings, type VerifiedFinding } from '../../../src/core/findings/verify';
import { regressions, baselineOf } from '../../evals/lib/baseline';
import type { DesignBrief, ReviewCase } from '../../evals/lib/evalCase';
import { checkParse, lostOpeners } from '../../evals/lib/parseCheck';
import { formatComparison, totalsOf, usageFigures, type CaseReport, type DesignReport, type EvalReport } from '../../evals/lib/report';
import { scoreDesign } from '../../evals/lib/scoreDesign';
import { scoreReview, type SqlFixResults } from '../../evals/lib/scoreReview';
import { checkSqlFixes, sqlFixTargets, type SqlFixChecker } from '../../evals/lib/sqlFixes';

const CODE = [
  "import { db } from './db';", // 1
  '', // 2
  'export async function listOrders(customerIds: number[]) {', // 3
  '  const out = [];', // 4
  '  for (const id of customerIds) {', // 5
  "    out.push(await db.query('SELECT * FROM orders WHERE customer_id = $1', [id]));", // 6
  '  }', // 7
  '  return out;', // 8
  '}', // 9
  '', // 10
  'export async function findOrder(id: string) {', // 11
  "  return db.query(`SELECT id, total FROM orders WHERE id = ${id}`);", // 12
  '}', // 13
].join('\n');

/** Line 12 of CODE. */
const INJ = '  return db.query(`SELECT id, total FROM orders WHERE id = ${id}`);';

const SCHEMA = ['CREATE TABLE orders (', '  id bigserial PRIMARY KEY,', '  customer_id bigint NOT NULL,', '  total integer NOT NULL', ');'].join('\n');

const FILES: SentFile[] = [
  { path: 'src/orders.ts', uri: 'file:///w/src/orders.ts', languageId: 'typescript', text: CODE, firstLine: 1 },
  { path: 'db/schema.sql', uri: 'file:///w/db/schema.sql', languageId: 'sql', text: SCHEMA, firstLine: 1 },
];

const CASE: ReviewCase = {
  id: 'unit-case',
  title: 'unit',
  language: 'typescript',
  root: '/w',
  persona: 'pragmatic-platform-engineer',
  files: ['src/orders.ts', 'db/schema.sql'],
  issues: [
    { id: 'n-plus-one', file: 'src/orders.ts', lines: [5, 7], expect: 'for (const id', category: 'n-plus-one', severity: 'high', summary: 's', match: ['n+1', 'per customer'] },
    { id: 'injection', file: 'src/orders.ts', lines: [12, 12], expect: '${id}', category: 'sql-injection', severity: 'critical', summary: 's', match: ['injection'] },
    {
      id: 'fk-index',
      file: 'db/schema.sql',
      lines: [3, 3],
      expect: 'customer_id',
      category: 'unindexed-foreign-key',
      severity: 'medium',
      summary: 's',
      match: ['index'],
      query: 'SELECT id FROM orders WHERE customer_id = 42',
    },
  ],
  fine: [{ file: 'src/orders.ts', lines: [1, 1], why: 'the import is fine' }],
};

function block(attrs: string, quote: string, title: string, extra = ''): string {
  return `<finding severity="high" ${attrs} title="${title}">\n<quote>\n${quote}\n</quote>\n<issue>${title}</issue>\n${extra}</finding>\n`;
}

function findingsOf(answer: string): VerifiedFinding[] {
  const found = FindingsStreamParser.parseAll(answer).flatMap((e) => (e.kind === 'finding' ? [e.finding] : []));
  return verifyFindings(found, FILES);
}

const NA: SqlFixResults = { kind: 'n/a', reason: 'not checked in this test' };

describe('eval scorer', () => {
  it('counts a found issue, a missed issue and a correct anchor', () => {
    const answer = `Intro.\n\n${block('file="src/orders.ts" line="5" end="7"', '  for (const id of customerIds) {\n    out.push(await db.query(\'SELECT * FROM orders WHERE customer_id = $1\', [id]));\n  }', 'N+1 query per customer')}`;
    const score = scoreReview(CASE, findingsOf(answer), checkParse(answer), NA);
    assert.deepEqual(score.found, ['n-plus-one']);
    assert.deepEqual(score.missed, ['injection', 'fk-index']);
    assert.equal(score.recall, 1 / 3);
    assert.equal(score.precision, 1);
    assert.equal(score.anchorsOnTarget, 1);
    assert.equal(score.claimsOnTarget, 1);
  });

  it('a finding whose quote is not in the file and whose line is far off is a miss and a false positive', () => {
    const answer = block('file="src/orders.ts" line="40"', '  const row = await db.one(sql);', 'SQL injection in findOrder');
    const [v] = findingsOf(answer);
    assert.equal(v.status, 'unverified');
    const score = scoreReview(CASE, [v], checkParse(answer), NA);
    assert.ok(score.missed.includes('injection'));
    assert.equal(score.truePositives, 0);
    assert.equal(score.falsePositives, 1);
    assert.equal(score.precision, 0);
  });

  it('a finding near the issue but anchored on the wrong line counts as found with its anchor off target', () => {
    // The quote is line 8 (`return out;`), two lines after the labelled loop (5-7): found, but the anchor is wrong.
    const answer = block('file="src/orders.ts" line="8"', '  return out;', 'N+1: one query per customer');
    const score = scoreReview(CASE, findingsOf(answer), checkParse(answer), NA);
    assert.deepEqual(score.found, ['n-plus-one']);
    assert.equal(score.anchorsOnTarget, 0);
    assert.equal(score.findings[0].anchorOnTarget, false);
  });

  it('a claimed line that is off but a quote that is found: the anchor is corrected, the claim is counted wrong', () => {
    const answer = block('file="src/orders.ts" line="3"', INJ, 'SQL injection');
    const [v] = findingsOf(answer);
    assert.equal(v.status, 'relocated');
    const score = scoreReview(CASE, [v], checkParse(answer), NA);
    // line 3 is 9 lines from the label, but the anchor (line 12) is what matching uses
    assert.deepEqual(score.found, ['injection']);
    assert.equal(score.anchorsOnTarget, 1);
    assert.equal(score.claimsOnTarget, 0);
  });

  it('a finding about something else on the labelled lines does not count as the issue', () => {
    const answer = block('file="src/orders.ts" line="12"', INJ, 'Returns the raw result object');
    const score = scoreReview(CASE, findingsOf(answer), checkParse(answer), NA);
    assert.deepEqual(score.found, []);
    assert.equal(score.falsePositives, 1);
  });

  it('a finding on a place labelled fine is a fine-place hit', () => {
    const answer = block('file="src/orders.ts" line="1"', "import { db } from './db';", 'Import style');
    const score = scoreReview(CASE, findingsOf(answer), checkParse(answer), NA);
    assert.equal(score.fineHits, 1);
    assert.equal(score.findings[0].fineHit, 'the import is fine');
  });

  it('an answer cut inside a block (max tokens) does not parse without loss; a complete one does', () => {
    const complete = `Text.\n\n${block('file="src/orders.ts" line="12"', INJ, 'SQL injection')}\nDone.\n`;
    const ok = checkParse(complete);
    assert.equal(ok.lossless, true);
    assert.equal(ok.blocks, 1);
    const cut = complete.slice(0, complete.indexOf('</finding>') - 10);
    const bad = checkParse(cut);
    assert.equal(bad.roundTrip, true, 'the parser still gives back every character');
    assert.equal(bad.blocks, 0);
    assert.equal(bad.lostBlocks, 1);
    assert.equal(bad.lossless, false);
    const score = scoreReview(CASE, findingsOf(cut), bad, NA);
    assert.equal(score.parse.lossless, false);
    assert.deepEqual(score.found, [], 'a block that was never closed finds nothing');
  });

  it('a malformed opening tag is lost; an example of the format inside a code fence is not', () => {
    const malformed = '<finding severity="high file="src/orders.ts" line="12">\n<issue>x</issue>\n</finding>\n';
    assert.equal(checkParse(malformed).lossless, false);
    const fenced = 'The format:\n\n```xml\n<finding severity="high" title="example">\n</finding>\n```\n';
    assert.equal(checkParse(fenced).lossless, true);
    assert.equal(lostOpeners(fenced), 0);
  });

  it('checks each SQL fix: one that fails to apply and one that applies but does not improve the plan', async () => {
    const answer =
      block('file="db/schema.sql" line="3"', '  customer_id bigint NOT NULL,', 'customer_id has no index', '<fix kind="run" lang="sql" title="Index">\nCREATE INDEX ON order (customer_id);\n</fix>\n') +
      block('file="src/orders.ts" line="12"', INJ, 'SQL injection', '<fix kind="run" lang="sql" title="Audit">\nCREATE INDEX orders_total_idx ON orders (total);\n</fix>\n');
    const findings = findingsOf(answer);
    const first = scoreReview(CASE, findings, checkParse(answer), NA);
    const targets = sqlFixTargets(CASE, findings, first.findings);
    assert.deepEqual(
      targets.map((t) => [t.issue, t.query]),
      [
        ['fk-index', 'SELECT id FROM orders WHERE customer_id = 42'],
        ['injection', undefined],
      ],
    );
    const seen: [string, string | undefined][] = [];
    const checker: SqlFixChecker = {
      async check(fix, query) {
        seen.push([fix, query]);
        return fix.includes('ON order ') ? { applied: false, detail: 'relation "order" does not exist' } : { applied: true, improved: false, detail: 'same plan' };
      },
      async dispose() {},
    };
    const results = await checkSqlFixes(targets, checker);
    assert.equal(seen.length, 2);
    assert.equal(results.kind, 'checked');
    if (results.kind !== 'checked') {
      return;
    }
    assert.deepEqual(
      results.verdicts.map((v) => [v.applied, v.improved]),
      [
        [false, false],
        [true, undefined],
      ],
    );
    const report = caseReport({ ...first, sqlFixes: results });
    const totals = totalsOf([report], []);
    assert.deepEqual([totals.sqlFixesApplied.n, totals.sqlFixesApplied.of], [1, 2]);
    assert.deepEqual([totals.sqlFixesImproved.n, totals.sqlFixesImproved.of], [0, 1]);
  });

  it('a checker that throws records the fix as not applied instead of failing the run', async () => {
    const checker: SqlFixChecker = {
      async check() {
        throw new Error('worker crashed');
      },
      async dispose() {},
    };
    const results = await checkSqlFixes([{ finding: 0, fix: 'CREATE INDEX x ON orders (id);' }], checker);
    assert.equal(results.kind === 'checked' && results.verdicts[0].applied, false);
    assert.match(results.kind === 'checked' ? results.verdicts[0].detail : '', /worker crashed/);
  });

  it('totals are n/a, not 0 or 100 %, when nothing could be counted', () => {
    const score = scoreReview({ ...CASE, issues: [] }, [], checkParse('Nothing to report.'), NA);
    assert.equal(score.recall, undefined);
    assert.equal(score.precision, undefined);
    const totals = totalsOf([caseReport(score)], []);
    assert.equal(totals.recall.value, null);
    assert.equal(totals.sqlFixesApplied.value, null);
    assert.equal(totals.sqlFixesNote, 'not checked in this test');
    assert.equal(totals.lossless.value, 1);
  });

  it('signature checks: pattern counts, order, absence and anchored findings', () => {
    const brief: DesignBrief = {
      id: 'b',
      persona: 'p',
      subject: 's',
      answers: {},
      files: [],
      signatures: [
        { id: 'tiers', label: 'tiers', kind: 'order', patterns: ['1k', '10k', '100k'] },
        { id: 'x', label: 'three ❌', kind: 'pattern', pattern: '❌', min: 3 },
        { id: 'no-schema', label: 'no schema', kind: 'absent', pattern: 'CREATE TABLE' },
        { id: 'f', label: 'findings', kind: 'findings', min: 1 },
      ],
    };
    const text = '100k first, then 1k and 10k.\n❌ a\n❌ b\n';
    const score = scoreDesign(brief, text, [], checkParse(text));
    assert.deepEqual(
      score.checks.map((c) => [c.id, c.ok]),
      [
        ['tiers', false],
        ['x', false],
        ['no-schema', true],
        ['f', false],
      ],
    );
    const full = `1k, 10k, 100k\n❌ a\n❌ b\n❌ c\n${block('file="src/orders.ts" line="12"', INJ, 'Injection', '<cause>c</cause>\n<impact>i</impact>\n<recommendation>r</recommendation>\n<tradeoff>t</tradeoff>\n')}`;
    const good = scoreDesign(brief, full, findingsOf(full), checkParse(full));
    assert.equal(good.present, 4);
  });

  it('a replay that scores below the baseline is a regression; a better one is not', () => {
    const answer = block('file="src/orders.ts" line="12"', INJ, 'SQL injection');
    const better = report([caseReport(scoreReview(CASE, findingsOf(answer), checkParse(answer), NA))]);
    const worse = report([caseReport(scoreReview(CASE, [], checkParse('nothing'), NA))]);
    const baseline = baselineOf(better);
    assert.deepEqual(regressions(better, baseline), []);
    assert.deepEqual(regressions(worse, baseline), ['recall: was 1/3, now 0/3', 'precision: was 1/1, now n/a', 'anchorsOnTarget: was 1/1, now n/a']);
    assert.deepEqual(regressions(better, baselineOf(worse)), []);
    assert.deepEqual(regressions(worse, baseline, ['recall', 'precision', 'anchorsOnTarget']), [], 'figures left out on purpose are not compared');
  });

  it('compares the totals with the previous run of the same set', () => {
    const answer = block('file="src/orders.ts" line="12"', INJ, 'SQL injection');
    const better = report([caseReport(scoreReview(CASE, findingsOf(answer), checkParse(answer), NA))]);
    const worse = report([caseReport(scoreReview(CASE, [], checkParse('nothing'), NA))]);
    assert.match(formatComparison(worse, better), /^Since the previous run \(2026-12-01 00:00\): recall 0% → 33% \(\+33 pts\) · precision n\/a → 100%/);
    assert.match(formatComparison(better, better), /^Same totals as the previous run/);
  });
});

function caseReport(score: ReturnType<typeof scoreReview>): CaseReport {
  return { kind: 'review', id: score.caseId, persona: 'p', score, rules: { findings: 0, found: [], truePositives: 0, fineHits: 0, details: [] }, usage: usageFigures(undefined, { inputChars: 400, outputChars: 40 }, () => undefined) };
}

function report(cases: CaseReport[], designs: DesignReport[] = []): EvalReport {
  return {
    version: 1,
    mode: 'replay',
    model: null,
    priceModel: 'x',
    transcripts: { set: 's', source: 'hand-written', date: '2026-12-01' },
    ranAt: '2026-12-01T00:00:00Z',
    totals: totalsOf(cases, designs),
    cases,
    designs,
  };
}
