export * from './db.js'
export * from './cast.js'
export * from './migrator.js'
export * from './util.js'
