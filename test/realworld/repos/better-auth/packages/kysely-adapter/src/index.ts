export * from "./dialect";
export * from "./kysely-adapter";
export * from "./types";
// Don't export node:sqlite by default, as it is not production ready.
// export * from "./node-sqlite";
