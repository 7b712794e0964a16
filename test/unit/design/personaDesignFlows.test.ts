import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { personaInstructionsFor } from '../../../src/core/personas/instructions';
import { parsePersona } from '../../../src/core/personas/parsePersona';
import type { Persona } from '../../../src/core/personas/persona';

const PERSONAS_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'personas');

function design(id: string): string {
  const file = path.join(PERSONAS_DIR, `${id}.md`);
  const persona = parsePersona(fs.readFileSync(file, 'utf8'), { kind: 'bundled', path: file }).persona as Persona;
  return personaInstructionsFor(persona, 'design').replace(/\s+/g, ' ');
}

function inOrder(text: string, parts: readonly string[]): void {
  let at = -1;
  for (const p of parts) {
    const i = text.indexOf(p, at + 1);
    assert.ok(i > at, `"${p}" comes after the previous step in: ${text}`);
    at = i;
  }
}

describe('bundled personas: /design flows used by design sessions', () => {
  for (const file of fs.readdirSync(PERSONAS_DIR).filter((f) => f.endsWith('.md'))) {
    const id = file.replace(/\.md$/, '');
    it(`${id} asks for missing requirements before designing`, () => {
      assert.match(design(id), /missing[^.]*(ask|do not design yet)|ask (only )?for (the )?(what is )?missing|ask for what is missing/i);
    });
  }

  it('pragmatic-platform-engineer: requirements → architecture (schema SQL, API) → scaling path → don\'t build now → cost → revisit', () => {
    inOrder(design('pragmatic-platform-engineer'), ['REQUIREMENTS', 'schema as SQL', 'API endpoints', 'SCALING PATH by user count', "DON'T BUILD NOW", 'COST ESTIMATE', 'WHEN TO REVISIT']);
  });

  it('systems-sage: its API design format', () => {
    inOrder(design('systems-sage'), ['API design format', 'Endpoints', 'error-code table', 'Data Model as SQL', 'Security Considerations', 'Performance Considerations']);
  });

  it('senior-architect-agent: assessment → proposal → phased roadmap', () => {
    inOrder(design('senior-architect-agent'), ['Initial Assessment', 'Requirements Analysis', 'Architecture Proposal', 'Implementation Roadmap']);
  });
});
