import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import matter from 'gray-matter';
import { agentFilePath, renderCopilotAgentFile } from '../../../src/core/personas/agentFile';
import { parsePersona } from '../../../src/core/personas/parsePersona';
import type { Persona } from '../../../src/core/personas/persona';

const persona: Persona = {
  id: 'quote-tester',
  name: 'Quinn "Q" O\'Neil',
  title: 'Tester: of quotes',
  description: 'Checks that "quotes" and: colons # survive',
  principles: ['Measure first.', 'Second principle.'],
  commands: { design: 'Ask the clarifying questions first.' },
  sessionSummary: 'Summary format here.',
  body: '# Quinn\n\nYou are Quinn.',
  source: { kind: 'user', path: '/u/quote-tester.md' },
};

describe('renderCopilotAgentFile', () => {
  it('writes VS Code custom agent front matter that round-trips through a YAML parser', () => {
    const text = renderCopilotAgentFile(persona);
    assert.ok(text.startsWith('---\n'), 'front matter starts on line 1');
    const { data, content } = matter(text, {});
    assert.deepEqual(data, {
      name: 'Quinn "Q" O\'Neil',
      description: 'Tester: of quotes: Checks that "quotes" and: colons # survive',
      'argument-hint': 'Describe the system, or ask to design, scale, optimize, choose infrastructure or debug',
      tools: ['read', 'search'],
    });
    assert.match(content, /You are Quinn\./);
    assert.match(content, /## Principles\n\n- Measure first\.\n- Second principle\./);
    assert.match(content, /### Design: .*\n\nAsk the clarifying questions first\./);
    assert.match(content, /### Debug: .*\n\nFind the root cause/, 'falls back to the default instructions');
    assert.match(content, /## Session summary[\s\S]*Summary format here\./);
    assert.ok(text.endsWith('.\n'));
  });

  it('honours tools and model options', () => {
    const { data } = matter(renderCopilotAgentFile(persona, { tools: ['read'], model: 'Claude Sonnet 4.5 (copilot)' }), {});
    assert.deepEqual(data.tools, ['read']);
    assert.equal(data.model, 'Claude Sonnet 4.5 (copilot)');
  });

  it('names the file .github/agents/<id>.agent.md', () => {
    assert.equal(agentFilePath(persona), '.github/agents/quote-tester.agent.md');
  });

  it('renders every bundled persona', () => {
    const dir = path.resolve(__dirname, '..', '..', '..', '..', 'personas');
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const p = parsePersona(fs.readFileSync(path.join(dir, name), 'utf8'), { kind: 'bundled', path: name }).persona;
      assert.ok(p, name);
      const { data, content } = matter(renderCopilotAgentFile(p), {});
      assert.equal(data.name, p.name);
      assert.ok(content.includes(p.body.slice(0, 200)));
    }
  });
});
