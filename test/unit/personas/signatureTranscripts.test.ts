/**
 * Issue 3, item 3: each bundled persona's signature format reaches the user. One realistic model
 * answer per persona (test/fixtures/persona-transcripts/<persona-id>.txt, the files it was sent in
 * <persona-id>.context.json, resolved against the shared transcripts workspace) is rendered through
 * FindingsChatRenderer, the render plan the chat uses, and compared with <persona-id>.golden.json
 * (UPDATE_GOLDEN=1 rewrites it; review the diff). The signature elements are then checked in the
 * rendered Markdown, so a golden regenerated without review still cannot lose them silently.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChatPart } from '../../../src/core/render/chatParts';
import { FINDING_COMMANDS } from '../../../src/core/render/chatParts';
import { SECTION_LABELS, SEVERITY_LABELS } from '../../../src/core/render/renderFinding';
import { TRANSCRIPTS_DIR, readContext, renderChunks, rng } from '../findings/helpers';

/** out/test/unit/personas -> repository root. */
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const PERSONAS_DIR = path.join(ROOT, 'personas');
const PERSONA_TRANSCRIPTS_DIR = path.join(ROOT, 'test', 'fixtures', 'persona-transcripts');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function bundledPersonaIds(): string[] {
  return fs
    .readdirSync(PERSONAS_DIR)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort();
}

function readPersonaTranscript(id: string): string {
  return fs.readFileSync(path.join(PERSONA_TRANSCRIPTS_DIR, `${id}.txt`), 'utf8');
}

/**
 * The shared helper reads `<name>.context.json` next to the per-command transcripts and the files
 * from their workspace/; a name relative to that folder points it at this fixture's context file.
 */
function personaContext(id: string) {
  return readContext(path.relative(TRANSCRIPTS_DIR, path.join(PERSONA_TRANSCRIPTS_DIR, id)));
}

function render(id: string, chunks?: readonly string[]): ChatPart[] {
  return renderChunks(personaContext(id), chunks ?? [readPersonaTranscript(id)]);
}

type AnchorPart = Extract<ChatPart, { kind: 'anchor' }>;
type ButtonPart = Extract<ChatPart, { kind: 'button' }>;

const markdownOf = (ps: readonly ChatPart[]) => ps.map((p) => (p.kind === 'markdown' ? p.value : '')).join('');
const anchorsOf = (ps: readonly ChatPart[]) => ps.filter((p): p is AnchorPart => p.kind === 'anchor');
const buttonsOf = (ps: readonly ChatPart[]) => ps.filter((p): p is ButtonPart => p.kind === 'button');
/** Severity labels of the rendered finding headings, in order. */
const severitiesOf = (md: string) => [...md.matchAll(/^#### (\S+ \w+) · /gmu)].map((m) => m[1]);

/** Asserts that each pattern matches `text`, each after the previous match. */
function assertInOrder(text: string, patterns: readonly RegExp[]): void {
  let from = 0;
  for (const re of patterns) {
    const m = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    m.lastIndex = from;
    const found = m.exec(text);
    assert.ok(found, `${String(re)} should appear after offset ${from}`);
    from = found.index + found[0].length;
  }
}

/** Rows of the first Markdown table whose header row matches `header`, as trimmed cells. */
function tableRows(md: string, header: RegExp): string[][] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => header.test(l));
  assert.ok(start >= 0, `a table with header ${String(header)}`);
  assert.match(lines[start + 1], /^\|(\s*:?-+:?\s*\|)+$/, 'the header is followed by a separator row');
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++) {
    rows.push(lines[i].split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows;
}

describe('persona signature transcripts: golden render', () => {
  it('there is one transcript per bundled persona', () => {
    const transcripts = fs
      .readdirSync(PERSONA_TRANSCRIPTS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => f.slice(0, -4))
      .sort();
    assert.deepEqual(transcripts, bundledPersonaIds());
  });

  for (const id of bundledPersonaIds()) {
    it(`${id} renders as ${id}.golden.json`, () => {
      const parts = render(id);
      const file = path.join(PERSONA_TRANSCRIPTS_DIR, `${id}.golden.json`);
      if (UPDATE) {
        fs.writeFileSync(file, JSON.stringify(parts, null, 2) + '\n');
      }
      assert.ok(fs.existsSync(file), `${file} is missing; run the tests with UPDATE_GOLDEN=1 to create it, then review it`);
      assert.deepEqual(parts, JSON.parse(fs.readFileSync(file, 'utf8')) as ChatPart[]);
    });

    it(`${id} renders the same when streamed in random chunks`, () => {
      const text = readPersonaTranscript(id);
      const rand = rng(text.length);
      const chunks: string[] = [];
      for (let pos = 0; pos < text.length; ) {
        const len = 1 + Math.floor(rand() * 48);
        chunks.push(text.slice(pos, pos + len));
        pos += len;
      }
      assert.deepEqual(render(id, chunks), render(id));
    });
  }
});

describe('persona signature transcripts: the signature reaches the chat', () => {
  it('pragmatic-platform-engineer /design: requirements → today → scaling path by users → don\'t build now → cost → revisit', () => {
    const ps = render('pragmatic-platform-engineer');
    const md = markdownOf(ps);
    assertInOrder(md, [
      /^## 1\. REQUIREMENTS$/m,
      /^## 2\. ARCHITECTURE FOR TODAY$/m,
      /^```sql\nCREATE TABLE notifications \(/m,
      /^CREATE INDEX notifications_user_id_idx/m,
      /^\| Method \| Path \|/m,
      /^## 3\. SCALING PATH$/m,
      /^## 4\. CURRENT RECOMMENDATION$/m,
      /^## 5\. DON'T BUILD NOW$/m,
      /^## 6\. COST ESTIMATE$/m,
      /^## 7\. WHEN TO REVISIT$/m,
    ]);
    // The scaling path is a table with one row per order of magnitude of users.
    const scaling = tableRows(md, /^\| Users \| What changes \| What stays \|$/);
    assert.deepEqual(scaling.map((r) => r[0]), ['~1k', '~10k', '~100k', '1M+']);
    assert.ok(scaling.every((r) => r.length === 3 && r[1] !== '' && r[2] !== ''));
    // Don't build now: a ❌ list, each item with a reason.
    const dontBuild = md.slice(md.indexOf("## 5. DON'T BUILD NOW"), md.indexOf('## 6. COST ESTIMATE'));
    const items = dontBuild.split('\n').filter((l) => l.startsWith('- ❌ '));
    assert.ok(items.length >= 3, 'at least three tempting extras');
    assert.ok(items.every((l) => /\*\*: \S/.test(l)), 'each with a one-line reason');
    // Cost: a price per service and a total.
    const cost = tableRows(md, /^\| Service \| Monthly cost \|$/);
    assert.ok(cost.every((r) => /\$\d/.test(r[1])), 'every service has a monthly price');
    assert.deepEqual(cost[cost.length - 1], ['**Total**', '**$15 / month**']);
    // When to revisit: measurable triggers.
    const revisit = md.slice(md.indexOf('## 7. WHEN TO REVISIT'));
    assert.ok((revisit.match(/\*\*\d[^*]*\*\*|\*\*\$\d+ \/ month\*\*/g) ?? []).length >= 3, 'numeric triggers');
    // The foreign-key index finding is anchored in the sent schema, with SQL to run.
    assert.deepEqual(anchorsOf(ps).map((a) => a.title), ['db/schema.sql:10']);
    assert.deepEqual(buttonsOf(ps).map((b) => b.title), ['Open in SQL Editor', 'Copy']);
  });

  it('systems-sage /design: API design format with the error-code table, data model, security checklist', () => {
    const ps = render('systems-sage');
    const md = markdownOf(ps);
    assertInOrder(md, [
      /^## API Design: Orders$/m,
      /^\| Method \| Path \| Purpose \|$/m,
      /^### Endpoints$/m,
      /^#### `POST \/api\/v1\/orders`$/m,
      /^\*\*Purpose:\*\* /m,
      /^\*\*Request:\*\* /m,
      /^```json\n\{\n {2}"items": \[/m,
      /^\*\*Response \(201\):\*\*$/m,
      /^\*\*Errors:\*\*$/m,
      /^\| Code \| HTTP Status \| When \|$/m,
      /^### Authorization matrix$/m,
      /^### Data Model$/m,
      /^```sql\nCREATE TABLE orders \(/m,
      /^### Security Considerations$/m,
      /^### Performance Considerations$/m,
      /^### Open questions/m,
    ]);
    const errors = tableRows(md, /^\| Code \| HTTP Status \| When \|$/);
    const codes = new Set(md.split('\n').filter((l) => /^\| [A-Z_]+ \| \d{3} \|/.test(l)).map((l) => l.split('|')[1].trim() + ' ' + l.split('|')[2].trim()));
    for (const expected of ['VALIDATION_ERROR 400', 'UNAUTHORIZED 401', 'FORBIDDEN 403', 'CONFLICT 409']) {
      assert.ok(codes.has(expected), `error-code tables list ${expected}`);
    }
    assert.ok(errors.every((r) => r.length === 3 && /^\d{3}$/.test(r[1]) && r[2] !== ''));
    // The security checklist, with covered and open items marked.
    const security = md.slice(md.indexOf('### Security Considerations'), md.indexOf('### Performance Considerations'));
    assert.match(security, /security checklist/);
    const checked = security.split('\n').filter((l) => /^- \[[x ]\] /.test(l));
    assert.ok(checked.length >= 8, `checklist items: ${checked.length}`);
    assert.ok(checked.some((l) => l.startsWith('- [x] Parameterized queries')));
    assert.ok(checked.some((l) => l.startsWith('- [ ] ')), 'says which items are not covered');
    // Open questions end in '?'.
    const open = md.slice(md.indexOf('### Open questions')).split('\n').filter((l) => /^\d+\. /.test(l));
    assert.ok(open.length >= 3 && open.every((l) => l.endsWith('?')));
    // The integrity finding on the sent schema.
    assert.deepEqual(anchorsOf(ps).map((a) => a.title), ['db/schema.sql:16-21']);
    assert.deepEqual(severitiesOf(md), [SEVERITY_LABELS.high]);
  });

  it('hard-questions-architect /design with missing requirements: questions grouped by topic, no design yet', () => {
    const ps = render('hard-questions-architect');
    const md = markdownOf(ps);
    assert.deepEqual(ps.map((p) => p.kind), ['markdown'], 'prose only: no findings, anchors or buttons');
    assertInOrder(md, [/^### Product$/m, /^### Scale$/m, /^### Team$/m, /^### Constraints$/m, /^### Priorities$/m, /^\| Question \| Assumption if unanswered \|$/m]);
    for (const topic of ['Product', 'Scale', 'Team', 'Constraints', 'Priorities']) {
      const section = md.slice(md.indexOf(`### ${topic}`)).split('\n').slice(1);
      const questions = section.slice(0, section.findIndex((l) => l.startsWith('### ') || l.startsWith('If you'))).filter((l) => /^\d+\. /.test(l));
      assert.ok(questions.length >= 1, `${topic} has a question`);
      assert.ok(questions.every((q) => q.endsWith('?')), `${topic}: every item is a question`);
    }
    const all = md.split('\n').filter((l) => /^\d+\. /.test(l));
    assert.ok(all.length >= 5 && all.length <= 8, `${all.length} questions (at most about eight)`);
    assert.equal(tableRows(md, /^\| Question \| Assumption if unanswered \|$/).length, 6, 'an assumption for each group');
    assert.doesNotMatch(md, /CREATE TABLE|```sql|^## /m, 'no design yet');
  });

  it('web-systems-guru /debug: red flags as finding blocks with Issue → Root cause → Impact → Recommendation → Trade-off', () => {
    const ps = render('web-systems-guru');
    const md = markdownOf(ps);
    const severities = severitiesOf(md);
    assert.deepEqual(severities, [SEVERITY_LABELS.critical, SEVERITY_LABELS.high, SEVERITY_LABELS.high, SEVERITY_LABELS.medium, SEVERITY_LABELS.low]);
    // Anchors at the exact lines of the sent file, one per finding.
    assert.deepEqual(
      anchorsOf(ps).map((a) => [a.uri, a.title]),
      [
        ['file:///workspace/src/api/handlers.ts', 'src/api/handlers.ts:9-22'],
        ['file:///workspace/src/api/handlers.ts', 'src/api/handlers.ts:8'],
        ['file:///workspace/src/api/handlers.ts', 'src/api/handlers.ts:12'],
        ['file:///workspace/src/api/handlers.ts', 'src/api/handlers.ts:4'],
        ['file:///workspace/src/api/handlers.ts', 'src/api/handlers.ts:14'],
      ],
    );
    assert.doesNotMatch(md, /_(Unverified|Not linked)/, 'every location verified');
    assert.doesNotMatch(md, /line corrected|approximate match/, 'the claimed lines are the exact lines');
    // Each finding carries the five parts in order, and the issue names its file:line.
    const findings = md.split(/^#### /m).slice(1);
    assert.equal(findings.length, 5);
    for (const f of findings) {
      const labels = ['issue', 'cause', 'impact', 'recommendation', 'tradeoff'] as const;
      assertInOrder(f, labels.map((l) => new RegExp(`^\\*\\*${SECTION_LABELS[l]}:\\*\\*`, 'm')));
      assert.match(f, /^\*\*Issue:\*\* `src\/api\/handlers\.ts:\d+(-\d+)?`/m);
    }
    // Never a criticism without corrected code.
    assert.deepEqual(
      buttonsOf(ps).map((b) => [b.title, b.command]),
      Array.from({ length: 5 }, () => ['Preview & Apply', FINDING_COMMANDS.previewAndApplyFix]),
    );
  });

  it('senior-architect-agent /scale: assessment → proposal → phased roadmap, held to the quality bars', () => {
    const ps = render('senior-architect-agent');
    const md = markdownOf(ps);
    assertInOrder(md, [
      /^## Initial Assessment$/m,
      /^\*\*Scale\.\*\* /m,
      /^\*\*Constraints\.\*\* /m,
      /^\*\*Existing infrastructure\.\*\* /m,
      /^## Architecture Proposal$/m,
      /^\| Component \| Responsibility \|$/m,
      /^#### /m,
      /^## Implementation Roadmap$/m,
      /^### Phase 1: /m,
      /^### Phase 2: /m,
      /^### Phase 3: /m,
      /^## Quality bars$/m,
    ]);
    for (const phase of md.split(/^### Phase \d: /m).slice(1)) {
      assert.match(phase, /^- \*\*Exit criterion:\*\* /m, 'each phase has a measurable exit');
    }
    const bars = tableRows(md, /^\| Metric \| Target \|/);
    const metrics = bars.map((r) => r[0]);
    for (const m of [/p50/, /p95/, /p99/, /^Error rate/, /^Connection pool utilization/, /^Cache hit rate/]) {
      assert.ok(metrics.some((x) => m.test(x)), `quality bar ${String(m)}`);
    }
    assert.deepEqual(bars.filter((r) => /p\d\d/.test(r[0])).map((r) => r[1]), ['< 50 ms', '< 100 ms', '< 200 ms']);
    assert.deepEqual(anchorsOf(ps).map((a) => a.title), ['src/worker/queue.ts:16-20', 'src/worker/queue.ts:13-15']);
    assert.deepEqual(buttonsOf(ps).map((b) => b.title), ['Preview & Apply', 'Preview & Apply', 'Open in SQL Editor', 'Copy']);
  });
});
