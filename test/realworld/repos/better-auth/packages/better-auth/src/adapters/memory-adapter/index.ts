export * from "@better-auth/memory-adapter";
