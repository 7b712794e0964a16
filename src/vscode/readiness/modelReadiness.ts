/**
 * Can any model answer? Every entry point that opens the chat for `@backend` (Review with
 * Architect, Review Uncommitted Changes, Explain in Chat, Start Design Session) asks first, so a
 * user with no Anthropic API key and no other chat model gets an immediate message with the next
 * step instead of a chat that never starts and a progress notification that spins.
 */
import * as vscode from 'vscode';
import { ANTHROPIC_VENDOR } from '../model/anthropicAccess';
import type { Log } from '../common/log';

export const SET_API_KEY_COMMAND = 'architectPersonas.setApiKey';
export const OPEN_WALKTHROUGH_COMMAND = 'architectPersonas.openWalkthrough';

/** Who would answer: our Anthropic client (a key is set), another vendor's chat model, or nobody. */
export type AnswerSource = 'anthropic' | 'otherModel' | 'none';

export const NO_MODEL_BUTTONS = { setKey: 'Set Anthropic API Key', chooseModel: 'How to Pick a Model' } as const;

/** The message shown when nothing can answer; `what` names the action ("Review with Architect"). */
export function noModelMessage(what: string): string {
  return `${what} needs a model, and none can answer: no Anthropic API key is set and VS Code has no other chat model (such as Copilot's).`;
}

export interface ModelReadinessDeps {
  /** True when an Anthropic API key is stored. */
  readonly hasApiKey: () => Promise<boolean>;
  readonly log: Log;
}

export class ModelReadiness {
  /** Fires after each check that found no model (tests wait on it instead of on a delay). */
  private readonly noModelShown = new vscode.EventEmitter<string>();
  readonly onDidShowNoModel = this.noModelShown.event;

  /**
   * Whether another vendor's chat model exists. Listing the models can take seconds (VS Code
   * waits for the providers), so the answer is kept and refreshed when the models change; the
   * first lookup starts at activation, in the background.
   */
  private otherModel: Promise<boolean> | undefined;
  private readonly modelsChanged: vscode.Disposable;

  constructor(private readonly deps: ModelReadinessDeps) {
    this.modelsChanged = vscode.lm.onDidChangeChatModels(() => {
      this.otherModel = undefined;
      this.warm();
    });
  }

  /**
   * Starts the model lookup so that the first check does not wait for it — only when there is no
   * API key: with one, `source()` never asks, and listing every vendor's models would make our own
   * provider call the Anthropic models endpoint at activation for nothing.
   */
  warm(): void {
    void this.deps.hasApiKey().then(
      (hasKey) => hasKey || this.hasOtherModel(),
      () => this.hasOtherModel(),
    );
  }

  async source(): Promise<AnswerSource> {
    if (await this.deps.hasApiKey().catch(() => false)) {
      return 'anthropic';
    }
    return (await this.hasOtherModel()) ? 'otherModel' : 'none';
  }

  private hasOtherModel(): Promise<boolean> {
    this.otherModel ??= Promise.resolve(vscode.lm.selectChatModels()).then(
      (models) => models.some((m) => m.vendor !== ANTHROPIC_VENDOR),
      () => false,
    );
    return this.otherModel;
  }

  /**
   * Resolves true when a model can answer. Otherwise shows the message (without waiting for the
   * user) and resolves false; if the user then sets a key, `retry` runs the action again.
   */
  async ensureCanAnswer(what: string, retry?: () => unknown): Promise<boolean> {
    if ((await this.source()) !== 'none') {
      return true;
    }
    this.deps.log.info(`no model can answer: ${what} not started`);
    const shown = vscode.window.showWarningMessage(noModelMessage(what), NO_MODEL_BUTTONS.setKey, NO_MODEL_BUTTONS.chooseModel);
    this.noModelShown.fire(what);
    void Promise.resolve(shown).then(async (choice) => {
      if (choice === NO_MODEL_BUTTONS.setKey) {
        const saved = await vscode.commands.executeCommand<boolean>(SET_API_KEY_COMMAND);
        if (saved && retry) {
          await retry();
        }
      } else if (choice === NO_MODEL_BUTTONS.chooseModel) {
        await vscode.commands.executeCommand(OPEN_WALKTHROUGH_COMMAND, 'model');
      }
    }, () => undefined);
    return false;
  }

  dispose(): void {
    this.modelsChanged.dispose();
    this.noModelShown.dispose();
  }
}

export function registerModelReadiness(context: vscode.ExtensionContext, deps: ModelReadinessDeps): ModelReadiness {
  const readiness = new ModelReadiness(deps);
  context.subscriptions.push(readiness);
  readiness.warm();
  return readiness;
}
