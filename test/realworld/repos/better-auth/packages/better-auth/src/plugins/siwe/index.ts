import type { BetterAuthPlugin } from "@better-auth/core";
import { createAuthEndpoint } from "@better-auth/core/api";
import { createLocalAccountIssuer } from "@better-auth/core/db";
import * as z from "zod";
import { APIError } from "../../api";
import { setSessionCookie } from "../../cookies";
import { mergeSchema } from "../../db/schema";
import type { InferOptionSchema, User } from "../../types";
import { toChecksumAddress } from "../../utils/hashing";
import { isAPIError } from "../../utils/is-api-error";
import { getOrigin } from "../../utils/url";
import { PACKAGE_VERSION } from "../../version";
import { normalizeSiweDomain, parseSiweMessage } from "./parse-message";
import type { WalletAddressSchema } from "./schema";
import { schema } from "./schema";
import type {
	ENSLookupArgs,
	ENSLookupResult,
	SIWEVerifyMessageArgs,
	WalletAddress,
} from "./types";

declare module "@better-auth/core" {
	interface BetterAuthPluginRegistry<AuthOptions, Options> {
		siwe: {
			creator: typeof siwe;
		};
	}
}

export interface SIWEPluginOptions {
	domain: string;
	emailDomainName?: string | undefined;
	anonymous?: boolean | undefined;
	getNonce: () => Promise<string>;
	verifyMessage: (args: SIWEVerifyMessageArgs) => Promise<boolean>;
	ensLookup?: ((args: ENSLookupArgs) => Promise<ENSLookupResult>) | undefined;
	schema?: InferOptionSchema<typeof schema> | undefined;
}

const signedWalletAddressSchema = z
	.string()
	.regex(/^0x[a-fA-F0-9]{40}$/)
	.length(42);

const SIWE_VERIFICATION_IDENTIFIER_PREFIX = "siwe:";
// MySQL adapter schemas cap verification.identifier at 255 characters.
const VERIFICATION_IDENTIFIER_MAX_LENGTH = 255;
const SIWE_NONCE_MAX_LENGTH =
	VERIFICATION_IDENTIFIER_MAX_LENGTH -
	SIWE_VERIFICATION_IDENTIFIER_PREFIX.length;
const SIWE_NONCE_ALPHANUMERIC_REGEX = /^[a-zA-Z0-9]+$/;

const isValidSiweNonce = (nonce: string | undefined): nonce is string =>
	typeof nonce === "string" &&
	nonce.length >= 8 &&
	nonce.length <= SIWE_NONCE_MAX_LENGTH &&
	SIWE_NONCE_ALPHANUMERIC_REGEX.test(nonce);

const getSiweNonceBodySchema = z.object({}).strict().optional();

export const siwe = (options: SIWEPluginOptions) => {
	const createSiweNonceEndpoint = (path: "/siwe/nonce" | "/siwe/get-nonce") =>
		createAuthEndpoint(
			path,
			{
				method: "POST",
				body: getSiweNonceBodySchema,
			},
			async (ctx) => {
				const nonce = await options.getNonce();
				if (!isValidSiweNonce(nonce)) {
					throw APIError.fromStatus("INTERNAL_SERVER_ERROR", {
						message: `SIWE getNonce must return an ERC-4361 nonce: 8-${SIWE_NONCE_MAX_LENGTH} alphanumeric characters.`,
						status: 500,
						code: "SIWE_INVALID_NONCE",
					});
				}

				await ctx.context.internalAdapter.createVerificationValue({
					identifier: `${SIWE_VERIFICATION_IDENTIFIER_PREFIX}${nonce}`,
					value: nonce,
					expiresAt: new Date(Date.now() + 15 * 60 * 1000),
				});

				return ctx.json({ nonce });
			},
		);

	return {
		id: "siwe",
		version: PACKAGE_VERSION,
		schema: mergeSchema(schema, options?.schema) as WalletAddressSchema,
		endpoints: {
			getSiweNonce: createSiweNonceEndpoint("/siwe/nonce"),
			getNonce: createSiweNonceEndpoint("/siwe/get-nonce"),
			verifySiweMessage: createAuthEndpoint(
				"/siwe/verify",
				{
					method: "POST",
					body: z
						.object({
							message: z.string().min(1),
							signature: z.string().min(1),
							email: z.email().optional(),
						})
						.strict()
						.refine((data) => options.anonymous !== false || !!data.email, {
							message:
								"Email is required when the anonymous plugin option is disabled.",
							path: ["email"],
						}),
					requireRequest: true,
				},
				async (ctx) => {
					const { message, signature, email } = ctx.body;
					const isAnon = options.anonymous ?? true;

					if (!isAnon && !email) {
						throw APIError.fromStatus("BAD_REQUEST", {
							message: "Email is required when anonymous is disabled.",
							status: 400,
						});
					}

					try {
						// The signed ERC-4361 message is the source of truth for wallet
						// identity. Nonce issuance happens before the wallet connection is
						// known, so address and chain ID are verified from the signed
						// message instead of being pre-bound at the nonce endpoint.
						const parsedMessage = parseSiweMessage(message);
						if (!isValidSiweNonce(parsedMessage.nonce)) {
							throw APIError.fromStatus("UNAUTHORIZED", {
								message:
									"Unauthorized: SIWE message does not match the expected nonce, domain, address, or chain ID",
								status: 401,
								code: "UNAUTHORIZED_SIWE_MESSAGE_MISMATCH",
							});
						}

						// Atomically consume the single-use nonce before any signature
						// work or state mutation. The first concurrent request wins; every
						// racer gets null, so the same nonce can never replay a login.
						// Consuming here (not after verification) also burns the record on
						// a failed attempt and applies the built-in expiry gate.
						const verification =
							await ctx.context.internalAdapter.consumeVerificationValue(
								`${SIWE_VERIFICATION_IDENTIFIER_PREFIX}${parsedMessage.nonce}`,
							);

						if (!verification) {
							throw APIError.fromStatus("UNAUTHORIZED", {
								message: "Unauthorized: Invalid or expired nonce",
								status: 401,
								code: "UNAUTHORIZED_INVALID_OR_EXPIRED_NONCE",
							});
						}

						// Verify SIWE message with enhanced parameters
						const nonce = parsedMessage.nonce;

						// Bind the *signed* message to server state before accepting the
						// signature. Signature recovery alone (the documented `verifyMessage`
						// using viem) does NOT inspect the message body, so a previously
						// produced signature (stale, for another domain, or over an
						// arbitrary string) could otherwise be presented alongside a freshly
						// minted nonce. Parse the ERC-4361 message ourselves and require the
						// signed nonce, address, chain ID, and domain to satisfy the plugin
						// contract, plus honor the signed time bounds.
						const parsedWalletAddress = signedWalletAddressSchema.safeParse(
							parsedMessage.address,
						);
						const walletAddress = parsedWalletAddress.success
							? toChecksumAddress(parsedWalletAddress.data)
							: null;
						const chainId = parsedMessage.chainId;
						const domainMatches =
							!!parsedMessage.domain &&
							normalizeSiweDomain(parsedMessage.domain) ===
								normalizeSiweDomain(options.domain);

						if (
							!walletAddress ||
							typeof chainId !== "number" ||
							chainId <= 0 ||
							!domainMatches
						) {
							throw APIError.fromStatus("UNAUTHORIZED", {
								message:
									"Unauthorized: SIWE message does not match the expected nonce, domain, address, or chain ID",
								status: 401,
								code: "UNAUTHORIZED_SIWE_MESSAGE_MISMATCH",
							});
						}

						const now = Date.now();
						if (parsedMessage.expirationTime) {
							const expiresAt = Date.parse(parsedMessage.expirationTime);
							if (!Number.isNaN(expiresAt) && now >= expiresAt) {
								throw APIError.fromStatus("UNAUTHORIZED", {
									message: "Unauthorized: SIWE message has expired",
									status: 401,
									code: "UNAUTHORIZED_SIWE_MESSAGE_EXPIRED",
								});
							}
						}
						if (parsedMessage.notBefore) {
							const notBefore = Date.parse(parsedMessage.notBefore);
							if (!Number.isNaN(notBefore) && now < notBefore) {
								throw APIError.fromStatus("UNAUTHORIZED", {
									message: "Unauthorized: SIWE message is not yet valid",
									status: 401,
									code: "UNAUTHORIZED_SIWE_MESSAGE_NOT_YET_VALID",
								});
							}
						}

						const verified = await options.verifyMessage({
							message,
							signature,
							address: walletAddress,
							chainId,
							cacao: {
								h: { t: "caip122" },
								p: {
									domain: options.domain,
									aud: options.domain,
									nonce,
									iss: options.domain,
									version: "1",
								},
								s: { t: "eip191", s: signature },
							},
						});

						if (!verified) {
							throw APIError.fromStatus("UNAUTHORIZED", {
								message: "Unauthorized: Invalid SIWE signature",
								status: 401,
							});
						}

						// Look for existing user by their wallet addresses
						let user: User | null = null;

						// Check if there's a wallet address record for this exact address+chainId combination
						const existingWalletAddress: WalletAddress | null =
							await ctx.context.adapter.findOne({
								model: "walletAddress",
								where: [
									{ field: "address", operator: "eq", value: walletAddress },
									{ field: "chainId", operator: "eq", value: chainId },
								],
							});

						if (existingWalletAddress) {
							// Get the user associated with this wallet address
							user = await ctx.context.adapter.findOne({
								model: "user",
								where: [
									{
										field: "id",
										operator: "eq",
										value: existingWalletAddress.userId,
									},
								],
							});
						} else {
							// No exact match found, check if this address exists on any other chain
							const anyWalletAddress: WalletAddress | null =
								await ctx.context.adapter.findOne({
									model: "walletAddress",
									where: [
										{ field: "address", operator: "eq", value: walletAddress },
									],
								});

							if (anyWalletAddress) {
								// Same address exists on different chain, get that user
								user = await ctx.context.adapter.findOne({
									model: "user",
									where: [
										{
											field: "id",
											operator: "eq",
											value: anyWalletAddress.userId,
										},
									],
								});
							}
						}

						// Create new user if none exists
						if (!user) {
							const domain =
								options.emailDomainName ?? getOrigin(ctx.context.baseURL);
							const normalizedEmail = email?.toLowerCase();
							const walletEmail = `${walletAddress}@${domain}`;
							// SIWE proves wallet control, not email ownership: bind the caller
							// email only when unclaimed and atomically reserved, else keep
							// the wallet-derived address.
							// Silent fallback (no distinct error) avoids an enumeration oracle.
							// FIXME(siwe-contact-ownership): non-breaking floor; the durable fix
							// drops the `email` body field and attaches a verified email via a
							// separate authenticated link flow. Land on `next` after main->next sync.
							let userEmail = walletEmail;
							let emailClaimIdentifier: string | undefined;
							if (!isAnon && normalizedEmail) {
								const identifier = `siwe-email-claim-${normalizedEmail}`;
								let reserved = false;
								try {
									reserved =
										await ctx.context.internalAdapter.reserveVerificationValue({
											identifier,
											value: walletAddress,
											expiresAt: new Date(Date.now() + 60_000),
										});
								} catch {
									// Email claims are opportunistic. If exclusivity cannot be
									// reserved, keep the wallet-derived email and let the normal
									// user creation path surface any primary adapter failure.
									reserved = false;
								}
								if (reserved) {
									emailClaimIdentifier = identifier;
									const existingUser =
										await ctx.context.internalAdapter.findUserByEmail(
											normalizedEmail,
										);
									if (!existingUser) {
										userEmail = normalizedEmail;
									}
								}
							}
							const { name, avatar } =
								(await options.ensLookup?.({ walletAddress })) ?? {};
							const createSIWEUser = (email: string) =>
								ctx.context.internalAdapter.createUser(
									{
										name: name ?? walletAddress,
										email,
										image: avatar ?? "",
									},
									{ method: "siwe" },
								);

							try {
								user = await createSIWEUser(userEmail);
							} catch (error) {
								if (userEmail !== normalizedEmail || !normalizedEmail) {
									throw error;
								}
								const claimedUser =
									await ctx.context.internalAdapter.findUserByEmail(
										normalizedEmail,
									);
								if (!claimedUser) {
									throw error;
								}
								userEmail = walletEmail;
								user = await createSIWEUser(userEmail);
							} finally {
								if (emailClaimIdentifier) {
									await ctx.context.internalAdapter
										.consumeVerificationValue(emailClaimIdentifier)
										.catch(() => {});
								}
							}

							// Create wallet address record
							await ctx.context.adapter.create({
								model: "walletAddress",
								data: {
									userId: user.id,
									address: walletAddress,
									chainId,
									isPrimary: true, // First address is primary
									createdAt: new Date(),
								},
							});

							// Create account record for wallet authentication
							await ctx.context.internalAdapter.createAccount({
								userId: user.id,
								providerId: "siwe",
								issuer: createLocalAccountIssuer("siwe"),
								accountId: `${walletAddress}:${chainId}`,
								createdAt: new Date(),
								updatedAt: new Date(),
							});
						} else {
							// User exists, but check if this specific address/chain combo exists
							if (!existingWalletAddress) {
								// Add this new chainId to existing user's addresses
								await ctx.context.adapter.create({
									model: "walletAddress",
									data: {
										userId: user.id,
										address: walletAddress,
										chainId,
										isPrimary: false, // Additional addresses are not primary by default
										createdAt: new Date(),
									},
								});

								// Create account record for this new wallet+chain combination
								await ctx.context.internalAdapter.createAccount({
									userId: user.id,
									providerId: "siwe",
									issuer: createLocalAccountIssuer("siwe"),
									accountId: `${walletAddress}:${chainId}`,
									createdAt: new Date(),
									updatedAt: new Date(),
								});
							}
						}

						const session = await ctx.context.internalAdapter.createSession(
							user.id,
						);

						if (!session) {
							throw APIError.fromStatus("INTERNAL_SERVER_ERROR", {
								message: "Internal Server Error",
								status: 500,
							});
						}

						await setSessionCookie(ctx, { session, user });

						return ctx.json({
							token: session.token,
							success: true,
							user: {
								id: user.id,
								walletAddress,
								chainId,
							},
						});
					} catch (error: unknown) {
						if (isAPIError(error)) throw error;
						throw APIError.fromStatus("UNAUTHORIZED", {
							message: "Something went wrong. Please try again later.",
							error: error instanceof Error ? error.message : "Unknown error",
							status: 401,
						});
					}
				},
			),
		},
		options,
	} satisfies BetterAuthPlugin;
};
