import { describe, expect, it } from "vitest";
import type { AuthQueryAtom } from "../../../client";
import { createAuthClient } from "../../../client";
import { getTestInstance } from "../../../test-utils/test-instance";
import { organizationClient } from "../client";
import { ORGANIZATION_ERROR_CODES } from "../error-codes";
import { organization } from "../organization";

describe("listMembers", async () => {
	const { auth, signInWithTestUser, cookieSetter } = await getTestInstance({
		plugins: [organization()],
	});
	const ctx = await auth.$context;
	const { headers } = await signInWithTestUser();
	const client = createAuthClient({
		plugins: [organizationClient()],
		baseURL: "http://localhost:3000/api/auth",
		fetchOptions: {
			customFetchImpl: async (url, init) => {
				return auth.handler(new Request(url, init));
			},
		},
	});
	const org = await client.organization.create({
		name: "test",
		slug: "test",
		metadata: {
			test: "test",
		},
		fetchOptions: {
			headers,
		},
	});
	const secondOrg = await client.organization.create({
		name: "test-second",
		slug: "test-second",
		metadata: {
			test: "second-org",
		},
		fetchOptions: {
			headers,
		},
	});

	for (let i = 0; i < 10; i++) {
		const user = await ctx.adapter.create({
			model: "user",
			data: {
				email: `test${i}@test.com`,
				name: `test${i}`,
			},
		});
		await auth.api.addMember({
			body: {
				organizationId: org.data?.id as string,
				userId: user.id,
				role: "member",
			},
		});
	}
	it("should return all members", async () => {
		await client.organization.setActive({
			organizationId: org.data?.id as string,
			fetchOptions: {
				headers,
			},
		});
		const members = await client.organization.listMembers({
			fetchOptions: {
				headers,
			},
		});
		expect(members.data?.members.length).toBe(11);
		expect(members.data?.total).toBe(11);
	});

	it("should return all members by organization slug", async () => {
		const members = await client.organization.listMembers({
			fetchOptions: {
				headers,
			},
			query: {
				organizationSlug: "test-second",
			},
		});
		expect(members.data?.members.length).toBe(1);
		expect(members.data?.total).toBe(1);
	});

	it("should limit the number of members", async () => {
		const members = await client.organization.listMembers({
			fetchOptions: {
				headers,
			},
			query: {
				limit: 5,
			},
		});
		expect(members.data?.members.length).toBe(5);
		expect(members.data?.total).toBe(11);
	});

	it("should offset the members", async () => {
		const members = await client.organization.listMembers({
			fetchOptions: {
				headers,
			},
			query: {
				offset: 5,
			},
		});
		expect(members.data?.members.length).toBe(6);
		expect(members.data?.total).toBe(11);
	});

	it("should filter the members", async () => {
		const members = await client.organization.listMembers({
			fetchOptions: {
				headers,
			},
			query: {
				filterField: "createdAt",
				filterOperator: "gt",
				filterValue: new Date(
					Date.now() - 1000 * 60 * 60 * 24 * 30,
				).toISOString(),
			},
		});
		expect(members.data?.members.length).toBe(11);
		expect(members.data?.total).toBe(11);
	});

	it("should filter the members verifying the operator functionality", async () => {
		const members = await client.organization.listMembers({
			fetchOptions: {
				headers,
			},
			query: {
				filterField: "role",
				filterOperator: "ne",
				filterValue: "owner",
			},
		});
		expect(members.data?.members.length).toBe(10);
		expect(members.data?.total).toBe(10);
	});

	it("should filter the members with 'in' operator", async () => {
		const members = await client.organization.listMembers({
			fetchOptions: {
				headers,
			},
			query: {
				filterField: "role",
				filterOperator: "in",
				filterValue: ["member", "owner"],
			},
		});
		expect(members.data?.members.length).toBe(11);
		expect(members.data?.total).toBe(11);
	});

	it("should filter the members with 'not_in' operator", async () => {
		const members = await client.organization.listMembers({
			fetchOptions: {
				headers,
			},
			query: {
				filterField: "role",
				filterOperator: "not_in",
				filterValue: ["owner"],
			},
		});
		expect(members.data?.members.length).toBe(10);
		expect(members.data?.total).toBe(10);
	});

	it("should filter the members with 'starts_with' operator", async () => {
		const members = await client.organization.listMembers({
			fetchOptions: {
				headers,
			},
			query: {
				filterField: "role",
				filterOperator: "starts_with",
				filterValue: "mem",
			},
		});
		expect(members.data?.members.length).toBe(10);
		expect(members.data?.total).toBe(10);
	});

	it("should sort the members", async () => {
		const defaultMembers = await client.organization.listMembers({
			fetchOptions: {
				headers,
			},
		});
		const firstMember = defaultMembers.data?.members[0];
		if (!firstMember) {
			throw new Error("No first member found");
		}
		const secondMember = defaultMembers.data?.members[1];
		if (!secondMember) {
			throw new Error("No second member found");
		}
		await ctx.adapter.update({
			model: "member",
			where: [{ field: "id", value: secondMember.id }],
			update: {
				// update the second member to be the oldest
				createdAt: new Date(Date.now() - 1000 * 60 * 60 * 24 * 30),
			},
		});
		const lastMember =
			defaultMembers.data?.members[defaultMembers.data?.members.length - 1];
		if (!lastMember) {
			throw new Error("No last member found");
		}
		const oneBeforeLastMember =
			defaultMembers.data?.members[defaultMembers.data?.members.length - 2];
		if (!oneBeforeLastMember) {
			throw new Error("No one before last member found");
		}
		await ctx.adapter.update({
			model: "member",
			where: [{ field: "id", value: oneBeforeLastMember.id }],
			update: {
				// update the one before last member to be the newest
				createdAt: new Date(Date.now() + 1000 * 60 * 60 * 24 * 30),
			},
		});
		const members = await client.organization.listMembers({
			fetchOptions: {
				headers,
			},
			query: {
				sortBy: "createdAt",
				sortDirection: "asc",
			},
		});
		expect(members.data?.members[0]!.id).not.toBe(firstMember.id);
		expect(
			members.data?.members[members.data?.members.length - 1]!.id,
		).not.toBe(lastMember.id);
		expect(members.data?.members[0]!.id).toBe(secondMember.id);
		expect(members.data?.members[members.data?.members.length - 1]!.id).toBe(
			oneBeforeLastMember.id,
		);
	});

	it("should list members by organization id", async () => {
		const members = await client.organization.listMembers({
			fetchOptions: {
				headers,
			},
			query: {
				organizationId: secondOrg.data?.id as string,
			},
		});
		expect(members.data?.members.length).toBe(1);
		expect(members.data?.total).toBe(1);
	});

	it("should not list members if not a member", async () => {
		const newHeaders = new Headers();
		await client.signUp.email({
			email: "test21@test.com",
			name: "test22",
			password: "password",
			fetchOptions: {
				onSuccess: cookieSetter(newHeaders),
			},
		});
		const members = await client.organization.listMembers({
			fetchOptions: {
				headers: newHeaders,
			},
			query: {
				organizationId: org.data?.id as string,
			},
		});
		expect(members.error).toBeTruthy();
		expect(members.error?.message).toBe(
			ORGANIZATION_ERROR_CODES.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION
				.message,
		);
	});
});

/**
 * @see https://github.com/better-auth/better-auth/issues/9407
 */
describe("listMembers with >100 members", async () => {
	const { auth, signInWithTestUser } = await getTestInstance({
		plugins: [
			organization({
				membershipLimit: 500,
			}),
		],
	});
	const ctx = await auth.$context;
	const { headers } = await signInWithTestUser();
	const client = createAuthClient({
		plugins: [organizationClient()],
		baseURL: "http://localhost:3000/api/auth",
		fetchOptions: {
			customFetchImpl: async (url, init) => {
				return auth.handler(new Request(url, init));
			},
		},
	});

	const org = await client.organization.create({
		name: "large-org",
		slug: "large-org",
		fetchOptions: {
			headers,
		},
	});

	// Owner + 110 members = 111 total (>100 default adapter limit)
	for (let i = 0; i < 110; i++) {
		const user = await ctx.adapter.create({
			model: "user",
			data: {
				email: `large-org-${i}@test.com`,
				name: `large-org-${i}`,
			},
		});
		await auth.api.addMember({
			body: {
				organizationId: org.data?.id as string,
				userId: user.id,
				role: "member",
			},
		});
	}

	// Prisma/Drizzle default findMany to ~100 rows when limit is omitted.
	// Apply that default after seeding so setup is unaffected, then assert
	// listMembers still returns every member user.
	const originalFindMany = ctx.adapter.findMany.bind(ctx.adapter);
	ctx.adapter.findMany = async (data) => {
		return originalFindMany({
			...data,
			limit: data.limit ?? 100,
		});
	};

	it("should list all members when membershipLimit is above the adapter default", async () => {
		const members = await client.organization.listMembers({
			fetchOptions: {
				headers,
			},
			query: {
				organizationId: org.data?.id as string,
			},
		});
		expect(members.error).toBeNull();
		expect(members.data?.members.length).toBe(111);
		expect(members.data?.total).toBe(111);
		expect(
			members.data?.members.every(
				(member) =>
					typeof member.user?.id === "string" &&
					typeof member.user?.email === "string",
			),
		).toBe(true);
	});
});

describe("updateMemberRole", async () => {
	const { auth, signInWithTestUser, customFetchImpl } = await getTestInstance({
		plugins: [organization()],
	});

	it("should update the member role", async () => {
		const { headers } = await signInWithTestUser();
		const client = createAuthClient({
			plugins: [organizationClient()],
			baseURL: "http://localhost:3000/api/auth",
			fetchOptions: {
				customFetchImpl,
			},
		});

		const org = await client.organization.create({
			name: "test",
			slug: "test",
			metadata: {
				test: "test",
			},
			fetchOptions: {
				headers,
			},
		});

		const newUser = await auth.api.signUpEmail({
			body: {
				email: "test2@test.com",
				name: "test",
				password: "password",
			},
		});

		const member = await auth.api.addMember({
			body: {
				organizationId: org.data?.id as string,
				userId: newUser.user.id,
				role: "member",
			},
		});
		const updatedMember = await client.organization.updateMemberRole(
			{
				organizationId: org.data?.id as string,
				memberId: member?.id as string,
				role: "admin",
			},
			{
				headers,
			},
		);
		expect(updatedMember.data?.role).toBe("admin");
	});

	it("should not update the member role if the member updating is not a member	", async () => {
		const { headers, user } = await signInWithTestUser();
		const client = createAuthClient({
			plugins: [organizationClient()],
			baseURL: "http://localhost:3000/api/auth",
			fetchOptions: {
				customFetchImpl,
			},
		});

		await client.organization.create({
			name: "test",
			slug: "test",
			metadata: {
				test: "test",
			},
			fetchOptions: {
				headers,
			},
		});

		const newUser = await auth.api.signUpEmail({
			body: {
				email: "test3@test.com",
				name: "test",
				password: "password",
			},
		});
		const newOrg = await client.organization.create(
			{
				name: "test2",
				slug: "test2",
				metadata: {
					test: "test",
				},
			},
			{
				headers: new Headers({
					authorization: `Bearer ${newUser.token}`,
				}),
			},
		);
		await auth.api.addMember({
			body: {
				organizationId: newOrg.data?.id as string,
				userId: user.id,
				role: "admin",
			},
		});
		const updatedMember = await client.organization.updateMemberRole(
			{
				organizationId: newOrg.data?.id as string,
				memberId: newOrg.data?.members[0]?.id as string,
				role: "admin",
			},
			{
				headers,
			},
		);
		expect(updatedMember.error).toBeTruthy();
		expect(updatedMember.error?.message).toBe(
			ORGANIZATION_ERROR_CODES.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER
				.message,
		);
	});

	it("should not allow a comma-delimited role string", async () => {
		const { headers } = await signInWithTestUser();
		const client = createAuthClient({
			plugins: [organizationClient()],
			baseURL: "http://localhost:3000/api/auth",
			fetchOptions: {
				customFetchImpl,
			},
		});

		const org = await client.organization.create({
			name: "escalation",
			slug: "escalation",
			fetchOptions: {
				headers,
			},
		});

		const adminUser = await auth.api.signUpEmail({
			body: {
				email: "admin-escalation@test.com",
				name: "admin",
				password: "password",
			},
		});

		const adminMember = await auth.api.addMember({
			body: {
				organizationId: org.data?.id as string,
				userId: adminUser.user.id,
				role: "admin",
			},
		});

		const adminHeaders = new Headers({
			authorization: `Bearer ${adminUser.token}`,
		});

		const escalated = await client.organization.updateMemberRole(
			{
				organizationId: org.data?.id as string,
				memberId: adminMember?.id as string,
				role: "admin,owner" as "admin",
			},
			{
				headers: adminHeaders,
			},
		);

		expect(escalated.error?.status).toBe(403);
		expect(escalated.data).toBeNull();

		const ctx = await auth.$context;
		const persisted = await ctx.adapter.findOne<{ role: string }>({
			model: "member",
			where: [{ field: "id", value: adminMember?.id as string }],
		});
		expect(persisted?.role).toBe("admin");
	});

	it("should reject updating a member to an unknown role", async () => {
		const { headers } = await signInWithTestUser();
		const client = createAuthClient({
			plugins: [organizationClient()],
			baseURL: "http://localhost:3000/api/auth",
			fetchOptions: {
				customFetchImpl,
			},
		});

		const org = await client.organization.create({
			name: "unknown-role",
			slug: "unknown-role",
			fetchOptions: {
				headers,
			},
		});

		const newUser = await auth.api.signUpEmail({
			body: {
				email: "unknown-role@test.com",
				name: "test",
				password: "password",
			},
		});

		const member = await auth.api.addMember({
			body: {
				organizationId: org.data?.id as string,
				userId: newUser.user.id,
				role: "member",
			},
		});

		const updated = await client.organization.updateMemberRole(
			{
				organizationId: org.data?.id as string,
				memberId: member?.id as string,
				role: "superadmin" as "admin",
			},
			{
				headers,
			},
		);

		expect(updated.error?.status).toBe(400);
		expect(updated.error?.message).toContain(
			ORGANIZATION_ERROR_CODES.ROLE_NOT_FOUND,
		);
	});

	it("should reject updating a member to an empty role list", async () => {
		const { headers } = await signInWithTestUser();
		const client = createAuthClient({
			plugins: [organizationClient()],
			baseURL: "http://localhost:3000/api/auth",
			fetchOptions: {
				customFetchImpl,
			},
		});

		const org = await client.organization.create({
			name: "empty-role",
			slug: "empty-role",
			fetchOptions: {
				headers,
			},
		});

		const newUser = await auth.api.signUpEmail({
			body: {
				email: "empty-role@test.com",
				name: "test",
				password: "password",
			},
		});

		const member = await auth.api.addMember({
			body: {
				organizationId: org.data?.id as string,
				userId: newUser.user.id,
				role: "member",
			},
		});

		for (const role of [[], ","] as ("admin" | "admin"[])[]) {
			const updated = await client.organization.updateMemberRole(
				{
					organizationId: org.data?.id as string,
					memberId: member?.id as string,
					role,
				},
				{
					headers,
				},
			);
			expect(updated.error?.status).toBe(400);
		}
	});
});

describe("activeMemberRole", async () => {
	const { auth, signInWithTestUser } = await getTestInstance({
		plugins: [organization()],
	});
	const ctx = await auth.$context;
	const { headers } = await signInWithTestUser();
	const client = createAuthClient({
		plugins: [organizationClient()],
		baseURL: "http://localhost:3000/api/auth",
		fetchOptions: {
			customFetchImpl: async (url, init) => {
				return auth.handler(new Request(url, init));
			},
		},
	});
	const org = await client.organization.create({
		name: "test",
		slug: "test",
		metadata: {
			test: "test",
		},
		fetchOptions: {
			headers,
		},
	});
	await client.organization.create({
		name: "test-second",
		slug: "test-second",
		metadata: {
			test: "second-org",
		},
		fetchOptions: {
			headers,
		},
	});

	let selectedUserId = "";
	for (let i = 0; i < 10; i++) {
		const user = await ctx.adapter.create({
			model: "user",
			data: {
				email: `test${i}@test.com`,
				name: `test${i}`,
			},
		});

		if (i == 0) {
			selectedUserId = user.id;
		}

		await auth.api.addMember({
			body: {
				organizationId: org.data?.id as string,
				userId: user.id,
				role: "member",
			},
		});
	}

	it("should return the active member role on active organization", async () => {
		await client.organization.setActive({
			organizationId: org.data?.id as string,
			fetchOptions: {
				headers,
			},
		});

		const activeMember = await client.organization.getActiveMemberRole({
			fetchOptions: {
				headers,
			},
		});

		expect(activeMember.data?.role).toBe("owner");
	});

	it("should return active member role on organization", async () => {
		await client.organization.setActive({
			organizationId: org.data?.id as string,
			fetchOptions: {
				headers,
			},
		});

		const activeMember = await client.organization.getActiveMemberRole({
			query: {
				userId: selectedUserId,
			},
			fetchOptions: {
				headers,
			},
		});

		expect(activeMember.data?.role).toBe("member");
	});

	/**
	 * @see https://github.com/better-auth/better-auth/issues/8595
	 */
	it("should clear active member role hook data after sign out", async () => {
		const originalWindow = global.window;
		global.window = {} as unknown as Window & typeof globalThis;
		try {
			const { headers: signOutHeaders } = await signInWithTestUser();
			const signOutClient = createAuthClient({
				plugins: [organizationClient()],
				baseURL: "http://localhost:3000/api/auth",
				fetchOptions: {
					customFetchImpl: async (url, init) => {
						return auth.handler(new Request(url, init));
					},
					headers: signOutHeaders,
				},
			});
			const signOutOrg = await signOutClient.organization.create({
				name: "sign-out-role-test",
				slug: "sign-out-role-test",
			});
			await signOutClient.organization.setActive({
				organizationId: signOutOrg.data?.id as string,
			});

			const activeRole = await waitForAuthQueryAtom(
				signOutClient.useActiveMemberRole,
				(value) => value.data?.role === "owner",
			);
			expect(activeRole.data?.role).toBe("owner");
			await nextTick();

			await signOutClient.signOut();

			const roleAfterSignOut = await waitForAuthQueryAtom(
				signOutClient.useActiveMemberRole,
				(value) => value.data === null,
			);
			expect(roleAfterSignOut.data).toBeNull();
		} finally {
			global.window = originalWindow;
		}
	});
});

type AuthQueryValue<Result> = ReturnType<AuthQueryAtom<Result>["get"]>;

async function waitForAuthQueryAtom<Result>(
	atom: AuthQueryAtom<Result>,
	predicate: (value: AuthQueryValue<Result>) => boolean,
) {
	return await new Promise<AuthQueryValue<Result>>((resolve, reject) => {
		let settled = false;
		const timeout = setTimeout(() => {
			if (settled) return;
			settled = true;
			reject(new Error("Timed out waiting for auth query atom state"));
		}, 1000);

		atom.subscribe((value) => {
			if (settled || value.isPending || value.isRefetching) return;
			if (!predicate(value)) return;
			settled = true;
			clearTimeout(timeout);
			resolve(value);
		});
		atom.get();
	});
}

async function nextTick() {
	await new Promise((resolve) => setTimeout(resolve, 25));
}

describe("inviteMember role validation", async () => {
	const { signInWithTestUser, customFetchImpl } = await getTestInstance({
		plugins: [organization()],
	});

	it("should fail when inviting with a non-existent role", async () => {
		const { headers } = await signInWithTestUser();
		const client = createAuthClient({
			plugins: [organizationClient()],
			baseURL: "http://localhost:3000/api/auth",
			fetchOptions: {
				customFetchImpl,
			},
		});

		const org = await client.organization.create({
			name: "Test Org Validation",
			slug: "test-org-validation",
			fetchOptions: {
				headers,
			},
		});

		// Attempt to invite with a fake role
		const { error } = await client.organization.inviteMember({
			email: "fake-role@test.com",
			// @ts-expect-error - testing invalid role validation
			role: "super-invalid-role-123",
			organizationId: org.data?.id as string,
			fetchOptions: {
				headers,
			},
		});

		expect(error).toBeTruthy();
		expect(error?.status).toBe(400);
		expect(error?.message).toContain(
			ORGANIZATION_ERROR_CODES.ROLE_NOT_FOUND.code,
		);
	});

	it("should succeed when inviting with a valid default role", async () => {
		const { headers } = await signInWithTestUser();
		const client = createAuthClient({
			plugins: [organizationClient()],
			baseURL: "http://localhost:3000/api/auth",
			fetchOptions: {
				customFetchImpl,
			},
		});

		const org = await client.organization.create({
			name: "Test Org Validation 2",
			slug: "test-org-validation-2",
			fetchOptions: {
				headers,
			},
		});

		const { data, error } = await client.organization.inviteMember({
			email: "valid@test.com",
			role: "admin", // Valid default role
			organizationId: org.data?.id as string,
			fetchOptions: {
				headers,
			},
		});

		expect(error).toBeNull();
		expect(data).toBeDefined();
	});
});
