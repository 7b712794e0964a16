import type { GenericEndpointContext } from "@better-auth/core";
import { createAuthEndpoint } from "@better-auth/core/api";
import {
	runWithEndpointContext,
	runWithRequestState,
} from "@better-auth/core/context";
import type { MemoryDB } from "@better-auth/memory-adapter";
import { memoryAdapter } from "@better-auth/memory-adapter";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import {
	afterEach,
	beforeEach,
	describe,
	expect,
	expectTypeOf,
	it,
	vi,
} from "vitest";
import { parseCookies, parseSetCookieHeader } from "../../cookies";
import { signJWT, verifyJWT } from "../../crypto";
import { jwt } from "../../plugins";
import { admin } from "../../plugins/admin";
import { organization } from "../../plugins/organization";
import { getTestInstance } from "../../test-utils/test-instance";
import { getDate } from "../../utils/date";
import {
	freshSessionMiddleware,
	getAuthoritativeSessionFromCtx,
	getSessionFromCtx,
} from "./session";

const COOKIE_CACHE_JWT_TYPE = "better-auth.session-cache+jwt";
const COOKIE_CACHE_JWT_AUDIENCE = "better-auth:session-cache";

describe("session", async () => {
	const { client, testUser, sessionSetter, cookieSetter, auth } =
		await getTestInstance();

	afterEach(() => {
		vi.useRealTimers();
	});

	it("should set cookies correctly on sign in", async () => {
		const headers = new Headers();
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess(context) {
					const header = context.response.headers.get("set-cookie");
					const cookies = parseSetCookieHeader(header || "");
					cookieSetter(headers)(context);
					const cookie = cookies.get("better-auth.session_token");
					expect(cookie).toMatchObject({
						value: expect.any(String),
						"max-age": 60 * 60 * 24 * 7,
						path: "/",
						samesite: "lax",
						httponly: true,
					});
				},
			},
		);
		const { data } = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		const expiresAt = new Date(data?.session.expiresAt || "");
		const now = new Date();

		expect(expiresAt.getTime()).toBeGreaterThan(
			now.getTime() + 6 * 24 * 60 * 60 * 1000,
		);
	});

	it("should return null when not authenticated", async () => {
		const response = await client.getSession();
		expect(response.data).toBeNull();
	});

	it("should require a fresh session based on session creation time", async () => {
		vi.useFakeTimers();
		const now = new Date("2026-01-01T00:00:00.000Z");
		vi.setSystemTime(now);

		const freshSessionPlugin = {
			id: "fresh-session-test",
			endpoints: {
				freshSessionCheck: createAuthEndpoint(
					"/fresh-session-check",
					{
						method: "GET",
						use: [freshSessionMiddleware],
					},
					async () => ({ status: true }),
				),
			},
		};
		const { auth, client, signInWithTestUser, db } = await getTestInstance({
			session: {
				freshAge: 60,
			},
			plugins: [freshSessionPlugin],
		});

		const { headers } = await signInWithTestUser();
		const currentSession = await auth.api.getSession({ headers });
		const sessionId = currentSession?.session.id;
		expect(sessionId).toBeDefined();

		await db.update({
			model: "session",
			where: [
				{
					field: "id",
					value: sessionId!,
				},
			],
			update: {
				createdAt: new Date(now.getTime() - 5 * 60 * 1000),
				updatedAt: now,
			},
		});

		const response = await client.$fetch("/fresh-session-check", {
			method: "GET",
			headers,
		});
		expect(response.data).toBeNull();
		expect(response.error).toMatchObject({
			status: 403,
			statusText: "FORBIDDEN",
			code: "SESSION_NOT_FRESH",
		});
	});

	it("should require a fresh session to list sessions", async () => {
		vi.useFakeTimers();
		const now = new Date("2026-01-01T00:00:00.000Z");
		vi.setSystemTime(now);

		const { client, signInWithTestUser, db } = await getTestInstance({
			session: {
				freshAge: 60,
			},
		});

		const { headers } = await signInWithTestUser();
		const currentSession = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		const sessionId = currentSession.data?.session.id;
		expect(sessionId).toBeDefined();

		await db.update({
			model: "session",
			where: [
				{
					field: "id",
					value: sessionId!,
				},
			],
			update: {
				createdAt: new Date(now.getTime() - 5 * 60 * 1000),
				updatedAt: now,
			},
		});

		const response = await client.listSessions({
			fetchOptions: {
				headers,
			},
		});
		expect(response.data).toBeNull();
		expect(response.error).toMatchObject({
			status: 403,
			statusText: "FORBIDDEN",
			code: "SESSION_NOT_FRESH",
		});
	});

	it("should update session when update age is reached", async () => {
		const { client, testUser } = await getTestInstance({
			session: {
				updateAge: 60,
				expiresIn: 60 * 2,
			},
		});
		const headers = new Headers();

		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		const data = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});

		if (!data) {
			throw new Error("No session found");
		}
		expect(new Date(data?.session.expiresAt).getTime()).toBeGreaterThan(
			new Date(Date.now() + 1000 * 2 * 59).getTime(),
		);

		expect(new Date(data?.session.expiresAt).getTime()).toBeLessThan(
			new Date(Date.now() + 1000 * 2 * 60).getTime(),
		);
		for (const t of [60, 80, 100, 121]) {
			const span = new Date();
			span.setSeconds(span.getSeconds() + t);
			vi.setSystemTime(span);
			const response = await client.getSession({
				fetchOptions: {
					headers,
					onSuccess(context) {
						const parsed = parseSetCookieHeader(
							context.response.headers.get("set-cookie") || "",
						);
						const maxAge = parsed.get("better-auth.session_token")?.["max-age"];
						expect(maxAge).toBe(t === 121 ? 0 : 60 * 2);
					},
				},
			});
			if (t === 121) {
				//expired
				expect(response.data).toBeNull();
			} else {
				expect(
					new Date(response.data?.session.expiresAt!).getTime(),
				).toBeGreaterThan(new Date(Date.now() + 1000 * 2 * 59).getTime());
			}
		}
		vi.useRealTimers();
	});

	it("should update the session every time when set to 0", async () => {
		const { client, signInWithTestUser } = await getTestInstance({
			session: {
				updateAge: 0,
			},
		});
		const { runWithUser } = await signInWithTestUser();

		await runWithUser(async () => {
			const session = await client.getSession();

			vi.useFakeTimers();
			await vi.advanceTimersByTimeAsync(1000 * 60 * 5);
			const session2 = await client.getSession();
			expect(session2.data?.session.expiresAt).not.toBe(
				session.data?.session.expiresAt,
			);
			expect(
				new Date(session2.data!.session.expiresAt).getTime(),
			).toBeGreaterThan(new Date(session.data!.session.expiresAt).getTime());
		});
	});

	it("should handle 'don't remember me' option", async () => {
		const headers = new Headers();
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
				rememberMe: false,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);
		const data = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});
		if (!data) {
			throw new Error("No session found");
		}
		const expiresAt = data.session.expiresAt;
		expect(new Date(expiresAt).valueOf()).toBeLessThanOrEqual(
			getDate(1000 * 60 * 60 * 24).valueOf(),
		);
		const response = await client.getSession({
			fetchOptions: {
				headers,
			},
		});

		if (!response.data?.session) {
			throw new Error("No session found");
		}
		// Check that the session wasn't update
		expect(
			new Date(response.data.session.expiresAt).valueOf(),
		).toBeLessThanOrEqual(getDate(1000 * 60 * 60 * 24).valueOf());
	});

	it("should set cookies correctly on sign in after changing config", async () => {
		const headers = new Headers();
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess(context) {
					const header = context.response.headers.get("set-cookie");
					const cookies = parseSetCookieHeader(header || "");
					expect(cookies.get("better-auth.session_token")).toMatchObject({
						value: expect.any(String),
						"max-age": 60 * 60 * 24 * 7,
						path: "/",
						httponly: true,
						samesite: "lax",
					});
					cookieSetter(headers)(context);
				},
			},
		);
		const data = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});
		if (!data) {
			throw new Error("No session found");
		}
		const expiresAt = new Date(data?.session?.expiresAt || "");
		const now = new Date();

		expect(expiresAt.getTime()).toBeGreaterThan(
			now.getTime() + 6 * 24 * 60 * 60 * 1000,
		);
	});

	it("should clear session on sign out", async () => {
		const headers = new Headers();
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);
		const data = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});

		expect(data).not.toBeNull();
		await client.signOut({
			fetchOptions: {
				headers,
			},
		});
		const response = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(response.data);
	});

	it("should list sessions", async () => {
		const headers = new Headers();
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);

		const response = await client.listSessions({
			fetchOptions: {
				headers,
			},
		});

		expect(response.data?.length).toBeGreaterThan(1);
	});

	it("should revoke session", async () => {
		const headers = new Headers();
		const headers2 = new Headers();
		await client.signIn.email({
			email: testUser.email,
			password: testUser.password,
			fetchOptions: {
				onSuccess: sessionSetter(headers),
			},
		});
		await client.signIn.email({
			email: testUser.email,
			password: testUser.password,
			fetchOptions: {
				onSuccess: sessionSetter(headers2),
			},
		});
		const session = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});
		await client.revokeSession({
			fetchOptions: {
				headers,
			},
			token: session?.session?.token || "",
		});
		const newSession = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(newSession.data).toBeNull();
		const revokeRes = await client.revokeSessions({
			fetchOptions: {
				headers: headers2,
			},
		});
		expect(revokeRes.data?.status).toBe(true);
	});

	it("should return session headers", async () => {
		const context = await auth.$context;
		await runWithEndpointContext(
			{
				context,
			} as unknown as GenericEndpointContext,
			async () => {
				const signInRes = await auth.api.signInEmail({
					body: {
						email: testUser.email,
						password: testUser.password,
					},
					returnHeaders: true,
				});

				const signInHeaders = new Headers();
				signInHeaders.set("cookie", signInRes.headers.getSetCookie()[0]!);

				const sessionResWithoutHeaders = await auth.api.getSession({
					headers: signInHeaders,
				});

				const sessionResWithHeaders = await auth.api.getSession({
					headers: signInHeaders,
					returnHeaders: true,
				});

				expect(sessionResWithHeaders.headers).toBeDefined();
				expect(sessionResWithHeaders.response?.user).toBeDefined();
				expect(sessionResWithHeaders.response?.session).toBeDefined();
				expectTypeOf({
					headers: sessionResWithHeaders.headers,
				}).toMatchObjectType<{
					headers: Headers;
				}>();

				// @ts-expect-error: headers should not exist on sessionResWithoutHeaders
				expect(sessionResWithoutHeaders.headers).toBeUndefined();

				const sessionResWithHeadersAndAsResponse = await auth.api.getSession({
					headers: signInHeaders,
					returnHeaders: true,
					asResponse: true,
				});

				expectTypeOf({
					res: sessionResWithHeadersAndAsResponse,
				}).toMatchObjectType<{ res: Response }>();

				expect(sessionResWithHeadersAndAsResponse.ok).toBe(true);
				expect(sessionResWithHeadersAndAsResponse.status).toBe(200);
			},
		);
	});

	/**
   @see https://github.com/better-auth/better-auth/issues/9609
   */
	it("should not exceed the 400-day browser Max-Age ceiling on session refresh", async () => {
		const BROWSER_MAX_AGE_CEILING = 400 * 24 * 60 * 60;
		const { client, testUser, cookieSetter } = await getTestInstance({
			session: {
				expiresIn: BROWSER_MAX_AGE_CEILING,
				updateAge: 30,
			},
		});

		const headers = new Headers();
		await client.signIn.email(
			{ email: testUser.email, password: testUser.password },
			{ onSuccess: cookieSetter(headers) },
		);

		vi.useFakeTimers();
		await vi.advanceTimersByTimeAsync(1000 * 31);

		let refreshedMaxAge: number | undefined;
		await client.getSession({
			fetchOptions: {
				headers,
				onSuccess(context) {
					cookieSetter(headers)(context);
					const parsed = parseSetCookieHeader(
						context.response.headers.get("set-cookie") || "",
					);
					refreshedMaxAge = parsed.get("better-auth.session_token")?.[
						"max-age"
					];
				},
			},
		});

		expect(refreshedMaxAge).toBeDefined();
		expect(refreshedMaxAge).toBeLessThanOrEqual(BROWSER_MAX_AGE_CEILING);
	});
});

describe("session storage", async () => {
	const store = new Map<string, string>();
	const { client, signInWithTestUser } = await getTestInstance({
		secondaryStorage: {
			set(key, value, ttl) {
				store.set(key, value);
			},
			get(key) {
				return store.get(key) || null;
			},
			getAndDelete(key) {
				const value = store.get(key) || null;
				store.delete(key);
				return value;
			},
			increment(key) {
				const count = Number(store.get(key) ?? 0) + 1;
				store.set(key, String(count));
				return count;
			},
			delete(key) {
				store.delete(key);
			},
		},
		rateLimit: {
			enabled: false,
		},
	});

	beforeEach(() => {
		store.clear();
	});

	it("should store session in secondary storage", async () => {
		//since the instance creates a session on init, we expect the store to have 2 item (1 for session and 1 for active sessions record for the user)
		expect(store.size).toBe(0);
		const { runWithUser } = await signInWithTestUser();
		expect(store.size).toBe(2);
		await runWithUser(async () => {
			const session = await client.getSession();
			expect(session.data).toMatchObject({
				session: {
					userId: expect.any(String),
					token: expect.any(String),
					expiresAt: expect.any(Date),
					ipAddress: expect.any(String),
					userAgent: expect.any(String),
				},
				user: {
					id: expect.any(String),
					name: "test user",
					email: "test@test.com",
					emailVerified: false,
					image: null,
					createdAt: expect.any(Date),
					updatedAt: expect.any(Date),
				},
			});
		});
	});

	it("should list sessions", async () => {
		const { runWithUser } = await signInWithTestUser();
		await runWithUser(async () => {
			const response = await client.listSessions();
			expect(response.data?.length).toBe(1);
		});
	});

	it("revoke session and list sessions", async () => {
		const { runWithUser } = await signInWithTestUser();
		await runWithUser(async () => {
			const session = await client.getSession();
			expect(session.data).not.toBeNull();
			expect(session.data?.session?.token).toBeDefined();
			const userId = session.data!.session.userId;
			const sessions = JSON.parse(store.get(`active-sessions-${userId}`)!);
			expect(sessions.length).toBe(1);
			const res = await client.revokeSession({
				token: session.data?.session?.token!,
			});
			expect(res.data?.status).toBe(true);
			const response = await client.listSessions();
			expect(response.data).toBe(null);
			expect(store.size).toBe(0);
		});
	});

	it("should revoke session", async () => {
		const { runWithUser } = await signInWithTestUser();
		await runWithUser(async () => {
			const session = await client.getSession();
			expect(session.data).not.toBeNull();
			await client.revokeSession({
				token: session.data?.session?.token || "",
			});
			const revokedSession = await client.getSession();
			expect(revokedSession.data).toBeNull();
		});
	});
});

describe("cookie cache", async () => {
	const database: MemoryDB = {
		user: [],
		account: [],
		session: [],
		verification: [],
	};
	const adapter = memoryAdapter(database);

	const { client, testUser, auth, cookieSetter } = await getTestInstance({
		database: adapter,
		session: {
			additionalFields: {
				sensitiveData: {
					type: "string",
					returned: false,
					defaultValue: "sensitive-data",
				},
			},
			cookieCache: {
				enabled: true,
				strategy: "compact",
				refreshCache: false,
			},
		},
	});
	const ctx = await auth.$context;

	afterEach(() => {
		vi.useRealTimers();
	});

	it("should cache cookies", async () => {});
	const fn = vi.spyOn(ctx.adapter, "findOne");

	const headers = new Headers();
	it("should cache cookies", async () => {
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);
		expect(fn).toHaveBeenCalledTimes(1);
		const session = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(session.data?.session).not.toHaveProperty("sensitiveData");
		expect(session.data).not.toBeNull();
		expect(fn).toHaveBeenCalledTimes(1);
	});

	it("should disable cookie cache", async () => {
		const ctx = await auth.$context;

		const s = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(s.data?.user.emailVerified).toBe(false);
		await runWithEndpointContext(
			{
				context: ctx,
			} as unknown as GenericEndpointContext,
			async () => {
				await ctx.internalAdapter.updateUser(s.data?.user.id || "", {
					emailVerified: true,
				});
			},
		);
		expect(fn).toHaveBeenCalledTimes(1);

		const session = await client.getSession({
			query: {
				disableCookieCache: true,
			},
			fetchOptions: {
				headers,
			},
		});
		expect(session.data?.user.emailVerified).toBe(true);
		expect(session.data).not.toBeNull();
		expect(fn).toHaveBeenCalledTimes(2);
	});

	it("should reset cache when expires", async () => {
		expect(fn).toHaveBeenCalledTimes(2);
		await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		vi.useFakeTimers();
		await vi.advanceTimersByTimeAsync(1000 * 60 * 10); // 10 minutes
		await client.getSession({
			fetchOptions: {
				headers,
				onSuccess(context) {
					cookieSetter(headers)(context);
				},
			},
		});
		expect(fn).toHaveBeenCalledTimes(3);
		await client.getSession({
			fetchOptions: {
				headers,
				onSuccess(context) {
					cookieSetter(headers)(context);
				},
			},
		});
		expect(fn).toHaveBeenCalledTimes(3);
	});
});

describe("cookie cache with JWT strategy", async () => {
	const { auth, client, testUser, cookieSetter } = await getTestInstance({
		session: {
			additionalFields: {
				sensitiveData: {
					type: "string",
					returned: false,
					defaultValue: "sensitive-data",
				},
			},
			cookieCache: {
				enabled: true,
				strategy: "jwt",
				refreshCache: false,
			},
		},
	});
	const ctx = await auth.$context;

	afterEach(() => {
		vi.useRealTimers();
	});

	const fn = vi.spyOn(ctx.adapter, "findOne");

	const headers = new Headers();
	it("should cache cookies with JWT strategy", async () => {
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);
		expect(fn).toHaveBeenCalledTimes(1);
		const session = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		const jwt = parseCookies(headers.get("cookie") || "").get(
			"better-auth.session_data",
		);
		if (!jwt) {
			throw new Error("JWT not found");
		}
		const payload = await verifyJWT(jwt, ctx.secret);
		expect(payload).not.toBeNull();
		expect(session.data?.session).not.toHaveProperty("sensitiveData");
		expect(session.data).not.toBeNull();
		expect(fn).toHaveBeenCalledTimes(1); // Should still be 1 (cache hit)
	});

	it("should not allow tampering with the cookie", async () => {
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);
		const jwt = parseCookies(headers.get("cookie") || "").get(
			"better-auth.session_data",
		);
		if (!jwt) {
			throw new Error("JWT not found");
		}
		const payload = await verifyJWT(jwt, ctx.secret);
		const newJWT = await signJWT(
			{
				session: payload.session,
				user: {
					...payload.user,
					id: "tampered-id",
				},
			},
			"tampered-secret",
		);
		const sessionCookie = parseCookies(headers.get("cookie") || "").get(
			"better-auth.session_token",
		);
		if (!sessionCookie) {
			throw new Error("Session cookie not found");
		}
		headers.set("cookie", `better-auth.session_data=${newJWT}`);
		headers.append("cookie", `better-auth.session_token=${sessionCookie}`);
		const res = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		// When session_data verification fails, fall through to session_token DB validation.
		// This is secure because the tampered data is not used, the real session from DB is returned.
		// This behavior also handles cross-subdomain cookie migrations correctly.
		expect(res.data).not.toBeNull();
		expect(res.data?.user.id).not.toBe("tampered-id");
		expect(res.data?.user.email).toBe(testUser.email);
	});

	it("should have max age expiry", async () => {
		vi.useFakeTimers();
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);
		const jwt = parseCookies(headers.get("cookie") || "").get(
			"better-auth.session_data",
		);
		if (!jwt) {
			throw new Error("JWT not found");
		}
		const payload = await verifyJWT(jwt, ctx.secret);
		// should be greater than 299 seconds from now - (default max age is 300 seconds)
		expect(payload.exp).toBeGreaterThanOrEqual(
			Math.floor(Date.now() / 1000) + 299,
		);
	});

	it("should handle multiple concurrent requests with JWT cache", async () => {
		vi.useRealTimers();
		const headers = new Headers();
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		// Make multiple concurrent requests
		const promises = Array(5)
			.fill(0)
			.map(() =>
				client.getSession({
					fetchOptions: {
						headers,
					},
				}),
			);

		const results = await Promise.all(promises);

		// All should return valid sessions
		results.forEach((result) => {
			expect(result.data).not.toBeNull();
			expect(result.data?.user.email).toBe(testUser.email);
		});
	});
});

describe("cookie cache with JWT strategy backed by JWKS", async () => {
	const { auth, client, testUser, cookieSetter } = await getTestInstance({
		session: {
			additionalFields: {
				sensitiveData: {
					type: "string",
					returned: false,
					defaultValue: "sensitive-data",
				},
			},
			cookieCache: {
				enabled: true,
				strategy: "jwt",
				refreshCache: false,
			},
		},
		plugins: [jwt({ sessionCookieCache: true })],
	});
	const ctx = await auth.$context;

	afterEach(() => {
		vi.useRealTimers();
	});

	const fn = vi.spyOn(ctx.adapter, "findOne");

	it("should cache cookies with JWKS-backed JWT strategy", async () => {
		const headers = new Headers();

		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);
		expect(fn).toHaveBeenCalledTimes(1);

		const session = await client.getSession({
			fetchOptions: {
				headers,
			},
		});

		const token = parseCookies(headers.get("cookie") || "").get(
			"better-auth.session_data",
		);
		if (!token) {
			throw new Error("JWT not found");
		}

		const protectedHeader = decodeProtectedHeader(token);
		expect(protectedHeader.kid).toEqual(expect.any(String));
		expect(protectedHeader.typ).toBe(COOKIE_CACHE_JWT_TYPE);

		const jwks = await auth.api.getJwks();
		const localJwks = createLocalJWKSet(jwks);
		const verified = await jwtVerify(token, localJwks, {
			audience: COOKIE_CACHE_JWT_AUDIENCE,
		});

		expect(verified.payload.session).toBeDefined();
		expect(verified.payload.iss).toEqual(expect.any(String));
		expect(verified.payload.aud).toBe(COOKIE_CACHE_JWT_AUDIENCE);
		expect(verified.payload.sub).toBe(session.data?.user.id);
		expect(verified.payload.sid).toBe(session.data?.session.token);
		expect(session.data?.session).not.toHaveProperty("sensitiveData");
		expect(session.data).not.toBeNull();
		expect(fn).toHaveBeenCalledTimes(1);
	});

	it("should ignore a JWKS cookie cache from a different session token", async () => {
		const firstHeaders = new Headers();
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(firstHeaders),
			},
		);
		const firstSession = await client.getSession({
			fetchOptions: {
				headers: firstHeaders,
			},
		});

		const secondHeaders = new Headers();
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(secondHeaders),
			},
		);
		const secondSession = await client.getSession({
			fetchOptions: {
				headers: secondHeaders,
			},
		});

		const firstCookieCache = parseCookies(firstHeaders.get("cookie") || "").get(
			"better-auth.session_data",
		);
		const secondSessionCookie = parseCookies(
			secondHeaders.get("cookie") || "",
		).get("better-auth.session_token");
		if (!firstCookieCache || !secondSessionCookie || !secondSession.data) {
			throw new Error("Expected both session cookies to be present");
		}

		const mixedHeaders = new Headers();
		mixedHeaders.set(
			"cookie",
			`better-auth.session_data=${firstCookieCache}; better-auth.session_token=${secondSessionCookie}`,
		);

		const mixedSession = await client.getSession({
			fetchOptions: {
				headers: mixedHeaders,
			},
		});

		expect(mixedSession.data?.session.token).toBe(
			secondSession.data.session.token,
		);
		expect(mixedSession.data?.session.token).not.toBe(
			firstSession.data?.session.token,
		);
	});

	it("should not allow tampering with the cookie in JWKS mode", async () => {
		const headers = new Headers();

		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		const token = parseCookies(headers.get("cookie") || "").get(
			"better-auth.session_data",
		);
		if (!token) {
			throw new Error("JWT not found");
		}

		const jwks = await auth.api.getJwks();
		const localJwks = createLocalJWKSet(jwks);
		const verified = await jwtVerify(token, localJwks, {
			audience: COOKIE_CACHE_JWT_AUDIENCE,
		});
		const verifiedPayload = verified.payload as {
			session: Record<string, any>;
			user: Record<string, any>;
		};

		const tamperedToken = await signJWT(
			{
				session: verifiedPayload.session,
				user: {
					...verifiedPayload.user,
					id: "tampered-id",
				},
			},
			"tampered-secret",
		);

		const sessionCookie = parseCookies(headers.get("cookie") || "").get(
			"better-auth.session_token",
		);
		if (!sessionCookie) {
			throw new Error("Session cookie not found");
		}

		headers.set(
			"cookie",
			`better-auth.session_data=${tamperedToken}; better-auth.session_token=${sessionCookie}`,
		);
		const res = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(res.data).not.toBeNull();
		expect(res.data?.user.id).not.toBe("tampered-id");
		expect(res.data?.user.email).toBe(testUser.email);
	});

	it("should reject a secret-signed cookie cache and fall back to the database", async () => {
		const headers = new Headers();

		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		const cookies = parseCookies(headers.get("cookie") || "");
		const token = cookies.get("better-auth.session_data");
		const sessionCookie = cookies.get("better-auth.session_token");
		if (!token || !sessionCookie) {
			throw new Error("Session cookies not found");
		}

		const jwks = await auth.api.getJwks();
		const localJwks = createLocalJWKSet(jwks);
		const verified = await jwtVerify(token, localJwks, {
			audience: COOKIE_CACHE_JWT_AUDIENCE,
		});
		const verifiedPayload = verified.payload as {
			session: Record<string, unknown>;
			user: Record<string, unknown>;
		};

		const secretSignedToken = await signJWT(
			{
				session: verifiedPayload.session,
				user: verifiedPayload.user,
				updatedAt: Date.now(),
				version: "1",
			},
			ctx.secret,
		);

		headers.set(
			"cookie",
			`better-auth.session_data=${secretSignedToken}; better-auth.session_token=${sessionCookie}`,
		);

		let replacedCookieCache: string | undefined;
		const res = await client.getSession({
			fetchOptions: {
				headers,
				onSuccess(context) {
					replacedCookieCache = parseSetCookieHeader(
						context.response.headers.get("set-cookie") || "",
					).get("better-auth.session_data")?.value;
				},
			},
		});

		expect(res.data?.user.email).toBe(testUser.email);
		expect(res.data?.session.token).toBe(verifiedPayload.session.token);
		if (!replacedCookieCache) {
			throw new Error("Cookie cache was not replaced");
		}
		expect(replacedCookieCache).not.toBe(secretSignedToken);
		expect(decodeProtectedHeader(replacedCookieCache).typ).toBe(
			COOKIE_CACHE_JWT_TYPE,
		);
	});

	it("should verify existing cookie-cache JWTs across JWKS rotation grace period", async () => {
		vi.useFakeTimers();

		const { auth, client, testUser, cookieSetter } = await getTestInstance({
			session: {
				cookieCache: {
					enabled: true,
					strategy: "jwt",
				},
			},
			plugins: [
				jwt({
					sessionCookieCache: true,
					jwks: {
						rotationInterval: 1,
						gracePeriod: 60,
					},
				}),
			],
		});

		const headers = new Headers();
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		const originalToken = parseCookies(headers.get("cookie") || "").get(
			"better-auth.session_data",
		);
		if (!originalToken) {
			throw new Error("JWT not found");
		}

		await vi.advanceTimersByTimeAsync(1_100);
		await auth.api.signJWT({
			body: {
				payload: {
					sub: "rotated-user",
				},
			},
		});

		const jwks = await auth.api.getJwks();
		expect(jwks.keys.length).toBeGreaterThan(1);

		const localJwks = createLocalJWKSet(jwks);
		const verified = await jwtVerify(originalToken, localJwks, {
			audience: COOKIE_CACHE_JWT_AUDIENCE,
		});
		expect(verified.payload.session).toBeDefined();
	});
});

describe("cookie cache with JWE strategy", async () => {
	const { auth, client, testUser, cookieSetter } = await getTestInstance({
		session: {
			additionalFields: {
				sensitiveData: {
					type: "string",
					returned: false,
					defaultValue: "sensitive-data",
				},
			},
			cookieCache: {
				enabled: true,
				strategy: "jwe",
				refreshCache: false,
			},
		},
	});
	const ctx = await auth.$context;

	afterEach(() => {
		vi.useRealTimers();
	});

	const fn = vi.spyOn(ctx.adapter, "findOne");

	const headers = new Headers();
	it("should cache cookies with JWE strategy", async () => {
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);
		expect(fn).toHaveBeenCalledTimes(1);
		const session = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(session.data?.session).not.toHaveProperty("sensitiveData");
		expect(session.data).not.toBeNull();
		expect(fn).toHaveBeenCalledTimes(1); // Should still be 1 (cache hit)
	});

	it("should disable cookie cache with JWE strategy", async () => {
		const ctx = await auth.$context;

		const s = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(s.data?.user.emailVerified).toBe(false);
		await runWithEndpointContext(
			{
				context: ctx,
			} as unknown as GenericEndpointContext,
			async () => {
				await ctx.internalAdapter.updateUser(s.data?.user.id || "", {
					emailVerified: true,
				});
			},
		);
		expect(fn).toHaveBeenCalledTimes(1);

		const session = await client.getSession({
			query: {
				disableCookieCache: true,
			},
			fetchOptions: {
				headers,
			},
		});
		expect(session.data?.user.emailVerified).toBe(true);
		expect(session.data).not.toBeNull();
		expect(fn).toHaveBeenCalledTimes(2); // Database hit when cache disabled
	});

	it("should reset JWE cache when expires", async () => {
		expect(fn).toHaveBeenCalledTimes(2);
		await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(fn).toHaveBeenCalledTimes(2);

		vi.useFakeTimers();
		await vi.advanceTimersByTimeAsync(1000 * 60 * 10);

		await client.getSession({
			fetchOptions: {
				headers,
				onSuccess(context) {
					cookieSetter(headers)(context);
				},
			},
		});

		expect(fn.mock.calls.length).toBeGreaterThanOrEqual(2);

		vi.useRealTimers();
	});

	it("should handle multiple concurrent requests with JWE cache", async () => {
		vi.useRealTimers();
		const headers = new Headers();
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		// Make multiple concurrent requests
		const promises = Array(5)
			.fill(0)
			.map(() =>
				client.getSession({
					fetchOptions: {
						headers,
					},
				}),
			);

		const results = await Promise.all(promises);

		// All should return valid sessions
		results.forEach((result) => {
			expect(result.data).not.toBeNull();
			expect(result.data?.user.email).toBe(testUser.email);
		});
	});
});

describe("cookie cache refreshCache", async () => {
	const { auth, client, testUser, cookieSetter } = await getTestInstance({
		session: {
			cookieCache: {
				enabled: true,
				strategy: "jwe",
				maxAge: 300, // 5 minutes
				refreshCache: {
					updateAge: 60, // Refresh when less than 60 seconds remain
				},
			},
		},
	});
	const ctx = await auth.$context;
	const fn = vi.spyOn(ctx.adapter, "findOne");

	afterEach(() => {
		vi.useRealTimers();
	});

	const headers = new Headers();

	it("should use cached data when refreshCache threshold has not been reached", async () => {
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);
		expect(fn).toHaveBeenCalledTimes(1);

		const session1 = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(session1.data).not.toBeNull();
		expect(fn).toHaveBeenCalledTimes(1);

		const session2 = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(session2.data).not.toBeNull();
		expect(fn).toHaveBeenCalledTimes(1);
	});

	it("should not perform stateless refresh when a database is configured", async () => {
		const callsBefore = fn.mock.calls.length;

		vi.useFakeTimers();
		// Advance time by 241 seconds (300 - 60 = 240, so at 241 we're within the refresh window)
		await vi.advanceTimersByTimeAsync(1000 * 241);

		const session = await client.getSession({
			fetchOptions: {
				headers,
				onSuccess(context) {
					cookieSetter(headers)(context);
				},
			},
		});
		expect(session.data).not.toBeNull();

		// With a database configured, `refreshCache` is ignored (a warning is logged),
		// so no additional DB call should be made here.
		const callsAfterRefresh = fn.mock.calls.length;
		expect(callsAfterRefresh).toBe(callsBefore);

		await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(fn).toHaveBeenCalledTimes(callsAfterRefresh);

		vi.useRealTimers();
	});

	it("should not refresh cache when refreshCache is disabled (false)", async () => {
		const {
			client,
			testUser: testUser0,
			cookieSetter,
			auth,
		} = await getTestInstance({
			session: {
				cookieCache: {
					enabled: true,
					strategy: "jwe",
					refreshCache: false, // Disabled
				},
			},
		});
		const ctx = await auth.$context;
		const fn = vi.spyOn(ctx.adapter, "findOne");

		const headers = new Headers();
		await client.signIn.email(
			{
				email: testUser0.email,
				password: testUser0.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);
		const callsAfterSignIn = fn.mock.calls.length;

		// Even after advancing time, cache should still be used (refreshCache disabled)
		vi.useFakeTimers();
		await vi.advanceTimersByTimeAsync(1000 * 120); // 2 minutes

		await client.getSession({
			fetchOptions: {
				headers: headers,
			},
		});
		const callsAfterFirst = fn.mock.calls.length;
		expect(callsAfterFirst).toBe(callsAfterSignIn); // No DB call, cache used

		await client.getSession({
			fetchOptions: {
				headers: headers,
			},
		});
		const callsAfterSecond = fn.mock.calls.length;
		expect(callsAfterSecond).toBe(callsAfterSignIn); // Still no DB call, cache used

		vi.useRealTimers();
	});

	it("should work without database (session stored in cookie only)", async () => {
		// Create instance with cookieCache enabled and refreshCache disabled
		const {
			client,
			testUser: testUser0,
			cookieSetter,
			auth,
		} = await getTestInstance({
			session: {
				cookieCache: {
					enabled: true,
					strategy: "jwe",
					refreshCache: true, // Enable stateless refresh for DB-less scenarios
				},
			},
		});

		const headers = new Headers();

		// Sign in to create session cookie
		await client.signIn.email(
			{
				email: testUser0.email,
				password: testUser0.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		// Get the session to ensure it's in the cookie
		const firstSession = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(firstSession.data).not.toBeNull();
		const sessionToken = firstSession.data?.session?.token;

		// Clear the database session (simulating no database scenario)
		if (sessionToken) {
			const ctx = await auth.$context;
			await ctx.internalAdapter.deleteSession(sessionToken);
		}

		// getSession should still work using cookie cache only (no database lookup)
		const sessionFromCache = await client.getSession({
			fetchOptions: {
				headers,
			},
		});

		expect(sessionFromCache.data).not.toBeNull();
		expect(sessionFromCache.data?.user.email).toBe(testUser0.email);
		expect(sessionFromCache.data?.session).toBeDefined();
		expect(sessionFromCache.data?.session?.token).toBe(sessionToken);
	});

	/**
	 * @see https://github.com/better-auth/better-auth/pull/8817
	 */
	it("should preserve session expiry when refreshing stateless cookie cache", async () => {
		const expiresIn = 60 * 60; // 1 hour
		const cacheMaxAge = 300; // 5 minutes
		const { client, testUser, cookieSetter, auth } = await getTestInstance({
			// True stateless mode: no database configured
			database: undefined as any,
			session: {
				expiresIn,
				cookieCache: {
					enabled: true,
					strategy: "jwe",
					maxAge: cacheMaxAge,
					refreshCache: {
						updateAge: 60, // Refresh when less than 60 seconds remain
					},
				},
			},
		});

		const headers = new Headers();

		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		const firstSession = await client.getSession({
			fetchOptions: {
				headers,
				onSuccess: cookieSetter(headers),
			},
		});
		expect(firstSession.data).not.toBeNull();
		const sessionToken = firstSession.data?.session?.token;
		const originalExpiresAt = new Date(
			firstSession.data!.session.expiresAt,
		).getTime();
		const initialSessionDataCookie = parseCookies(
			headers.get("cookie") || "",
		).get("better-auth.session_data");
		expect(initialSessionDataCookie).toBeDefined();

		const ctx = await auth.$context;
		await ctx.internalAdapter.deleteSession(sessionToken!);

		vi.useFakeTimers();
		// Advance time to trigger refresh (300 - 60 = 240, so at 241 we're in refresh window)
		await vi.advanceTimersByTimeAsync(1000 * 241);

		let refreshedSessionDataCookie: string | undefined;
		let refreshedSessionTokenCookie: string | undefined;
		const sessionFromCache = await client.getSession({
			fetchOptions: {
				headers,
				onSuccess(context) {
					const parsed = parseSetCookieHeader(
						context.response.headers.get("set-cookie") || "",
					);
					refreshedSessionDataCookie = parsed.get(
						"better-auth.session_data",
					)?.value;
					refreshedSessionTokenCookie = parsed.get(
						"better-auth.session_token",
					)?.value;
					cookieSetter(headers)(context);
				},
			},
		});

		expect(sessionFromCache.data).not.toBeNull();
		expect(refreshedSessionDataCookie).toBeDefined();
		expect(refreshedSessionDataCookie).not.toBe(initialSessionDataCookie);
		expect(refreshedSessionTokenCookie).toBeDefined();
		expect(sessionFromCache.data?.session?.token).toBe(sessionToken);
		expect(new Date(sessionFromCache.data!.session.expiresAt).getTime()).toBe(
			originalExpiresAt,
		);
		expect(originalExpiresAt - Date.now()).toBeGreaterThan(
			(cacheMaxAge + 1) * 1000,
		);

		vi.useRealTimers();
	});

	it("should work without database when refreshCache threshold is reached", async () => {
		const { client, testUser, cookieSetter, auth } = await getTestInstance({
			// True stateless mode: no database configured
			database: undefined as any,
			session: {
				cookieCache: {
					enabled: true,
					strategy: "jwe",
					maxAge: 300, // 5 minutes
					refreshCache: {
						updateAge: 60, // Refresh when less than 60 seconds remain
					},
				},
			},
		});

		const headers = new Headers();

		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		const firstSession = await client.getSession({
			fetchOptions: {
				headers,
				onSuccess: cookieSetter(headers),
			},
		});
		expect(firstSession.data).not.toBeNull();
		const sessionToken = firstSession.data?.session?.token;

		const ctx = await auth.$context;
		await ctx.internalAdapter.deleteSession(sessionToken!);

		vi.useFakeTimers();
		// Advance time to trigger refresh (300 - 60 = 240, so at 241 we're in refresh window)
		await vi.advanceTimersByTimeAsync(1000 * 241);

		const sessionFromCache = await client.getSession({
			fetchOptions: {
				headers,
				onSuccess: cookieSetter(headers),
			},
		});

		// Should work with stateless refresh even without DB
		expect(sessionFromCache.data).not.toBeNull();
		expect(sessionFromCache.data?.user.email).toBe(testUser.email);
		expect(sessionFromCache.data?.session).toBeDefined();
		expect(sessionFromCache.data?.session?.token).toBe(sessionToken);

		vi.useRealTimers();
	});

	/**
	 * @see https://github.com/better-auth/better-auth/issues/8763
	 */
	it("should forward cookie cache headers from getSessionFromCtx", async () => {
		const { client, testUser, cookieSetter, auth } = await getTestInstance({
			session: {
				cookieCache: {
					enabled: true,
					strategy: "jwe",
				},
			},
		});
		const ctx = await auth.$context;
		const headers = new Headers();

		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		const requestCookies = parseCookies(headers.get("cookie") || "");
		for (const name of requestCookies.keys()) {
			if (
				name === ctx.authCookies.sessionData.name ||
				name.startsWith(`${ctx.authCookies.sessionData.name}.`)
			) {
				requestCookies.delete(name);
			}
		}
		headers.set(
			"cookie",
			Array.from(requestCookies, ([name, value]) => `${name}=${value}`).join(
				"; ",
			),
		);

		const endpointCtx = {
			context: ctx,
			headers,
			query: {},
			responseHeaders: new Headers(),
		} as unknown as GenericEndpointContext;

		await runWithRequestState(new WeakMap(), async () => {
			await runWithEndpointContext(endpointCtx, async () => {
				const session = await getSessionFromCtx(endpointCtx);
				expect(session?.user.email).toBe(testUser.email);

				const parsed = parseSetCookieHeader(
					endpointCtx.responseHeaders.get("set-cookie") || "",
				);
				const forwardedSessionDataCookie = Array.from(parsed.keys()).some(
					(name) =>
						name === ctx.authCookies.sessionData.name ||
						name.startsWith(`${ctx.authCookies.sessionData.name}.`),
				);
				expect(forwardedSessionDataCookie).toBe(true);
			});
		});
	});
	/**
	 * @see https://github.com/better-auth/better-auth/issues/7994
	 */
	it("should extend session_token cookie expiry when refreshCache threshold is reached", async () => {
		const expiresIn = 60 * 5; // 5 minutes
		const { client, testUser, cookieSetter, auth } = await getTestInstance({
			database: undefined as any,
			session: {
				expiresIn,
				cookieCache: {
					enabled: true,
					strategy: "jwe",
					maxAge: 300, // 5 minutes
					refreshCache: {
						updateAge: 60, // Refresh when less than 60 seconds remain
					},
				},
			},
		});

		const headers = new Headers();

		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		const ctx = await auth.$context;
		const firstSession = await client.getSession({
			fetchOptions: {
				headers,
				onSuccess: cookieSetter(headers),
			},
		});
		expect(firstSession.data).not.toBeNull();
		const sessionToken = firstSession.data?.session?.token;
		await ctx.internalAdapter.deleteSession(sessionToken!);

		vi.useFakeTimers();
		// Advance time to trigger refresh (300 - 60 = 240, so at 241 we're in refresh window)
		await vi.advanceTimersByTimeAsync(1000 * 241);

		let sessionTokenMaxAge: number | undefined;
		await client.getSession({
			fetchOptions: {
				headers,
				onSuccess(context) {
					cookieSetter(headers)(context);
					const parsed = parseSetCookieHeader(
						context.response.headers.get("set-cookie") || "",
					);
					sessionTokenMaxAge = parsed.get("better-auth.session_token")?.[
						"max-age"
					];
				},
			},
		});

		// The session_token cookie should have its maxAge extended to expiresIn
		expect(sessionTokenMaxAge).toBe(expiresIn);

		vi.useRealTimers();
	});
});

describe("cookie cache versioning", async () => {
	it("should invalidate cookie cache when version changes (string version)", async () => {
		// Create instance with version "1"
		const {
			client: client1,
			testUser: testUser1,
			cookieSetter: cookieSetter1,
		} = await getTestInstance({
			session: {
				cookieCache: {
					enabled: true,
					strategy: "jwe",
					version: "1",
				},
			},
		});

		const headers1 = new Headers();
		await client1.signIn.email(
			{
				email: testUser1.email,
				password: testUser1.password,
			},
			{
				onSuccess: cookieSetter1(headers1),
			},
		);

		// Get session with version "1" - should work
		const session1 = await client1.getSession({
			fetchOptions: {
				headers: headers1,
			},
		});
		expect(session1.data).not.toBeNull();
		expect(session1.data?.user.email).toBe(testUser1.email);

		// Create new instance with version "2" using same cookies
		const { client: client2 } = await getTestInstance({
			session: {
				cookieCache: {
					enabled: true,
					strategy: "jwe",
					version: "2",
				},
			},
		});

		// Try to get session with old cookies but new version - should invalidate cache
		const session2 = await client2.getSession({
			fetchOptions: {
				headers: headers1,
			},
		});
		// Should return null because version mismatch invalidates the cache
		// and there's no valid session in the database for this new instance
		expect(session2.data).toBeNull();
	});

	it("should work with function-based version", async () => {
		const { client, testUser, cookieSetter } = await getTestInstance({
			session: {
				cookieCache: {
					enabled: true,
					strategy: "jwe",
					version: (session, user) => {
						// Version based on user email
						return user.email.includes("test") ? "test-v1" : "prod-v1";
					},
				},
			},
		});

		const headers = new Headers();
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		// Get session - should work with function-based version
		const session = await client.getSession({
			fetchOptions: {
				headers,
				onSuccess: cookieSetter(headers),
			},
		});
		expect(session.data).not.toBeNull();
		expect(session.data?.user.email).toBe(testUser.email);
	});

	it("should work with async function-based version", async () => {
		const { client, testUser, cookieSetter } = await getTestInstance({
			session: {
				cookieCache: {
					enabled: true,
					strategy: "jwe",
					version: async (session, user) => {
						// Simulate async operation
						await new Promise((resolve) => setTimeout(resolve, 10));
						return `async-${user.id.slice(0, 8)}`;
					},
				},
			},
		});

		const headers = new Headers();
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		// Get session - should work with async function-based version
		const session = await client.getSession({
			fetchOptions: {
				headers,
				onSuccess: cookieSetter(headers),
			},
		});
		expect(session.data).not.toBeNull();
		expect(session.data?.user.email).toBe(testUser.email);
	});

	it("should work with compact strategy", async () => {
		const { client, testUser, cookieSetter } = await getTestInstance({
			session: {
				cookieCache: {
					enabled: true,
					strategy: "compact",
					version: "compact-v1",
				},
			},
		});

		const headers = new Headers();
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		const session = await client.getSession({
			fetchOptions: {
				headers,
				onSuccess: cookieSetter(headers),
			},
		});
		expect(session.data).not.toBeNull();
		expect(session.data?.user.email).toBe(testUser.email);
	});

	it("should work with jwt strategy", async () => {
		const { client, testUser, cookieSetter } = await getTestInstance({
			session: {
				cookieCache: {
					enabled: true,
					strategy: "jwt",
					version: "jwt-v1",
				},
			},
		});

		const headers = new Headers();
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		const session = await client.getSession({
			fetchOptions: {
				headers,
				onSuccess: cookieSetter(headers),
			},
		});
		expect(session.data).not.toBeNull();
		expect(session.data?.user.email).toBe(testUser.email);
	});

	it("should default to version '1' when not specified", async () => {
		const { client, testUser, cookieSetter } = await getTestInstance({
			session: {
				cookieCache: {
					enabled: true,
					strategy: "jwe",
					// No version specified - should default to "1"
				},
			},
		});

		const headers = new Headers();
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		const session = await client.getSession({
			fetchOptions: {
				headers,
				onSuccess: cookieSetter(headers),
			},
		});
		expect(session.data).not.toBeNull();
		expect(session.data?.user.email).toBe(testUser.email);
	});

	it("should include additionalFields when retrieving from cookie cache", async () => {
		const { client, testUser, cookieSetter, auth } = await getTestInstance({
			session: {
				additionalFields: {
					role: {
						type: "string",
						defaultValue: "user",
						returned: true, // Should be included
					},
					preferences: {
						type: "json",
						defaultValue: "{}",
						returned: true,
					},
				},
				cookieCache: {
					enabled: true,
					strategy: "compact",
				},
			},
		});

		const ctx = await auth.$context;
		const fn = vi.spyOn(ctx.adapter, "findOne");

		const headers = new Headers();

		// Sign in
		await client.signIn.email(
			{
				email: testUser.email,
				password: testUser.password,
			},
			{
				onSuccess: cookieSetter(headers),
			},
		);

		// First call - should hit database
		const firstCall = fn.mock.calls.length;
		const session1 = await client.getSession({
			fetchOptions: {
				headers,
			},
		});

		expect(session1.data).toBeTruthy();
		expect(session1.data?.session).toHaveProperty("role"); // ? Should have additionalFields
		expect(session1.data?.session).toHaveProperty("preferences"); // ? Should have additionalFields

		// Second call - should use cookie cache (no DB call)
		const session2 = await client.getSession({
			fetchOptions: {
				headers,
			},
		});

		// Verify cache was used (no additional DB calls)
		expect(fn.mock.calls.length).toBe(firstCall);

		// ? THIS IS THE KEY TEST - additionalFields should be present from cache
		expect(session2.data?.session).toHaveProperty("role");
		expect(session2.data?.session).toHaveProperty("preferences");

		// Verify values match
		const s1 = session1.data?.session as Record<string, any>;
		const s2 = session2.data?.session as Record<string, any>;
		expect(s2.role).toBe(s1.role);
	});
});

describe("deferSessionRefresh", async () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it("should return needsRefresh flag on GET when enabled", async () => {
		const { auth, testUser } = await getTestInstance({
			session: {
				deferSessionRefresh: true,
				updateAge: 0,
			},
		});

		const headers = new Headers();
		const signInRes = await auth.api.signInEmail({
			body: {
				email: testUser.email,
				password: testUser.password,
			},
			returnHeaders: true,
		});
		headers.set("cookie", signInRes.headers.getSetCookie()[0]!);

		vi.useFakeTimers();
		await vi.advanceTimersByTimeAsync(1000);

		const sessionRes = await auth.api.getSession({
			headers,
		});

		expect(sessionRes).not.toBeNull();
		expect((sessionRes as any).needsRefresh).toBe(true);

		vi.useRealTimers();
	});

	it("should return needsRefresh: false when session is fresh", async () => {
		const { auth, testUser } = await getTestInstance({
			session: {
				deferSessionRefresh: true,
				updateAge: 60 * 60 * 24,
			},
		});

		const headers = new Headers();
		const signInRes = await auth.api.signInEmail({
			body: {
				email: testUser.email,
				password: testUser.password,
			},
			returnHeaders: true,
		});
		headers.set("cookie", signInRes.headers.getSetCookie()[0]!);

		const sessionRes = await auth.api.getSession({
			headers,
		});

		expect(sessionRes).not.toBeNull();
		expect((sessionRes as any).needsRefresh).toBe(false);
	});

	it("should not update session on GET when deferSessionRefresh is enabled", async () => {
		const { auth, testUser } = await getTestInstance({
			session: {
				deferSessionRefresh: true,
				updateAge: 0,
			},
		});
		const ctx = await auth.$context;
		const updateFn = vi.spyOn(ctx.internalAdapter, "updateSession");

		const headers = new Headers();
		const signInRes = await auth.api.signInEmail({
			body: {
				email: testUser.email,
				password: testUser.password,
			},
			returnHeaders: true,
		});
		headers.set("cookie", signInRes.headers.getSetCookie()[0]!);

		vi.useFakeTimers();
		await vi.advanceTimersByTimeAsync(1000);

		await auth.api.getSession({
			headers,
		});

		expect(updateFn).not.toHaveBeenCalled();

		vi.useRealTimers();
	});

	it("should update session on POST when deferSessionRefresh is enabled", async () => {
		const { auth, testUser } = await getTestInstance({
			session: {
				deferSessionRefresh: true,
				updateAge: 0,
			},
		});
		const ctx = await auth.$context;
		const updateFn = vi.spyOn(ctx.internalAdapter, "updateSession");

		const headers = new Headers();
		const signInRes = await auth.api.signInEmail({
			body: {
				email: testUser.email,
				password: testUser.password,
			},
			returnHeaders: true,
		});
		headers.set("cookie", signInRes.headers.getSetCookie()[0]!);

		vi.useFakeTimers();
		await vi.advanceTimersByTimeAsync(1000);

		const sessionRes = await auth.api.getSession({
			headers,
			method: "POST",
		});

		expect(updateFn).toHaveBeenCalled();
		expect(sessionRes).not.toBeNull();
		expect((sessionRes as any).needsRefresh).toBeUndefined();

		vi.useRealTimers();
	});

	it("should reject POST when deferSessionRefresh is not enabled", async () => {
		const { auth, testUser } = await getTestInstance();

		const headers = new Headers();
		const signInRes = await auth.api.signInEmail({
			body: {
				email: testUser.email,
				password: testUser.password,
			},
			returnHeaders: true,
		});
		headers.set("cookie", signInRes.headers.getSetCookie()[0]!);

		await expect(
			auth.api.getSession({
				headers,
				method: "POST",
			}),
		).rejects.toThrow("POST method requires deferSessionRefresh to be enabled");
	});

	it("should not delete expired session on GET when deferSessionRefresh is enabled", async () => {
		const { auth, testUser } = await getTestInstance({
			session: {
				deferSessionRefresh: true,
				expiresIn: 60,
			},
		});
		const ctx = await auth.$context;
		const deleteFn = vi.spyOn(ctx.internalAdapter, "deleteSession");

		const headers = new Headers();
		const signInRes = await auth.api.signInEmail({
			body: {
				email: testUser.email,
				password: testUser.password,
			},
			returnHeaders: true,
		});
		headers.set("cookie", signInRes.headers.getSetCookie()[0]!);

		vi.useFakeTimers();
		await vi.advanceTimersByTimeAsync(61 * 1000);

		const sessionRes = await auth.api.getSession({
			headers,
		});

		expect(sessionRes).toBeNull();
		expect(deleteFn).not.toHaveBeenCalled();

		vi.useRealTimers();
	});

	it("should delete expired session on POST when deferSessionRefresh is enabled", async () => {
		const { auth, testUser } = await getTestInstance({
			session: {
				deferSessionRefresh: true,
				expiresIn: 60,
			},
		});
		const ctx = await auth.$context;
		const deleteFn = vi.spyOn(ctx.internalAdapter, "deleteSession");

		const headers = new Headers();
		const signInRes = await auth.api.signInEmail({
			body: {
				email: testUser.email,
				password: testUser.password,
			},
			returnHeaders: true,
		});
		headers.set("cookie", signInRes.headers.getSetCookie()[0]!);

		vi.useFakeTimers();
		await vi.advanceTimersByTimeAsync(61 * 1000);

		const sessionRes = await auth.api.getSession({
			headers,
			method: "POST",
		});

		expect(sessionRes).toBeNull();
		expect(deleteFn).toHaveBeenCalled();

		vi.useRealTimers();
	});

	it("should still update session on GET when deferSessionRefresh is not enabled (default behavior)", async () => {
		const { auth, testUser } = await getTestInstance({
			session: {
				updateAge: 0,
			},
		});
		const ctx = await auth.$context;
		const updateFn = vi.spyOn(ctx.internalAdapter, "updateSession");

		const headers = new Headers();
		const signInRes = await auth.api.signInEmail({
			body: {
				email: testUser.email,
				password: testUser.password,
			},
			returnHeaders: true,
		});
		headers.set("cookie", signInRes.headers.getSetCookie()[0]!);

		vi.useFakeTimers();
		await vi.advanceTimersByTimeAsync(1000);

		const sessionRes = await auth.api.getSession({
			headers,
		});

		expect(updateFn).toHaveBeenCalled();
		expect(sessionRes).not.toBeNull();
		expect((sessionRes as any).needsRefresh).toBeUndefined();

		vi.useRealTimers();
	});

	it("should respect disableSessionRefresh config when deferSessionRefresh is enabled", async () => {
		const { auth, testUser } = await getTestInstance({
			session: {
				deferSessionRefresh: true,
				disableSessionRefresh: true,
				updateAge: 0,
			},
		});

		const headers = new Headers();
		const signInRes = await auth.api.signInEmail({
			body: {
				email: testUser.email,
				password: testUser.password,
			},
			returnHeaders: true,
		});
		headers.set("cookie", signInRes.headers.getSetCookie()[0]!);

		vi.useFakeTimers();
		await vi.advanceTimersByTimeAsync(1000);

		const sessionRes = await auth.api.getSession({
			headers,
		});

		expect(sessionRes).not.toBeNull();
		expect((sessionRes as any).needsRefresh).toBe(false);

		vi.useRealTimers();
	});
});

describe("date field type consistency", async () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it("should have consistent date types between cookie cache and refresh paths", async () => {
		const { auth, testUser } = await getTestInstance({
			database: undefined, // stateless mode
			session: {
				cookieCache: {
					enabled: true,
					strategy: "jwe",
					maxAge: 300,
					refreshCache: { updateAge: 60 },
				},
			},
		});

		const signInRes = await auth.api.signInEmail({
			body: { email: testUser.email, password: testUser.password },
			returnHeaders: true,
		});

		const headers = new Headers();
		headers.set("cookie", signInRes.headers.getSetCookie().join("; "));

		// Get initial session from cookie cache
		const initial = await auth.api.getSession({ headers });
		expect(initial).not.toBeNull();

		// Advance time to trigger refresh window
		vi.useFakeTimers();
		await vi.advanceTimersByTimeAsync(1000 * 241);

		// Get session after refresh
		const refreshed = await auth.api.getSession({ headers });
		vi.useRealTimers();

		expect(refreshed).not.toBeNull();

		// Date types should be consistent across both paths
		expect(typeof refreshed!.session.expiresAt).toBe(
			typeof initial!.session.expiresAt,
		);
		expect(typeof refreshed!.session.createdAt).toBe(
			typeof initial!.session.createdAt,
		);
	});
});

describe("updateSession", async () => {
	const { client, signInWithTestUser } = await getTestInstance({
		session: {
			additionalFields: {
				theme: {
					type: "string",
					defaultValue: "light",
				},
				language: {
					type: "string",
					required: false,
				},
				internalNote: {
					type: "string",
					input: false,
					required: false,
				},
			},
		},
	});

	it("should update a custom additional field on a session", async () => {
		const { runWithUser } = await signInWithTestUser();
		await runWithUser(async () => {
			const session = await client.getSession();
			expect(session.data).not.toBeNull();

			const res = await client.updateSession({
				theme: "dark",
			} as any);
			expect(res.data?.session).toBeDefined();
			expect((res.data?.session as any).theme).toBe("dark");

			// Verify the session is updated when fetching again
			const updatedSession = await client.getSession();
			expect((updatedSession.data?.session as any).theme).toBe("dark");
		});
	});

	it("should ignore core session fields", async () => {
		const { runWithUser } = await signInWithTestUser();
		await runWithUser(async () => {
			const res = await client.updateSession({
				token: "malicious-token",
			} as any);
			expect(res.error?.status).toBe(400);
			expect(res.error?.message).toContain("No fields to update");
		});
	});

	it("should ignore core field userId", async () => {
		const { runWithUser } = await signInWithTestUser();
		await runWithUser(async () => {
			const res = await client.updateSession({
				userId: "another-user",
			} as any);
			expect(res.error?.status).toBe(400);
			expect(res.error?.message).toContain("No fields to update");
		});
	});

	it("should reject input: false fields", async () => {
		const { runWithUser } = await signInWithTestUser();
		await runWithUser(async () => {
			const res = await client.updateSession({
				internalNote: "should-fail",
			} as any);
			expect(res.error?.status).toBe(400);
		});
	});

	it("should return error when no fields to update", async () => {
		const { runWithUser } = await signInWithTestUser();
		await runWithUser(async () => {
			const res = await client.updateSession({
				unknownField: "value",
			} as any);
			expect(res.error?.status).toBe(400);
			expect(res.error?.message).toContain("No fields to update");
		});
	});

	it("should update session cookie after mutation", async () => {
		const { runWithUser } = await signInWithTestUser();
		await runWithUser(async () => {
			await client.updateSession({
				theme: "blue",
			} as any);

			// Verify the session cookie is updated by getting the session again
			const session = await client.getSession();
			expect((session.data?.session as any).theme).toBe("blue");
		});
	});
});

describe("updateSession plugin authority fields", async () => {
	// Plugin-owned authority fields must not be writable through the generic
	// session update route. They are set only by membership/permission-checked
	// setters (setActiveOrganization, impersonateUser), so /update-session must
	// reject them even though they live on the session schema.
	const { client, signInWithTestUser } = await getTestInstance({
		plugins: [organization({ teams: { enabled: true } }), admin()],
	});

	it.each([
		"activeOrganizationId",
		"activeTeamId",
		"impersonatedBy",
	])("should reject forging the %s session field", async (field) => {
		const { runWithUser } = await signInWithTestUser();
		await runWithUser(async () => {
			const res = await client.updateSession({
				[field]: "forged-value",
			} as any);
			expect(res.error?.status).toBe(400);
		});
	});
});

describe("update-session cookie cache revocation", async () => {
	it("fails closed when the backing session is revoked in a stateful deployment", async () => {
		const { auth, client, testUser, cookieSetter } = await getTestInstance({
			session: {
				cookieCache: { enabled: true, maxAge: 60 },
				additionalFields: {
					theme: { type: "string", defaultValue: "light" },
				},
			},
		});

		const headers = new Headers();
		await client.signIn.email(
			{ email: testUser.email, password: testUser.password },
			{ onSuccess: cookieSetter(headers) },
		);
		const initial = await client.getSession({
			fetchOptions: { headers, onSuccess: cookieSetter(headers) },
		});
		const sessionToken = initial.data!.session.token;
		expect(headers.get("cookie")).toContain("session_data");

		// Revoke server-side; only the cookie cache still vouches for the session.
		const ctx = await auth.$context;
		await ctx.internalAdapter.deleteSession(sessionToken);

		const update = await client.$fetch("/update-session", {
			method: "POST",
			body: { theme: "dark" },
			headers,
		});
		expect(update.error?.status).toBe(401);

		// The database is authoritative and says the session is gone.
		const strict = await client.getSession({
			query: { disableCookieCache: true },
			fetchOptions: { headers },
		});
		expect(strict.data).toBeNull();
	});

	it("still refreshes the cookie in a DB-less deployment when no row exists", async () => {
		const { auth, client, testUser, cookieSetter } = await getTestInstance({
			database: undefined as any,
			session: {
				additionalFields: { theme: { type: "string", defaultValue: "light" } },
			},
		});

		const headers = new Headers();
		await client.signIn.email(
			{ email: testUser.email, password: testUser.password },
			{ onSuccess: cookieSetter(headers) },
		);
		const initial = await client.getSession({
			fetchOptions: { headers, onSuccess: cookieSetter(headers) },
		});
		const sessionToken = initial.data!.session.token;

		// Simulate an instance whose in-memory store never held this session: the
		// cookie is the source of truth, so the update must still apply.
		const ctx = await auth.$context;
		await ctx.internalAdapter.deleteSession(sessionToken);

		const update = await client.$fetch("/update-session", {
			method: "POST",
			body: { theme: "dark" },
			headers,
			onSuccess: cookieSetter(headers),
		});
		expect(update.error).toBeNull();
		expect(
			(update.data as { session?: { theme?: string } } | null)?.session?.theme,
		).toBe("dark");
	});
});

describe("forced strict session validation", async () => {
	it("a request cannot re-enable the cookie cache on a route that forces it off", async () => {
		const { auth, client, testUser, cookieSetter } = await getTestInstance({
			session: { cookieCache: { enabled: true, maxAge: 60 } },
		});

		const headers = new Headers();
		await client.signIn.email(
			{ email: testUser.email, password: testUser.password },
			{ onSuccess: cookieSetter(headers) },
		);
		const initial = await client.getSession({
			fetchOptions: { headers, onSuccess: cookieSetter(headers) },
		});
		const sessionToken = initial.data!.session.token;

		const ctx = await auth.$context;
		await ctx.internalAdapter.deleteSession(sessionToken);

		// `/change-password` forces strict validation through
		// `sensitiveSessionMiddleware`. An empty `disableCookieCache` query coerces
		// to false, which must not weaken that forced check back to the cache.
		const res = await client.$fetch("/change-password?disableCookieCache=", {
			method: "POST",
			body: {
				currentPassword: testUser.password,
				newPassword: "new-password-1234",
			},
			headers,
		});
		expect(res.error?.status).toBe(401);
	});

	it("uses the signed cookie as the authoritative session record without a server store", async () => {
		const { auth, client, testUser, cookieSetter } = await getTestInstance({
			database: undefined,
			session: {
				cookieCache: {
					enabled: true,
					strategy: "jwe",
				},
			},
		});

		const headers = new Headers();
		await client.signIn.email(
			{ email: testUser.email, password: testUser.password },
			{ onSuccess: cookieSetter(headers) },
		);
		const cachedSession = await client.getSession({
			fetchOptions: { headers, onSuccess: cookieSetter(headers) },
		});
		expect(cachedSession.data).not.toBeNull();

		const ctx = await auth.$context;
		ctx.session = null;
		await ctx.internalAdapter.deleteSession(cachedSession.data!.session.token);
		const endpointCtx = {
			context: ctx,
			headers,
			query: {},
		} as unknown as GenericEndpointContext;

		await runWithRequestState(new WeakMap(), async () => {
			await runWithEndpointContext(endpointCtx, async () => {
				const session = await getAuthoritativeSessionFromCtx(endpointCtx);
				expect(session?.user.email).toBe(testUser.email);
			});
		});
	});
});

describe("get-session cache headers", async () => {
	/**
	 * @see https://github.com/better-auth/better-auth/issues/10217
	 */
	it("sets Cache-Control: no-store on authenticated GET /get-session responses", async () => {
		const { auth, client, testUser, cookieSetter } = await getTestInstance();

		const headers = new Headers();
		await client.signIn.email(
			{ email: testUser.email, password: testUser.password },
			{ onSuccess: cookieSetter(headers) },
		);

		const res = await auth.handler(
			new Request("http://localhost:3000/api/auth/get-session", {
				headers: { cookie: headers.get("cookie") || "" },
			}),
		);

		expect(res.status).toBe(200);
		const body = (await res.json()) as { user?: { id: string } } | null;
		expect(body?.user?.id).toBeTruthy();
		expect(res.headers.get("cache-control")).toContain("no-store");
	});

	/**
	 * @see https://github.com/better-auth/better-auth/issues/10217
	 */
	it("sets Cache-Control: no-store on unauthenticated GET /get-session responses", async () => {
		const { auth } = await getTestInstance();

		const res = await auth.handler(
			new Request("http://localhost:3000/api/auth/get-session"),
		);

		expect(res.status).toBe(200);
		expect(await res.json()).toBeNull();
		expect(res.headers.get("cache-control")).toContain("no-store");
	});

	/**
	 * @see https://github.com/better-auth/better-auth/pull/10222
	 */
	it("does not set Cache-Control: no-store on session-gated endpoints", async () => {
		const sessionGatedPlugin = {
			id: "session-gated-cache-test",
			endpoints: {
				sessionGatedCheck: createAuthEndpoint(
					"/session-gated-cache-check",
					{
						method: "GET",
						use: [freshSessionMiddleware],
					},
					async () => ({ status: true }),
				),
			},
		};
		const { auth, signInWithTestUser } = await getTestInstance({
			plugins: [sessionGatedPlugin],
		});
		const { headers } = await signInWithTestUser();

		const res = await auth.handler(
			new Request("http://localhost:3000/api/auth/session-gated-cache-check", {
				headers: { cookie: headers.get("cookie") || "" },
			}),
		);

		expect(res.status).toBe(200);
		expect(res.headers.get("cache-control")).toBeNull();
	});
});
