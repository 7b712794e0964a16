/**
 * The Get Started walkthrough's ids, as in package.json `contributes.walkthroughs` (a unit test
 * checks the two agree and that every step's media ships). No `vscode` import: plain data.
 */

/** Walkthrough id (VS Code addresses it as `<extension id>#<id>`). */
export const WALKTHROUGH_ID = 'architectPersonas.gettingStarted';

/** Step ids in order, with the command each step's button runs. */
export const WALKTHROUGH_STEPS = [
  { id: 'model', command: 'architectPersonas.setApiKey' },
  { id: 'persona', command: 'architectPersonas.choosePersona' },
  { id: 'debug', command: 'workbench.action.chat.open' },
  { id: 'review', command: 'architectPersonas.reviewWithArchitect' },
  { id: 'rules', command: 'architectPersonas.runRulesOnWorkspace' },
] as const;

export type WalkthroughStepId = (typeof WALKTHROUGH_STEPS)[number]['id'];
