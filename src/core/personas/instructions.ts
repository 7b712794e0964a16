import { findSlashCommand, GENERAL_INSTRUCTIONS } from '../slashCommands';
import type { Persona } from './persona';

/**
 * The instructions for a slash command as this persona gives them: the persona's own
 * `commands.<name>` when it has one, else the default from the slash-command table. With no
 * command (or an unknown one) it returns the general instructions.
 */
export function personaInstructionsFor(persona: Persona, command: string | undefined): string {
  const slash = findSlashCommand(command);
  if (!slash) {
    return GENERAL_INSTRUCTIONS;
  }
  return persona.commands[slash.name] ?? slash.defaultInstructions;
}
