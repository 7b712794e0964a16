export * from "@better-auth/mongo-adapter";
