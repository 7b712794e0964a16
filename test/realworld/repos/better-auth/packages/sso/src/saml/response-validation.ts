import type { GenericEndpointContext } from "@better-auth/core";
import { AUTHN_REQUEST_KEY_PREFIX } from "../constants";
import { parseSSOProviderReference } from "../provider-reference";
import type { AuthnRequestRecord, SAMLAssertionExtract } from "../types";

function errorRedirectUrl(
	base: string,
	error: string,
	description: string,
): string {
	try {
		const url = new URL(base);
		url.searchParams.set("error", error);
		url.searchParams.set("error_description", description);
		return url.toString();
	} catch {
		const hashIdx = base.indexOf("#");
		const path = hashIdx >= 0 ? base.slice(0, hashIdx) : base;
		const hash = hashIdx >= 0 ? base.slice(hashIdx + 1) : undefined;
		const separator = path.includes("?") ? "&" : "?";
		const query = `error=${encodeURIComponent(error)}&error_description=${encodeURIComponent(description)}`;
		return `${path}${separator}${query}${hash ? `#${hash}` : ""}`;
	}
}

export interface InResponseToValidationContext {
	extract: SAMLAssertionExtract;
	providerId: string;
	options: {
		enableInResponseToValidation?: boolean;
		allowIdpInitiated?: boolean;
	};
	redirectUrl: string;
}

/**
 * Validates the InResponseTo attribute of a SAML Response.
 *
 * This binds the IdP's Response to a specific SP-initiated AuthnRequest,
 * preventing replay attacks, unsolicited response injection, and
 * cross-provider assertion swaps.
 *
 * The InResponseTo value lives at `extract.response.inResponseTo` in
 * samlify's parsed output (not at the top level).
 */
export async function validateInResponseTo(
	c: GenericEndpointContext,
	ctx: InResponseToValidationContext,
): Promise<AuthnRequestRecord | null> {
	if (ctx.options.enableInResponseToValidation === false) {
		return null;
	}

	const inResponseTo = ctx.extract.response?.inResponseTo;
	const allowIdpInitiated = ctx.options.allowIdpInitiated ?? false;

	if (inResponseTo) {
		// Consume the stored AuthnRequest atomically so two concurrent ACS
		// submissions can't both match one outstanding request. The consume
		// returns null for missing or expired rows, so no separate expiry gate is
		// needed and no delete is required on either success or rejection.
		const consumed = await c.context.internalAdapter.consumeVerificationValue(
			`${AUTHN_REQUEST_KEY_PREFIX}${inResponseTo}`,
		);

		let storedRequest:
			| (Omit<AuthnRequestRecord, "providerReference"> & {
					providerReference?: unknown;
			  })
			| null = null;
		if (consumed) {
			try {
				storedRequest = JSON.parse(consumed.value) as Omit<
					AuthnRequestRecord,
					"providerReference"
				> & {
					providerReference?: unknown;
				};
			} catch {
				storedRequest = null;
			}
		}

		if (!storedRequest) {
			c.context.logger.error(
				"SAML InResponseTo validation failed: unknown or expired request ID",
				{ inResponseTo, providerId: ctx.providerId },
			);
			throw c.redirect(
				errorRedirectUrl(
					ctx.redirectUrl,
					"invalid_saml_response",
					"Unknown or expired request ID",
				),
			);
		}

		if (storedRequest.providerId !== ctx.providerId) {
			c.context.logger.error(
				"SAML InResponseTo validation failed: provider mismatch",
				{
					inResponseTo,
					expectedProvider: storedRequest.providerId,
					actualProvider: ctx.providerId,
				},
			);
			throw c.redirect(
				errorRedirectUrl(
					ctx.redirectUrl,
					"invalid_saml_response",
					"Provider mismatch",
				),
			);
		}
		const providerReference = parseSSOProviderReference(
			storedRequest.providerReference,
		);
		if (!providerReference) {
			c.context.logger.error(
				"SAML InResponseTo validation failed: provider reference missing or invalid",
				{ inResponseTo, providerId: ctx.providerId },
			);
			throw c.redirect(
				errorRedirectUrl(
					ctx.redirectUrl,
					"invalid_state",
					"SSO provider reference missing or invalid",
				),
			);
		}
		return {
			...storedRequest,
			providerReference,
		};
	} else if (!allowIdpInitiated) {
		c.context.logger.error(
			"SAML IdP-initiated SSO rejected: InResponseTo missing and allowIdpInitiated is false",
			{ providerId: ctx.providerId },
		);
		throw c.redirect(
			errorRedirectUrl(
				ctx.redirectUrl,
				"unsolicited_response",
				"IdP-initiated SSO not allowed",
			),
		);
	}
	return null;
}

export interface AudienceValidationContext {
	extract: SAMLAssertionExtract;
	expectedAudience: string | undefined;
	providerId: string;
	redirectUrl: string;
}

/**
 * Validates the AudienceRestriction of a SAML assertion.
 *
 * Per SAML 2.0 Core §2.5.1, an assertion's Audience element specifies
 * the intended recipient SP. Without this check, an assertion issued
 * for a different SP (e.g., another application sharing the same IdP)
 * could be accepted.
 */
export function validateAudience(
	c: GenericEndpointContext,
	ctx: AudienceValidationContext,
): void {
	if (!ctx.expectedAudience) {
		c.context.logger.warn(
			"Could not determine SP entity ID for audience validation; skipping",
			{ providerId: ctx.providerId },
		);
		return;
	}

	const audience = ctx.extract.audience;

	if (!audience) {
		c.context.logger.error(
			"SAML assertion missing AudienceRestriction but audience is configured — rejecting",
			{ providerId: ctx.providerId },
		);
		throw c.redirect(
			errorRedirectUrl(
				ctx.redirectUrl,
				"invalid_saml_response",
				"Audience restriction missing",
			),
		);
	}

	// samlify returns a string for a single Audience element, or an array
	// when multiple <Audience> values are present in the restriction.
	const audiences = Array.isArray(audience) ? audience : [audience];

	if (!audiences.includes(ctx.expectedAudience)) {
		c.context.logger.error(
			"SAML audience mismatch: assertion was issued for a different service provider",
			{
				expected: ctx.expectedAudience,
				received: audiences,
				providerId: ctx.providerId,
			},
		);
		throw c.redirect(
			errorRedirectUrl(
				ctx.redirectUrl,
				"invalid_saml_response",
				"Audience mismatch",
			),
		);
	}
}
