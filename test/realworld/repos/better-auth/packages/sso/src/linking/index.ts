export * from "./org-assignment";
export * from "./types";
