export * from './sequencer.js'
export * from './outbox.js'
