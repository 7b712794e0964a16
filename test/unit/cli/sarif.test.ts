import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/findings/types';
import type { VerifiedFinding } from '../../../src/core/findings/verify';
import type { RuleFinding } from '../../../src/core/pipeline/ruleFinding';
import { FINGERPRINT_KEY, relativeUri, toSarif } from '../../../src/core/sarif';
import { sarifSchemaErrors } from './sarifSchema';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    severity: 'high',
    file: 'src/db/users.ts',
    line: 3,
    endLine: 4,
    title: 'N+1 query in listUsers',
    quote: '  for (const u of users) {\n    u.orders = await db.query(sql, [u.id]);',
    sections: { issue: 'One query per user.', recommendation: 'Fetch all orders with `ANY($1)`.' },
    fixes: [{ kind: 'run', language: 'sql', title: 'Index', content: 'CREATE INDEX ON orders (user_id);' }],
    attributes: {},
    problems: [],
    raw: '',
    ...overrides,
  };
}

const SOURCE = ['import { db } from "./db";', 'export async function listUsers(users) {', '  for (const u of users) {', '    u.orders = await db.query(sql, [u.id]);', '  }', '}'].join('\n');

const verified: VerifiedFinding = {
  finding: finding(),
  status: 'verified',
  location: { path: 'src/db/users.ts', uri: 'file:///r/src/db/users.ts', languageId: 'typescript', startLine: 3, endLine: 4 },
  claimedLine: 3,
  claimedEndLine: 4,
};
const unverified: VerifiedFinding = {
  finding: finding({ title: 'Missing timeout', severity: 'critical', line: 40, quote: 'fetch(url)' }),
  status: 'unverified',
  reason: 'quote-not-found',
  file: { path: 'src/db/users.ts', uri: 'file:///r/src/db/users.ts', languageId: 'typescript' },
  claimedLine: 40,
};
const noFile: VerifiedFinding = { finding: finding({ file: undefined, title: 'No load test', quote: undefined }), status: 'unverified', reason: 'no-file' };

const ruleFinding: RuleFinding = {
  ruleId: 'sql-select-star',
  category: 'sql-select-star',
  severity: 'medium',
  file: 'src/db/my file.ts',
  line: 2,
  endLine: 2,
  column: 15,
  endColumn: 23,
  message: 'SELECT * reads every column.',
  snippet: 'SELECT *',
  fix: { title: 'List the columns', edits: [{ line: 2, endLine: 2, text: 'const q = "SELECT id FROM t";' }] },
};

describe('SARIF 2.1.0 output (toSarif)', () => {
  const log = toSarif({
    toolVersion: '0.1.0',
    ruleFindings: [ruleFinding],
    rules: [
      {
        id: 'sql-select-star',
        category: 'sql-select-star',
        defaultSeverity: 'medium',
        languages: ['sql'],
        summary: 'Flags SELECT * in queries. It breaks when columns change.',
        docs: {
          what: 'Reports `SELECT *`.',
          why: 'It reads columns nobody uses.',
          example: { language: 'sql', code: 'SELECT * FROM t' },
          insteadText: 'Name the columns.',
          instead: { language: 'sql', code: 'SELECT id FROM t' },
          fixHint: 'List the columns you need.',
        },
      },
    ],
    model: { persona: { id: 'systems-sage', name: 'Dr. Rivera' }, findings: [verified, unverified, noFile], measured: ['Plan on embedded PostgreSQL: Seq Scan on orders'] },
    sources: new Map([['src/db/users.ts', SOURCE], ['src/db/my file.ts', 'const a = 1;\nconst q = "SELECT * FROM t";\n']]),
    root: '/work/repo',
    invocation: { successful: true, exitCode: 0 },
  });
  const run = log.runs[0];

  it('validates against the official OASIS schema', () => {
    assert.deepEqual(sarifSchemaErrors(log), []);
  });

  it('the schema check is real: a result without message fails it', () => {
    const broken = JSON.parse(JSON.stringify(log)) as { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0].results[0].message;
    broken.runs[0].results[0].level = 'fatal';
    assert.ok(sarifSchemaErrors(broken).length >= 2);
  });

  it('has one run whose driver lists every rule with the descriptions GitHub reads', () => {
    assert.equal(log.runs.length, 1);
    assert.equal(log.version, '2.1.0');
    const ids = run.tool.driver.rules.map((r) => r.id);
    assert.deepEqual(ids, ['sql-select-star', 'architect/systems-sage/n-1-query-in-listusers', 'architect/systems-sage/missing-timeout']);
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.help.text, rule.id);
      assert.match(rule.properties['security-severity'], /^\d+\.\d$/);
      assert.ok(rule.properties.tags.length > 0);
    }
    assert.equal(run.tool.driver.rules[0].shortDescription.text, 'Flags SELECT * in queries.');
    assert.equal(run.tool.driver.rules[0].defaultConfiguration.level, 'warning');
    assert.equal(run.tool.driver.rules[0].fullDescription.text, 'Reports SELECT *. It reads columns nobody uses.');
    assert.match(run.tool.driver.rules[0].help.markdown ?? '', /\*\*Use instead\.\*\* Name the columns\.\n\n```sql\nSELECT id FROM t\n```/);
    assert.equal(run.tool.driver.rules[2].defaultConfiguration.level, 'error');
  });

  it('results point at relative, percent-encoded paths with full regions', () => {
    const [rule, model] = run.results;
    const loc = rule.locations![0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'src/db/my%20file.ts');
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.deepEqual(loc.region, { startLine: 2, startColumn: 15, endLine: 2, endColumn: 23, snippet: { text: 'const q = "SELECT * FROM t";' } });
    assert.equal(rule.ruleIndex, 0);
    assert.equal(rule.fixes![0].artifactChanges[0].replacements[0].deletedRegion.endColumn, 29);
    const region = model.locations![0].physicalLocation.region!;
    assert.deepEqual({ ...region, snippet: undefined }, { startLine: 3, startColumn: 3, endLine: 4, endColumn: 44, snippet: undefined });
    assert.equal(model.level, 'error');
    assert.equal(model.properties?.measuredBy, 'Plan on embedded PostgreSQL: Seq Scan on orders');
    assert.equal(run.originalUriBaseIds!['%SRCROOT%'].uri, 'file:///work/repo/');
  });

  it('downgrades an unverified finding to note and keeps its claimed line', () => {
    const r = run.results[2];
    assert.equal(r.level, 'note');
    assert.equal(r.properties!.verification, 'unverified');
    assert.equal(r.locations![0].physicalLocation.region!.startLine, 6); // line 40 clamped to the file's 6 lines
    assert.match(r.message.text, /could not be verified/);
  });

  it('a finding without a file becomes a notification, not a result', () => {
    assert.equal(run.results.length, 3);
    const notes = run.invocations[0].toolExecutionNotifications ?? [];
    assert.equal(notes.length, 1);
    assert.match(notes[0].message.text, /No load test/);
  });

  it('fingerprints are stable across line moves and distinct for repeated code', () => {
    const moved: VerifiedFinding = { ...verified, location: { ...verified.location!, startLine: 13, endLine: 14 } };
    const again = toSarif({ toolVersion: '0.1.0', model: { persona: { id: 'systems-sage', name: 'R' }, findings: [moved, moved] } });
    const [a, b] = again.runs[0].results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    assert.equal(a, run.results[1].partialFingerprints[FINGERPRINT_KEY]);
    assert.notEqual(a, b);
    assert.match(b, /:2$/);
  });

  it('an empty run is still valid SARIF', () => {
    const empty = toSarif({ toolVersion: 'dev', invocation: { successful: false, exitCode: 3 }, notifications: [{ level: 'error', message: 'model failed' }] });
    assert.deepEqual(sarifSchemaErrors(empty), []);
    assert.equal(empty.runs[0].results.length, 0);
  });

  it('relativeUri encodes segments and normalises separators', () => {
    assert.equal(relativeUri('.\\src\\ä #1.ts'), 'src/%C3%A4%20%231.ts');
  });
});

describe('SARIF snippets leave the machine', () => {
  it('redacts secrets in region snippets and never hashes them raw', () => {
    const secretLine = 'const url = "postgres://shop:hunter2-very-secret@db.internal:5432/shop";';
    const log = toSarif({
      toolVersion: '0.1.0',
      ruleFindings: [{ ruleId: 'hardcoded-credential', category: 'hardcoded-credential', severity: 'high', file: 'src/pool.ts', line: 1, endLine: 1, message: 'Hard-coded secret', snippet: secretLine }],
      sources: new Map([['src/pool.ts', `${secretLine}\n`]]),
    });
    const text = JSON.stringify(log);
    assert.ok(!text.includes('hunter2-very-secret'), text);
    assert.deepEqual(sarifSchemaErrors(log), []);
  });
});
