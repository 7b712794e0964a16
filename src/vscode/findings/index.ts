export { renderChatParts, toVscodeRange } from './renderChatParts';
export { registerFindingCommands, FIX_SCHEME } from './findingCommands';
