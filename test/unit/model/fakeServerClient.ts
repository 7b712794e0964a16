/** Mocha hooks for a suite that talks to the fake Anthropic server through the real client. */
import { AnthropicModelClient } from '../../../src/core/model/anthropicClient';
import { FakeAnthropicServer } from '../../fakeServer/fakeAnthropic';

export const UNIT_TEST_KEY = 'sk-ant-api03-unit-test-key-0123456789abcdefghij';

/**
 * Starts one fake server for the suite (reset before each test) and a client pointed at it:
 * no retries, a 5 s idle timeout. Call inside `describe`; read the two after `before` ran.
 */
export function useFakeServerClient(): { readonly server: FakeAnthropicServer; readonly client: AnthropicModelClient } {
  const state = {} as { server: FakeAnthropicServer; client: AnthropicModelClient };
  before(async () => {
    state.server = new FakeAnthropicServer();
    const { url } = await state.server.start();
    state.client = new AnthropicModelClient({ apiKey: UNIT_TEST_KEY, baseURL: url, idleTimeoutMs: 5000, maxRetries: 0 });
  });
  after(() => state.server.close());
  beforeEach(() => state.server.reset());
  return {
    get server() {
      return state.server;
    },
    get client() {
      return state.client;
    },
  };
}
