import * as assert from 'node:assert/strict';
import type { SentFile } from '../../../src/core/context/sentFile';
import { testPersona } from '../testPersona';
import { buildPrompt, flattenSystemIntoMessages } from '../../../src/core/prompt/promptBuilder';
import { findSlashCommand } from '../../../src/core/slashCommands';

const persona = testPersona({ commands: { debug: 'Start from the symptom and bisect.' } });

const file: SentFile = {
  path: 'src/db/users.ts',
  uri: 'file:///w/src/db/users.ts',
  languageId: 'typescript',
  text: 'for (const u of users) {\n  await q(u);\n}',
  firstLine: 14,
  selection: { startLine: 14, endLine: 16 },
};

describe('prompt builder', () => {
  it('puts the persona and the contract in a cacheable first block and the command in the second', () => {
    const p = buildPrompt({ persona, command: findSlashCommand('debug'), userPrompt: 'why slow?', files: [file], history: [], outputContract: 'CONTRACT' });
    assert.equal(p.system.length, 2);
    assert.equal(p.system[0].cache, true);
    assert.match(p.system[0].text, /You are Ada, a careful architect\./);
    assert.match(p.system[0].text, /- Measure first/);
    assert.match(p.system[0].text, /CONTRACT$/);
    assert.match(p.system[1].text, /Task: \/debug/);
    assert.match(p.system[1].text, /bisect/);
  });

  it('the first block does not change with the command, so the cache prefix is shared', () => {
    const a = buildPrompt({ persona, command: findSlashCommand('debug'), userPrompt: 'a', files: [file], history: [], outputContract: 'C' });
    const b = buildPrompt({ persona, command: findSlashCommand('design'), userPrompt: 'b', files: [], history: [], outputContract: 'C' });
    assert.equal(a.system[0].text, b.system[0].text);
    assert.notEqual(a.system[1].text, b.system[1].text);
  });

  it('sends the file with its path, document line numbers and selection', () => {
    const p = buildPrompt({ persona, command: undefined, userPrompt: 'why slow?', files: [file], history: [], outputContract: 'C' });
    const user = p.messages[p.messages.length - 1];
    assert.equal(user.role, 'user');
    assert.match(user.content, /<file path="src\/db\/users\.ts" language="typescript" lines="14-16" selection="14-16">/);
    assert.match(user.content, /14 \| for \(const u of users\) \{/);
    assert.match(user.content, /16 \| \}/);
    assert.match(user.content, /why slow\?$/);
  });

  it('keeps history as alternating turns ending with the assistant', () => {
    const p = buildPrompt({
      persona,
      command: undefined,
      userPrompt: 'and now?',
      files: [],
      history: [
        { role: 'assistant', content: 'orphan' },
        { role: 'user', content: 'q1' },
        { role: 'assistant', content: 'a1' },
        { role: 'user', content: 'unanswered' },
      ],
      outputContract: 'C',
    });
    assert.deepEqual(p.messages.map((m) => m.role), ['user', 'assistant', 'user']);
    assert.equal(p.messages[0].content, 'q1');
  });

  it('flattens the system text into the first user message for chat models without a system role', () => {
    const p = buildPrompt({ persona, command: undefined, userPrompt: 'q', files: [], history: [], outputContract: 'C' });
    const flat = flattenSystemIntoMessages(p);
    assert.equal(flat.length, 1);
    assert.match(flat[0].content, /^You are answering inside VS Code/);
    assert.match(flat[0].content, /q$/);
  });
});
