/**
 * The Get Started walkthrough (package.json contributes.walkthroughs): opened once, on the first
 * activation after install (a globalState flag), and again from the
 * "Architect Personas: Open Walkthrough" command or the no-model message.
 */
import * as vscode from 'vscode';
import { OPEN_WALKTHROUGH_COMMAND } from '../readiness/modelReadiness';
import type { Log } from '../common/log';

import { WALKTHROUGH_ID, WALKTHROUGH_STEPS } from './walkthroughSteps';

export const FIRST_RUN_FLAG = 'architectPersonas.walkthroughShown';

export interface Walkthrough {
  /** Resolves once the first-run check is done: true when this activation opened the walkthrough. */
  readonly firstRun: Promise<boolean>;
}

export function registerWalkthrough(context: vscode.ExtensionContext, log: Log): Walkthrough {
  const category = `${context.extension.id}#${WALKTHROUGH_ID}`;
  const open = (step?: unknown): Thenable<unknown> => {
    const known = WALKTHROUGH_STEPS.find((s) => s.id === step)?.id;
    return vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      known ? { category, step: known } : category,
      false,
    );
  };
  context.subscriptions.push(vscode.commands.registerCommand(OPEN_WALKTHROUGH_COMMAND, (step?: unknown) => open(step)));

  const firstRun = (async () => {
    if (context.globalState.get<boolean>(FIRST_RUN_FLAG)) {
      return false;
    }
    // Set first: a failure to open must not reopen it on every start.
    await context.globalState.update(FIRST_RUN_FLAG, true);
    await open();
    log.info('first run: walkthrough opened');
    return true;
  })().catch((err: unknown) => {
    log.warn(`could not open the walkthrough: ${(err as Error)?.message ?? String(err)}`);
    return false;
  });
  return { firstRun };
}
