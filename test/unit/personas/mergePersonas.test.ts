import * as assert from 'node:assert/strict';
import { describePersonaSource, mergePersonas } from '../../../src/core/personas/mergePersonas';
import type { Persona, PersonaSourceKind } from '../../../src/core/personas/persona';

function persona(id: string, kind: PersonaSourceKind, file = `${id}.md`, name = id.toUpperCase()): Persona {
  return {
    id,
    name,
    title: 't',
    description: 'd',
    principles: ['p'],
    commands: {},
    body: `${kind} ${id}`,
    source: { kind, path: `/${kind}/${file}` },
  };
}

describe('mergePersonas', () => {
  it('applies workspace > user > bundled and records what was overridden', () => {
    const bundledA = persona('a', 'bundled');
    const bundledB = persona('b', 'bundled');
    const userA = persona('a', 'user');
    const userC = persona('c', 'user');
    const wsA = persona('a', 'workspace');
    const wsB = persona('b', 'workspace');
    const wsD = persona('d', 'workspace');

    const { personas, duplicates } = mergePersonas({ bundled: [bundledA, bundledB], user: [userA, userC], workspace: [wsA, wsB, wsD] });
    assert.deepEqual(duplicates, []);
    assert.deepEqual(
      personas.map((r) => r.persona.id),
      ['a', 'b', 'c', 'd'],
      'bundled order first, then new user ids, then new workspace ids',
    );
    const [a, b, c, d] = personas;
    assert.equal(a.persona, wsA);
    assert.deepEqual(a.overrides, [userA, bundledA]);
    assert.equal(b.persona, wsB);
    assert.deepEqual(b.overrides, [bundledB]);
    assert.equal(c.persona, userC);
    assert.deepEqual(c.overrides, []);
    assert.equal(d.persona, wsD);
  });

  it('user overrides bundled when there is no workspace persona', () => {
    const { personas } = mergePersonas({ bundled: [persona('a', 'bundled')], user: [persona('a', 'user')] });
    assert.equal(personas.length, 1);
    assert.equal(personas[0].persona.source.kind, 'user');
  });

  it('keeps the first of two same-id files in one layer and reports the other', () => {
    const first = persona('a', 'workspace', 'one.md');
    const second = persona('a', 'workspace', 'two.md');
    const { personas, duplicates } = mergePersonas({ bundled: [], workspace: [first, second] });
    assert.equal(personas[0].persona, first);
    assert.deepEqual(duplicates, [{ kept: first, ignored: second }]);
  });

  it('describes the source and what it overrides', () => {
    const bundled = persona('pragmatic-platform-engineer', 'bundled', 'pragmatic-platform-engineer.md', 'Marcus');
    const ws = persona('pragmatic-platform-engineer', 'workspace', 'x.md');
    const { personas } = mergePersonas({ bundled: [bundled], workspace: [ws] });
    const relative = (p: string) => p.replace('/workspace/', '.vscode/architects/').replace('/bundled/', 'personas/');
    assert.equal(describePersonaSource(personas[0], relative), 'workspace file .vscode/architects/x.md, overriding bundled persona "Marcus"');
    assert.equal(
      describePersonaSource({ persona: bundled, overrides: [] }, relative),
      'bundled persona (personas/pragmatic-platform-engineer.md)',
    );
  });
});
