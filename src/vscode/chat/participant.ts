import * as vscode from 'vscode';
import type { ChatRules } from '../rules/chatRules';
import type { ChatQueryPlans } from '../sql';
import type { SentFile } from '../../core/context/sentFile';
import type { VerifiedFinding } from '../../core/findings/verify';
import { findSlashCommand } from '../../core/slashCommands';
import type { AnthropicAccess } from '../model/anthropicAccess';
import { describeSetupFailure, SetupStageError, type SetupFailure } from '../../core/render/setupFailure';
import { answerChatRequest, type AnswerMetadata } from './answerRequest';
import type { Log } from '../common/log';
import type { PersonaService } from '../personas/personaService';
import type { AnswerEndListener } from '../design/answerEnd';
import { provideFollowups } from './followups';
import { renderTrustNotice } from './trustNotice';
import { recordingStream, type SessionTranscript } from './sessionTranscript';

export const PARTICIPANT_ID = 'architect-personas.backend';

export interface ParticipantDeps {
  readonly personas: PersonaService;
  readonly anthropic: AnthropicAccess;
  readonly log: Log;
  readonly transcript: SessionTranscript;
  /** Receives each answer's verified findings with the files that were sent and the persona's name (e.g. for diagnostics). */
  /** Runs after a successful answer, before the result returns (e.g. the Save Design Document button). */
  readonly onAnswerEnd?: AnswerEndListener;
  readonly onFindings?: (findings: readonly VerifiedFinding[], sentFiles: readonly SentFile[], personaName: string) => void;
  /** The backend rules: facts for the prompt, "confirmed by rule" notes, the rule-only answer without a model. */
  readonly rules?: ChatRules;
  /** The embedded database: plans of the sent queries for /optimize and /scale, SQL fixes checked under the finding. */
  readonly queryPlans?: ChatQueryPlans;
}

/** Registers `@backend`. The handler delegates each request to the answer pipeline. */
export function registerParticipant(context: vscode.ExtensionContext, deps: ParticipantDeps): vscode.ChatParticipant {
  // The key is read from the secret storage inside the pipeline: a failing read is told apart from the other errors.
  const anthropic = Object.assign(Object.create(deps.anthropic) as AnthropicAccess, {
    getClient: () => deps.anthropic.getClient().catch((err: unknown) => Promise.reject(new SetupStageError('apiKey', err))),
  });
  const pipelineDeps: ParticipantDeps = { ...deps, anthropic };
  const handler: vscode.ChatRequestHandler = async (request, chatContext, chatStream, token) => {
    // A failed re-read keeps the personas loaded before; the answer then says so (reloadError).
    const refreshError = await deps.personas.refreshIfChanged().then(
      () => deps.personas.reloadError,
      (err: unknown) => err ?? new Error('the persona refresh failed'),
    );
    const persona = deps.personas.getActive();
    const command = findSlashCommand(request.command);
    const prompt = request.prompt.trim();
    const turn = deps.transcript.begin(request.prompt, command?.name, persona.id, persona.name);
    const stream = recordingStream(chatStream, turn);
    try {
      if (!command && (prompt === '' || /^(help|\?)$/i.test(prompt))) {
        stream.markdown(greetingOf(persona.name, persona.title, persona.greeting));
        return { metadata: { personaId: persona.id, command: 'help' } satisfies Partial<AnswerMetadata> };
      }
      const result = await answerChatRequest({ request, chatContext, stream, token, persona, command, deps: pipelineDeps });
      // Notes on what this answer could not use go after it: parts written before the pipeline's first
      // progress message are folded away by the chat panel.
      await renderTrustNotice(stream, chatContext);
      if (refreshError !== undefined) {
        deps.log.warn(`persona refresh failed: ${(refreshError as Error)?.stack ?? String(refreshError)}`);
        renderSetupFailure(stream, describeSetupFailure('personas', refreshError, persona.name));
      }
      turn.answer = (result.metadata as AnswerMetadata | undefined)?.answer ?? '';
      return result;
    } catch (err) {
      // A failure outside the model call (the model's own errors are handled in the pipeline): a message and a next step, never a raw error.
      const stage = err instanceof SetupStageError ? err.stage : 'request';
      const cause = err instanceof SetupStageError ? err.cause : err;
      deps.log.error(`request failed before the model was called (${stage}): ${(cause as Error)?.stack ?? String(cause)}`);
      renderSetupFailure(stream, describeSetupFailure(stage, cause, persona.name));
      return { metadata: { personaId: persona.id, personaName: persona.name, command: command?.name, answer: '', findings: [], error: stage } satisfies AnswerMetadata };
    } finally {
      turn.done = true;
    }
  };

  const participant = vscode.chat.createChatParticipant(PARTICIPANT_ID, handler);
  participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
  participant.followupProvider = { provideFollowups };
  context.subscriptions.push(participant);
  return participant;
}

function renderSetupFailure(stream: vscode.ChatResponseStream, failure: SetupFailure): void {
  stream.markdown(failure.fatal ? `**${failure.message}**\n\n` : `> ${failure.message}\n\n`);
  for (const action of failure.actions) {
    if (action === 'setApiKey') {
      stream.button({ command: 'architectPersonas.setApiKey', title: 'Set Anthropic API Key' });
    } else {
      stream.button({ command: 'architectPersonas.showLog', title: 'Show Log' });
    }
  }
}

function greetingOf(name: string, title: string, greeting: string | undefined): string {
  if (greeting?.trim()) {
    return `**${name}** · ${title}\n\n${greeting.trim()}\n`;
  }
  return (
    `**${name}** · ${title}\n\nAsk me about the code you select or the file you have open:\n\n` +
    '- `/design` a system, schema or API\n- `/scale` find the next bottleneck\n- `/optimize` slow queries and hot paths\n' +
    '- `/infra` deployment, caching, queues, cost\n- `/debug` the root cause of a bug\n'
  );
}
