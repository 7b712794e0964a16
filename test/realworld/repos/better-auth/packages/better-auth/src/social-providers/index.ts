export * from "@better-auth/core/social-providers";
