import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildDesignQuery, DESIGN_QUESTION_TABLE, DESIGN_QUESTIONS, designQuestionsFor } from '../../../src/core/design/designQuestions';
import { parsePersona } from '../../../src/core/personas/parsePersona';
import { sessionSummaryInstructions } from '../../../src/core/design/summary';

const PERSONAS_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'personas');

describe('design questions', () => {
  it('asks the hard-questions and senior architects first, nobody else by default', () => {
    assert.deepEqual(designQuestionsFor('hard-questions-architect').map((q) => q.id), ['users', 'load', 'data', 'constraints', 'priorities']);
    assert.deepEqual(designQuestionsFor('senior-architect-agent').map((q) => q.id), ['users', 'load', 'data', 'constraints', 'existing']);
    for (const id of ['pragmatic-platform-engineer', 'systems-sage', 'web-systems-guru', 'my-own-persona', 'constructor', '__proto__']) {
      assert.deepEqual(designQuestionsFor(id), [], id);
    }
  });

  it('the table names bundled personas only, and each question has an example', () => {
    const bundled = fs.readdirSync(PERSONAS_DIR).map((f) => f.replace(/\.md$/, ''));
    for (const id of Object.keys(DESIGN_QUESTION_TABLE)) {
      assert.ok(bundled.includes(id), `${id} is a bundled persona`);
    }
    for (const q of Object.values(DESIGN_QUESTIONS)) {
      assert.match(q.placeholder, /^e\.g\. /, q.id);
    }
  });

  it('builds the chat query with the answered questions only', () => {
    const [users, load, data] = designQuestionsFor('hard-questions-architect');
    assert.equal(buildDesignQuery('  a URL shortener \n', []), '@backend /design a URL shortener');
    assert.equal(buildDesignQuery('a URL shortener', [{ question: users, answer: '  ' }]), '@backend /design a URL shortener');
    assert.equal(
      buildDesignQuery('a URL shortener', [
        { question: users, answer: '5k marketers' },
        { question: load, answer: '' },
        { question: data, answer: '10M links\nmostly reads' },
      ]),
      '@backend /design a URL shortener\n\nWhat I know so far:\n- Expected users: 5k marketers\n- Data: 10M links mostly reads',
    );
  });

  it("every bundled persona's session-summary format reaches the system prompt text", () => {
    for (const file of fs.readdirSync(PERSONAS_DIR)) {
      const { persona } = parsePersona(fs.readFileSync(path.join(PERSONAS_DIR, file), 'utf8'), { kind: 'bundled', path: file });
      assert.ok(persona?.sessionSummary, file);
      const text = sessionSummaryInstructions(persona.sessionSummary);
      assert.ok(text.includes(persona.sessionSummary.trim()), file);
    }
    assert.equal(sessionSummaryInstructions(undefined), '');
  });
});
