import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { personaInstructionsFor } from '../../../src/core/personas/instructions';
import { parsePersona } from '../../../src/core/personas/parsePersona';
import type { Persona } from '../../../src/core/personas/persona';
import { DEFAULT_PERSONA_ID } from '../../../src/core/personas/schema';
import { SLASH_COMMANDS, SLASH_COMMAND_NAMES, GENERAL_INSTRUCTIONS } from '../../../src/core/slashCommands';
import { testPersona } from '../testPersona';

/** out/test/unit/personas -> repository root. */
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const PERSONAS_DIR = path.join(ROOT, 'personas');

const EXPECTED_IDS = [
  'hard-questions-architect',
  'pragmatic-platform-engineer',
  'senior-architect-agent',
  'systems-sage',
  'web-systems-guru',
];

function load(id: string): Persona {
  const file = path.join(PERSONAS_DIR, `${id}.md`);
  const { persona, problems } = parsePersona(fs.readFileSync(file, 'utf8'), { kind: 'bundled', path: file });
  assert.deepEqual(problems, [], `${id}.md has problems`);
  assert.ok(persona);
  return persona;
}

function bodyLines(p: Persona): number {
  return p.body.split('\n').length;
}

describe('bundled personas', () => {
  it('ships exactly the five personas, including the default', () => {
    const files = fs.readdirSync(PERSONAS_DIR).filter((f) => f.endsWith('.md')).sort();
    assert.deepEqual(files, EXPECTED_IDS.map((id) => `${id}.md`));
    assert.ok(EXPECTED_IDS.includes(DEFAULT_PERSONA_ID));
  });

  for (const id of EXPECTED_IDS) {
    it(`${id}.md loads with no problems and a complete persona`, () => {
      const p = load(id);
      assert.equal(p.id, id, 'the id matches the file name');
      assert.ok(p.principles.length >= 4, 'has principles');
      assert.deepEqual(Object.keys(p.commands).sort(), [...SLASH_COMMAND_NAMES].sort(), 'has instructions for every command');
      assert.ok(p.greeting, 'has a greeting');
      assert.ok(p.sessionSummary, 'has a session summary');
      const lines = bodyLines(p);
      assert.ok(lines >= 60 && lines <= 150, `body is ${lines} lines`);
      for (const cmd of SLASH_COMMANDS) {
        assert.notEqual(personaInstructionsFor(p, cmd.name), cmd.defaultInstructions);
      }
    });
  }

  it('pragmatic-platform-engineer: design carries scaling path, don\'t-build-now, cost and revisit', () => {
    const p = load('pragmatic-platform-engineer');
    const design = personaInstructionsFor(p, 'design');
    assert.match(design, /SCALING PATH by user count/);
    assert.match(design, /1k, 10k, 100k and 1M\+ users/);
    assert.match(design, /DON'T BUILD NOW/);
    assert.match(design, /COST ESTIMATE per month/);
    assert.match(design, /WHEN TO REVISIT/);
    const scale = personaInstructionsFor(p, 'scale');
    for (const step of ['STEP 1 MEASURE', 'STEP 2\n?\s*BOTTLENECK', 'STEP 3 FIX', 'STEP 4 MONITOR']) {
      assert.match(scale, new RegExp(step.replace(/\s/g, '\\s')));
    }
    assert.match(scale, /CREATE INDEX/);
    for (const cmd of ['/design', '/scale', '/optimize', '/infra', '/debug']) {
      assert.ok(p.greeting?.includes(`\`${cmd}`), `greeting lists ${cmd}`);
    }
    for (const section of ['Systems designed', 'Performance improvements', 'Infrastructure', 'Reliability', 'Next priority']) {
      assert.ok(p.sessionSummary?.includes(section), `session summary has ${section}`);
    }
  });

  it('systems-sage: reliability over performance, API design format and security checklist', () => {
    const p = load('systems-sage');
    assert.match(p.principles[0], /Reliability beats performance/);
    assert.match(p.principles[1], /Explicit beats implicit/);
    const design = personaInstructionsFor(p, 'design');
    for (const part of ['Endpoints', 'request body', 'error-code', 'Code, HTTP Status and When', 'Data Model', 'Security Considerations', 'Performance Considerations']) {
      assert.ok(design.includes(part), `design mentions ${part}`);
    }
    assert.match(p.body, /## Security checklist/);
    assert.match(p.body, /Parameterized queries/);
    assert.match(p.body, /\| VALIDATION_ERROR \| 400 \|/);
  });

  it('hard-questions-architect: design asks product, scale, team, constraints, priorities when requirements are missing', () => {
    const p = load('hard-questions-architect');
    const design = personaInstructionsFor(p, 'design');
    assert.match(design, /missing requirements/);
    assert.match(design, /ask the\s+clarifying questions first/);
    for (const topic of ['Product', 'Scale', 'Team', 'Constraints', 'Priorities']) {
      assert.ok(design.includes(`${topic} (`), `design asks about ${topic}`);
      assert.ok(p.body.includes(`**${topic}**`), `body lists ${topic}`);
    }
  });

  it('web-systems-guru: red-flag catalogue and Issue → Root Cause → Impact → Recommendation → Trade-off', () => {
    const p = load('web-systems-guru');
    for (const area of ['**Database**', '**API**', '**WebSocket**', '**Security**', '**Infrastructure**']) {
      assert.ok(p.body.includes(area), `red flags for ${area}`);
    }
    for (const cmd of ['scale', 'optimize', 'debug'] as const) {
      const text = personaInstructionsFor(p, cmd);
      assert.match(text, /Issue, Root Cause, Impact, Recommendation/, cmd);
      assert.match(text, /Trade-off/, cmd);
      assert.match(text, /file paths? and line numbers/, cmd);
    }
  });

  it('senior-architect-agent: assessment, proposal, phased roadmap and quality bars', () => {
    const p = load('senior-architect-agent');
    const design = personaInstructionsFor(p, 'design');
    assert.match(design, /Initial Assessment/);
    assert.match(design, /scale .*constraints .*existing\s+infrastructure/s);
    assert.match(design, /Phase 1 Requirements Analysis/);
    assert.match(design, /Phase 2 Architecture Proposal/);
    assert.match(design, /Phase 3 Implementation Roadmap/);
    assert.match(design, /p50 < 50 ms, p95 < 100 ms, p99 < 200 ms/);
    assert.match(design, /error rate < 0\.1%/);
    assert.match(design, /cache hit rate > 90%/);
    assert.match(p.body, /\| Cache hit rate \| above 90% \|/);
  });
});

describe('personaInstructionsFor', () => {
  const base = testPersona({ commands: { design: 'Custom design.' } });

  it('uses the persona instructions, else the table default, else the general instructions', () => {
    assert.equal(personaInstructionsFor(base, 'design'), 'Custom design.');
    assert.equal(personaInstructionsFor(base, 'scale'), SLASH_COMMANDS.find((c) => c.name === 'scale')?.defaultInstructions);
    assert.equal(personaInstructionsFor(base, undefined), GENERAL_INSTRUCTIONS);
    assert.equal(personaInstructionsFor(base, 'nonsense'), GENERAL_INSTRUCTIONS);
  });
});
