import * as assert from 'node:assert/strict';
import { initialCodeBudgetChars, shrunkCodeBudgetChars } from '../../../src/core/prompt/tokenBudget';

describe('token budget for other chat models', () => {
  it('starts from the smaller of the setting and half the model’s input limit', () => {
    assert.equal(initialCodeBudgetChars(60_000, 200_000), 240_000);
    assert.equal(initialCodeBudgetChars(60_000, 16_000), 32_000);
  });

  it('keeps a prompt that fits', () => {
    assert.equal(shrunkCodeBudgetChars(10_000, 16_000, 30_000, 32_000), undefined);
    assert.equal(shrunkCodeBudgetChars(12_800, 16_000, 30_000, 32_000), undefined);
  });

  it('shrinks the code by the tokens over the limit, at the measured characters per token', () => {
    // 16k limit → 12.8k allowed; 20k measured is 7.2k over; 40k chars / 20k tokens = 2 chars per token.
    assert.equal(shrunkCodeBudgetChars(20_000, 16_000, 40_000, 64_000), 40_000 - 14_400);
  });

  it('never goes below the minimum', () => {
    assert.equal(shrunkCodeBudgetChars(100_000, 4_000, 5_000, 5_000), 1000);
  });
});
