export * from "@better-auth/prisma-adapter";
