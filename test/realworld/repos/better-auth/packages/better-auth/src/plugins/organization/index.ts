export { getOrgAdapter } from "./adapter";
export * from "./organization";
export type * from "./schema";
export type * from "./types";
