export { additionalAuthorizationParamsSchema } from "./authorization-params";
export {
	decodeBasicCredentials,
	encodeBasicCredentials,
} from "./basic-credentials";
export type {
	ClientAssertionContext,
	ClientAssertionGetter,
	ClientAssertionGrantType,
	PrivateKeyJwtClientAssertionGetterOptions,
	PrivateKeyJwtSigningAlgorithm,
} from "./client-assertion";
export {
	CLIENT_ASSERTION_TYPE,
	createPrivateKeyJwtClientAssertionGetter,
	PRIVATE_KEY_JWT_SIGNING_ALGORITHMS,
	resolveClientAssertionParams,
	signPrivateKeyJwtClientAssertion,
} from "./client-assertion";
export {
	clientCredentialsToken,
	clientCredentialsTokenRequest,
} from "./client-credentials-token";
export {
	createAuthorizationURL,
	RESERVED_AUTHORIZATION_PARAMS,
	RESERVED_AUTHORIZATION_PARAMS_SET,
} from "./create-authorization-url";
export type {
	AccessTokenAuthorization,
	AccessTokenAuthorizationScheme,
	DpopBindingError,
	DpopBindingErrorCode,
	DpopProofError,
	DpopProofErrorCode,
	DpopReplayReservation,
	DpopReplayReservations,
	DpopReplayStore,
	DpopSigningAlgorithm,
	EnforceDpopBindingParams,
	VerifiedDpopProof,
	VerifyDpopProofOptions,
} from "./dpop";
export {
	BEARER_AUTHORIZATION_SCHEME,
	createDpopBindingError,
	createDpopProofError,
	createDpopReplayStore,
	createInMemoryDpopReplayStore,
	DPOP_AUTHORIZATION_SCHEME,
	DPOP_PROOF_TYPE,
	DPOP_SIGNING_ALGORITHMS,
	deriveDpopAth,
	deriveDpopJkt,
	enforceDpopBinding,
	getConfirmationJkt,
	getDpopJktFromPayload,
	isDpopBindingError,
	isDpopProofError,
	normalizeDpopHtu,
	parseAccessTokenAuthorization,
	stripAccessTokenAuthorizationScheme,
	verifyDpopProof,
} from "./dpop";
export type {
	OAuth2Tokens,
	OAuth2UserInfo,
	OAuthAccountKeyContext,
	OAuthAccountSubject,
	OAuthIdTokenConfig,
	OAuthMappedUser,
	OAuthProvider,
	OAuthRefreshContext,
	ProviderOptions,
} from "./oauth-provider";
export {
	refreshAccessToken,
	refreshAccessTokenRequest,
} from "./refresh-access-token";
export type {
	TokenEndpointAuth,
	TokenEndpointAuthMethod,
	TokenEndpointSecretAuthentication,
} from "./token-endpoint-auth";
export {
	applyDefaultAccessTokenExpiry,
	generateCodeChallenge,
	getOAuth2Tokens,
	getPrimaryClientId,
	mergeScopes,
} from "./utils";
export {
	authorizationCodeRequest,
	validateAuthorizationCode,
	validateToken,
} from "./validate-authorization-code";
export type {
	ResourceRequestInput,
	VerifyAccessTokenOptions,
	VerifyAccessTokenRequestOptions,
} from "./verify";
export {
	createInsufficientScopeError,
	getJwks,
	isInsufficientScopeError,
	requestToResourceInput,
	verifyAccessTokenRequest,
	verifyBearerToken,
	verifyJwsAccessToken,
} from "./verify";
export {
	supportsIdTokenSignIn,
	verifyProviderIdToken,
} from "./verify-id-token";
