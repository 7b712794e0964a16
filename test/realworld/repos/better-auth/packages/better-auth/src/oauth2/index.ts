export * from "@better-auth/core/oauth2";
export * from "./link-account";
export * from "./state";
export * from "./utils";
