export * from "./prisma.service";
export * from "./prisma.module";
export * from "../../prisma/generated-prisma-client";
