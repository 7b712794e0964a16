export {
	type BoundedDatabaseIndexDialect,
	type DBTableIndexSource,
	getDatabaseFieldIndexName,
	getDatabaseIndexName,
	getDatabaseIndexStringLength,
	getPortableDatabaseIdentifierKey,
	type ResolvedDBTableIndex,
	resolveDatabaseSchemaIndexes,
	resolveDatabaseTableIndexes,
} from "./database-index";
export { getAuthTablesWithResolvedIndexes } from "./get-tables";
