import * as assert from 'node:assert/strict';
import { parsePersona } from '../../../src/core/personas/parsePersona';
import { MAX_PERSONA_BODY_BYTES } from '../../../src/core/personas/schema';
import type { PersonaSource } from '../../../src/core/personas/persona';

const SOURCE: PersonaSource = { kind: 'workspace', path: '/ws/.vscode/architects/test.md' };

/** Builds a persona file from front-matter lines and a body; line 1 is the opening ---. */
function file(frontMatter: string[], body = 'You are a test architect.\n'): string {
  return ['---', ...frontMatter, '---', body].join('\n');
}

const VALID = [
  'id: test-architect', // line 2
  'name: Tess', // 3
  'title: Test Architect', // 4
  'description: Exists to be parsed.', // 5
  'principles:', // 6
  '  - Measure first.', // 7
  '  - Keep it simple.', // 8
  'commands:', // 9
  '  design: Ask about scale first.', // 10
  '  debug: >-', // 11
  '    Find the root cause:', // 12
  '    point at lines.', // 13
];

function errors(text: string) {
  return parsePersona(text, SOURCE).problems.filter((p) => p.severity === 'error');
}

describe('parsePersona', () => {
  it('accepts a valid persona and maps every field', () => {
    const { persona, problems } = parsePersona(file(VALID, '# Tess\n\nYou are Tess.\n'), SOURCE);
    assert.deepEqual(problems, []);
    assert.ok(persona);
    assert.equal(persona.id, 'test-architect');
    assert.equal(persona.name, 'Tess');
    assert.deepEqual(persona.principles, ['Measure first.', 'Keep it simple.']);
    assert.deepEqual(persona.commands, { design: 'Ask about scale first.', debug: 'Find the root cause: point at lines.' });
    assert.equal(persona.body, '# Tess\n\nYou are Tess.');
    assert.equal(persona.source, SOURCE);
    assert.equal(persona.greeting, undefined);
  });

  it('reports invalid YAML as an error on the line the YAML parser names', () => {
    const lines = [...VALID];
    lines[2] = 'title: [unclosed'; // file line 4
    const errs = errors(file(lines));
    assert.equal(errs.length, 1);
    assert.match(errs[0].message, /Invalid YAML/);
    // js-yaml detects the missing "]" when it reaches the next line.
    assert.ok(errs[0].line === 4 || errs[0].line === 5, `line ${errs[0].line}`);
  });

  it('reports a bad indentation YAML error at its line', () => {
    const lines = [...VALID];
    lines[1] = 'name: Tess';
    lines[3] = '   description: bad: indentation'; // file line 5
    const errs = errors(file(lines));
    assert.equal(errs.length, 1);
    assert.equal(errs[0].line, 5);
  });

  it('reports a wrong type at the line of the key', () => {
    const lines = [...VALID];
    lines[8] = '  design: [not, a, string]'; // file line 10
    const errs = errors(file(lines));
    assert.equal(errs.length, 1);
    assert.equal(errs[0].line, 10);
    assert.match(errs[0].message, /commands\.design/);
    assert.match(errs[0].message, /expected string/);
  });

  it('reports a wrong array element at the line of that element', () => {
    const lines = [...VALID];
    lines[6] = '  - 42'; // file line 8, principles[1]
    const errs = errors(file(lines));
    assert.equal(errs.length, 1);
    assert.equal(errs[0].line, 8);
    assert.match(errs[0].message, /principles\[1\]/);
  });

  it('reports a missing required id at the opening delimiter and returns no persona', () => {
    const result = parsePersona(file(VALID.slice(1)), SOURCE);
    assert.equal(result.persona, undefined);
    const errs = result.problems.filter((p) => p.severity === 'error');
    assert.equal(errs.length, 1);
    assert.equal(errs[0].line, 1);
    assert.equal(errs[0].message, 'Missing required key "id".');
  });

  it('rejects an id that is not kebab-case at its line', () => {
    const lines = [...VALID];
    lines[0] = 'id: Test_Architect';
    const errs = errors(file(lines));
    assert.equal(errs.length, 1);
    assert.equal(errs[0].line, 2);
    assert.match(errs[0].message, /kebab-case/);
  });

  it('rejects a multi-line description', () => {
    const lines = [...VALID];
    lines[3] = 'description: |\n  one\n  two';
    const errs = errors(file(lines));
    assert.equal(errs.length, 1);
    assert.equal(errs[0].line, 5);
    assert.match(errs[0].message, /single line/);
  });

  it('warns about unknown keys at their line but still loads the persona', () => {
    const lines = [...VALID.slice(0, 4), 'colour: blue', ...VALID.slice(4), '  review: not a command'];
    const { persona, problems } = parsePersona(file(lines), SOURCE);
    assert.ok(persona, 'unknown keys are warnings, not errors');
    assert.deepEqual(
      problems.map((p) => [p.severity, p.line]),
      [
        ['warning', 6],
        ['warning', 15],
      ],
    );
    assert.match(problems[0].message, /Unknown key "colour"/);
    assert.match(problems[1].message, /Unknown command "review"/);
    assert.equal((persona as unknown as Record<string, unknown>).colour, undefined);
  });

  it('refuses a file without front matter, and one whose front matter is not closed', () => {
    assert.match(errors('# just markdown\n')[0].message, /must start with YAML front matter/);
    const unclosed = errors(['---', ...VALID, 'body'].join('\n'));
    assert.equal(unclosed[0].line, 1);
    assert.match(unclosed[0].message, /never closed/);
  });

  it('refuses a body over the size limit with a clear message', () => {
    const big = 'x'.repeat(MAX_PERSONA_BODY_BYTES + 10);
    const result = parsePersona(file(VALID, big), SOURCE);
    assert.equal(result.persona, undefined);
    const errs = result.problems.filter((p) => p.severity === 'error');
    assert.equal(errs.length, 1);
    assert.equal(errs[0].line, VALID.length + 3);
    assert.match(errs[0].message, /limit is 32 KB/);
  });

  it('accepts a body just under the size limit', () => {
    const body = 'y'.repeat(MAX_PERSONA_BODY_BYTES - 100);
    assert.ok(parsePersona(file(VALID, body), SOURCE).persona);
  });

  it('counts the size limit in UTF-8 bytes, not characters', () => {
    const body = 'é'.repeat(MAX_PERSONA_BODY_BYTES / 2 + 10); // 2 bytes each
    assert.equal(parsePersona(file(VALID, body), SOURCE).persona, undefined);
  });

  it('warns about an empty body', () => {
    const { persona, problems } = parsePersona(file(VALID, ''), SOURCE);
    assert.ok(persona);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 'warning');
  });

  it('handles CRLF line endings and a BOM', () => {
    const text = '\uFEFF' + file(VALID).replace(/\n/g, '\r\n');
    const { persona, problems } = parsePersona(text, SOURCE);
    assert.deepEqual(problems, []);
    assert.equal(persona?.commands.design, 'Ask about scale first.');
  });
});
