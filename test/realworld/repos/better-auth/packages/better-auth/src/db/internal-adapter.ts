import type {
	AuthContext,
	BetterAuthOptions,
	GenericEndpointContext,
	InternalAdapter,
	UserProvisioningSource,
	ValidateUserInfoSource,
} from "@better-auth/core";
import {
	getCurrentAdapter,
	getCurrentAuthContext,
	queueAfterTransactionHook,
	runWithTransaction,
} from "@better-auth/core/context";
import { createLocalAccountIssuer } from "@better-auth/core/db";
import type { DBAdapter, Where } from "@better-auth/core/db/adapter";
import type { InternalLogger } from "@better-auth/core/env";
import { APIError, BetterAuthError } from "@better-auth/core/error";
import { generateId } from "@better-auth/core/utils/id";
import { getIP } from "@better-auth/core/utils/ip";
import { safeJSONParse } from "@better-auth/core/utils/json";
import { base64Url } from "@better-auth/utils/base64";
import { createHash } from "@better-auth/utils/hash";
import type { Account, Session, User, Verification } from "../types";
import { getDate } from "../utils/date";
import {
	assertValidUserInfo,
	assertValidUserInfoSource,
} from "../utils/validate-user-info";
import {
	getSessionDefaultFields,
	parseSessionOutput,
	parseUserOutput,
} from "./schema";
import {
	getStorageOption,
	processIdentifier,
} from "./verification-token-storage";
import type { DatabaseHooksEntry } from "./with-hooks";
import { getWithHooks } from "./with-hooks";

function getTTLSeconds(expiresAt: Date | number, now = Date.now()): number {
	const expiresMs =
		typeof expiresAt === "number" ? expiresAt : expiresAt.getTime();
	return Math.max(Math.floor((expiresMs - now) / 1000), 0);
}

type ActiveSessionReference = {
	readonly token: string;
	readonly expiresAt: number;
};

export const createInternalAdapter = (
	adapter: DBAdapter<BetterAuthOptions>,
	ctx: {
		options: Omit<BetterAuthOptions, "logger">;
		logger: InternalLogger;
		hooks: DatabaseHooksEntry[];
		generateId: AuthContext["generateId"];
	},
): InternalAdapter => {
	const logger = ctx.logger;
	const options = ctx.options;
	const secondaryStorage = options.secondaryStorage;
	const verificationConsumeLocks = new Map<string, Promise<void>>();
	const sessionExpiration = options.session?.expiresIn || 60 * 60 * 24 * 7; // 7 days
	const {
		createWithHooks,
		updateWithHooks,
		updateManyWithHooks,
		deleteWithHooks,
		deleteManyWithHooks,
		consumeOneWithHooks,
	} = getWithHooks(adapter, ctx);

	/**
	 * Ends the live session rows matched by `where` without physically deleting
	 * them.
	 *
	 * Used for `secondaryStorage` + `preserveSessionInDatabase`, where the row is
	 * kept for audit. The session-delete hooks still run (so OAuth token
	 * revocation and back-channel logout fire on session end), and the preserved
	 * row's `expiresAt` is set to now so every liveness check that keys off the
	 * session row (introspection, `/userinfo`) treats it as ended.
	 *
	 * Matching is restricted to still-live rows. The preserved row outlives the
	 * session, so without this a later delete call (a repeated `deleteSession`,
	 * or `deleteUserSessions` sweeping a user's accumulated preserved rows) would
	 * re-match it and re-fire the hooks, re-dispatching back-channel logout.
	 */
	const endPreservedSessions = (where: Where[]) => {
		const liveSessions: Where[] = [
			...where,
			{ field: "expiresAt", value: new Date(), operator: "gt" },
		];
		return deleteManyWithHooks(liveSessions, "session", {
			fn: async () => {
				await (await getCurrentAdapter(adapter)).updateMany({
					model: "session",
					where: liveSessions,
					update: { expiresAt: new Date() },
				});
			},
			executeMainFn: false,
		});
	};

	async function refreshUserSessions(user: User) {
		if (!secondaryStorage) return;

		const listRaw = await secondaryStorage.get(`active-sessions-${user.id}`);
		if (!listRaw) return;

		const now = Date.now();
		const list =
			safeJSONParse<{ token: string; expiresAt: number }[]>(listRaw) || [];
		const validSessions = list.filter((s) => s.expiresAt > now);

		await Promise.all(
			validSessions.map(async ({ token }) => {
				const cached = await secondaryStorage.get(token);
				if (!cached) return;
				const parsed = safeJSONParse<{ session: Session; user: User }>(cached);
				if (!parsed) return;

				const sessionTTL = getTTLSeconds(parsed.session.expiresAt, now);

				await secondaryStorage.set(
					token,
					JSON.stringify({
						session: parsed.session,
						user,
					}),
					Math.floor(sessionTTL),
				);
			}),
		);
	}

	async function getActiveSessionReferences(userId: string) {
		if (!secondaryStorage) return [];
		const activeSessions = await secondaryStorage.get(
			`active-sessions-${userId}`,
		);
		return activeSessions
			? safeJSONParse<ActiveSessionReference[]>(activeSessions) || []
			: [];
	}

	async function deleteCachedUserSessions(
		userId: string,
		sessionReferences: readonly ActiveSessionReference[],
	) {
		if (!secondaryStorage) return;

		const deletedTokens = new Set(
			sessionReferences.map((session) => session.token),
		);
		for (const { token } of sessionReferences) {
			await secondaryStorage.delete(token);
		}

		const activeSessionsKey = `active-sessions-${userId}`;
		const currentSessionReferences = await getActiveSessionReferences(userId);
		const now = Date.now();
		const remainingSessionReferences = currentSessionReferences.filter(
			(session) => session.expiresAt > now && !deletedTokens.has(session.token),
		);
		remainingSessionReferences.sort((a, b) => a.expiresAt - b.expiresAt);
		const furthestExpiration = remainingSessionReferences.at(-1)?.expiresAt;

		if (furthestExpiration) {
			await secondaryStorage.set(
				activeSessionsKey,
				JSON.stringify(remainingSessionReferences),
				getTTLSeconds(furthestExpiration, now),
			);
			return;
		}
		await secondaryStorage.delete(activeSessionsKey);
	}

	async function queueCachedUserSessionDeletion(
		userId: string,
		sessionReferences?: readonly ActiveSessionReference[],
	) {
		if (!secondaryStorage) return;

		// Callers may capture the revocation set before destructive work because a
		// replacement session created by a later hook must remain active.
		const references =
			sessionReferences ?? (await getActiveSessionReferences(userId));
		await queueAfterTransactionHook(
			() => deleteCachedUserSessions(userId, references),
			{
				onError(error) {
					logger.error(
						"Failed to delete committed user sessions from secondary storage",
						error,
					);
				},
			},
		);
	}

	async function withVerificationConsumeLock<T>(
		key: string,
		fn: () => Promise<T>,
	): Promise<T> {
		const previous = verificationConsumeLocks.get(key) ?? Promise.resolve();
		let release!: () => void;
		const current = new Promise<void>((resolve) => {
			release = resolve;
		});
		const next = previous.catch(() => {}).then(() => current);
		verificationConsumeLocks.set(key, next);
		await previous.catch(() => {});
		try {
			return await fn();
		} finally {
			release();
			if (verificationConsumeLocks.get(key) === next) {
				verificationConsumeLocks.delete(key);
			}
		}
	}

	return {
		createOAuthUser: async (
			user: Omit<User, "id" | "createdAt" | "updatedAt">,
			account: Omit<Account, "userId" | "id" | "createdAt" | "updatedAt"> &
				Partial<Account>,
		) => {
			return runWithTransaction(adapter, async () => {
				const createdUser = await createWithHooks(
					{
						// todo: we should remove auto setting createdAt and updatedAt in the next major release, since the db generators already handle that
						createdAt: new Date(),
						updatedAt: new Date(),
						...user,
						email: user.email?.toLowerCase(),
					},
					"user",
					undefined,
				);
				if (!createdUser) {
					throw new APIError("BAD_REQUEST", {
						message: "Failed to create user",
					});
				}
				const createdAccount = await createWithHooks(
					{
						...account,
						userId: createdUser.id,
						// todo: we should remove auto setting createdAt and updatedAt in the next major release, since the db generators already handle that
						createdAt: new Date(),
						updatedAt: new Date(),
					},
					"account",
					undefined,
				);
				return {
					user: createdUser,
					account: createdAccount,
				};
			});
		},
		createUser: async <T>(
			user: Omit<User, "id" | "createdAt" | "updatedAt" | "emailVerified"> &
				Partial<User> &
				Record<string, any>,
			source: UserProvisioningSource,
		) => {
			const data = {
				// todo: we should remove auto setting createdAt and updatedAt in the next major release, since the db generators already handle that
				createdAt: new Date(),
				updatedAt: new Date(),
				...user,
				email: user.email?.toLowerCase(),
			};

			if (options.user?.validateUserInfo) {
				const validationSource: ValidateUserInfoSource = {
					...source,
					action: "create-user",
				};
				assertValidUserInfoSource(validationSource);
				let endpointContext: GenericEndpointContext;
				try {
					endpointContext =
						(await getCurrentAuthContext()) as GenericEndpointContext;
				} catch (error) {
					logger.error(
						"Unable to run validateUserInfo: missing endpoint context",
						error,
					);
					throw new APIError("FORBIDDEN", {
						code: "validation_context_missing",
						message: "User validation requires an endpoint context",
					});
				}
				await assertValidUserInfo(endpointContext, {
					user: data,
					source: validationSource,
				});
			}

			const createdUser = await createWithHooks(data, "user", undefined);

			return createdUser as T & User;
		},
		createAccount: async <T extends Record<string, any>>(
			account: Omit<Account, "id" | "createdAt" | "updatedAt"> &
				Partial<Account> &
				T,
		) => {
			const createdAccount = await createWithHooks(
				{
					// todo: we should remove auto setting createdAt and updatedAt in the next major release, since the db generators already handle that
					createdAt: new Date(),
					updatedAt: new Date(),
					...account,
				},
				"account",
				undefined,
			);
			return createdAccount as T & Account;
		},
		listSessions: async (
			userId: string,
			options?: { onlyActiveSessions?: boolean | undefined } | undefined,
		) => {
			if (secondaryStorage) {
				const currentList = await secondaryStorage.get(
					`active-sessions-${userId}`,
				);
				if (!currentList) return [];

				const list: { token: string; expiresAt: number }[] =
					safeJSONParse(currentList) || [];
				const now = Date.now();

				const seenTokens = new Set<string>();
				const sessions: Session[] = [];

				for (const { token, expiresAt } of list) {
					if (expiresAt <= now || seenTokens.has(token)) continue;
					seenTokens.add(token);

					const data = await secondaryStorage.get(token);
					if (!data) continue;

					try {
						const parsed = (
							typeof data === "string" ? JSON.parse(data) : data
						) as {
							session: Session;
							user: User;
						};
						if (!parsed?.session) continue;

						sessions.push(
							parseSessionOutput(ctx.options, {
								...parsed.session,
								expiresAt: new Date(parsed.session.expiresAt),
							}),
						);
					} catch {
						continue;
					}
				}
				return sessions;
			}

			const sessions = await (
				await getCurrentAdapter(adapter)
			).findMany<Session>({
				model: "session",
				where: [
					{
						field: "userId",
						value: userId,
					},
					...(options?.onlyActiveSessions
						? [
								{
									field: "expiresAt",
									value: new Date(),
									operator: "gt",
								} satisfies Where,
							]
						: []),
				],
			});
			return sessions;
		},
		listUsers: async (
			limit?: number | undefined,
			offset?: number | undefined,
			sortBy?:
				| {
						field: string;
						direction: "asc" | "desc";
				  }
				| undefined,
			where?: Where[] | undefined,
		) => {
			const users = await (await getCurrentAdapter(adapter)).findMany<User>({
				model: "user",
				limit,
				offset,
				sortBy,
				where,
			});
			return users;
		},
		countTotalUsers: async (where?: Where[] | undefined) => {
			const total = await (await getCurrentAdapter(adapter)).count({
				model: "user",
				where,
			});
			if (typeof total === "string") {
				return parseInt(total);
			}
			return total;
		},
		deleteUser: async (userId: string) => {
			const sessionReferences = await getActiveSessionReferences(userId);
			if (!secondaryStorage || options.session?.storeSessionInDatabase) {
				await deleteManyWithHooks(
					[
						{
							field: "userId",
							value: userId,
						},
					],
					"session",
					undefined,
				);
			}
			await deleteManyWithHooks(
				[
					{
						field: "userId",
						value: userId,
					},
				],
				"account",
				undefined,
			);

			const deletedUser = await deleteWithHooks(
				[
					{
						field: "id",
						value: userId,
					},
				],
				"user",
				undefined,
			);
			if (deletedUser !== null) {
				await queueCachedUserSessionDeletion(userId, sessionReferences);
			}
		},
		createSession: async (
			userId: string,
			dontRememberMe?: boolean | undefined,
			override?: (Partial<Session> & Record<string, any>) | undefined,
			overrideAll?: boolean | undefined,
			storageOptions?:
				| { deferSecondaryStorageWrites?: boolean | undefined }
				| undefined,
		) => {
			const headers: Headers | undefined = await (async () => {
				const ctx = await getCurrentAuthContext().catch(() => null);
				return ctx?.headers || ctx?.request?.headers;
			})();
			const storeInDb = options.session?.storeSessionInDatabase;
			const databaseSessionFallbackEnabled =
				storeInDb === true &&
				options.session?.preserveSessionInDatabase !== true;
			const {
				// always ignore override id - new sessions must have new ids
				id: _,
				...rest
			} = override || {};

			// When secondary storage is the only store, the database adapter
			// won't run, so we need to generate an id ourselves.
			let sessionId: string | undefined;
			if (secondaryStorage && !storeInDb) {
				const generatedId = ctx.generateId({ model: "session" });
				sessionId = generatedId !== false ? generatedId : generateId();
			}

			// we're parsing default values for session additional fields
			const defaultAdditionalFields = getSessionDefaultFields(options);
			const data = {
				...(sessionId ? { id: sessionId } : {}),
				ipAddress: headers ? getIP(headers, options) || "" : "",
				userAgent: headers?.get("user-agent") || "",
				...rest,
				/**
				 * If the user doesn't want to be remembered
				 * set the session to expire in 1 day.
				 * The cookie will be set to expire at the end of the session
				 */
				expiresAt: dontRememberMe
					? getDate(60 * 60 * 24, "sec") // 1 day
					: getDate(sessionExpiration, "sec"),
				userId,
				token: generateId(32),
				// todo: we should remove auto setting createdAt and updatedAt in the next major release, since the db generators already handle that
				createdAt: new Date(),
				updatedAt: new Date(),
				...defaultAdditionalFields,
				...(overrideAll ? rest : {}),
			} satisfies Partial<Session>;
			const mirrorSessionToSecondaryStorage = async (sessionData: Session) => {
				if (!secondaryStorage) return sessionData;
				const currentList = await secondaryStorage.get(
					`active-sessions-${userId}`,
				);

				let list: { token: string; expiresAt: number }[] = [];
				const now = Date.now();
				if (currentList) {
					list = safeJSONParse(currentList) || [];
					list = list.filter(
						(session) =>
							session.expiresAt > now && session.token !== data.token,
					);
				}

				const sorted = [
					...list,
					{ token: data.token, expiresAt: data.expiresAt.getTime() },
				].sort((a, b) => a.expiresAt - b.expiresAt);
				const furthestSessionExp =
					sorted.at(-1)?.expiresAt ?? data.expiresAt.getTime();
				const furthestSessionTTL = getTTLSeconds(furthestSessionExp, now);
				if (furthestSessionTTL > 0) {
					await secondaryStorage.set(
						`active-sessions-${userId}`,
						JSON.stringify(sorted),
						furthestSessionTTL,
					);
				}

				const user = await (await getCurrentAdapter(adapter)).findOne<User>({
					model: "user",
					where: [{ field: "id", value: userId }],
				});
				const sessionTTL = getTTLSeconds(data.expiresAt, now);
				if (sessionTTL > 0) {
					await secondaryStorage.set(
						data.token,
						JSON.stringify({ session: sessionData, user }),
						sessionTTL,
					);
				}
				return sessionData;
			};
			const res = await createWithHooks(
				data,
				"session",
				secondaryStorage
					? {
							fn: async (sessionData) => {
								return storageOptions?.deferSecondaryStorageWrites
									? sessionData
									: mirrorSessionToSecondaryStorage(sessionData as Session);
							},
							executeMainFn: storeInDb,
						}
					: undefined,
			);
			if (
				secondaryStorage &&
				storageOptions?.deferSecondaryStorageWrites &&
				res
			) {
				await queueAfterTransactionHook(
					async () => {
						await mirrorSessionToSecondaryStorage(res as Session);
					},
					databaseSessionFallbackEnabled
						? {
								onError(error: unknown) {
									logger.error(
										"Failed to mirror committed session to secondary storage",
										error,
									);
								},
							}
						: undefined,
				);
			}
			return res as Session;
		},
		findSession: async (
			token: string,
		): Promise<{
			session: Session & Record<string, any>;
			user: User & Record<string, any>;
		} | null> => {
			if (secondaryStorage) {
				const sessionStringified = await secondaryStorage.get(token);
				// When preserveSessionInDatabase is enabled, revoked sessions
				// remain in the database for audit purposes. Skip the database
				// fallback to prevent those revoked sessions from being restored.
				if (
					!sessionStringified &&
					(!options.session?.storeSessionInDatabase ||
						ctx.options.session?.preserveSessionInDatabase)
				) {
					return null;
				}
				if (sessionStringified) {
					const s = safeJSONParse<{
						session: Session;
						user: User;
					}>(sessionStringified);
					if (!s) return null;
					const parsedSession = parseSessionOutput(ctx.options, {
						...s.session,
						expiresAt: new Date(s.session.expiresAt),
						createdAt: new Date(s.session.createdAt),
						updatedAt: new Date(s.session.updatedAt),
					});
					const parsedUser = parseUserOutput(ctx.options, {
						...s.user,
						createdAt: new Date(s.user.createdAt),
						updatedAt: new Date(s.user.updatedAt),
					});
					return {
						session: parsedSession,
						user: parsedUser,
					};
				}
			}

			const currentAdapter = await getCurrentAdapter(adapter);
			const result = await currentAdapter.findOne<
				Session & { user: User | null }
			>({
				model: "session",
				where: [
					{
						value: token,
						field: "token",
					},
				],
				join: {
					user: true,
				},
			});
			if (!result) return null;

			const { user, ...session } = result;
			if (!user) return null;
			const parsedSession = parseSessionOutput(ctx.options, session);
			const parsedUser = parseUserOutput(ctx.options, user);
			return {
				session: parsedSession,
				user: parsedUser,
			};
		},
		findSessions: async (
			sessionTokens: string[],
			options?:
				| {
						onlyActiveSessions?: boolean | undefined;
				  }
				| undefined,
		) => {
			if (secondaryStorage) {
				const sessions: {
					session: Session;
					user: User;
				}[] = [];
				for (const sessionToken of sessionTokens) {
					const sessionStringified = await secondaryStorage.get(sessionToken);
					if (sessionStringified) {
						try {
							const s = (
								typeof sessionStringified === "string"
									? JSON.parse(sessionStringified)
									: sessionStringified
							) as {
								session: Session;
								user: User;
							};
							if (!s) continue;
							const expiresAt = new Date(s.session.expiresAt);
							if (options?.onlyActiveSessions && expiresAt <= new Date()) {
								continue;
							}
							const session = {
								session: {
									...s.session,
									expiresAt: new Date(s.session.expiresAt),
								},
								user: {
									...s.user,
									createdAt: new Date(s.user.createdAt),
									updatedAt: new Date(s.user.updatedAt),
								},
							} as {
								session: Session;
								user: User;
							};
							sessions.push(session);
						} catch {
							// Skip invalid/corrupt session data
							continue;
						}
					}
				}
				return sessions;
			}

			const sessions = await (await getCurrentAdapter(adapter)).findMany<
				Session & { user: User | null }
			>({
				model: "session",
				where: [
					{
						field: "token",
						value: sessionTokens,
						operator: "in",
					},
					...(options?.onlyActiveSessions
						? [
								{
									field: "expiresAt",
									value: new Date(),
									operator: "gt",
								} satisfies Where,
							]
						: []),
				],
				join: {
					user: true,
				},
			});

			if (!sessions.length) return [];
			if (sessions.some((session) => !session.user)) return [];

			return sessions.map((_session) => {
				const { user, ...session } = _session;
				return {
					session,
					user: user!,
				};
			});
		},
		updateSession: async (
			sessionToken: string,
			session: Partial<Session> & Record<string, any>,
		) => {
			const updatedSession = await updateWithHooks<Session>(
				session,
				[{ field: "token", value: sessionToken }],
				"session",
				secondaryStorage
					? {
							async fn(data) {
								const currentSession = await secondaryStorage.get(sessionToken);
								if (!currentSession) {
									return null;
								}

								const parsedSession = safeJSONParse<{
									session: Session;
									user: User;
								}>(currentSession);
								if (!parsedSession) return null;

								const mergedSession = {
									...parsedSession.session,
									...data,
									expiresAt: new Date(
										data.expiresAt ?? parsedSession.session.expiresAt,
									),
									createdAt: new Date(parsedSession.session.createdAt),
									updatedAt: new Date(
										data.updatedAt ?? parsedSession.session.updatedAt,
									),
								};

								const updatedSession = parseSessionOutput(
									ctx.options,
									mergedSession,
								);

								const now = Date.now();
								const expiresMs = new Date(updatedSession.expiresAt).getTime();
								const sessionTTL = getTTLSeconds(expiresMs, now);

								if (sessionTTL > 0) {
									await secondaryStorage.set(
										sessionToken,
										JSON.stringify({
											session: updatedSession,
											user: parsedSession.user,
										}),
										sessionTTL,
									);

									const listKey = `active-sessions-${updatedSession.userId}`;
									const listRaw = await secondaryStorage.get(listKey);
									const list: { token: string; expiresAt: number }[] = listRaw
										? safeJSONParse(listRaw) || []
										: [];

									const filtered = list
										.filter(
											(s) => s.token !== sessionToken && s.expiresAt > now,
										)
										.concat([{ token: sessionToken, expiresAt: expiresMs }]);

									const sorted = filtered.sort(
										(a, b) => a.expiresAt - b.expiresAt,
									);
									const furthestSessionExp = sorted.at(-1)?.expiresAt;

									if (furthestSessionExp && furthestSessionExp > now) {
										await secondaryStorage.set(
											listKey,
											JSON.stringify(sorted),
											getTTLSeconds(furthestSessionExp, now),
										);
									} else {
										await secondaryStorage.delete(listKey);
									}
								}

								return updatedSession;
							},
							executeMainFn: options.session?.storeSessionInDatabase,
						}
					: undefined,
			);
			return updatedSession;
		},
		deleteSession: async (token: string) => {
			if (secondaryStorage) {
				// remove the session from the active sessions list
				const data = await secondaryStorage.get(token);
				if (data) {
					const { session } =
						safeJSONParse<{
							session: Session;
							user: User;
						}>(data) ?? {};
					if (!session) {
						logger.error("Session not found in secondary storage");
						return;
					}
					const userId = session.userId;

					const currentList = await secondaryStorage.get(
						`active-sessions-${userId}`,
					);
					if (currentList) {
						const list: { token: string; expiresAt: number }[] =
							safeJSONParse(currentList) || [];
						const now = Date.now();

						const filtered = list.filter(
							(session) => session.expiresAt > now && session.token !== token,
						);
						const sorted = filtered.sort((a, b) => a.expiresAt - b.expiresAt);
						const furthestSessionExp = sorted.at(-1)?.expiresAt;

						if (
							filtered.length > 0 &&
							furthestSessionExp &&
							furthestSessionExp > Date.now()
						) {
							await secondaryStorage.set(
								`active-sessions-${userId}`,
								JSON.stringify(filtered),
								getTTLSeconds(furthestSessionExp, now),
							);
						} else {
							await secondaryStorage.delete(`active-sessions-${userId}`);
						}
					} else {
						logger.error("Active sessions list not found in secondary storage");
					}
				}

				await secondaryStorage.delete(token);

				if (!options.session?.storeSessionInDatabase) {
					return;
				}
				if (ctx.options.session?.preserveSessionInDatabase) {
					await endPreservedSessions([{ field: "token", value: token }]);
					return;
				}
			}

			await deleteWithHooks(
				[{ field: "token", value: token }],
				"session",
				undefined,
			);
		},
		deleteAccounts: async (userId: string) => {
			await deleteManyWithHooks(
				[
					{
						field: "userId",
						value: userId,
					},
				],
				"account",
				undefined,
			);
		},
		/**
		 * Delete an account by its primary key.
		 *
		 * @param id - The account row's primary key, not its accountId.
		 */
		deleteAccount: async (id: string) => {
			await deleteWithHooks(
				[
					{
						field: "id",
						value: id,
					},
				],
				"account",
				undefined,
			);
		},
		deleteUserSessions: async (userId: string) => {
			const sessionReferences = await getActiveSessionReferences(userId);
			if (secondaryStorage) {
				if (!options.session?.storeSessionInDatabase) {
					await queueCachedUserSessionDeletion(userId, sessionReferences);
					return;
				}
				if (ctx.options.session?.preserveSessionInDatabase) {
					const endedSessions = await endPreservedSessions([
						{ field: "userId", value: userId },
					]);
					if (endedSessions !== null) {
						await queueCachedUserSessionDeletion(userId, sessionReferences);
					}
					return;
				}
			}
			const deletedSessions = await deleteManyWithHooks(
				[
					{
						field: "userId",
						value: userId,
					},
				],
				"session",
				undefined,
			);
			if (deletedSessions !== null) {
				await queueCachedUserSessionDeletion(userId, sessionReferences);
			}
		},
		deleteSessions: async (sessionTokens: string[]) => {
			if (secondaryStorage) {
				await Promise.all(
					sessionTokens.map((token) => secondaryStorage.delete(token)),
				);

				if (!options.session?.storeSessionInDatabase) {
					return;
				}
				if (ctx.options.session?.preserveSessionInDatabase) {
					await endPreservedSessions([
						{ field: "token", value: sessionTokens, operator: "in" },
					]);
					return;
				}
			}
			await deleteManyWithHooks(
				[
					{
						field: "token",
						value: sessionTokens,
						operator: "in",
					},
				],
				"session",
				undefined,
			);
		},
		findAccountOwnerByKey: async ({ issuer, accountId }) => {
			const accountWithUser = await (await getCurrentAdapter(adapter)).findOne<
				Account & { user: User | null }
			>({
				model: "account",
				where: [
					{
						field: "issuer",
						value: issuer,
					},
					{
						field: "accountId",
						value: accountId,
					},
				],
				join: {
					user: true,
				},
			});
			if (!accountWithUser) return null;
			const { user, ...account } = accountWithUser;
			return user
				? { kind: "owned" as const, user, account }
				: { kind: "orphaned" as const, account };
		},
		findUserByEmail: async (
			email: string,
			options?: { includeAccounts: boolean } | undefined,
		) => {
			const currentAdapter = await getCurrentAdapter(adapter);
			const result = await currentAdapter.findOne<
				User & { account: Account[] | undefined }
			>({
				model: "user",
				where: [
					{
						value: email.toLowerCase(),
						field: "email",
					},
				],
				join: {
					...(options?.includeAccounts ? { account: true } : {}),
				},
			});
			if (!result) return null;
			const { account: accounts, ...user } = result;
			return {
				user,
				accounts: accounts ?? [],
			};
		},
		findUserById: async (userId: string) => {
			if (!userId) return null;
			const user = await (await getCurrentAdapter(adapter)).findOne<User>({
				model: "user",
				where: [
					{
						field: "id",
						value: userId,
					},
				],
			});
			return user;
		},
		linkAccount: async (
			account: Omit<Account, "id" | "createdAt" | "updatedAt"> &
				Partial<Account>,
		) => {
			const _account = await createWithHooks(
				{
					// todo: we should remove auto setting createdAt and updatedAt in the next major release, since the db generators already handle that
					createdAt: new Date(),
					updatedAt: new Date(),
					...account,
				},
				"account",
				undefined,
			);
			return _account;
		},
		updateUser: async (
			userId: string,
			data: Partial<User> & Record<string, any>,
		) => {
			const user = await updateWithHooks<User>(
				{
					...data,
					...(data.email ? { email: data.email.toLowerCase() } : {}),
				},
				[
					{
						field: "id",
						value: userId,
					},
				],
				"user",
				undefined,
			);
			await queueAfterTransactionHook(() => refreshUserSessions(user), {
				onError(error) {
					logger.error(
						"Failed to refresh committed user sessions in secondary storage",
						error,
					);
				},
			});
			return user;
		},
		updateUserByEmail: async (
			email: string,
			data: Partial<User & Record<string, any>>,
		) => {
			const user = await updateWithHooks<User>(
				{
					...data,
					...(data.email ? { email: data.email.toLowerCase() } : {}),
				},
				[
					{
						field: "email",
						value: email.toLowerCase(),
					},
				],
				"user",
				undefined,
			);
			await queueAfterTransactionHook(() => refreshUserSessions(user), {
				onError(error) {
					logger.error(
						"Failed to refresh committed user sessions in secondary storage",
						error,
					);
				},
			});
			return user;
		},
		updatePassword: async (userId: string, password: string) => {
			await updateManyWithHooks(
				{
					password,
				},
				[
					{
						field: "userId",
						value: userId,
					},
					{
						field: "providerId",
						value: "credential",
					},
					{
						field: "issuer",
						value: createLocalAccountIssuer("credential"),
					},
					{
						field: "accountId",
						value: userId,
					},
				],
				"account",
				undefined,
			);
		},
		findAccounts: async (userId: string) => {
			const accounts = await (
				await getCurrentAdapter(adapter)
			).findMany<Account>({
				model: "account",
				where: [
					{
						field: "userId",
						value: userId,
					},
				],
			});
			return accounts;
		},
		findCredentialAccount: async (userId: string) => {
			return (await getCurrentAdapter(adapter)).findOne<Account>({
				model: "account",
				where: [
					{ field: "userId", value: userId },
					{ field: "providerId", value: "credential" },
					{
						field: "issuer",
						value: createLocalAccountIssuer("credential"),
					},
					{ field: "accountId", value: userId },
				],
			});
		},
		findAccountByKey: async ({ issuer, accountId }) => {
			const account = await (await getCurrentAdapter(adapter)).findOne<Account>(
				{
					model: "account",
					where: [
						{
							field: "issuer",
							value: issuer,
						},
						{
							field: "accountId",
							value: accountId,
						},
					],
				},
			);
			return account;
		},
		findAccountByUserId: async (userId: string) => {
			const account = await (
				await getCurrentAdapter(adapter)
			).findMany<Account>({
				model: "account",
				where: [
					{
						field: "userId",
						value: userId,
					},
				],
			});
			return account;
		},
		updateAccount: async (id: string, data: Partial<Account>) => {
			const account = await updateWithHooks<Account>(
				data,
				[{ field: "id", value: id }],
				"account",
				undefined,
			);
			return account;
		},
		createVerificationValue: async (
			data: Omit<Verification, "createdAt" | "id" | "updatedAt"> &
				Partial<Verification>,
		) => {
			const storageOption = getStorageOption(
				data.identifier,
				options.verification?.storeIdentifier,
			);
			const storedIdentifier = await processIdentifier(
				data.identifier,
				storageOption,
			);

			const verification = await createWithHooks(
				{
					// todo: we should remove auto setting createdAt and updatedAt in the next major release, since the db generators already handle that
					createdAt: new Date(),
					updatedAt: new Date(),
					...data,
					identifier: storedIdentifier,
				},
				"verification",
				secondaryStorage
					? {
							async fn(verificationData) {
								const ttl = getTTLSeconds(verificationData.expiresAt);
								if (ttl > 0) {
									await secondaryStorage.set(
										`verification:${storedIdentifier}`,
										JSON.stringify(verificationData),
										ttl,
									);
								}
								return verificationData;
							},
							executeMainFn: options.verification?.storeInDatabase,
						}
					: undefined,
			);
			return verification as Verification;
		},
		findVerificationValue: async (identifier: string) => {
			const storageOption = getStorageOption(
				identifier,
				options.verification?.storeIdentifier,
			);
			const storedIdentifier = await processIdentifier(
				identifier,
				storageOption,
			);

			if (secondaryStorage) {
				const cached = await secondaryStorage.get(
					`verification:${storedIdentifier}`,
				);
				if (cached) {
					const parsed = safeJSONParse<Verification>(cached);
					if (parsed) {
						return parsed;
					}
				}
				if (storageOption && storageOption !== "plain") {
					const plainCached = await secondaryStorage.get(
						`verification:${identifier}`,
					);
					if (plainCached) {
						const parsed = safeJSONParse<Verification>(plainCached);
						if (parsed) {
							return parsed;
						}
					}
				}
				if (!options.verification?.storeInDatabase) {
					return null;
				}
			}

			const currentAdapter = await getCurrentAdapter(adapter);

			async function findByIdentifier(id: string) {
				return currentAdapter.findMany<Verification>({
					model: "verification",
					where: [{ field: "identifier", value: id }],
					sortBy: { field: "createdAt", direction: "desc" },
					limit: 1,
				});
			}

			let verification = await findByIdentifier(storedIdentifier);

			if (!verification.length && storageOption && storageOption !== "plain") {
				verification = await findByIdentifier(identifier);
			}

			if (!options.verification?.disableCleanup) {
				await deleteManyWithHooks(
					[
						{
							field: "expiresAt",
							value: new Date(),
							operator: "lt",
						},
					],
					"verification",
					undefined,
				);
			}

			return (verification[0] as Verification) || null;
		},
		deleteVerificationByIdentifier: async (identifier: string) => {
			const storageOption = getStorageOption(
				identifier,
				options.verification?.storeIdentifier,
			);
			const storedIdentifier = await processIdentifier(
				identifier,
				storageOption,
			);

			if (secondaryStorage) {
				await secondaryStorage.delete(`verification:${storedIdentifier}`);
			}

			if (!secondaryStorage || options.verification?.storeInDatabase) {
				await deleteWithHooks(
					[{ field: "identifier", value: storedIdentifier }],
					"verification",
					undefined,
				);
			}
		},
		/**
		 * Atomically consume a single-use verification row by `identifier` and
		 * return it. The first concurrent caller receives the latest row for the
		 * identifier; every other caller racing against it receives `null`.
		 *
		 * Race-safe replacement for the `findVerificationValue` then
		 * `deleteVerificationByIdentifier` pair. Callers MUST gate any state
		 * change (issue session, mint token, change password) on a non-null
		 * return value, because consuming one row invalidates the whole
		 * identifier and stale rows cannot be replayed.
		 *
		 * Rows past their `expiresAt` are treated as already invalid: the row
		 * is still deleted (so it cannot be replayed later) but `null` is
		 * returned. Callers do not need their own `expiresAt` gate.
		 *
		 * The secondary-storage-only path (`storeInDatabase: false`) consumes
		 * through `getAndDelete`, which is required on `SecondaryStorage` so
		 * single-use values are not read and deleted as separate operations.
		 */
		consumeVerificationValue: async (
			identifier: string,
		): Promise<Verification | null> => {
			const storageOption = getStorageOption(
				identifier,
				options.verification?.storeIdentifier,
			);
			const storedIdentifier = await processIdentifier(
				identifier,
				storageOption,
			);
			const identifiersToTry =
				storageOption && storageOption !== "plain"
					? [storedIdentifier, identifier]
					: [storedIdentifier];

			// After a JSON round-trip `expiresAt` arrives as a string, so coerce
			// it back to a valid `Date` to match what the DB adapter returns.
			const hydrateCachedVerification = (raw: unknown): Verification | null => {
				if (!raw) return null;
				const candidate =
					typeof raw === "string"
						? safeJSONParse<Verification>(raw)
						: typeof raw === "object"
							? (raw as Verification)
							: null;
				if (!candidate) return null;
				const expiresAt = new Date(candidate.expiresAt);
				if (!Number.isFinite(expiresAt.getTime())) return null;
				return { ...candidate, expiresAt };
			};

			let consumed: Verification | null = null;

			if (secondaryStorage && !options.verification?.storeInDatabase) {
				const consumeCacheKey = async (key: string) => {
					return hydrateCachedVerification(
						await secondaryStorage.getAndDelete(key),
					);
				};

				for (const stored of identifiersToTry) {
					const cacheKey = `verification:${stored}`;
					const cached = await consumeCacheKey(cacheKey);
					if (!cached) continue;
					await Promise.all(
						identifiersToTry
							.filter((candidate) => candidate !== stored)
							.map((candidate) =>
								secondaryStorage.delete(`verification:${candidate}`),
							),
					);
					consumed = cached;
					break;
				}
			} else {
				const consumeByIdentifier = async (
					id: string,
				): Promise<Verification | null> =>
					withVerificationConsumeLock(`verification:${id}`, () =>
						runWithTransaction(adapter, async () => {
							const txAdapter = await getCurrentAdapter(adapter);
							const where = [{ field: "identifier", value: id }];
							const rows = await txAdapter.findMany<Verification>({
								model: "verification",
								where,
								sortBy: { field: "createdAt", direction: "desc" },
								limit: 1,
							});
							const latest = rows[0] ?? null;
							if (!latest) return null;

							// FIXME(consume-identifier-atomic): add an adapter primitive that
							// deletes all rows for an identifier and returns the latest row in
							// one operation. Until then, consume the latest row as the race gate
							// and invalidate stale rows inside the same transaction/local lock.
							return consumeOneWithHooks<Verification>(
								"verification",
								[{ field: "id", value: latest.id }],
								async () => {
									const row = await txAdapter.consumeOne<Verification>({
										model: "verification",
										where: [{ field: "id", value: latest.id }],
									});
									if (!row) return null;
									await txAdapter.deleteMany({
										model: "verification",
										where,
									});
									return row;
								},
								latest,
							);
						}),
					);

				for (const stored of identifiersToTry) {
					consumed = await consumeByIdentifier(stored);
					if (consumed) break;
				}

				if (consumed && secondaryStorage) {
					await Promise.all(
						identifiersToTry.map((stored) =>
							secondaryStorage.delete(`verification:${stored}`),
						),
					);
				}
			}

			// Single expiry gate. A row past its `expiresAt` is treated as already
			// invalid, so callers can rely on a non-null return meaning "valid".
			if (!consumed || consumed.expiresAt < new Date()) return null;
			return consumed;
		},
		/**
		 * First-writer-wins create keyed by a deterministic primary key derived
		 * from `identifier`. Returns `true` when this caller created the row and
		 * `false` when a row for the same identifier already existed.
		 *
		 * The dual of `consumeVerificationValue`: where consume races to delete a
		 * marker exactly once, reserve races to create a marker exactly once. Use
		 * it for replay tombstones (a SAML assertion id, a JWT `jti`) where the
		 * first caller wins and every later caller must observe that the marker is
		 * already taken.
		 *
		 * The `verification.identifier` column is non-unique, so uniqueness comes
		 * from a deterministic primary key (`SHA-256` of `reserve:<identifier>`).
		 * The database path is atomic: the primary key turns the INSERT into the
		 * first-writer-wins gate, and a duplicate is detected portably by
		 * re-reading the row rather than matching adapter-specific errors.
		 * Secondary-storage-only verification cannot enforce the deterministic
		 * primary-key gate, so this operation fails closed unless verification is
		 * backed by the database.
		 *
		 * The atomic guarantee requires the configured adapter to reject a
		 * duplicate primary key on insert, which every real database enforces. The
		 * in-memory adapter does not enforce primary-key uniqueness, so reservation
		 * is best-effort there (it is intended for development and tests).
		 */
		reserveVerificationValue: async (data: {
			identifier: string;
			value: string;
			expiresAt: Date;
		}): Promise<boolean> => {
			const reservationId = base64Url.encode(
				new Uint8Array(
					await createHash("SHA-256").digest(
						new TextEncoder().encode("reserve:" + data.identifier),
					),
				),
				{ padding: false },
			);
			const storageOption = getStorageOption(
				data.identifier,
				options.verification?.storeIdentifier,
			);
			const storedIdentifier = await processIdentifier(
				data.identifier,
				storageOption,
			);

			if (secondaryStorage && !options.verification?.storeInDatabase) {
				throw new BetterAuthError(
					"reserveVerificationValue requires database-backed verification storage. Set verification.storeInDatabase to true for flows that reserve verification values.",
				);
			}

			try {
				await adapter.create({
					model: "verification",
					data: {
						id: reservationId,
						identifier: storedIdentifier,
						value: data.value,
						expiresAt: data.expiresAt,
						createdAt: new Date(),
						updatedAt: new Date(),
					},
					forceAllowId: true,
				});
			} catch (error) {
				// A create error is ambiguous across adapters: confirm it was a
				// duplicate (the row exists) rather than a real failure before
				// reporting "lost".
				const existing = await adapter.findOne<Verification>({
					model: "verification",
					where: [{ field: "id", value: reservationId }],
				});
				if (existing) return false;
				throw error;
			}

			if (secondaryStorage) {
				const ttl = getTTLSeconds(data.expiresAt);
				if (ttl > 0) {
					await secondaryStorage.set(
						`verification:${storedIdentifier}`,
						JSON.stringify({
							id: reservationId,
							identifier: storedIdentifier,
							value: data.value,
							expiresAt: data.expiresAt,
						}),
						ttl,
					);
				}
			}

			return true;
		},
		updateVerificationByIdentifier: async (
			identifier: string,
			data: Partial<Verification>,
		) => {
			const storageOption = getStorageOption(
				identifier,
				options.verification?.storeIdentifier,
			);
			const storedIdentifier = await processIdentifier(
				identifier,
				storageOption,
			);

			if (secondaryStorage) {
				const cached = await secondaryStorage.get(
					`verification:${storedIdentifier}`,
				);
				if (cached) {
					const parsed = safeJSONParse<Verification>(cached);
					if (parsed) {
						const updated = { ...parsed, ...data };
						const expiresAt = updated.expiresAt ?? parsed.expiresAt;
						const ttl = getTTLSeconds(
							expiresAt instanceof Date ? expiresAt : new Date(expiresAt),
						);
						if (ttl > 0) {
							await secondaryStorage.set(
								`verification:${storedIdentifier}`,
								JSON.stringify(updated),
								ttl,
							);
						}
						if (!options.verification?.storeInDatabase) {
							return updated;
						}
					}
				}
			}

			if (!secondaryStorage || options.verification?.storeInDatabase) {
				const verification = await updateWithHooks<Verification>(
					data,
					[{ field: "identifier", value: storedIdentifier }],
					"verification",
					undefined,
				);
				return verification;
			}
			return data as Verification;
		},
		refreshUserSessions,
	};
};
