import type { BetterAuthPlugin } from "@better-auth/core";
import {
	createAuthEndpoint,
	createAuthMiddleware,
} from "@better-auth/core/api";
import type { User } from "@better-auth/core/db";
import { APIError, BASE_ERROR_CODES } from "@better-auth/core/error";
import * as z from "zod";
import { createEmailVerificationToken } from "../../api";
import { getSessionFromCtx } from "../../api/routes/session";
import { setSessionCookie } from "../../cookies";
import { mergeSchema, parseUserOutput } from "../../db";
import type { InferOptionSchema } from "../../types/plugins";
import { PACKAGE_VERSION } from "../../version";
import { USERNAME_ERROR_CODES as ERROR_CODES } from "./error-codes";
import type { UsernameSchema } from "./schema";
import { getSchema } from "./schema";

export { USERNAME_ERROR_CODES } from "./error-codes";

declare module "@better-auth/core" {
	interface BetterAuthPluginRegistry<AuthOptions, Options> {
		username: {
			creator: typeof username;
		};
	}
}

export type UsernameOptions = {
	schema?: InferOptionSchema<UsernameSchema> | undefined;
	/**
	 * The minimum length of the username
	 *
	 * @default 3
	 */
	minUsernameLength?: number | undefined;
	/**
	 * The maximum length of the username
	 *
	 * @default 30
	 */
	maxUsernameLength?: number | undefined;
	/**
	 * A function to validate the username
	 *
	 * By default, the username should only contain alphanumeric characters and underscores
	 */
	usernameValidator?:
		| ((username: string) => boolean | Promise<boolean>)
		| undefined;
	/**
	 * A function to validate the display username
	 *
	 * By default, no validation is applied to display username
	 */
	displayUsernameValidator?:
		| ((displayUsername: string) => boolean | Promise<boolean>)
		| undefined;
	/**
	 * A function to normalize the username
	 *
	 * @default (username) => username.toLowerCase()
	 */
	usernameNormalization?: (((username: string) => string) | false) | undefined;
	/**
	 * A function to normalize the display username
	 *
	 * @default false
	 */
	displayUsernameNormalization?:
		| (((displayUsername: string) => string) | false)
		| undefined;
	/**
	 * The order of validation
	 *
	 * @default { username: "pre-normalization", displayUsername: "pre-normalization" }
	 */
	validationOrder?:
		| {
				/**
				 * The order of username validation
				 *
				 * @default "pre-normalization"
				 */
				username?: "pre-normalization" | "post-normalization";
				/**
				 * The order of display username validation
				 *
				 * @default "pre-normalization"
				 */
				displayUsername?: "pre-normalization" | "post-normalization";
		  }
		| undefined;
	/**
	 * Whether the username should be immutable
	 * When enabled, users cannot update their username after it has been set
	 *
	 * @default false
	 */
	immutableUsername?: boolean | undefined;
	/**
	 * Whether to add and maintain a separate `displayUsername` field.
	 *
	 * When set to `false`, the `displayUsername` field is not added to the user
	 * schema, is never written during sign-up/update, and is excluded from the
	 * inferred user/session types. Username normalization continues to work.
	 *
	 * @default true
	 */
	displayUsername?: boolean | undefined;
};

function defaultUsernameValidator(username: string) {
	return /^[a-zA-Z0-9_.]+$/.test(username);
}

const signInUsernameBodySchema = z.object({
	username: z.string().meta({ description: "The username of the user" }),
	password: z.string().meta({ description: "The password of the user" }),
	rememberMe: z
		.boolean()
		.meta({
			description: "Remember the user session",
		})
		.optional(),
	callbackURL: z
		.string()
		.meta({
			description:
				"URL to redirect to after sign in (also used as the redirect target for email verification when required)",
		})
		.optional(),
});

const isUsernameAvailableBodySchema = z.object({
	username: z.string().meta({
		description: "The username to check",
	}),
});

const usernameImpl = <IncludeDisplayUsername extends boolean>(
	options: UsernameOptions | undefined,
	includeDisplayUsername: IncludeDisplayUsername,
) => {
	const normalizer = (username: string) => {
		if (options?.usernameNormalization === false) {
			return username;
		}
		if (options?.usernameNormalization) {
			return options.usernameNormalization(username);
		}
		return username.toLowerCase();
	};

	const displayUsernameNormalizer = (displayUsername: string) => {
		return options?.displayUsernameNormalization
			? options.displayUsernameNormalization(displayUsername)
			: displayUsername;
	};

	const minUsernameLength = options?.minUsernameLength || 3;
	const maxUsernameLength = options?.maxUsernameLength || 30;
	const validator = options?.usernameValidator || defaultUsernameValidator;

	const pathsWithHttpHookValidation = ["/sign-up/email", "/update-user"];

	const getUsernameToValidate = (username: string) =>
		options?.validationOrder?.username === "post-normalization"
			? normalizer(username)
			: username;

	async function validateUsernameValue(username: string) {
		const usernameToValidate = getUsernameToValidate(username);
		if (usernameToValidate.length < minUsernameLength) {
			return ERROR_CODES.USERNAME_TOO_SHORT;
		}

		if (usernameToValidate.length > maxUsernameLength) {
			return ERROR_CODES.USERNAME_TOO_LONG;
		}

		const valid = await validator(usernameToValidate);
		if (!valid) {
			return ERROR_CODES.INVALID_USERNAME;
		}

		return null;
	}

	async function validateUsername(
		username: string,
		displayUsername: string | null,
		adapter: { findOne: <T>(opts: any) => Promise<T | null> },
		currentUserId?: string | null,
	) {
		const validationError = await validateUsernameValue(username);
		if (validationError) {
			throw APIError.from("BAD_REQUEST", validationError);
		}

		const normalizedUsername = normalizer(username);
		const existingUser = await adapter.findOne<User>({
			model: "user",
			where: [{ field: "username", value: normalizedUsername }],
		});

		if (existingUser) {
			if (!currentUserId || existingUser.id !== currentUserId) {
				throw APIError.from(
					"BAD_REQUEST",
					ERROR_CODES.USERNAME_IS_ALREADY_TAKEN,
				);
			}
		}

		if (displayUsername && options?.displayUsernameValidator) {
			const displayUsernameToValidate =
				options?.validationOrder?.displayUsername === "post-normalization"
					? displayUsernameNormalizer(displayUsername)
					: displayUsername;

			const validDisplayUsername = await options.displayUsernameValidator(
				displayUsernameToValidate,
			);
			if (!validDisplayUsername) {
				throw APIError.from(
					"BAD_REQUEST",
					ERROR_CODES.INVALID_DISPLAY_USERNAME,
				);
			}
		}
	}

	return {
		id: "username",
		version: PACKAGE_VERSION,
		init(ctx) {
			return {
				options: {
					databaseHooks: {
						user: {
							create: {
								async before(user, context) {
									const username =
										"username" in user ? (user.username as string) : null;
									const displayUsername =
										"displayUsername" in user
											? (user.displayUsername as string)
											: null;

									const currentPath = context?.path;
									const skipValidation =
										currentPath &&
										pathsWithHttpHookValidation.includes(currentPath);

									if (username) {
										if (!skipValidation) {
											await validateUsername(
												username,
												displayUsername,
												ctx.adapter,
											);
										}

										return {
											data: {
												...user,
												username: normalizer(username),
												...(includeDisplayUsername
													? {
															displayUsername: displayUsername
																? displayUsernameNormalizer(displayUsername)
																: username,
														}
													: {}),
											},
										};
									}

									return {
										data: {
											...user,
											...(includeDisplayUsername && displayUsername
												? {
														displayUsername:
															displayUsernameNormalizer(displayUsername),
													}
												: {}),
										},
									};
								},
							},
							update: {
								async before(user, context) {
									const username =
										"username" in user ? (user.username as string) : null;
									const displayUsername =
										"displayUsername" in user
											? (user.displayUsername as string)
											: null;

									const currentPath = context?.path;
									const skipValidation =
										currentPath &&
										pathsWithHttpHookValidation.includes(currentPath);

									if (username) {
										if (!skipValidation) {
											const currentUserId =
												context?.context?.session?.user?.id ||
												("id" in user ? (user.id as string) : null);
											await validateUsername(
												username,
												displayUsername,
												ctx.adapter,
												currentUserId,
											);
										}

										return {
											data: {
												...user,
												username: normalizer(username),
												...(includeDisplayUsername && displayUsername
													? {
															displayUsername:
																displayUsernameNormalizer(displayUsername),
														}
													: {}),
											},
										};
									}

									return {
										data: {
											...user,
											...(includeDisplayUsername && displayUsername
												? {
														displayUsername:
															displayUsernameNormalizer(displayUsername),
													}
												: {}),
										},
									};
								},
							},
						},
					},
				},
			};
		},
		endpoints: {
			signInUsername: createAuthEndpoint(
				"/sign-in/username",
				{
					method: "POST",
					body: signInUsernameBodySchema,
					metadata: {
						openapi: {
							summary: "Sign in with username",
							description: "Sign in with username",
							responses: {
								200: {
									description: "Success",
									content: {
										"application/json": {
											schema: {
												type: "object",
												properties: {
													redirect: {
														type: "boolean",
														description:
															"Whether the client should follow the Location header. True when callbackURL was provided.",
													},
													token: {
														type: "string",
														description:
															"Session token for the authenticated session",
													},
													url: {
														type: "string",
														nullable: true,
														description:
															"The callbackURL echoed back so the client can redirect.",
													},
													user: {
														$ref: "#/components/schemas/User",
													},
												},
												required: ["redirect", "token", "user"],
											},
										},
									},
								},
								422: {
									description: "Unprocessable Entity. Validation error",
									content: {
										"application/json": {
											schema: {
												type: "object",
												properties: {
													message: {
														type: "string",
													},
												},
											},
										},
									},
								},
							},
						},
					},
				},
				async (ctx) => {
					if (!ctx.body.username || !ctx.body.password) {
						ctx.context.logger.warn("Username or password not found");
						throw APIError.from(
							"UNAUTHORIZED",
							ERROR_CODES.INVALID_USERNAME_OR_PASSWORD,
						);
					}

					const username =
						options?.validationOrder?.username === "pre-normalization"
							? normalizer(ctx.body.username)
							: ctx.body.username;

					const minUsernameLength = options?.minUsernameLength || 3;
					const maxUsernameLength = options?.maxUsernameLength || 30;

					if (username.length < minUsernameLength) {
						ctx.context.logger.warn("Username too short");
						throw APIError.from(
							"UNPROCESSABLE_ENTITY",
							ERROR_CODES.USERNAME_TOO_SHORT,
						);
					}

					if (username.length > maxUsernameLength) {
						ctx.context.logger.warn("Username too long");
						throw APIError.from(
							"UNPROCESSABLE_ENTITY",
							ERROR_CODES.USERNAME_TOO_LONG,
						);
					}

					const validator =
						options?.usernameValidator || defaultUsernameValidator;

					const valid = await validator(username);
					if (!valid) {
						throw APIError.from(
							"UNPROCESSABLE_ENTITY",
							ERROR_CODES.INVALID_USERNAME,
						);
					}

					const user = await ctx.context.adapter.findOne<
						User & { username: string; displayUsername: string }
					>({
						model: "user",
						where: [
							{
								field: "username",
								value: normalizer(username),
							},
						],
					});
					if (!user) {
						// Hash password to prevent timing attacks from revealing valid usernames
						// By hashing passwords for invalid usernames, we ensure consistent response times
						await ctx.context.password.hash(ctx.body.password);
						ctx.context.logger.warn("User not found");
						throw APIError.from(
							"UNAUTHORIZED",
							ERROR_CODES.INVALID_USERNAME_OR_PASSWORD,
						);
					}

					const account =
						await ctx.context.internalAdapter.findCredentialAccount(user.id);
					if (!account) {
						throw APIError.from(
							"UNAUTHORIZED",
							ERROR_CODES.INVALID_USERNAME_OR_PASSWORD,
						);
					}
					const currentPassword = account?.password;
					if (!currentPassword) {
						ctx.context.logger.warn("Password not found");
						throw APIError.from(
							"UNAUTHORIZED",
							ERROR_CODES.INVALID_USERNAME_OR_PASSWORD,
						);
					}
					const validPassword = await ctx.context.password.verify({
						hash: currentPassword,
						password: ctx.body.password,
					});
					if (!validPassword) {
						ctx.context.logger.warn("Invalid password");
						throw APIError.from(
							"UNAUTHORIZED",
							ERROR_CODES.INVALID_USERNAME_OR_PASSWORD,
						);
					}

					if (
						ctx.context.options?.emailAndPassword?.requireEmailVerification &&
						!user.emailVerified
					) {
						if (
							!ctx.context.options?.emailVerification?.sendVerificationEmail
						) {
							throw APIError.from("FORBIDDEN", ERROR_CODES.EMAIL_NOT_VERIFIED);
						}

						if (ctx.context.options?.emailVerification?.sendOnSignIn) {
							const token = await createEmailVerificationToken(
								ctx.context.secret,
								user.email,
								undefined,
								ctx.context.options.emailVerification?.expiresIn,
							);
							const url = `${ctx.context.baseURL}/verify-email?token=${token}&callbackURL=${encodeURIComponent(
								ctx.body.callbackURL || "/",
							)}`;
							await ctx.context.runInBackgroundOrAwait(
								ctx.context.options.emailVerification.sendVerificationEmail(
									{
										user: user,
										url,
										token,
									},
									ctx.request,
								),
							);
						}

						throw APIError.from("FORBIDDEN", ERROR_CODES.EMAIL_NOT_VERIFIED);
					}

					const session = await ctx.context.internalAdapter.createSession(
						user.id,
						ctx.body.rememberMe === false,
					);
					if (!session) {
						throw APIError.from(
							"INTERNAL_SERVER_ERROR",
							BASE_ERROR_CODES.FAILED_TO_CREATE_SESSION,
						);
					}
					await setSessionCookie(
						ctx,
						{ session, user },
						ctx.body.rememberMe === false,
					);
					if (ctx.body.callbackURL) {
						ctx.setHeader("Location", ctx.body.callbackURL);
					}
					return ctx.json({
						redirect: !!ctx.body.callbackURL,
						token: session.token,
						url: ctx.body.callbackURL,
						user: parseUserOutput(ctx.context.options, user),
					});
				},
			),
			isUsernameAvailable: createAuthEndpoint(
				"/is-username-available",
				{
					method: "POST",
					body: isUsernameAvailableBodySchema,
				},
				async (ctx) => {
					const username = ctx.body.username;
					if (!username) {
						throw APIError.from(
							"UNPROCESSABLE_ENTITY",
							ERROR_CODES.INVALID_USERNAME,
						);
					}

					const minUsernameLength = options?.minUsernameLength || 3;
					const maxUsernameLength = options?.maxUsernameLength || 30;

					if (username.length < minUsernameLength) {
						throw APIError.from(
							"UNPROCESSABLE_ENTITY",
							ERROR_CODES.USERNAME_TOO_SHORT,
						);
					}

					if (username.length > maxUsernameLength) {
						throw APIError.from(
							"UNPROCESSABLE_ENTITY",
							ERROR_CODES.USERNAME_TOO_LONG,
						);
					}

					const validator =
						options?.usernameValidator || defaultUsernameValidator;

					const valid = await validator(username);
					if (!valid) {
						throw APIError.from(
							"UNPROCESSABLE_ENTITY",
							ERROR_CODES.INVALID_USERNAME,
						);
					}
					const user = await ctx.context.adapter.findOne<User>({
						model: "user",
						where: [
							{
								field: "username",
								value: normalizer(username),
							},
						],
					});
					if (user) {
						return ctx.json({
							available: false,
						});
					}
					return ctx.json({
						available: true,
					});
				},
			),
		},
		schema: mergeSchema(
			getSchema<IncludeDisplayUsername>(
				{
					username: normalizer,
					displayUsername: displayUsernameNormalizer,
				},
				includeDisplayUsername,
			),
			options?.schema,
		),
		hooks: {
			before: [
				// Apply valid displayUsername fallback before validation so fallback usernames are checked.
				{
					matcher(context) {
						return context.path === "/sign-up/email";
					},
					handler: createAuthMiddleware(async (ctx) => {
						if (
							typeof ctx.body.displayUsername !== "string" ||
							ctx.body.username !== undefined
						) {
							return;
						}
						const validationError = await validateUsernameValue(
							ctx.body.displayUsername,
						);
						if (!validationError) {
							ctx.body.username = ctx.body.displayUsername;
						}
					}),
				},
				{
					matcher(context) {
						return (
							context.path === "/sign-up/email" ||
							context.path === "/update-user"
						);
					},
					handler: createAuthMiddleware(async (ctx) => {
						const username = ctx.body.username;

						if (username !== undefined && typeof username === "string") {
							const validationError = await validateUsernameValue(username);
							if (validationError) {
								throw APIError.from("BAD_REQUEST", validationError);
							}
							const normalizedUsername = normalizer(username);
							const session =
								ctx.path === "/update-user"
									? await getSessionFromCtx(ctx)
									: null;

							if (ctx.path === "/update-user" && options?.immutableUsername) {
								const hasUsername = !!session?.user.username;
								const usernamesDiffer =
									session?.user.username !== normalizedUsername;
								if (hasUsername && usernamesDiffer) {
									throw APIError.from(
										"BAD_REQUEST",
										ERROR_CODES.USERNAME_IS_IMMUTABLE,
									);
								}
							}

							const existingUser = await ctx.context.adapter.findOne<User>({
								model: "user",
								where: [
									{
										field: "username",
										value: normalizedUsername,
									},
								],
							});

							if (ctx.path === "/sign-up/email" && existingUser) {
								throw APIError.from(
									"BAD_REQUEST",
									ERROR_CODES.USERNAME_IS_ALREADY_TAKEN,
								);
							}

							if (ctx.path === "/update-user" && existingUser) {
								if (!session || existingUser.id !== session.user.id) {
									throw APIError.from(
										"BAD_REQUEST",
										ERROR_CODES.USERNAME_IS_ALREADY_TAKEN,
									);
								}
							}
						}

						if (!includeDisplayUsername) {
							return;
						}

						const displayUsername =
							typeof ctx.body.displayUsername === "string" &&
							options?.validationOrder?.displayUsername === "post-normalization"
								? displayUsernameNormalizer(ctx.body.displayUsername)
								: ctx.body.displayUsername;

						if (
							displayUsername !== undefined &&
							typeof displayUsername === "string"
						) {
							if (options?.displayUsernameValidator) {
								const valid =
									await options.displayUsernameValidator(displayUsername);
								if (!valid) {
									throw APIError.from(
										"BAD_REQUEST",
										ERROR_CODES.INVALID_DISPLAY_USERNAME,
									);
								}
							}
						}
					}),
				},
				{
					matcher(context) {
						return context.path === "/sign-up/email";
					},
					handler: createAuthMiddleware(async (ctx) => {
						if (!includeDisplayUsername) {
							return;
						}
						if (ctx.body.username && !ctx.body.displayUsername) {
							ctx.body.displayUsername = ctx.body.username;
						}
					}),
				},
			],
		},
		options,
		$ERROR_CODES: ERROR_CODES,
	} satisfies BetterAuthPlugin;
};

export type UsernamePlugin = ReturnType<typeof usernameImpl<true>>;
export type UsernamePluginWithoutDisplayUsername = ReturnType<
	typeof usernameImpl<false>
>;

export function username(
	options: UsernameOptions & { displayUsername: false },
): UsernamePluginWithoutDisplayUsername;
export function username(options?: UsernameOptions): UsernamePlugin;
export function username(options?: UsernameOptions) {
	return usernameImpl(options, options?.displayUsername !== false);
}
