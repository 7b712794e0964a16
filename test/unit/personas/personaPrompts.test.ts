/**
 * Issue 3, item 3: what each bundled persona asks of the model actually reaches it. For every
 * bundled persona (loaded from personas/ with parsePersona) and every slash command, buildPrompt
 * must carry the persona's own instructions for that command and the phrases of its signature
 * formats in the system blocks, as the extension sends them (with the real output contract).
 * bundledPersonas.test.ts checks the persona files themselves; this checks the prompt.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SentFile } from '../../../src/core/context/sentFile';
import { OUTPUT_CONTRACT_INSTRUCTIONS } from '../../../src/core/findings/contract';
import { parsePersona } from '../../../src/core/personas/parsePersona';
import type { Persona } from '../../../src/core/personas/persona';
import type { BuiltPrompt } from '../../../src/core/prompt/promptBuilder';
import { buildPrompt, flattenSystemIntoMessages } from '../../../src/core/prompt/promptBuilder';
import type { SlashCommandName } from '../../../src/core/slashCommands';
import { SLASH_COMMANDS, SLASH_COMMAND_NAMES, findSlashCommand } from '../../../src/core/slashCommands';

/** out/test/unit/personas -> repository root. */
const PERSONAS_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'personas');

function load(id: string): Persona {
  const file = path.join(PERSONAS_DIR, `${id}.md`);
  const { persona, problems } = parsePersona(fs.readFileSync(file, 'utf8'), { kind: 'bundled', path: file });
  assert.ok(persona, `${id}.md does not load: ${JSON.stringify(problems)}`);
  return persona;
}

const FILE: SentFile = {
  path: 'src/api/handlers.ts',
  uri: 'file:///workspace/src/api/handlers.ts',
  languageId: 'typescript',
  text: "export async function health(_req: Request, res: Response): Promise<void> {\n  res.json({ ok: true });\n}",
  firstLine: 25,
};

function prompt(persona: Persona, command: SlashCommandName): BuiltPrompt {
  return buildPrompt({
    persona,
    command: findSlashCommand(command),
    userPrompt: 'Over to you.',
    files: [FILE],
    history: [],
    outputContract: OUTPUT_CONTRACT_INSTRUCTIONS,
  });
}

/** The system text with runs of whitespace collapsed, so phrases wrapped across lines still match. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

interface Expected {
  /** Phrases of the persona's signature formats, in its prompt for every command. */
  readonly signature: readonly RegExp[];
  /** Phrases of the persona's own instructions for each command, in that command's prompt. */
  readonly commands: Readonly<Record<SlashCommandName, readonly RegExp[]>>;
}

const EXPECTED: Readonly<Record<string, Expected>> = {
  'pragmatic-platform-engineer': {
    signature: [
      /\*\*REQUIREMENTS\*\*: users, load, data, constraints/,
      /\*\*SCALING PATH\*\* by user count/,
      /~1k users: .* ~10k users: .* ~100k users: .* 1M\+ users: /,
      /\*\*DON'T BUILD NOW\*\*: a ❌ list/,
      /\*\*COST ESTIMATE\*\*: each service with its monthly price and a total/,
      /\*\*WHEN TO REVISIT\*\*: measurable triggers/,
      /Measure → bottleneck → fix → monitor/,
    ],
    commands: {
      design: [
        /Start with a short REQUIREMENTS block/,
        /ask only for the missing facts that would change the design/,
        /the schema as SQL with an index on every foreign key, the API endpoints/,
        /SCALING PATH by user count \(at 1k, 10k, 100k and 1M\+ users/,
        /DON'T BUILD NOW list of the pieces that are tempting but premature/,
        /COST ESTIMATE per month per service with a total/,
        /WHEN TO REVISIT as concrete thresholds/,
      ],
      scale: [/STEP 1 MEASURE/, /p50\/p95\/p99/, /STEP 2 BOTTLENECK/, /STEP 3 FIX/, /STEP 4 MONITOR/, /cost, effort and risk/],
      optimize: [/missing indexes, N\+1 access, full scans/, /expected gain in milliseconds or dollars/, /fast enough and should be left alone/],
      infra: [/concrete use cases for the proposed component/, /CURRENT RECOMMENDATION, its monthly cost, and WHEN TO REVISIT/],
      debug: [/how to reproduce it locally/, /isolate the layer \(API, database, external service, network\)/, /catch a recurrence/],
    },
  },
  'systems-sage': {
    signature: [
      /\*\*RELIABILITY over PERFORMANCE\*\*/,
      /## Signature output: API design/,
      /## API Design: <Resource>/,
      /\| Code \| HTTP Status \| When \|/,
      /\| VALIDATION_ERROR \| 400 \|/,
      /### Security Considerations/,
      /## Security checklist/,
      /Every design you produce is checked against this list/,
      /Parameterized queries only/,
      /An audit log entry for every mutation/,
    ],
    commands: {
      design: [
        /When requirements that would change the design are missing .* ask for them first/,
        /Use the API design format: an "API Design: <resource>" heading/,
        /Endpoints, each with its purpose, request body and success response as JSON/,
        /an error-code table with the columns Code, HTTP Status and When/,
        /VALIDATION_ERROR 400, UNAUTHORIZED 401, FORBIDDEN 403, CONFLICT 409/,
        /the Data Model as SQL with timestamps, constraints, indexes and soft deletes/,
        /Security Considerations; and Performance Considerations/,
        /authorization matrix/,
      ],
      scale: [/which component saturates first/, /timeouts, circuit breakers, idempotency keys or back-pressure/, /metric that proves it worked/],
      optimize: [/Diagnose before changing anything/, /never trade correctness for speed/],
      infra: [/failure modes, backups and restore, observability/, /security checklist items it touches/],
      debug: [/which invariant was broken/, /any data was corrupted or lost/, /the test that reproduces the bug/],
    },
  },
  'hard-questions-architect': {
    signature: [
      /\*\*Hard questions first\.\*\*/,
      /- \*\*Product\*\*: .*\?/,
      /- \*\*Scale\*\*: .*\?/,
      /- \*\*Team\*\*: .*\?/,
      /- \*\*Constraints\*\*: .*\?/,
      /- \*\*Priorities\*\*: .*\?/,
      /say what you would assume if the user would rather you proceed/,
      /\*\*Think in failure modes\.\*\*/,
    ],
    commands: {
      design: [
        /If the request is missing requirements that would change the design, do not design yet: ask the clarifying questions first/,
        /grouped under Product \(.*\), Scale \(.*\), Team \(.*\), Constraints \(.*\) and Priorities \(/,
        /at most about eight questions/,
        /say which assumption you would make for each if unanswered/,
      ],
      scale: [/Ask for or infer the real load and growth first/, /what breaks at ten times today's traffic/],
      optimize: [/real access patterns rather than theoretical best practice/, /not worth their complexity for this team/],
      infra: [/list the questions that decide it/, /operational cost, team skills, failure behaviour and exit cost/],
      debug: [/Ask for the symptoms, timeline and recent changes/, /hypotheses ranked by likelihood/, /point at the exact lines/],
    },
  },
  'web-systems-guru': {
    signature: [
      /Every criticism names the file and line it is about/,
      /## Red flags you catch on sight/,
      /❌ Queries issued inside a loop \(N\+1\)/,
      /❌ Database connections opened and never released/,
      /> \*\*Issue\*\*: .*> \*\*Root Cause\*\*: .*> \*\*Impact\*\*: .*> \*\*Recommendation\*\*: .*> \*\*Trade-off\*\*: /,
      /with the file path and line numbers/,
    ],
    commands: {
      design: [/ask for them first/, /review it against the red-flag catalogue/, /the scale at which it should be revisited/],
      scale: [/Find the scaling cliff/, /as Issue, Root Cause, Impact, Recommendation with code, and Trade-off, with file paths and line numbers/],
      optimize: [/For each finding use Issue, Root Cause, Impact, Recommendation \(code\) and Trade-off, citing the file path and line numbers/],
      infra: [/external calls without timeouts, missing health-check endpoints, logs without correlation IDs, no graceful shutdown/],
      debug: [
        /Analyse the failure in the Issue, Root Cause, Impact, Recommendation, Trade-off format/,
        /exact file paths and line numbers/,
        /give the corrected code/,
        /partial-failure or inconsistent-state consequences/,
      ],
    },
  },
  'senior-architect-agent': {
    signature: [
      /### Initial assessment/,
      /### Phase 1: requirements analysis/,
      /### Phase 2: architecture proposal/,
      /### Phase 3: implementation roadmap/,
      /\| Latency p50 \| under 50 ms \| \| Latency p95 \| under 100 ms \| \| Latency p99 \| under 200 ms \|/,
      /\| Error rate \| under 0\.1% \|/,
      /\| Cache hit rate \| above 90% \|/,
    ],
    commands: {
      design: [
        /Begin with an Initial Assessment: scale .* constraints .* existing infrastructure/,
        /ask for what is missing/,
        /Phase 1 Requirements Analysis/,
        /Phase 2 Architecture Proposal/,
        /Phase 3 Implementation Roadmap \(work split into phases of one to two weeks with deliverables\)/,
        /p50 < 50 ms, p95 < 100 ms, p99 < 200 ms, error rate < 0\.1%, connection pool utilization < 80%, cache hit rate > 90%/,
      ],
      scale: [/three horizons: immediate/, /medium term/, /long term/, /the quality bars it restores/],
      optimize: [/Diagnose against the quality bars \(p50\/p95\/p99 latency, error rate, pool utilization, cache hit rate\)/],
      infra: [/Tie monitoring to the quality bars/],
      debug: [/Start with immediate actions/, /back within the quality bars/],
    },
  },
};

describe('persona prompts: every bundled persona × slash command', () => {
  it('covers exactly the bundled personas', () => {
    const ids = fs.readdirSync(PERSONAS_DIR).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    assert.deepEqual(ids, Object.keys(EXPECTED).sort());
  });

  for (const [id, expected] of Object.entries(EXPECTED)) {
    describe(id, () => {
      for (const command of SLASH_COMMAND_NAMES) {
        it(`/${command}: the persona's own instructions and its signature reach the system blocks`, () => {
          const persona = load(id);
          const own = persona.commands[command];
          assert.ok(own, `${id} has its own /${command} instructions`);
          const p = prompt(persona, command);
          assert.equal(p.system.length, 2);

          // Block 1 (cached): who the persona is, its whole prompt and principles, and the contract.
          const personaBlock = p.system[0].text;
          assert.equal(p.system[0].cache, true);
          assert.ok(personaBlock.includes(`# Who you are: ${persona.name}, ${persona.title}`));
          assert.ok(personaBlock.includes(persona.body), 'the persona body is sent whole');
          for (const principle of persona.principles) {
            assert.ok(personaBlock.includes(`- ${principle}`), `principle: ${principle}`);
          }
          assert.ok(personaBlock.endsWith(OUTPUT_CONTRACT_INSTRUCTIONS), 'the output contract closes the cached block');

          // Block 2: this command's instructions, the persona's and not the table default.
          assert.equal(p.system[1].text, `# Task: /${command}\n\n${own}`);
          const fallback = SLASH_COMMANDS.find((c) => c.name === command)?.defaultInstructions;
          assert.ok(fallback && !p.system[1].text.includes(fallback), 'not the default instructions');
          const system = p.system.map((b) => b.text).join('\n\n');
          for (const other of SLASH_COMMAND_NAMES) {
            if (other !== command) {
              assert.ok(!system.includes(persona.commands[other] ?? '\0'), `/${other} instructions are not sent with /${command}`);
            }
          }

          // The signature phrases, wherever they live, are in what the model is told.
          const text = flat(system);
          for (const re of [...expected.signature, ...expected.commands[command]]) {
            assert.match(text, re, `${id} /${command}: the system blocks lack ${String(re)}`);
          }
          // Models without a system role get the same text at the start of the first user turn.
          const first = flattenSystemIntoMessages(p)[0];
          assert.equal(first.role, 'user');
          for (const re of expected.commands[command]) {
            assert.match(flat(first.content), re, `${id} /${command}: the flattened prompt lacks ${String(re)}`);
          }
        });
      }
    });
  }
});
