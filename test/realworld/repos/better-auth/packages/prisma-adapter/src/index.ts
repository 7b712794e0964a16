export * from "./prisma-adapter";
