/**
 * OIDC Discovery Pipeline
 *
 * Implements OIDC discovery document fetching, validation, and hydration.
 * This module is used both at provider registration time (to persist validated config)
 * and at runtime (to hydrate legacy providers that are missing metadata).
 *
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html
 */

import {
	classifyHost,
	isPublicRoutableHost,
} from "@better-auth/core/utils/host";
import type { BetterFetchOption } from "@better-fetch/fetch";
import { betterFetch } from "@better-fetch/fetch";
import { createRemoteJWKSet, customFetch, jwtVerify } from "jose";
import type { OIDCConfig } from "../types";
import type {
	DiscoverOIDCConfigParams,
	HydratedOIDCConfig,
	OIDCDiscoveryDocument,
} from "./types";
import { DiscoveryError, REQUIRED_DISCOVERY_FIELDS } from "./types";

/** Default timeout for discovery requests (10 seconds) */
const DEFAULT_DISCOVERY_TIMEOUT = 10000;

type OIDCEndpointName =
	| "discoveryEndpoint"
	| "tokenEndpoint"
	| "userInfoEndpoint"
	| "jwksEndpoint";

type OIDCConfigEndpointName = OIDCEndpointName | "authorizationEndpoint";

type OIDCEndpointFetchOptions = Omit<BetterFetchOption, "redirect">;

function isHttpRedirectStatus(status: number): boolean {
	return status >= 300 && status < 400;
}

/**
 * Main entry point: Discover and hydrate OIDC configuration from an issuer.
 *
 * This function:
 * 1. Computes the discovery URL from the issuer
 * 2. Validates the discovery URL
 * 3. Fetches the discovery document
 * 4. Validates the discovery document (issuer match + required fields)
 * 5. Normalizes URLs
 * 6. Selects token endpoint auth method
 * 7. Merges with existing config (existing values take precedence)
 *
 * @param params - Discovery parameters
 * @param isTrustedOrigin - Origin verification tester function
 * @returns Hydrated OIDC configuration ready for persistence
 * @throws DiscoveryError on any failure
 */
export async function discoverOIDCConfig(
	params: DiscoverOIDCConfigParams,
): Promise<HydratedOIDCConfig> {
	const {
		issuer,
		existingConfig,
		timeout = DEFAULT_DISCOVERY_TIMEOUT,
	} = params;

	const discoveryUrl =
		params.discoveryEndpoint ||
		existingConfig?.discoveryEndpoint ||
		computeDiscoveryUrl(issuer);

	validateDiscoveryUrl(discoveryUrl, params.isTrustedOrigin);

	const discoveryDoc = await fetchDiscoveryDocument(
		discoveryUrl,
		timeout,
		params.isTrustedOrigin,
	);

	validateDiscoveryDocument(discoveryDoc, issuer);

	const normalizedDoc = normalizeDiscoveryUrls(
		discoveryDoc,
		issuer,
		params.isTrustedOrigin,
	);

	const tokenEndpointAuth = selectTokenEndpointAuthMethod(
		normalizedDoc,
		existingConfig?.tokenEndpointAuthentication,
	);

	const hydratedConfig: HydratedOIDCConfig = {
		issuer: existingConfig?.issuer ?? normalizedDoc.issuer,
		discoveryEndpoint: existingConfig?.discoveryEndpoint ?? discoveryUrl,
		authorizationEndpoint:
			existingConfig?.authorizationEndpoint ??
			normalizedDoc.authorization_endpoint,
		tokenEndpoint:
			existingConfig?.tokenEndpoint ?? normalizedDoc.token_endpoint,
		jwksEndpoint: existingConfig?.jwksEndpoint ?? normalizedDoc.jwks_uri,
		userInfoEndpoint:
			existingConfig?.userInfoEndpoint ?? normalizedDoc.userinfo_endpoint,
		tokenEndpointAuthentication:
			existingConfig?.tokenEndpointAuthentication ?? tokenEndpointAuth,
		scopesSupported:
			existingConfig?.scopesSupported ?? normalizedDoc.scopes_supported,
	};

	return hydratedConfig;
}

/**
 * Compute the discovery URL from an issuer URL.
 *
 * Per OIDC Discovery spec, the discovery document is located at:
 * <issuer>/.well-known/openid-configuration
 *
 * Handles trailing slashes correctly.
 */
export function computeDiscoveryUrl(issuer: string): string {
	const baseUrl = issuer.endsWith("/") ? issuer.slice(0, -1) : issuer;
	return `${baseUrl}/.well-known/openid-configuration`;
}

/**
 * Validate a discovery URL before fetching.
 *
 * @param url - The discovery URL to validate
 * @param isTrustedOrigin - Origin verification tester function
 * @throws DiscoveryError if URL is invalid
 */
export function validateDiscoveryUrl(
	url: string,
	isTrustedOrigin: DiscoverOIDCConfigParams["isTrustedOrigin"],
): void {
	const discoveryEndpoint = parseURL("discoveryEndpoint", url).toString();

	if (!isTrustedOrigin(discoveryEndpoint)) {
		throw new DiscoveryError(
			"discovery_untrusted_origin",
			`The main discovery endpoint "${discoveryEndpoint}" is not trusted by your trusted origins configuration.`,
			{ url: discoveryEndpoint },
		);
	}
}

/**
 * Validate that a user-supplied OIDC endpoint URL is safe to fetch.
 *
 * Layered checks (in order):
 *   1. URL parsing + http(s) scheme            → discovery_invalid_url
 *   2. Public-routable host (RFC 6890)         → allowed
 *   3. Operator-allowlisted via trustedOrigins → allowed (opt-in for internal IdPs)
 *   4. Otherwise                               → discovery_private_host
 *
 * Step 2 rejects loopback, RFC 1918, link-local, ULA, shared-address,
 * cloud-metadata FQDNs (e.g. `169.254.169.254`, `metadata.google.internal`),
 * multicast, and reserved ranges. See `isPublicRoutableHost` in
 * `@better-auth/core/utils/host`.
 *
 * Step 3 is the documented escape hatch for customers whose IdP runs on a
 * private network or behind a corporate VPN: they add the IdP origin to their
 * `trustedOrigins` configuration.
 *
 * @param name - The endpoint field name, used in error messages
 * @param endpoint - The URL to validate
 * @param isTrustedOrigin - Predicate matching the configured `trustedOrigins`
 * @throws DiscoveryError(discovery_invalid_url)  — malformed URL or non-http(s) scheme
 * @throws DiscoveryError(discovery_private_host) — host is not publicly routable and not allowlisted
 */
function validateOIDCEndpointUrl(
	name: OIDCConfigEndpointName,
	endpoint: string,
	isTrustedOrigin: (url: string) => boolean,
): void {
	const parsed = parseURL(name, endpoint);
	if (isPublicRoutableHost(parsed.hostname)) return;
	if (isTrustedOrigin(parsed.toString())) return;
	throw new DiscoveryError(
		"discovery_private_host",
		`The ${name} URL (${parsed.toString()}) is not publicly routable: ${parsed.hostname}. If this is an internal IdP, add its origin to trustedOrigins.`,
		{ endpoint: name, url: endpoint, hostname: parsed.hostname },
	);
}

/**
 * Validate every present OIDC endpoint URL in a registration or update body.
 *
 * Each provided URL is checked with {@link validateOIDCEndpointUrl}.
 * Omitted (undefined / null / empty) fields are skipped.
 *
 * @param config - OIDC endpoint URLs from the request body
 * @param isTrustedOrigin - Predicate matching the configured `trustedOrigins`
 * @throws DiscoveryError on the first invalid endpoint
 */
export function validateOIDCEndpointUrls(
	config: {
		authorizationEndpoint?: string | null;
		tokenEndpoint?: string | null;
		userInfoEndpoint?: string | null;
		jwksEndpoint?: string | null;
		discoveryEndpoint?: string | null;
	},
	isTrustedOrigin: (url: string) => boolean,
): void {
	const fields: Array<[OIDCConfigEndpointName, string | null | undefined]> = [
		["authorizationEndpoint", config.authorizationEndpoint],
		["tokenEndpoint", config.tokenEndpoint],
		["userInfoEndpoint", config.userInfoEndpoint],
		["jwksEndpoint", config.jwksEndpoint],
		["discoveryEndpoint", config.discoveryEndpoint],
	];
	for (const [name, url] of fields) {
		if (url) validateOIDCEndpointUrl(name, url, isTrustedOrigin);
	}
}

/**
 * Re-validate an endpoint by resolving its hostname and rejecting any resolved
 * address that is not publicly routable.
 *
 * {@link validateOIDCEndpointUrl} only classifies the literal hostname, so
 * a host like `idp.example` whose DNS record points at `127.0.0.1`,
 * `169.254.169.254`, or an RFC 1918 address passes that check unchanged. This
 * function closes that gap by performing the same RFC 6890 classification on the
 * addresses the host actually resolves to, right before the server-side fetch.
 *
 * Best-effort by design:
 *   - Operator-allowlisted origins (trustedOrigins) are skipped — this is the
 *     documented escape hatch for internal IdPs.
 *   - IP-literal hosts are already fully covered by the synchronous check.
 *   - On runtimes without `node:dns` (e.g. Cloudflare Workers / edge), DNS
 *     resolution is unavailable; we fall back to the synchronous host check and
 *     the platform's own egress controls.
 *
 * Note: this resolves once and validates the result; it does not pin the address
 * for the subsequent connection, so a change in the resolved address between
 * this lookup and the fetch remains theoretically possible. It nonetheless
 * rejects the common case of a DNS record that statically points at an internal
 * address.
 *
 * @throws DiscoveryError(discovery_private_host) if any resolved address is not public
 */
export async function assertEndpointResolvesPublic(
	name: OIDCEndpointName,
	endpoint: string,
	isTrustedOrigin: (url: string) => boolean,
): Promise<void> {
	const parsed = parseURL(name, endpoint);

	// Operator opt-in for internal IdPs (mirrors validateOIDCEndpointUrl).
	if (isTrustedOrigin(parsed.toString())) return;

	const host = parsed.hostname;
	// IP literals are already classified synchronously; only FQDNs need resolving.
	if (classifyHost(host).literal !== "fqdn") return;

	let dns: typeof import("node:dns/promises");
	try {
		dns = await import("node:dns/promises");
	} catch {
		// Runtime without node:dns — rely on the synchronous host check.
		return;
	}

	let resolved: Array<{ address: string }>;
	try {
		resolved = await dns.lookup(host, { all: true });
	} catch {
		// Resolution failure: let the actual fetch surface the network error.
		return;
	}

	for (const { address } of resolved) {
		if (!isPublicRoutableHost(address)) {
			throw new DiscoveryError(
				"discovery_private_host",
				`The ${name} host "${host}" resolves to a non-publicly-routable address (${address}). If this is an internal IdP, add its origin to trustedOrigins.`,
				{ endpoint: name, url: endpoint, hostname: host, resolved: address },
			);
		}
	}
}

/**
 * Validate an OIDC endpoint immediately before a server-side fetch.
 */
export async function assertOIDCEndpointAllowed(
	name: OIDCEndpointName,
	endpoint: string,
	isTrustedOrigin: (url: string) => boolean,
): Promise<void> {
	validateOIDCEndpointUrl(name, endpoint, isTrustedOrigin);
	await assertEndpointResolvesPublic(name, endpoint, isTrustedOrigin);
}

/**
 * Re-validate, at fetch time, every OIDC endpoint that is fetched server-side
 * (token, userinfo, jwks). `authorizationEndpoint` is intentionally excluded
 * because it is a browser redirect target, not a server-side fetch.
 */
export async function assertServerFetchedOIDCEndpointsAllowed(
	config: {
		tokenEndpoint?: string | null;
		userInfoEndpoint?: string | null;
		jwksEndpoint?: string | null;
	},
	isTrustedOrigin: (url: string) => boolean,
): Promise<void> {
	const fields: Array<[OIDCEndpointName, string | null | undefined]> = [
		["tokenEndpoint", config.tokenEndpoint],
		["userInfoEndpoint", config.userInfoEndpoint],
		["jwksEndpoint", config.jwksEndpoint],
	];
	for (const [name, url] of fields) {
		if (!url) continue;
		await assertOIDCEndpointAllowed(name, url, isTrustedOrigin);
	}
}

/**
 * Convert an explicit HTTP redirect response into the OIDC configuration error
 * used by all server-side endpoint fetches.
 */
function throwRedirectError(
	name: OIDCEndpointName,
	endpoint: string,
	status: number,
	location: string | null,
): never {
	throw new DiscoveryError(
		"oidc_endpoint_redirect",
		`The ${name} (${endpoint}) returned an HTTP ${status} redirect. Configure the final OIDC endpoint URL instead of a redirecting URL.`,
		{ endpoint: name, url: endpoint, status, location },
	);
}

/**
 * Fetch a configured OIDC endpoint without following redirects.
 *
 * Every server-side OIDC request goes through this helper so private-host
 * checks and redirect handling stay consistent across discovery, token, and
 * userinfo calls.
 */
export async function fetchOIDCEndpoint<T>(
	name: OIDCEndpointName,
	endpoint: string,
	options: OIDCEndpointFetchOptions,
	isTrustedOrigin: (url: string) => boolean,
) {
	await assertOIDCEndpointAllowed(name, endpoint, isTrustedOrigin);

	let redirectLocation: string | null = null;
	const { onError, ...fetchOptions } = options;
	const response = await betterFetch<T>(endpoint, {
		...fetchOptions,
		redirect: "manual",
		onError: async (context) => {
			if (isHttpRedirectStatus(context.response.status)) {
				redirectLocation = context.response.headers.get("location");
			}
			await onError?.(context);
		},
	});

	if (response.error && isHttpRedirectStatus(response.error.status)) {
		throwRedirectError(name, endpoint, response.error.status, redirectLocation);
	}

	return response;
}

/**
 * Native-fetch variant for libraries that require a `fetch` implementation,
 * such as jose's remote JWKS loader.
 */
export async function fetchOIDCEndpointResponse(
	name: OIDCEndpointName,
	endpoint: string,
	init: RequestInit,
	isTrustedOrigin: (url: string) => boolean,
): Promise<Response> {
	await assertOIDCEndpointAllowed(name, endpoint, isTrustedOrigin);

	const response = await fetch(endpoint, {
		...init,
		redirect: "manual",
	});

	if (isHttpRedirectStatus(response.status)) {
		throwRedirectError(
			name,
			endpoint,
			response.status,
			response.headers.get("location"),
		);
	}

	return response;
}

/** Enforces the OpenID Connect authorized-party rules for ID Tokens. */
export function assertOIDCAuthorizedParty(
	payload: { aud?: string | readonly string[] | undefined; azp?: unknown },
	clientId: string,
): void {
	const hasMultipleAudiences =
		Array.isArray(payload.aud) && payload.aud.length > 1;
	if (
		(hasMultipleAudiences && payload.azp === undefined) ||
		(payload.azp !== undefined && payload.azp !== clientId)
	) {
		throw new Error("OIDC ID token authorized party does not match the client");
	}
}

/**
 * Validate an OIDC ID token using the same endpoint fetch policy as the rest of
 * the SSO OIDC flow.
 */
export async function validateOIDCIdToken(
	token: string,
	jwksEndpoint: string,
	options: {
		audience?: string | string[];
		issuer?: string | string[];
	},
	isTrustedOrigin: (url: string) => boolean,
) {
	const jwks = createRemoteJWKSet(new URL(jwksEndpoint), {
		[customFetch]: (url, init) =>
			fetchOIDCEndpointResponse("jwksEndpoint", url, init, isTrustedOrigin),
	});
	const verified = await jwtVerify(token, jwks, {
		audience: options.audience,
		issuer: options.issuer,
	});
	if (typeof options.audience === "string") {
		assertOIDCAuthorizedParty(verified.payload, options.audience);
	}
	return verified;
}

/**
 * Fetch the OIDC discovery document from the IdP.
 *
 * @param url - The discovery endpoint URL
 * @param timeout - Request timeout in milliseconds
 * @returns The parsed discovery document
 * @throws DiscoveryError on network errors, timeouts, or invalid responses
 */
export async function fetchDiscoveryDocument(
	url: string,
	timeout: number = DEFAULT_DISCOVERY_TIMEOUT,
	isTrustedOrigin: (url: string) => boolean = () => false,
): Promise<OIDCDiscoveryDocument> {
	try {
		const response = await fetchOIDCEndpoint<OIDCDiscoveryDocument>(
			"discoveryEndpoint",
			url,
			{
				method: "GET",
				timeout,
			},
			isTrustedOrigin,
		);

		if (response.error) {
			const { status } = response.error;

			if (status === 404) {
				throw new DiscoveryError(
					"discovery_not_found",
					"Discovery endpoint not found",
					{
						url,
						status,
					},
				);
			}

			if (status === 408) {
				throw new DiscoveryError(
					"discovery_timeout",
					"Discovery request timed out",
					{
						url,
						timeout,
					},
				);
			}

			throw new DiscoveryError(
				"discovery_unexpected_error",
				`Unexpected discovery error: ${response.error.statusText}`,
				{ url, ...response.error },
			);
		}

		if (!response.data) {
			throw new DiscoveryError(
				"discovery_invalid_json",
				"Discovery endpoint returned an empty response",
				{ url },
			);
		}

		const data = response.data as OIDCDiscoveryDocument | string;
		if (typeof data === "string") {
			throw new DiscoveryError(
				"discovery_invalid_json",
				"Discovery endpoint returned invalid JSON",
				{ url, bodyPreview: data.slice(0, 200) },
			);
		}

		return data;
	} catch (error) {
		if (error instanceof DiscoveryError) {
			throw error;
		}

		// betterFetch throws AbortError on timeout (not returned as response.error)
		// Check error.name since message varies by runtime
		if (error instanceof Error && error.name === "AbortError") {
			throw new DiscoveryError(
				"discovery_timeout",
				"Discovery request timed out",
				{
					url,
					timeout,
				},
			);
		}

		throw new DiscoveryError(
			"discovery_unexpected_error",
			`Unexpected error during discovery: ${error instanceof Error ? error.message : String(error)}`,
			{ url },
			{ cause: error },
		);
	}
}

/**
 * Validate a discovery document.
 *
 * Checks:
 * 1. All required fields are present
 * 2. Issuer matches the configured issuer (case-sensitive, exact match)
 *
 * Invariant: If this function returns without throwing, the document is safe
 * to use for hydrating OIDC config (required fields present, issuer matches
 * configured value, basic structural sanity verified).
 *
 * @param doc - The discovery document to validate
 * @param configuredIssuer - The expected issuer value
 * @throws DiscoveryError if validation fails
 */
export function validateDiscoveryDocument(
	doc: OIDCDiscoveryDocument,
	configuredIssuer: string,
): void {
	const missingFields: string[] = [];

	for (const field of REQUIRED_DISCOVERY_FIELDS) {
		if (!doc[field]) {
			missingFields.push(field);
		}
	}

	if (missingFields.length > 0) {
		throw new DiscoveryError(
			"discovery_incomplete",
			`Discovery document is missing required fields: ${missingFields.join(", ")}`,
			{ missingFields },
		);
	}

	const discoveredIssuer = doc.issuer.endsWith("/")
		? doc.issuer.slice(0, -1)
		: doc.issuer;
	const expectedIssuer = configuredIssuer.endsWith("/")
		? configuredIssuer.slice(0, -1)
		: configuredIssuer;

	if (discoveredIssuer !== expectedIssuer) {
		throw new DiscoveryError(
			"issuer_mismatch",
			`Discovered issuer "${doc.issuer}" does not match configured issuer "${configuredIssuer}"`,
			{
				discovered: doc.issuer,
				configured: configuredIssuer,
			},
		);
	}
}

/**
 * Normalize URLs in the discovery document.
 *
 * @param document - The discovery document
 * @param issuer - The base issuer URL
 * @param isTrustedOrigin - Origin verification tester function
 * @returns The normalized discovery document
 */
export function normalizeDiscoveryUrls(
	document: OIDCDiscoveryDocument,
	issuer: string,
	isTrustedOrigin: DiscoverOIDCConfigParams["isTrustedOrigin"],
): OIDCDiscoveryDocument {
	const doc = { ...document };

	doc.token_endpoint = normalizeAndValidateUrl(
		"token_endpoint",
		doc.token_endpoint,
		issuer,
		isTrustedOrigin,
	);
	doc.authorization_endpoint = normalizeAndValidateUrl(
		"authorization_endpoint",
		doc.authorization_endpoint,
		issuer,
		isTrustedOrigin,
	);

	doc.jwks_uri = normalizeAndValidateUrl(
		"jwks_uri",
		doc.jwks_uri,
		issuer,
		isTrustedOrigin,
	);

	if (doc.userinfo_endpoint) {
		doc.userinfo_endpoint = normalizeAndValidateUrl(
			"userinfo_endpoint",
			doc.userinfo_endpoint,
			issuer,
			isTrustedOrigin,
		);
	}

	if (doc.revocation_endpoint) {
		doc.revocation_endpoint = normalizeAndValidateUrl(
			"revocation_endpoint",
			doc.revocation_endpoint,
			issuer,
			isTrustedOrigin,
		);
	}

	if (doc.end_session_endpoint) {
		doc.end_session_endpoint = normalizeAndValidateUrl(
			"end_session_endpoint",
			doc.end_session_endpoint,
			issuer,
			isTrustedOrigin,
		);
	}

	if (doc.introspection_endpoint) {
		doc.introspection_endpoint = normalizeAndValidateUrl(
			"introspection_endpoint",
			doc.introspection_endpoint,
			issuer,
			isTrustedOrigin,
		);
	}

	return doc;
}

/**
 * Normalizes and validates a single URL endpoint
 * @param name The url name
 * @param endpoint The url to validate
 * @param issuer The issuer base url
 * @param isTrustedOrigin - Origin verification tester function
 * @returns
 */
function normalizeAndValidateUrl(
	name: string,
	endpoint: string,
	issuer: string,
	isTrustedOrigin: DiscoverOIDCConfigParams["isTrustedOrigin"],
): string {
	const url = normalizeUrl(name, endpoint, issuer);

	if (!isTrustedOrigin(url)) {
		throw new DiscoveryError(
			"discovery_untrusted_origin",
			`The ${name} "${url}" is not trusted by your trusted origins configuration.`,
			{ endpoint: name, url },
		);
	}

	return url;
}

/**
 * Normalize a single URL endpoint.
 *
 * @param name - The endpoint name (e.g token_endpoint)
 * @param endpoint - The endpoint URL to normalize
 * @param issuer - The base issuer URL
 * @returns The normalized endpoint URL
 */
export function normalizeUrl(
	name: string,
	endpoint: string,
	issuer: string,
): string {
	try {
		return parseURL(name, endpoint).toString();
	} catch {
		// In case of error, endpoint maybe a relative url
		// So we try to resolve it relative to the issuer

		const issuerURL = parseURL(name, issuer);
		const basePath = issuerURL.pathname.replace(/\/+$/, "");
		const endpointPath = endpoint.replace(/^\/+/, "");

		return parseURL(
			name,
			basePath + "/" + endpointPath,
			issuerURL.origin,
		).toString();
	}
}

/**
 * Parses the given URL or throws in case of invalid or unsupported protocols
 *
 * @param name the url name
 * @param endpoint the endpoint url
 * @param [base] optional base path
 * @returns
 */
function parseURL(name: string, endpoint: string, base?: string) {
	let endpointURL: URL | undefined;

	try {
		endpointURL = new URL(endpoint, base);
		if (endpointURL.protocol === "http:" || endpointURL.protocol === "https:") {
			return endpointURL;
		}
	} catch (error) {
		throw new DiscoveryError(
			"discovery_invalid_url",
			`The url "${name}" must be valid: ${endpoint}`,
			{
				url: endpoint,
			},
			{ cause: error },
		);
	}

	throw new DiscoveryError(
		"discovery_invalid_url",
		`The url "${name}" must use the http or https supported protocols: ${endpoint}`,
		{ url: endpoint, protocol: endpointURL.protocol },
	);
}

/**
 * Select the token endpoint authentication method.
 *
 * @param doc - The discovery document
 * @param existing - Existing authentication method from config
 * @returns The selected authentication method
 */
export function selectTokenEndpointAuthMethod(
	doc: OIDCDiscoveryDocument,
	existing?: "client_secret_basic" | "client_secret_post" | "private_key_jwt",
): "client_secret_basic" | "client_secret_post" | "private_key_jwt" {
	if (existing === "private_key_jwt") {
		return existing;
	}
	if (existing) {
		return existing;
	}

	const supported = doc.token_endpoint_auth_methods_supported;

	if (!supported || supported.length === 0) {
		return "client_secret_basic";
	}

	if (supported.includes("client_secret_basic")) {
		return "client_secret_basic";
	}

	if (supported.includes("client_secret_post")) {
		return "client_secret_post";
	}

	// If only private_key_jwt is advertised, select it so the config
	// accurately reflects what the IdP requires. The caller must still
	// provide key material (resolvePrivateKey or defaultSSO inline key).
	if (supported.includes("private_key_jwt")) {
		return "private_key_jwt";
	}

	return "client_secret_basic";
}

/**
 * Check if a provider configuration needs runtime discovery.
 *
 * Returns true if we need discovery at runtime to complete the token exchange
 * and validation. Specifically checks for:
 * - `tokenEndpoint` - required for exchanging authorization code for tokens
 * - `jwksEndpoint` - required for validating ID token signatures
 * - `authorizationEndpoint` - required for redirecting users to the IdP for login
 *
 * @param config - Partial OIDC config from the provider
 * @returns true if runtime discovery should be performed
 */
export function needsRuntimeDiscovery(
	config: Partial<HydratedOIDCConfig> | undefined,
): boolean {
	if (!config) {
		return true;
	}

	return (
		!config.tokenEndpoint ||
		!config.jwksEndpoint ||
		!config.authorizationEndpoint
	);
}

/**
 * Runs runtime OIDC discovery when the stored config is missing required
 * endpoints, and merges the hydrated fields back into the config.
 * Throws if discovery fails.
 */
export async function ensureRuntimeDiscovery(
	config: OIDCConfig,
	issuer: string,
	isTrustedOrigin: (url: string) => boolean,
): Promise<OIDCConfig> {
	let resolved = config;
	if (needsRuntimeDiscovery(config)) {
		const hydrated = await discoverOIDCConfig({
			issuer,
			existingConfig: config,
			isTrustedOrigin,
		});
		resolved = {
			...config,
			authorizationEndpoint: hydrated.authorizationEndpoint,
			tokenEndpoint: hydrated.tokenEndpoint,
			tokenEndpointAuthentication: hydrated.tokenEndpointAuthentication,
			userInfoEndpoint: hydrated.userInfoEndpoint,
			jwksEndpoint: hydrated.jwksEndpoint,
		};
	}
	await assertServerFetchedOIDCEndpointsAllowed(resolved, isTrustedOrigin);
	return resolved;
}
