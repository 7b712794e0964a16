export * from './objectDepth';
export * from './rackImages';
export * from './previousPkCheck';
export * from './secret';
