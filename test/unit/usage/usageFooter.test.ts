import * as assert from 'node:assert/strict';
import { PRICES_TAKEN_ON } from '../../../src/core/model/pricing';
import { formatUsd, usageFooterMarkdown } from '../../../src/core/render/usageFooter';

const usage = { inputTokens: 1204, outputTokens: 312, cacheCreationInputTokens: 0, cacheReadInputTokens: 3050 };

describe('usage footer', () => {
  it('names the model, the tokens, the cache reads and the estimated cost with the price date', () => {
    const line = usageFooterMarkdown({ model: 'claude-sonnet-5-5', anthropic: true, usage });
    // (1204 × 2 + 312 × 10 + 3050 × 0.1) / 1e6 = $0.005833
    assert.equal(line, `\n\n*claude-sonnet-5-5 · 1,204 in · 312 out · 3,050 cache read · ≈ $0.0058 at list prices of ${PRICES_TAKEN_ON}*\n`);
  });

  it('shows cache writes and the request count when there are any', () => {
    const line = usageFooterMarkdown({ model: 'claude-opus-5-5', anthropic: true, usage: { ...usage, cacheCreationInputTokens: 2000 }, requests: 3 });
    assert.match(line, /3,050 cache read · 2,000 cache write · 3 requests · ≈ \$0\.0\d+/);
  });

  it('says so when an Anthropic model has no price, and gives no estimate for other vendors', () => {
    assert.match(usageFooterMarkdown({ model: 'claude-next-9', anthropic: true, usage }), /· no cost estimate for this model\*/);
    const other = usageFooterMarkdown({ model: 'GPT-5 (copilot)', anthropic: false, usage });
    assert.doesNotMatch(other, /\$|estimate/);
    assert.match(usageFooterMarkdown({ model: 'GPT-5 (copilot)', anthropic: false }), /GPT-5 \(copilot\) · token use not reported by this model/);
  });

  it('escapes Markdown in a model name from settings', () => {
    const line = usageFooterMarkdown({ model: 'my_*model*`x`', anthropic: true, usage });
    assert.match(line, /my\\_\\\*model\\\*\\`x\\`/);
  });

  it('formats small and large amounts readably', () => {
    assert.equal(formatUsd(0), '$0');
    assert.equal(formatUsd(0.00001), '<$0.0001');
    assert.equal(formatUsd(0.00583), '$0.0058');
    assert.equal(formatUsd(0.0583), '$0.058');
    assert.equal(formatUsd(12.345), '$12.35');
  });
});
