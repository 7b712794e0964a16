/**
 * The slash commands of `@backend`, as one table of intents. `package.json` declares the same
 * names and descriptions (a unit test checks they agree); each persona may refine the
 * instructions per command, and falls back to `defaultInstructions` here.
 */
export const SLASH_COMMAND_NAMES = ['design', 'scale', 'optimize', 'infra', 'debug'] as const;
export type SlashCommandName = (typeof SLASH_COMMAND_NAMES)[number];

export interface SlashCommand {
  readonly name: SlashCommandName;
  /** Shown in the chat's command list; must equal package.json's description. */
  readonly description: string;
  /** What the persona is asked to do when no persona-specific instructions exist. */
  readonly defaultInstructions: string;
}

export const SLASH_COMMANDS: readonly SlashCommand[] = [
  {
    name: 'design',
    description: 'Design a system, schema or API for the scale you have',
    defaultInstructions:
      'Design what the user asks for. Start from the requirements (ask for the missing ones that change the design), ' +
      'then give the architecture for the current scale, the data model as SQL, the API surface, and how it grows. ' +
      'Name what should not be built yet and what it would cost to run.',
  },
  {
    name: 'scale',
    description: 'Find the bottleneck and the next scaling step',
    defaultInstructions:
      'Diagnose how the code or system behaves as load grows: say what to measure, find the first bottleneck, ' +
      'give the smallest change that moves it (with code or SQL), and what to monitor afterwards.',
  },
  {
    name: 'optimize',
    description: 'Make queries and hot paths faster, with measurements',
    defaultInstructions:
      'Find the slow parts of the given code or queries, explain why they are slow, and give concrete fixes ' +
      '(indexes, query rewrites, batching, caching) with the expected effect and how to measure it.',
  },
  {
    name: 'infra',
    description: 'Deployment, caching, queues, observability and cost',
    defaultInstructions:
      'Advise on deployment, containers, caching, queues, observability and cost for this code. Prefer managed, ' +
      'boring infrastructure sized for today, with the signal that says when to change it.',
  },
  {
    name: 'debug',
    description: 'Find the root cause of a backend bug or incident',
    defaultInstructions:
      'Find the root cause of the problem in the given code: form hypotheses, point at the exact lines, explain the ' +
      'mechanism, and give the fix and how to confirm it.',
  },
];

export function findSlashCommand(name: string | undefined): SlashCommand | undefined {
  return SLASH_COMMANDS.find((c) => c.name === name);
}

/** Instructions used when the user types no slash command. */
export const GENERAL_INSTRUCTIONS =
  'Answer the question as this persona would, grounded in the code that was sent. Point at exact lines when you criticise code.';
