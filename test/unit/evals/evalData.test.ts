/**
 * The eval data stays consistent: every label points at lines that still contain what it
 * describes, every persona has a /design brief, every case and brief has a hand-written replay
 * transcript, and broken data is refused with a message naming the file and field.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CASES_DIR, EvalDataError, listDesignBriefs, listReviewCases, loadDesignBrief, loadReviewCase } from '../../evals/lib/evalCase';
import { designPrompt, loadBundledPersonas } from '../../evals/lib/runCase';
import { DEFAULT_SET, readSetInfo, readTranscript, setDir } from '../../evals/lib/transcripts';

function linesOf(root: string, rel: string): string[] {
  return fs.readFileSync(path.join(root, rel), 'utf8').split('\n');
}

describe('eval data', () => {
  const caseIds = listReviewCases();
  const briefIds = listDesignBriefs();

  it('has 5-8 review cases in TypeScript and Python, each with a schema or migrations', () => {
    assert.ok(caseIds.length >= 5 && caseIds.length <= 8, `${caseIds.length} cases`);
    const cases = caseIds.map((id) => loadReviewCase(id));
    const languages = new Set(cases.map((c) => c.language));
    assert.ok(languages.has('typescript') && languages.has('python'), [...languages].join(', '));
    for (const c of cases) {
      assert.ok(c.schemaDir, `${c.id} names its schema folder`);
      const dir = path.join(c.root, c.schemaDir);
      assert.ok(fs.readdirSync(dir).some((f) => /\.(sql|py)$/.test(f)), `${c.id}: schema files in ${c.schemaDir}`);
    }
    assert.ok(cases.some((c) => c.issues.length === 0 && c.fine.length > 0), 'a clean control case');
  });

  for (const id of caseIds) {
    it(`${id}: each label's lines contain what it expects, and fine places exist`, () => {
      const c = loadReviewCase(id);
      for (const issue of c.issues) {
        const lines = linesOf(c.root, issue.file);
        assert.ok(issue.lines[1] <= lines.length, `${issue.id}: ${issue.file} has ${lines.length} lines`);
        const text = lines.slice(issue.lines[0] - 1, issue.lines[1]).join('\n');
        assert.ok(text.includes(issue.expect), `${issue.id}: "${issue.expect}" is not in ${issue.file}:${issue.lines[0]}-${issue.lines[1]}`);
      }
      for (const fine of c.fine) {
        assert.ok(c.files.includes(fine.file), `fine place in ${fine.file}, which is not sent`);
        assert.ok(fine.lines[1] <= linesOf(c.root, fine.file).length, `${fine.file}:${fine.lines[1]} is past the end`);
      }
    });
  }

  it('has one /design brief per bundled persona, and each builds its design-session prompt', () => {
    const personas = loadBundledPersonas();
    assert.deepEqual(briefIds, [...personas.keys()].sort());
    for (const id of briefIds) {
      const brief = loadDesignBrief(id);
      assert.ok(personas.has(brief.persona));
      assert.ok(brief.signatures.length >= 5, `${id}: ${brief.signatures.length} signature elements`);
      const prompt = designPrompt(brief);
      assert.ok(prompt.startsWith(brief.subject.trim().slice(0, 20)), prompt);
      assert.ok(!prompt.startsWith('@backend'));
    }
  });

  it('the hand-written set has a transcript for every case and brief, and says it is hand-written', () => {
    const dir = setDir(DEFAULT_SET);
    assert.equal(readSetInfo(dir).source, 'hand-written');
    for (const id of caseIds) {
      assert.ok(readTranscript(dir, 'review', id), `review/${id}.md`);
    }
    for (const id of briefIds) {
      assert.ok(readTranscript(dir, 'design', id), `design/${id}.md`);
    }
  });

  describe('refuses broken data with the file and field', () => {
    let tmp: string;
    beforeEach(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'evals-data-'));
    });
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

    function writeCase(labels: unknown): void {
      fs.mkdirSync(path.join(tmp, 'bad', 'project'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'bad', 'project', 'a.ts'), 'const a = 1;\n');
      fs.writeFileSync(path.join(tmp, 'bad', 'labels.json'), typeof labels === 'string' ? labels : JSON.stringify(labels));
    }

    const valid = {
      title: 't',
      language: 'typescript',
      persona: 'systems-sage',
      files: ['a.ts'],
      issues: [{ id: 'x', file: 'a.ts', lines: [1, 1], expect: 'a', category: 'c', severity: 'high', summary: 's', match: ['a'] }],
      fine: [],
    };

    it('loads a valid case', () => {
      writeCase(valid);
      assert.equal(loadReviewCase('bad', tmp).issues[0].id, 'x');
    });

    const broken: [string, unknown, RegExp][] = [
      ['invalid JSON', '{ "title": ', /labels\.json: /],
      ['an unknown severity', { ...valid, issues: [{ ...valid.issues[0], severity: 'huge' }] }, /issues\[0\]\.severity must be one of/],
      ['reversed lines', { ...valid, issues: [{ ...valid.issues[0], lines: [3, 1] }] }, /issues\[0\]\.lines must be/],
      ['a file that is not sent', { ...valid, issues: [{ ...valid.issues[0], file: 'b.ts' }] }, /not among the files sent/],
      ['a missing project file', { ...valid, files: ['a.ts', 'missing.ts'] }, /files lists missing\.ts/],
      ['an unknown command', { ...valid, command: 'review' }, /command must be one of/],
      ['no match terms', { ...valid, issues: [{ ...valid.issues[0], match: [] }] }, /issues\[0\]\.match must be a non-empty list/],
    ];
    for (const [what, labels, message] of broken) {
      it(`refuses ${what}`, () => {
        writeCase(labels);
        assert.throws(() => loadReviewCase('bad', tmp), (err: unknown) => err instanceof EvalDataError && message.test(err.message));
      });
    }

    it('refuses a design brief with a bad regular expression or an answer the persona does not ask for', () => {
      const brief = { persona: 'systems-sage', subject: 's', signatures: [{ id: 'r', label: 'l', kind: 'pattern', pattern: '(' }] };
      fs.writeFileSync(path.join(tmp, 'b.json'), JSON.stringify(brief));
      assert.throws(() => loadDesignBrief('b', tmp), /signature r: /);
      fs.writeFileSync(path.join(tmp, 'c.json'), JSON.stringify({ ...brief, answers: { users: '10' }, signatures: [] }));
      assert.throws(() => designPrompt(loadDesignBrief('c', tmp)), /systems-sage does not ask "users"/);
    });
  });

  it('the cases folder is the one the runner reads', () => {
    assert.ok(fs.existsSync(path.join(CASES_DIR, caseIds[0], 'labels.json')));
  });
});
