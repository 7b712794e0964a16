/**
 * Anthropic's list prices, for the estimated cost in an answer's usage footer
 * (src/core/render/usageFooter.ts). One table; update it, and PRICES_TAKEN_ON, when the prices
 * change. A model that is not in the table gets no estimate (never a guess).
 *
 * Source: Anthropic's pricing page (platform.claude.com/docs/en/about-claude/pricing) and the
 * model overview pages, read on PRICES_TAKEN_ON. USD per million tokens, standard (not batch)
 * API, 5-minute prompt-cache writes (the cache_control the extension sends).
 */

/** The day the prices below were read from Anthropic's pricing page. */
export const PRICES_TAKEN_ON = '2026-10-24';

export interface TokenPrices {
  /** Uncached input tokens. */
  readonly input: number;
  readonly output: number;
  /** Prompt-cache writes with the default 5-minute lifetime. */
  readonly cacheWrite: number;
  /** Prompt-cache reads (hits and refreshes). */
  readonly cacheRead: number;
}

export interface ModelPrice {
  /** Model id as the API takes it, without a date suffix (`claude-haiku-4-5`, not `…-20251001`). */
  readonly id: string;
  readonly prices: TokenPrices;
  /** A dearer tier for long prompts (input + cache reads + cache writes above `overTokens`); every token of such a request is billed at it. */
  readonly longPrompt?: { readonly overTokens: number; readonly prices: TokenPrices };
}

const p = (input: number, output: number, cacheWrite: number, cacheRead: number): TokenPrices => ({ input, output, cacheWrite, cacheRead });

export const PRICE_TABLE: readonly ModelPrice[] = [
  { id: 'claude-fable-5-1', prices: p(10, 50, 12.5, 0.25) },
  { id: 'claude-fable-5', prices: p(10, 50, 12.5, 1) },
  { id: 'claude-opus-5-5', prices: p(4, 20, 5, 0.2) },
  { id: 'claude-opus-5', prices: p(5, 25, 6.25, 0.5) },
  { id: 'claude-opus-4-8', prices: p(5, 25, 6.25, 0.5) },
  { id: 'claude-opus-4-7', prices: p(5, 25, 6.25, 0.5) },
  { id: 'claude-opus-4-6', prices: p(5, 25, 6.25, 0.5) },
  { id: 'claude-opus-4-5', prices: p(5, 25, 6.25, 0.5) },
  { id: 'claude-opus-4-1', prices: p(15, 75, 18.75, 1.5) },
  { id: 'claude-opus-4', prices: p(15, 75, 18.75, 1.5) },
  // Sonnet 5.5 cache reads were cut from $0.20 to $0.10 on 2026-10-07.
  { id: 'claude-sonnet-5-5', prices: p(2, 10, 2.5, 0.1) },
  { id: 'claude-sonnet-5', prices: p(2, 10, 2.5, 0.2) },
  { id: 'claude-sonnet-4-6', prices: p(3, 15, 3.75, 0.3) },
  { id: 'claude-sonnet-4-5', prices: p(3, 15, 3.75, 0.3) },
  { id: 'claude-sonnet-4', prices: p(3, 15, 3.75, 0.3) },
  { id: 'claude-3-7-sonnet', prices: p(3, 15, 3.75, 0.3) },
  {
    id: 'claude-haiku-5-5',
    prices: p(0.1, 0.5, 0.125, 0.01),
    longPrompt: { overTokens: 100_000, prices: p(0.5, 2.5, 0.625, 0.05) },
  },
  { id: 'claude-haiku-4-5', prices: p(1, 5, 1.25, 0.1) },
  { id: 'claude-3-5-haiku', prices: p(0.8, 4, 1, 0.08) },
];

/**
 * The table row for a model id. Ids may carry a date (`claude-haiku-4-5-20251001`), `-latest`
 * or a context tag (`claude-sonnet-5-5[1m]`); anything else that is not an exact id is unknown
 * (`claude-opus-5-5` never falls back to `claude-opus-5`).
 */
export function priceOf(modelId: string): ModelPrice | undefined {
  const id = modelId.trim().toLowerCase().replace(/\[[^\]]*\]$/, '').replace(/-(\d{8}|latest)$/, '');
  return PRICE_TABLE.find((row) => row.id === id);
}

export interface TokenCounts {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheCreationInputTokens: number;
  readonly cacheReadInputTokens: number;
}

/** Estimated cost in USD of one request, or undefined when the model has no price in the table. */
export function estimateCostUsd(modelId: string, usage: TokenCounts): number | undefined {
  const row = priceOf(modelId);
  if (!row) {
    return undefined;
  }
  const prompt = usage.inputTokens + usage.cacheCreationInputTokens + usage.cacheReadInputTokens;
  const prices = row.longPrompt && prompt > row.longPrompt.overTokens ? row.longPrompt.prices : row.prices;
  return (
    (usage.inputTokens * prices.input +
      usage.outputTokens * prices.output +
      usage.cacheCreationInputTokens * prices.cacheWrite +
      usage.cacheReadInputTokens * prices.cacheRead) /
    1_000_000
  );
}
