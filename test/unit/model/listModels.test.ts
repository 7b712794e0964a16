import * as assert from 'node:assert/strict';
import { ModelError } from '../../../src/core/model/modelErrors';
import { DEFAULT_FAKE_MODELS } from '../../fakeServer/fakeAnthropic';
import { useFakeServerClient } from './fakeServerClient';

describe('AnthropicModelClient.listModels against the fake server', () => {
  const fake = useFakeServerClient();

  it('lists the models with their input and output limits', async () => {
    fake.server.models = [...DEFAULT_FAKE_MODELS, { id: 'claude-no-limits' }];
    assert.deepEqual(await fake.client.listModels(), [
      { id: 'claude-fake-large', displayName: 'Claude Fake Large', maxInputTokens: 1_000_000, maxOutputTokens: 64_000 },
      { id: 'claude-fake-small', displayName: 'Claude Fake Small', maxInputTokens: 200_000, maxOutputTokens: 8_192 },
      { id: 'claude-no-limits', displayName: 'claude-no-limits' },
    ]);
  });

  it('rejects with a ModelError when the list cannot be fetched (the caller falls back to the setting)', async () => {
    fake.server.models = undefined;
    await assert.rejects(fake.client.listModels(), (err: unknown) => err instanceof ModelError && err.kind === 'notFound');
  });
});
