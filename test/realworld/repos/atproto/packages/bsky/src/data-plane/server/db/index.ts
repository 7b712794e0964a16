export * from './db.js'
export type { DatabaseSchema } from './db.js'
