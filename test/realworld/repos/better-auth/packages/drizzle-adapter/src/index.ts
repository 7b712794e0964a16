export * from "./drizzle-adapter";
