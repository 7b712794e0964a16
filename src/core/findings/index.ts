export * from './types';
export { OUTPUT_CONTRACT_INSTRUCTIONS } from './contract';
export { FindingsStreamParser, MAX_BLOCK_CHARS } from './parser';
export { parseFindingBlock } from './block';
export * from './verify';
