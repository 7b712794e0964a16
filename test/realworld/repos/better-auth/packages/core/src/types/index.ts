export type { StandardSchemaV1 } from "@standard-schema/spec";
export type {
	AuthContext,
	BetterAuthPluginRegistry,
	BetterAuthPluginRegistryIdentifier,
	CookieCacheSigner,
	GenericEndpointContext,
	InfoContext,
	InternalAdapter,
	PluginContext,
} from "./context";
export type {
	BetterAuthCookie,
	BetterAuthCookies,
	CookieCachePayload,
} from "./cookie";
export type * from "./helper";
export type {
	BaseURLConfig,
	BetterAuthAdvancedOptions,
	BetterAuthDBOptions,
	BetterAuthOptions,
	BetterAuthRateLimitOptions,
	BetterAuthRateLimitRule,
	BetterAuthRateLimitStorage,
	DynamicBaseURLConfig,
	GenerateIdFn,
	StoreIdentifierOption,
	UserProvisioningSource,
	ValidateUserInfoAction,
	ValidateUserInfoMethod,
	ValidateUserInfoOAuthInfo,
	ValidateUserInfoResult,
	ValidateUserInfoSource,
	ValidateUserInfoSSOInfo,
} from "./init-options";
export type {
	BetterAuthPlugin,
	BetterAuthPluginErrorCodePart,
	HookEndpointContext,
} from "./plugin";
export type {
	BetterAuthClientOptions,
	BetterAuthClientPlugin,
	ClientAtomListener,
	ClientFetchOption,
	ClientStore,
} from "./plugin-client";
export type { SecretConfig } from "./secret";
