import * as assert from 'node:assert/strict';
import { estimateCostUsd, priceOf, PRICE_TABLE, PRICES_TAKEN_ON } from '../../../src/core/model/pricing';

const usage = (inputTokens: number, outputTokens: number, cacheCreationInputTokens = 0, cacheReadInputTokens = 0) => ({
  inputTokens,
  outputTokens,
  cacheCreationInputTokens,
  cacheReadInputTokens,
});

describe('pricing table', () => {
  it('has a date and one row per model id, every price positive', () => {
    assert.match(PRICES_TAKEN_ON, /^\d{4}-\d{2}-\d{2}$/);
    const ids = PRICE_TABLE.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'no duplicate ids');
    for (const row of PRICE_TABLE) {
      for (const prices of [row.prices, row.longPrompt?.prices].filter((x) => x !== undefined)) {
        assert.ok(Object.values(prices).every((v) => v > 0), row.id);
        assert.ok(prices.cacheRead < prices.input && prices.cacheWrite > prices.input, `${row.id}: cache reads are cheaper, writes dearer than input`);
      }
    }
  });

  it('finds ids with a date, -latest or a context tag, and never falls back to a shorter id', () => {
    assert.equal(priceOf('claude-sonnet-5-5')?.id, 'claude-sonnet-5-5');
    assert.equal(priceOf('claude-haiku-4-5-20251001')?.id, 'claude-haiku-4-5');
    assert.equal(priceOf('claude-sonnet-5-5[1m]')?.id, 'claude-sonnet-5-5');
    assert.equal(priceOf(' Claude-Opus-5-5 ')?.id, 'claude-opus-5-5');
    assert.equal(priceOf('claude-opus-5-5')?.prices.input, 4, 'Opus 5.5, not Opus 5');
    assert.equal(priceOf('claude-opus-5-7'), undefined, 'an unknown version has no price');
    assert.equal(priceOf('claude-sonnet-5-5-preview'), undefined);
    assert.equal(priceOf('gpt-5'), undefined);
    assert.equal(priceOf(''), undefined);
  });

  it('estimates input, output, cache writes and cache reads at their own rates', () => {
    // Sonnet 5.5: $2 in, $10 out, $2.50 cache write, $0.10 cache read per million.
    assert.equal(estimateCostUsd('claude-sonnet-5-5', usage(1_000_000, 0)), 2);
    assert.equal(estimateCostUsd('claude-sonnet-5-5', usage(0, 1_000_000)), 10);
    assert.equal(estimateCostUsd('claude-sonnet-5-5', usage(0, 0, 1_000_000)), 2.5);
    assert.ok(Math.abs(estimateCostUsd('claude-sonnet-5-5', usage(0, 0, 0, 1_000_000))! - 0.1) < 1e-12);
    const mixed = estimateCostUsd('claude-sonnet-5-5', usage(1200, 300, 0, 5000))!;
    assert.ok(Math.abs(mixed - (1200 * 2 + 300 * 10 + 5000 * 0.1) / 1e6) < 1e-12, String(mixed));
    assert.equal(estimateCostUsd('claude-unknown-1', usage(1000, 1000)), undefined);
  });

  it('bills every token of a long Haiku 5.5 prompt at the long-prompt tier', () => {
    const short = estimateCostUsd('claude-haiku-5-5', usage(100_000, 1_000_000))!;
    assert.ok(Math.abs(short - (100_000 * 0.1 + 1_000_000 * 0.5) / 1e6) < 1e-12);
    // Input plus cache reads above 100k: the dearer tier, output included.
    const long = estimateCostUsd('claude-haiku-5-5', usage(60_000, 1_000_000, 0, 50_000))!;
    assert.ok(Math.abs(long - (60_000 * 0.5 + 1_000_000 * 2.5 + 50_000 * 0.05) / 1e6) < 1e-12, String(long));
  });
});
