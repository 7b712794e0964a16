export * from './sharp.js'
export type { ImageInfo, Options } from './util.js'
