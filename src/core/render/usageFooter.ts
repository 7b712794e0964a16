/**
 * The quiet last line of an answer: which model answered, the tokens it used (cache reads and
 * writes included) and, for Anthropic models with a price in src/core/model/pricing.ts, the
 * estimated cost at list prices. Pure: the VS Code side decides whether to show it
 * (architectPersonas.showUsageFooter) and where.
 */
import { estimateCostUsd, PRICES_TAKEN_ON, type TokenCounts } from '../model/pricing';

export interface UsageFooterInput {
  /** Model id as sent to the API (`claude-sonnet-5-5`), or another vendor's model name. */
  readonly model: string;
  /** True when the answer came from Anthropic's API through the extension's own client. */
  readonly anthropic: boolean;
  /** Token counts as the API reported them (summed over the requests of one answer); absent when the model does not report them. */
  readonly usage?: TokenCounts;
  /** Model requests this answer took (more than one with tool calls or a retry that sent again). */
  readonly requests?: number;
}

/** The footer as one Markdown line (with a leading blank line), e.g. `*claude-sonnet-5-5 · 1,204 in · 312 out · 3,050 cache read · ≈ $0.0058*`. */
export function usageFooterMarkdown(input: UsageFooterInput): string {
  const parts = [escapeMarkdown(input.model)];
  const u = input.usage;
  if (!u) {
    parts.push('token use not reported by this model');
  } else {
    parts.push(`${count(u.inputTokens)} in`, `${count(u.outputTokens)} out`);
    parts.push(`${count(u.cacheReadInputTokens)} cache read`);
    if (u.cacheCreationInputTokens > 0) {
      parts.push(`${count(u.cacheCreationInputTokens)} cache write`);
    }
    if ((input.requests ?? 1) > 1) {
      parts.push(`${input.requests} requests`);
    }
    const cost = input.anthropic ? estimateCostUsd(input.model, u) : undefined;
    if (cost !== undefined) {
      parts.push(`≈ ${formatUsd(cost)} at list prices of ${PRICES_TAKEN_ON}`);
    } else if (input.anthropic) {
      parts.push('no cost estimate for this model');
    }
  }
  return `\n\n*${parts.join(' · ')}*\n`;
}

/** Dollars with enough digits to be meaningful for a single request. */
export function formatUsd(amount: number): string {
  if (amount === 0) {
    return '$0';
  }
  if (amount < 0.0001) {
    return '<$0.0001';
  }
  if (amount < 0.01) {
    return `$${amount.toFixed(4)}`;
  }
  if (amount < 1) {
    return `$${amount.toFixed(3)}`;
  }
  return `$${amount.toFixed(2)}`;
}

function count(n: number): string {
  return Math.max(0, Math.round(n)).toLocaleString('en-US');
}

/** Model names come from settings or other extensions: keep them from starting Markdown. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}
