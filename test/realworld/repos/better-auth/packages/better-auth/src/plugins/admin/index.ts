export * from "./admin";
export type * from "./types";
