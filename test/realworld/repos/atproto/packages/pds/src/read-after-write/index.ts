export * from './types.js'
export * from './util.js'
export * from './viewer.js'
