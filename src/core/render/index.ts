export * from './chatParts';
export * from './renderFinding';
