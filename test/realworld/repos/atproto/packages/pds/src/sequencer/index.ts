export * from './sequencer.js'
export * from './outbox.js'
export * from './events.js'
