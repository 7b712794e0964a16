import * as assert from 'node:assert/strict';
import { testPersona } from '../testPersona';
import { buildPrompt } from '../../../src/core/prompt/promptBuilder';

const persona = testPersona({ body: 'You are Ada.', sessionSummary: '**ADA SUMMARY**\n- Decisions\n- Next step' });

describe('session summary in the prompt', () => {
  it("puts the persona's session-summary format in the cached persona block, before the output contract", () => {
    const p = buildPrompt({ persona, command: undefined, userPrompt: 'Summarize this design session in your session-summary format.', files: [], history: [], outputContract: 'CONTRACT' });
    assert.match(p.system[0].text, /# Session summary format\n\nWhen the user asks you to summarise or wrap up the session[^\n]*\n\n\*\*ADA SUMMARY\*\*\n- Decisions\n- Next step\n\nCONTRACT$/);
    const without = buildPrompt({ persona: { ...persona, sessionSummary: undefined }, command: undefined, userPrompt: 'q', files: [], history: [], outputContract: 'CONTRACT' });
    assert.doesNotMatch(without.system[0].text, /Session summary format/);
  });
});
