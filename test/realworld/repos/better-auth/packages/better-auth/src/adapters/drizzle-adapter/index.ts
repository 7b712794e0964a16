export * from "@better-auth/drizzle-adapter";
