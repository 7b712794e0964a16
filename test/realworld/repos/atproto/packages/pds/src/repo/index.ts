export * from './prepare.js'
export * from './types.js'
