/**
 * Budget for the code sent to a chat model that reports its own input limit (`maxInputTokens`)
 * and tokenizer (`countTokens`). Pure: the adapter measures, this decides.
 */

/** Share of the model's input limit the prompt may fill; the rest is head-room for the answer's context. */
export const INPUT_SHARE = 0.8;

/** Characters of code to start from, at ~4 characters per token. */
export function initialCodeBudgetChars(settingTokens: number, maxInputTokens: number): number {
  return Math.floor(Math.min(settingTokens, maxInputTokens / 2) * 4);
}

/**
 * When the measured prompt (`promptTokens`) exceeds the model's share, the smaller code budget to
 * rebuild the context with; undefined when the prompt fits. The code shrinks by the tokens over
 * the limit (at the measured characters per token), never below `minChars`.
 */
export function shrunkCodeBudgetChars(
  promptTokens: number,
  maxInputTokens: number,
  codeChars: number,
  codeBudgetChars: number,
  minChars = 1000,
): number | undefined {
  const limit = Math.floor(maxInputTokens * INPUT_SHARE);
  if (promptTokens <= limit) {
    return undefined;
  }
  const charsPerToken = codeChars > 0 ? Math.max(1, codeChars / Math.max(1, promptTokens)) : 4;
  const overChars = Math.ceil((promptTokens - limit) * charsPerToken);
  return Math.max(minChars, Math.min(codeBudgetChars, codeChars) - overChars);
}
