/** Finding the workspace schema and the order its migration tool applies it in. */
export { discoverSchema, sourcesSignature } from './discover';
export type { DiscoverOptions, SchemaCandidate, SchemaFile, SchemaSources, SchemaTool } from './types';
export { splitStatements, type SqlStatement } from './splitStatements';
export { compareVersions } from './layouts';
