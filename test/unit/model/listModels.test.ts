import * as assert from 'node:assert/strict';
import { AnthropicModelClient } from '../../../src/core/model/anthropicClient';
import { ModelError } from '../../../src/core/model/modelErrors';
import { DEFAULT_FAKE_MODELS, FakeAnthropicServer } from '../../fakeServer/fakeAnthropic';

const KEY = 'sk-ant-api03-unit-test-key-0123456789abcdefghij';

describe('AnthropicModelClient.listModels against the fake server', () => {
  let server: FakeAnthropicServer;
  let client: AnthropicModelClient;
  before(async () => {
    server = new FakeAnthropicServer();
    const { url } = await server.start();
    client = new AnthropicModelClient({ apiKey: KEY, baseURL: url, idleTimeoutMs: 5000, maxRetries: 0 });
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  it('lists the models with their input and output limits', async () => {
    server.models = [...DEFAULT_FAKE_MODELS, { id: 'claude-no-limits' }];
    assert.deepEqual(await client.listModels(), [
      { id: 'claude-fake-large', displayName: 'Claude Fake Large', maxInputTokens: 1_000_000, maxOutputTokens: 64_000 },
      { id: 'claude-fake-small', displayName: 'Claude Fake Small', maxInputTokens: 200_000, maxOutputTokens: 8_192 },
      { id: 'claude-no-limits', displayName: 'claude-no-limits' },
    ]);
  });

  it('rejects with a ModelError when the list cannot be fetched (the caller falls back to the setting)', async () => {
    server.models = undefined;
    await assert.rejects(client.listModels(), (err: unknown) => err instanceof ModelError && err.kind === 'notFound');
  });
});
