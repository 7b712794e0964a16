import { describe, expect, it } from "vitest";
import { getTestInstance } from "../../test-utils/test-instance";

describe("bearer", async () => {
	const { client, auth, testUser } = await getTestInstance(
		{},
		{
			disableTestUser: true,
		},
	);

	let token: string;
	it("should get session", async () => {
		await client.signUp.email(
			{
				email: testUser.email,
				password: testUser.password,
				name: testUser.name,
			},
			{
				onSuccess: (ctx) => {
					token = ctx.response.headers.get("set-auth-token") || "";
				},
			},
		);
		const session = await client.getSession({
			fetchOptions: {
				headers: {
					Authorization: `Bearer ${token}`,
				},
			},
		});
		expect(session.data?.session).toBeDefined();
	});

	it("should list session", async () => {
		const sessions = await client.listSessions({
			fetchOptions: {
				headers: {
					Authorization: `Bearer ${token}`,
				},
			},
		});
		expect(sessions.data).toHaveLength(1);
	});

	it("should work on server actions", async () => {
		const session = await auth.api.getSession({
			headers: new Headers({
				authorization: `Bearer ${token}`,
			}),
		});
		expect(session?.session).toBeDefined();
	});

	it("should work with ", async () => {
		const session = await client.getSession({
			fetchOptions: {
				headers: {
					authorization: `Bearer ${token.split(".")[0]}`,
				},
			},
		});
		expect(session.data?.session).toBeDefined();
	});

	it("should work if valid cookie is provided even if authorization header isn't valid", async () => {
		const session = await client.getSession({
			fetchOptions: {
				headers: {
					Authorization: `Bearer invalid.token`,
					cookie: `better-auth.session_token=${token}`,
				},
			},
		});
		expect(session.data?.session).toBeDefined();
	});

	it.each([
		["lowercase 'bearer'", "bearer"],
		["uppercase 'BEARER'", "BEARER"],
		["mixed case 'BeArEr'", "BeArEr"],
		["extra whitespace", "Bearer "],
	])("should work with %s prefix (RFC 7235)", async (_, prefix) => {
		const session = await auth.api.getSession({
			headers: new Headers({
				authorization: `${prefix} ${token}`,
			}),
		});
		expect(session?.session).toBeDefined();
	});

	it.each([
		["Raw (already URL-encoded from header)", (t: string) => t],
		["URL-decoded", (t: string) => decodeURIComponent(t)],
	])("should work with %s token", async (_, transform) => {
		const testToken = transform(token);
		const session = await auth.api.getSession({
			headers: new Headers({
				authorization: `Bearer ${testToken}`,
			}),
		});
		expect(session?.session).toBeDefined();
	});
});
