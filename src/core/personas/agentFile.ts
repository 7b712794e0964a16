import { SLASH_COMMANDS } from '../slashCommands';
import type { Persona } from './persona';
import { personaInstructionsFor } from './instructions';

export interface AgentFileOptions {
  /**
   * Tools the exported agent may use. The default is read-only (`read`, `search`): an architect
   * persona advises and reads code, it does not edit files or run commands.
   */
  readonly tools?: readonly string[];
  /** A model name for the agent's `model` key; omitted by default (the picker's model is used). */
  readonly model?: string;
}

export const DEFAULT_AGENT_TOOLS: readonly string[] = ['read', 'search'];

/** `.github/agents/<id>.agent.md`, the workspace location VS Code reads custom agents from. */
export function agentFilePath(persona: Persona): string {
  return `.github/agents/${persona.id}.agent.md`;
}

/**
 * Renders a persona as a VS Code / GitHub Copilot custom agent file (`*.agent.md`): YAML front
 * matter with `name`, `description`, `argument-hint`, `tools` (and `model` when given), then the
 * persona's prompt, principles and per-task instructions as the Markdown body. Custom agents have
 * no slash commands, so the per-command instructions become sections keyed by the kind of request.
 */
export function renderCopilotAgentFile(persona: Persona, options: AgentFileOptions = {}): string {
  const tools = options.tools ?? DEFAULT_AGENT_TOOLS;
  const header = [
    '---',
    `name: ${yamlString(persona.name)}`,
    `description: ${yamlString(`${persona.title}: ${persona.description}`)}`,
    `argument-hint: ${yamlString('Describe the system, or ask to design, scale, optimize, choose infrastructure or debug')}`,
    `tools: [${tools.map(yamlString).join(', ')}]`,
    ...(options.model !== undefined ? [`model: ${yamlString(options.model)}`] : []),
    '---',
  ];

  const body: string[] = [
    `<!-- Exported from the Architect Personas persona "${persona.id}". Edit freely; re-exporting overwrites this file. -->`,
    '',
    persona.body.trim(),
    '',
    '## Principles',
    '',
    ...persona.principles.map((p) => `- ${p}`),
    '',
    '## How to handle each kind of request',
    '',
  ];
  for (const command of SLASH_COMMANDS) {
    body.push(`### ${capitalize(command.name)}: ${command.description}`, '', personaInstructionsFor(persona, command.name).trim(), '');
  }
  if (persona.sessionSummary) {
    body.push('## Session summary', '', 'When the user asks to wrap up, summarise the session like this:', '', persona.sessionSummary.trim(), '');
  }
  return `${header.join('\n')}\n${body.join('\n').replace(/\n+$/, '')}\n`;
}

/** A YAML double-quoted scalar: JSON string syntax is valid YAML. */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
