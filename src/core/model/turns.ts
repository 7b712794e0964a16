import type { ModelMessage } from './modelClient';

/**
 * Anthropic's Messages API wants turns that alternate user/assistant and start with the user.
 * Drops empty turns, merges consecutive turns of the same role, and drops leading assistant
 * turns.
 */
export function toAlternatingTurns(messages: readonly ModelMessage[]): ModelMessage[] {
  const out: { role: 'user' | 'assistant'; content: string }[] = [];
  for (const m of messages) {
    if (!m.content.trim()) {
      continue;
    }
    const last = out[out.length - 1];
    if (last?.role === m.role) {
      last.content += `\n\n${m.content}`;
    } else if (out.length > 0 || m.role === 'user') {
      out.push({ role: m.role, content: m.content });
    }
  }
  return out;
}
