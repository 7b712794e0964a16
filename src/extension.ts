import * as vscode from 'vscode';
import { createAnthropicAccess } from './vscode/model/anthropicAccess';
import { registerAnthropicModels } from './vscode/model/anthropicModels';
import { registerApiKey } from './vscode/model/apiKey';
import { registerDesignSessions } from './vscode/design/registerDesignSessions';
import { registerFindingCommands } from './vscode/findings/findingCommands';
import { registerPreviewSent } from './vscode/redact/previewSent';
import { registerLog } from './vscode/common/log';
import { registerParticipant } from './vscode/chat/participant';
import { registerLmTools } from './vscode/tools/registerLmTools';
import { registerMcpServer } from './vscode/mcp/registerMcpServer';
import { registerPersonas } from './vscode/personas/registerPersonas';
import { registerReview } from './vscode/review';
import { registerRules } from './vscode/rules/registerRules';
import { registerQueryPlans } from './vscode/sql';
import { SessionTranscript } from './vscode/chat/sessionTranscript';
import { registerModelReadiness, type ModelReadiness } from './vscode/readiness/modelReadiness';
import { registerWalkthrough, type Walkthrough } from './vscode/walkthrough/registerWalkthrough';

/** What the extension exports to other extensions (and its integration tests). */
export interface ArchitectPersonasApi {
  readonly transcript: SessionTranscript;
  /** Whether a model can answer, and its no-model message (tests wait on its event). */
  readonly readiness: ModelReadiness;
  readonly walkthrough: Walkthrough;
}

/** Wires the extension's parts; each registerX pushes its disposables to context.subscriptions. */
export function activate(context: vscode.ExtensionContext): ArchitectPersonasApi {
  const log = registerLog(context);
  try {
    const keys = registerApiKey(context, log);
    const anthropic = createAnthropicAccess(keys, log);
    registerAnthropicModels(context, anthropic, log);
    const personas = registerPersonas(context, log);
    registerFindingCommands(context);
    registerPreviewSent(context);
    const transcript = new SessionTranscript();
    const readiness = registerModelReadiness(context, { hasApiKey: async () => Boolean(await keys.get()), log });
    const canAnswer = (what: string, retry: () => unknown) => readiness.ensureCanAnswer(what, retry);
    const walkthrough = registerWalkthrough(context, log);
    const review = registerReview(context, { transcript, preferOwnModel: async () => Boolean(await keys.get()), canAnswer });
    const design = registerDesignSessions(context, { personas, transcript, log, anthropic, canAnswer });
    const rules = registerRules(context, log, async () => Boolean(await keys.get()));
    const queryPlans = registerQueryPlans(context, log);
    registerParticipant(context, { personas, anthropic, log, transcript, onFindings: review.onFindings, onAnswerEnd: design.onAnswerEnd, rules: rules.chat, queryPlans: queryPlans.chat });
    registerLmTools(context, { personas, anthropic, log, plannerFor: (root) => queryPlans.service.plannerFor(root), rulesFor: rules.toolAccess });
    registerMcpServer(context, { keys, log });
    return { transcript, readiness, walkthrough };
  } catch (err) {
    log.error(`activation failed: ${(err as Error).stack ?? String(err)}`);
    void vscode.window
      .showErrorMessage(`Architect Personas failed to start: ${(err as Error).message}`, 'Show Log')
      .then((choice) => choice && log.show());
    throw err;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
