/** The "Summarize this session" follow-up, shared by the follow-up provider and the design sessions. */
export const SESSION_SUMMARY_PROMPT = 'Summarize this design session in your session-summary format.';

export function isSessionSummaryPrompt(prompt: string): boolean {
  return prompt.trim() === SESSION_SUMMARY_PROMPT;
}

/**
 * The paragraph added to the persona's system prompt when it has a `sessionSummary`, so the
 * format reaches the model (the persona bodies only name it).
 */
export function sessionSummaryInstructions(format: string | undefined): string {
  const f = format?.trim();
  return f ? `\n\n# Session summary format\n\nWhen the user asks you to summarise or wrap up the session, answer in this format, filled in from the conversation:\n\n${f}` : '';
}
