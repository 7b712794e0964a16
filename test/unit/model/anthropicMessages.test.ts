import * as assert from 'node:assert/strict';
import { toAnthropicParams } from '../../../src/core/model/anthropicMessages';
import type { ModelRequest } from '../../../src/core/model/modelClient';

const base: ModelRequest = {
  model: 'm',
  system: [{ text: 'persona', cache: true }, { text: 'task' }, { text: '' }],
  messages: [{ role: 'user', content: 'q' }],
  maxTokens: 10,
  signal: new AbortController().signal,
};

describe('Anthropic request mapping', () => {
  it('keeps the persona cache breakpoint and sends tools before it, in order', () => {
    const p = toAnthropicParams({ ...base, tools: [{ name: 'a', description: 'A', inputSchema: { type: 'object' } }, { name: 'b', description: 'B', inputSchema: { type: 'object' } }] });
    assert.deepEqual(p.system, [{ type: 'text', text: 'persona', cache_control: { type: 'ephemeral' } }, { type: 'text', text: 'task' }]);
    assert.deepEqual(p.tools?.map((t) => t.name), ['a', 'b']);
    assert.equal(p.tool_choice, undefined);
  });

  it('sends tool_choice any for a required tool call, and no tools key without tools', () => {
    assert.deepEqual(toAnthropicParams({ ...base, tools: [{ name: 'a', description: 'A', inputSchema: {} }], toolChoice: 'any' }).tool_choice, { type: 'any' });
    assert.equal('tools' in toAnthropicParams(base), false);
  });

  it('replays tool rounds; only the last round carries the second cache breakpoint', () => {
    const call = (id: string) => ({ id, name: 'read_file', input: { path: id } });
    const p = toAnthropicParams({
      ...base,
      toolExchanges: [
        { text: '', calls: [call('1')], results: [{ callId: '1', content: 'one' }] },
        { text: 'more', calls: [call('2')], results: [{ callId: '2', content: 'bad', isError: true }] },
      ],
    });
    assert.deepEqual(p.messages.map((m) => m.role), ['user', 'assistant', 'user', 'assistant', 'user']);
    assert.deepEqual(p.messages[1].content, [{ type: 'tool_use', id: '1', name: 'read_file', input: { path: '1' } }], 'no empty text block');
    assert.deepEqual(p.messages[2].content, [{ type: 'tool_result', tool_use_id: '1', content: 'one' }]);
    assert.deepEqual(p.messages[4].content, [{ type: 'tool_result', tool_use_id: '2', content: 'bad', is_error: true, cache_control: { type: 'ephemeral' } }]);
    const cached = JSON.stringify(p).match(/cache_control/g)?.length;
    assert.equal(cached, 2, 'two of the four allowed breakpoints');
  });

  it('maps content blocks of an agent conversation (our chat model provider)', () => {
    const p = toAnthropicParams({
      ...base,
      messages: [
        { role: 'user', content: 'weather?' },
        { role: 'assistant', content: '', blocks: [{ type: 'toolCall', call: { id: 't', name: 'w', input: ['not', 'an', 'object'] } }] },
        { role: 'user', content: '', blocks: [{ type: 'toolResult', result: { callId: 't', content: 'sunny' } }, { type: 'text', text: 'thanks' }] },
      ],
    });
    assert.deepEqual(p.messages[1].content, [{ type: 'tool_use', id: 't', name: 'w', input: {} }]);
    assert.deepEqual(p.messages[2].content, [{ type: 'tool_result', tool_use_id: 't', content: 'sunny' }, { type: 'text', text: 'thanks' }]);
  });
});
