export * from "@better-auth/kysely-adapter";
