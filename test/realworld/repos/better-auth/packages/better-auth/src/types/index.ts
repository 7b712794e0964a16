export type {
	BetterAuthAdvancedOptions,
	BetterAuthCookies,
	BetterAuthOptions,
	BetterAuthPlugin,
	BetterAuthRateLimitOptions,
	StoreIdentifierOption,
	UserProvisioningSource,
	ValidateUserInfoAction,
	ValidateUserInfoMethod,
	ValidateUserInfoOAuthInfo,
	ValidateUserInfoResult,
	ValidateUserInfoSource,
	ValidateUserInfoSSOInfo,
} from "@better-auth/core";
export type * from "@better-auth/core/social-providers";
export * from "../client/types";
export type * from "./adapter";
export * from "./api";
export type * from "./auth";
export type * from "./helper";
export type * from "./models";
export type * from "./plugins";
