import type { Persona } from '../../src/core/personas/persona';

/** A small persona for unit tests; override what a test is about. */
export function testPersona(overrides: Partial<Persona> = {}): Persona {
  return {
    id: 'test-architect',
    name: 'Ada',
    title: 'Test Architect',
    description: 'A persona for tests',
    principles: ['Measure first'],
    commands: {},
    body: 'You are Ada, a careful architect.',
    source: { kind: 'bundled', path: '/x/test.md' },
    ...overrides,
  };
}
