export type { Persona, PersonaSource, PersonaSourceKind } from './persona';
export { parsePersona } from './parsePersona';
export type { ParsePersonaResult, PersonaProblem, PersonaProblemSeverity } from './parsePersona';
export {
  DEFAULT_PERSONA_ID,
  KNOWN_COMMAND_KEYS,
  KNOWN_FRONT_MATTER_KEYS,
  MAX_PERSONA_BODY_BYTES,
  MAX_PERSONA_FILE_CHARS,
  PERSONA_ID_PATTERN,
  personaFrontMatterSchema,
} from './schema';
export type { PersonaFrontMatter } from './schema';
export { describePersonaSource, mergePersonas, PERSONA_PRECEDENCE } from './mergePersonas';
export type { DuplicatePersona, MergedPersonas, PersonaLayers, ResolvedPersona } from './mergePersonas';
export { personaInstructionsFor } from './instructions';
export { agentFilePath, DEFAULT_AGENT_TOOLS, renderCopilotAgentFile } from './agentFile';
export type { AgentFileOptions } from './agentFile';
export { frontMatterKeyLine } from './frontMatterLines';
