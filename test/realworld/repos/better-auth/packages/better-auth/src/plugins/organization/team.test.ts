import { beforeAll, describe, expect, it } from "vitest";
import { createAuthClient } from "../../client";
import { setCookieToHeader } from "../../cookies";
import { getTestInstance } from "../../test-utils/test-instance";
import { isAPIError } from "../../utils/is-api-error";
import { organizationClient } from "./client";
import { ORGANIZATION_ERROR_CODES } from "./error-codes";
import { organization } from "./organization";

describe("team", async () => {
	const { auth, signInWithTestUser, cookieSetter } = await getTestInstance({
		user: {
			modelName: "users",
		},
		plugins: [
			organization({
				async sendInvitationEmail() {},
				teams: {
					enabled: true,
				},
			}),
		],
		logger: {
			level: "error",
		},
		databaseHooks: {
			user: {
				create: {
					before: async (user) => ({
						data: { ...user, emailVerified: true },
					}),
				},
			},
		},
	});

	const { headers } = await signInWithTestUser();
	const client = createAuthClient({
		plugins: [
			organizationClient({
				teams: {
					enabled: true,
				},
			}),
		],
		baseURL: "http://localhost:3000/api/auth",
		fetchOptions: {
			customFetchImpl: async (url, init) => {
				return auth.handler(new Request(url, init));
			},
		},
	});

	let organizationId: string;
	let teamId: string;
	let secondTeamId: string;

	const invitedUser = {
		email: "invited@email.com",
		password: "password",
		name: "Invited User",
	};

	const signUpHeaders = new Headers();
	const signUpRes = await client.signUp.email(invitedUser, {
		onSuccess: cookieSetter(signUpHeaders),
	});

	it("should create an organization and a team", async () => {
		const createOrganizationResponse = await client.organization.create({
			name: "Test Organization",
			slug: "test-org",
			metadata: {
				test: "organization-metadata",
			},
			fetchOptions: {
				headers,
			},
		});

		organizationId = createOrganizationResponse.data?.id as string;
		expect(createOrganizationResponse.data?.name).toBe("Test Organization");
		expect(createOrganizationResponse.data?.slug).toBe("test-org");
		expect(createOrganizationResponse.data?.members.length).toBe(1);
		expect(createOrganizationResponse.data?.metadata?.test).toBe(
			"organization-metadata",
		);

		const createTeamResponse = await client.organization.createTeam(
			{
				name: "Development Team",
				organizationId,
			},
			{
				headers,
			},
		);

		teamId = createTeamResponse.data?.id as string;
		expect(createTeamResponse.data?.name).toBe("Development Team");
		expect(createTeamResponse.data?.organizationId).toBe(organizationId);

		const createSecondTeamResponse = await client.organization.createTeam(
			{
				name: "Marketing Team",
				organizationId,
			},
			{
				headers,
			},
		);

		secondTeamId = createSecondTeamResponse.data?.id as string;
		expect(createSecondTeamResponse.data?.name).toBe("Marketing Team");
		expect(createSecondTeamResponse.data?.organizationId).toBe(organizationId);
	});

	it("should invite member to team", async () => {
		expect(teamId).toBeDefined();

		const res = await client.organization.inviteMember(
			{
				teamId,
				email: invitedUser.email,
				role: "member",
			},
			{
				headers,
			},
		);

		expect(res.data).toMatchObject({
			email: invitedUser.email,
			role: "member",
			teamId,
		});

		const invitation = await client.organization.acceptInvitation(
			{
				invitationId: res.data?.id as string,
			},
			{
				headers: signUpHeaders,
			},
		);

		expect(invitation.data?.member).toMatchObject({
			role: "member",
			userId: signUpRes.data?.user.id,
		});
	});

	it("should add team to the member's list of teams", async () => {
		const listUserTeamsRes = await client.organization.listUserTeams(
			{},
			{
				headers: signUpHeaders,
			},
		);

		expect(listUserTeamsRes.error).toBeNull();
		expect(listUserTeamsRes.data).not.toBeNull();
		expect(listUserTeamsRes.data).toHaveLength(1);
	});

	it("should be able to list team members in the current active team", async () => {
		const activeTeamHeaders = new Headers();
		await client.organization.setActiveTeam(
			{
				teamId,
			},
			{
				headers: signUpHeaders,
				onSuccess: cookieSetter(activeTeamHeaders),
			},
		);

		const res = await client.organization.listTeamMembers(
			{},
			{
				headers: activeTeamHeaders,
			},
		);

		expect(res.error).toBeNull();
		expect(res.data).not.toBeNull();
		expect(res.data).toHaveLength(1);
	});

	it("should get full organization", async () => {
		const organization = await client.organization.getFullOrganization({
			fetchOptions: {
				headers,
			},
		});

		const teams = organization.data?.teams;
		expect(teams).toBeDefined();
		expect(teams?.length).toBe(3);

		const teamNames = teams?.map((team) => team.name);
		expect(teamNames).toContain("Development Team");
		expect(teamNames).toContain("Marketing Team");
	});

	it("should get all teams", async () => {
		const teamsResponse = await client.organization.listTeams({
			fetchOptions: { headers },
		});

		expect(teamsResponse.data).toBeInstanceOf(Array);
		expect(teamsResponse.data).toHaveLength(3);
	});

	it("should update a team", async () => {
		const updateTeamResponse = await client.organization.updateTeam({
			teamId,
			data: {
				name: "Updated Development Team",
			},
			fetchOptions: { headers },
		});

		expect(updateTeamResponse.data?.name).toBe("Updated Development Team");
		expect(updateTeamResponse.data?.id).toBe(teamId);
	});

	it("should remove a team", async () => {
		const teamsBeforeRemoval = await client.organization.listTeams({
			fetchOptions: { headers },
		});
		expect(teamsBeforeRemoval.data).toHaveLength(3);

		const removeTeamResponse = await client.organization.removeTeam({
			teamId,
			organizationId,
			fetchOptions: { headers },
		});

		expect(removeTeamResponse.data?.message).toBe("Team removed successfully.");

		const teamsAfterRemoval = await client.organization.listTeams({
			fetchOptions: { headers },
		});

		expect(teamsAfterRemoval.data).toHaveLength(2);
	});

	it("should not be able to remove the last team when allowRemovingAllTeams is not enabled", async () => {
		try {
			await client.organization.removeTeam({
				teamId: secondTeamId,
				organizationId,
				fetchOptions: { headers },
			});
			expect(true).toBe(false);
		} catch (error) {
			expect(error).toBeDefined();
		}
	});

	it("should update a team with explicit organizationId in data", async () => {
		// Get current session to ensure new org is different from active org
		const currentSession = await client.getSession({
			fetchOptions: { headers },
		});
		const currentActiveOrgId = (currentSession.data?.session as any)
			.activeOrganizationId;

		// Create a new organization
		const newOrg = await client.organization.create({
			name: "New Test Organization",
			slug: "new-test-org",
			fetchOptions: { headers },
		});

		expect(newOrg.data?.id).toBeDefined();
		const newOrgId = newOrg.data?.id as string;

		// Ensure the new org is different from the session's active org
		expect(newOrgId).not.toBe(currentActiveOrgId);

		// Create a team in the new organization
		const newTeam = await client.organization.createTeam(
			{
				name: "Team in New Org",
				organizationId: newOrgId,
			},
			{
				headers,
			},
		);

		expect(newTeam.data?.id).toBeDefined();
		expect(newTeam.data?.organizationId).toBe(newOrgId);
		const newTeamId = newTeam.data?.id as string;

		// Update the team with explicit organizationId in data
		const updatedTeam = await client.organization.updateTeam({
			teamId: newTeamId,
			data: {
				name: "Updated Team Name",
				organizationId: newOrgId,
			},
			fetchOptions: { headers },
		});

		expect(updatedTeam.data?.name).toBe("Updated Team Name");
		expect(updatedTeam.data?.id).toBe(newTeamId);
		expect(updatedTeam.data?.organizationId).toBe(newOrgId);
	});

	it("should add and remove team member with explicit organizationId", async () => {
		const testOrgId = organizationId;

		// Create a new team specifically for this test
		const newTeamRes = await client.organization.createTeam(
			{
				name: "Team for Member Test",
				organizationId: testOrgId,
			},
			{
				headers,
			},
		);
		expect(newTeamRes.data?.id).toBeDefined();
		const testTeamId = newTeamRes.data?.id as string;

		// Get the current user's ID
		const currentSession = await client.getSession({
			fetchOptions: { headers },
		});
		const currentUserId = currentSession.data?.user.id as string;

		// Add current user to the team so they can list members
		await auth.api.addTeamMember({
			headers,
			body: {
				userId: currentUserId,
				teamId: testTeamId,
				organizationId: testOrgId,
			},
		});

		// Create and add a new user
		const newUserHeaders = new Headers();
		const newUserRes = await client.signUp.email(
			{
				email: "teamuser@email.com",
				password: "password",
				name: "Team User",
			},
			{
				onSuccess: cookieSetter(newUserHeaders),
			},
		);

		expect(newUserRes.data?.user.id).toBeDefined();
		const newUserId = newUserRes.data?.user.id as string;

		// Add user to organization first
		await auth.api.addMember({
			body: {
				organizationId: testOrgId,
				userId: newUserId,
				role: "member",
			},
		});

		// Add team member with explicit organizationId
		const addedMember = await auth.api.addTeamMember({
			headers,
			body: {
				userId: newUserId,
				teamId: testTeamId,
				organizationId: testOrgId,
			},
		});

		expect(addedMember.teamId).toBe(testTeamId);
		expect(addedMember.userId).toBe(newUserId);

		// Verify team member was added by listing team members
		const teamMembersBefore = await auth.api.listTeamMembers({
			headers,
			query: {
				teamId: testTeamId,
			},
		});
		expect(teamMembersBefore.some((m) => m.userId === newUserId)).toBe(true);

		// Remove team member with explicit organizationId
		const removeRes = await auth.api.removeTeamMember({
			headers,
			body: {
				userId: newUserId,
				teamId: testTeamId,
				organizationId: testOrgId,
			},
		});

		expect(removeRes.message).toBe("Team member removed successfully.");

		// Verify team member was removed by listing team members again
		const teamMembersAfter = await auth.api.listTeamMembers({
			headers,
			query: {
				teamId: testTeamId,
			},
		});
		expect(teamMembersAfter.some((m) => m.userId === newUserId)).toBe(false);
	});

	it("should not be allowed to invite a member to a team that's reached maximum members", async () => {
		const { auth, signInWithTestUser } = await getTestInstance({
			user: {
				modelName: "users",
			},
			plugins: [
				organization({
					teams: {
						enabled: true,
						maximumMembersPerTeam: 1,
					},
				}),
			],
			logger: {
				level: "error",
			},
			databaseHooks: {
				user: {
					create: {
						before: async (user) => ({
							data: { ...user, emailVerified: true },
						}),
					},
				},
			},
		});

		const { headers } = await signInWithTestUser();
		const client = createAuthClient({
			plugins: [
				organizationClient({
					teams: {
						enabled: true,
					},
				}),
			],
			baseURL: "http://localhost:3000/api/auth",
			fetchOptions: {
				customFetchImpl: async (url, init) => {
					return auth.handler(new Request(url, init));
				},
			},
		});
		const createOrganizationResponse = await client.organization.create({
			name: "Test Organization",
			slug: "test-org",
			metadata: {
				test: "organization-metadata",
			},
			fetchOptions: {
				headers,
			},
		});
		expect(createOrganizationResponse.data?.id).toBeDefined();

		const createTeamResponse = await client.organization.createTeam(
			{
				name: "Development Team",
				organizationId: createOrganizationResponse.data?.id,
			},
			{
				headers,
			},
		);
		expect(createTeamResponse.data?.id).toBeDefined();

		const res = await client.organization.inviteMember(
			{
				teamId: createTeamResponse.data?.id,
				email: invitedUser.email,
				role: "member",
			},
			{
				headers,
			},
		);
		expect(res.data).toBeDefined();
		const newHeaders = new Headers();
		const signUpRes = await client.signUp.email(invitedUser, {
			onSuccess: cookieSetter(newHeaders),
		});

		expect(signUpRes.data?.user).toBeDefined();

		const acceptInvitationResponse = await client.organization.acceptInvitation(
			{
				invitationId: res.data?.id as string,
			},
			{
				headers: newHeaders,
			},
		);
		expect(acceptInvitationResponse.error).toBeNull();
		expect(acceptInvitationResponse.data?.member?.userId).toBe(
			signUpRes.data?.user.id,
		);
		expect(acceptInvitationResponse.data?.invitation?.status).toBe("accepted");

		const res2 = await client.organization.inviteMember(
			{
				teamId: createTeamResponse.data?.id,
				email: "test2@test.com",
				role: "member",
			},
			{
				headers,
			},
		);
		expect(res2.data).toBeNull();
		expect(res2.error?.code).toEqual("TEAM_MEMBER_LIMIT_REACHED");
	});
});

/**
 * @see https://github.com/better-auth/better-auth/issues/9237
 */
describe("setActiveTeam org scoping", async () => {
	const { auth, db, signInWithTestUser } = await getTestInstance({
		plugins: [
			organization({
				async sendInvitationEmail() {},
				teams: {
					enabled: true,
				},
			}),
		],
		logger: {
			level: "error",
		},
		databaseHooks: {
			user: {
				create: {
					before: async (user) => ({
						data: { ...user, emailVerified: true },
					}),
				},
			},
		},
	});

	const { headers } = await signInWithTestUser();
	const client = createAuthClient({
		plugins: [
			organizationClient({
				teams: {
					enabled: true,
				},
			}),
		],
		baseURL: "http://localhost:3000/api/auth",
		fetchOptions: {
			customFetchImpl: async (url, init) => {
				return auth.handler(new Request(url, init));
			},
		},
	});

	let activeOrganizationId: string;
	let scopedTeamId: string;
	let outOfScopeOrganizationId: string;
	let outOfScopeTeamId: string;
	let sessionToken: string;
	let userId: string;

	beforeAll(async () => {
		const session = await client.getSession({
			fetchOptions: { headers },
		});
		userId = session.data?.user.id as string;
		sessionToken = session.data?.session.token as string;

		const firstOrganization = await client.organization.create({
			name: "Scoped Org One",
			slug: "scoped-org-one",
			fetchOptions: { headers },
		});
		activeOrganizationId = firstOrganization.data?.id as string;
		expect(activeOrganizationId).toBeDefined();

		const activeOrganizationTeam = await client.organization.createTeam(
			{
				name: "Scoped Team One",
				organizationId: activeOrganizationId,
			},
			{
				headers,
			},
		);
		scopedTeamId = activeOrganizationTeam.data?.id as string;
		expect(scopedTeamId).toBeDefined();

		await auth.api.addTeamMember({
			headers,
			body: {
				userId,
				teamId: scopedTeamId,
				organizationId: activeOrganizationId,
			},
		});

		const secondOrganization = await client.organization.create({
			name: "Scoped Org Two",
			slug: "scoped-org-two",
			keepCurrentActiveOrganization: true,
			fetchOptions: { headers },
		});
		outOfScopeOrganizationId = secondOrganization.data?.id as string;
		expect(outOfScopeOrganizationId).toBeDefined();

		const outOfScopeTeam = await client.organization.createTeam(
			{
				name: "Scoped Team Two",
				organizationId: outOfScopeOrganizationId,
			},
			{
				headers,
			},
		);
		outOfScopeTeamId = outOfScopeTeam.data?.id as string;
		expect(outOfScopeTeamId).toBeDefined();

		await auth.api.addTeamMember({
			headers,
			body: {
				userId,
				teamId: outOfScopeTeamId,
				organizationId: outOfScopeOrganizationId,
			},
		});

		const setActiveOrganization = await client.organization.setActive({
			organizationId: activeOrganizationId,
			fetchOptions: { headers },
		});
		expect(setActiveOrganization.error).toBeNull();

		const setScopedTeam = await client.organization.setActiveTeam(
			{
				teamId: scopedTeamId,
			},
			{
				headers,
			},
		);
		expect(setScopedTeam.error).toBeNull();
		expect(setScopedTeam.data?.id).toBe(scopedTeamId);

		const sessionAfterScopedTeam = await client.getSession({
			fetchOptions: { headers },
		});
		expect(
			(sessionAfterScopedTeam.data?.session as any).activeOrganizationId,
		).toBe(activeOrganizationId);
		expect((sessionAfterScopedTeam.data?.session as any).activeTeamId).toBe(
			scopedTeamId,
		);
	});

	it("should reject teams outside the active organization and preserve the active team", async () => {
		const setOutOfScopeTeam = await client.organization.setActiveTeam(
			{
				teamId: outOfScopeTeamId,
			},
			{
				headers,
			},
		);

		expect(setOutOfScopeTeam.error?.status).toBe(400);
		expect(setOutOfScopeTeam.error?.code).toContain(
			ORGANIZATION_ERROR_CODES.TEAM_NOT_FOUND.code,
		);
		expect(setOutOfScopeTeam.data).toBeNull();

		const sessionAfterRejectedTeam = await client.getSession({
			fetchOptions: { headers },
		});
		expect(
			(sessionAfterRejectedTeam.data?.session as any).activeOrganizationId,
		).toBe(activeOrganizationId);
		expect((sessionAfterRejectedTeam.data?.session as any).activeTeamId).toBe(
			scopedTeamId,
		);
	});

	it("should reject refreshing the current active team when the session org changes externally", async () => {
		await db.update({
			model: "session",
			where: [
				{
					field: "token",
					value: sessionToken,
				},
			],
			update: {
				activeOrganizationId: outOfScopeOrganizationId,
			},
		});

		let error: unknown = null;
		await auth.api
			.setActiveTeam({
				body: {},
				headers,
			})
			.catch((e) => {
				error = e;
			});

		expect(error).not.toBeNull();
		expect(isAPIError(error)).toBeTruthy();
		if (!isAPIError(error)) {
			throw new Error("Expected setActiveTeam to throw an APIError");
		}
		expect(error.message).toBe(ORGANIZATION_ERROR_CODES.TEAM_NOT_FOUND.message);

		const sessionAfterRefreshAttempt = await client.getSession({
			fetchOptions: { headers },
		});
		expect(
			(sessionAfterRefreshAttempt.data?.session as any).activeOrganizationId,
		).toBe(outOfScopeOrganizationId);
		expect((sessionAfterRefreshAttempt.data?.session as any).activeTeamId).toBe(
			scopedTeamId,
		);

		await db.update({
			model: "session",
			where: [
				{
					field: "token",
					value: sessionToken,
				},
			],
			update: {
				activeOrganizationId: activeOrganizationId,
			},
		});
	});

	it("should require an active organization before setting the active team", async () => {
		expect(activeOrganizationId).toBeDefined();
		expect(scopedTeamId).toBeDefined();
		expect(userId).toBeDefined();

		const unsetActiveOrganization = await client.organization.setActive({
			organizationId: null,
			fetchOptions: { headers },
		});
		expect(unsetActiveOrganization.error).toBeNull();

		const result = await client.organization.setActiveTeam(
			{
				teamId: scopedTeamId,
			},
			{
				headers,
			},
		);

		expect(result.error?.status).toBe(400);
		expect(result.error?.code).toContain(
			ORGANIZATION_ERROR_CODES.NO_ACTIVE_ORGANIZATION.code,
		);
		expect(result.data).toBeNull();

		const sessionAfterMissingOrganization = await client.getSession({
			fetchOptions: { headers },
		});
		expect(
			(sessionAfterMissingOrganization.data?.session as any)
				.activeOrganizationId,
		).toBeNull();
	});
});

describe("multi team support", async () => {
	const { auth, signInWithTestUser } = await getTestInstance(
		{
			plugins: [
				organization({
					async sendInvitationEmail() {},
					teams: {
						enabled: true,
						defaultTeam: {
							enabled: true,
						},
					},
				}),
			],
			logger: {
				level: "error",
			},
			databaseHooks: {
				user: {
					create: {
						before: async (user) => ({
							data: { ...user, emailVerified: true },
						}),
					},
				},
			},
		},
		{
			testWith: "sqlite",
		},
	);

	const admin = await signInWithTestUser();

	const invitedUser = await auth.api.signUpEmail({
		body: {
			name: "Invited User",
			email: "invited@email.com",
			password: "password",
		},
		returnHeaders: true,
	});

	let organizationId: string | null = null;

	let team1Id: string | null = null;
	let team2Id: string | null = null;
	let team3Id: string | null = null;

	let invitationId: string | null = null;

	it("should create an organization to test multi team support", async () => {
		const organization = await auth.api.createOrganization({
			headers: admin.headers,
			body: {
				name: "Test Organization",
				slug: "test-org",
				metadata: {
					test: "organization-metadata",
				},
			},
		});

		expect(organization?.id).toBeDefined();
		expect(organization?.name).toBe("Test Organization");

		organizationId = organization?.id as string;
	});

	it("should create 3 teams", async () => {
		expect(organizationId).toBeDefined();
		if (!organizationId) throw Error("can not run test");

		const team1 = await auth.api.createTeam({
			headers: admin.headers,
			body: {
				name: "Team One",
				organizationId,
			},
		});

		expect(team1.id).toBeDefined();
		expect(team1.organizationId).toBe(organizationId);

		team1Id = team1.id;

		const team2 = await auth.api.createTeam({
			headers: admin.headers,
			body: {
				name: "Team Two",
				organizationId,
			},
		});

		expect(team2.id).toBeDefined();
		expect(team2.organizationId).toBe(organizationId);

		team2Id = team2.id;

		const team3 = await auth.api.createTeam({
			headers: admin.headers,
			body: {
				name: "Team Three",
				organizationId,
			},
		});

		expect(team3.id).toBeDefined();
		expect(team3.organizationId).toBe(organizationId);

		team3Id = team3.id;
	});

	it("should invite user to all 3 teams", async () => {
		expect(organizationId).toBeDefined();
		expect(team1Id).toBeDefined();
		expect(team2Id).toBeDefined();
		expect(team3Id).toBeDefined();

		if (!organizationId || !team1Id || !team2Id || !team3Id)
			throw Error("can not run test");

		const invitation = await auth.api.createInvitation({
			headers: admin.headers,
			body: {
				email: invitedUser.response.user.email,
				role: "member",
				organizationId,
				teamId: [team1Id, team2Id, team3Id],
			},
		});

		expect(invitation.id).toBeDefined();
		expect((invitation as any).teamId).toBe(
			[team1Id, team2Id, team3Id].join(","),
		);

		invitationId = invitation.id!;
	});

	it("should accept invite and join all 3 teams", async () => {
		expect(invitationId).toBeDefined();

		if (!invitationId) throw Error("can not run test");

		const accept = await auth.api.acceptInvitation({
			headers: { cookie: invitedUser.headers.getSetCookie()[0]! },
			body: {
				invitationId,
			},
		});

		expect(accept?.member).toBeDefined();
		expect(accept?.invitation).toBeDefined();
	});

	it("should have jonied all 3 teams", async () => {
		expect(invitationId).toBeDefined();

		if (!invitationId) throw Error("can not run test");

		const teams = await auth.api.listUserTeams({
			headers: { cookie: invitedUser.headers.getSetCookie()[0]! },
		});

		expect(teams).toHaveLength(3);
	});

	let activeTeamCookie: string | null = null;

	it("should allow you to set one of the teams as active", async () => {
		expect(team1Id).toBeDefined();
		expect(organizationId).toBeDefined();

		if (!team1Id || !organizationId) throw Error("can not run test");

		const team = await auth.api.setActiveTeam({
			headers: { cookie: invitedUser.headers.getSetCookie()[0]! },
			body: {
				teamId: team1Id,
			},
			returnHeaders: true,
		});

		expect(team.response?.id).toBe(team1Id);
		expect(team.response?.organizationId).toBe(organizationId);

		activeTeamCookie = team.headers.getSetCookie()[0]!;
	});

	it("should allow you to list team members of the current active team", async () => {
		expect(activeTeamCookie).toBeDefined();

		if (!activeTeamCookie) throw Error("can not run test");

		const members = await auth.api.listTeamMembers({
			headers: { cookie: activeTeamCookie },
		});

		expect(members).toHaveLength(1);
		expect(members.at(0)!.teamId).toBe(team1Id);
	});

	it("should allow user to list team members of any team the user is in", async () => {
		expect(team2Id).toBeDefined();
		expect(team3Id).toBeDefined();

		if (!team2Id || !team3Id) throw Error("can not run test");

		const team2Members = await auth.api.listTeamMembers({
			headers: { cookie: invitedUser.headers.getSetCookie()[0]! },
			query: {
				teamId: team2Id,
			},
		});

		expect(team2Members).toHaveLength(1);
		expect(team2Members.at(0)!.teamId).toBe(team2Id);

		const team3Members = await auth.api.listTeamMembers({
			headers: { cookie: invitedUser.headers.getSetCookie()[0]! },
			query: {
				teamId: team3Id,
			},
		});

		expect(team3Members).toHaveLength(1);
		expect(team3Members.at(0)!.teamId).toBe(team3Id);
	});

	let team4Id: string | null = null;
	it("should directly add a member to a team", async () => {
		expect(organizationId).toBeDefined();
		if (!organizationId) throw Error("can not run test");

		const team = await auth.api.createTeam({
			headers: admin.headers,
			body: {
				name: "Team Four",
				organizationId,
			},
		});

		const teamMember = await auth.api.addTeamMember({
			headers: admin.headers,
			body: {
				userId: invitedUser.response.user.id,
				teamId: team.id,
			},
		});

		expect(teamMember.teamId).toBe(team.id);
		expect(teamMember.userId).toBe(invitedUser.response.user.id);

		const teams = await auth.api.listUserTeams({
			headers: { cookie: invitedUser.headers.getSetCookie()[0]! },
		});

		expect(teams).toHaveLength(4);

		team4Id = team.id;
	});

	it("should remove a member from a team", async () => {
		expect(team4Id).toBeDefined();
		if (!team4Id) throw Error("can not run test");

		await auth.api.removeTeamMember({
			headers: admin.headers,
			body: {
				userId: invitedUser.response.user.id,
				teamId: team4Id,
			},
		});

		const teams = await auth.api.listUserTeams({
			headers: { cookie: invitedUser.headers.getSetCookie()[0]! },
		});

		expect(teams).toHaveLength(3);
	});

	it("should create invitation without teamId", async () => {
		expect(organizationId).toBeDefined();
		if (!organizationId) throw Error("can not run test");

		const invitation = await auth.api.createInvitation({
			headers: admin.headers,
			body: {
				email: "noteam@email.com",
				role: "member",
				organizationId,
			},
		});

		expect(invitation.id).toBeDefined();
		expect((invitation as any).teamId).toBeNull();
		expect((invitation as any).teamId).not.toBe("");
	});

	it("should remove a member from the organization and all their teams when calling removeMember", async () => {
		// Create a new user to invite
		const userHeaders = new Headers();
		const response = await auth.api.signUpEmail({
			body: {
				email: "removeteamorguser@email.com",
				name: "Remove Team Org User",
				password: "password",
			},
			asResponse: true,
		});

		setCookieToHeader(userHeaders)({ response });
		const newUser = await response.json();

		// Add the user as a member to the organization
		await auth.api.addMember({
			headers: admin.headers,
			body: {
				organizationId: organizationId!,
				userId: newUser.user.id,
				role: "member",
			},
		});

		// Add the user to team1
		await auth.api.addTeamMember({
			headers: admin.headers,
			body: {
				teamId: team1Id!,
				userId: newUser.user.id,
			},
		});

		// add admin to the team1
		await auth.api.addTeamMember({
			headers: admin.headers,
			body: {
				teamId: team1Id!,
				userId: admin.user.id,
			},
		});

		// Confirm user is a member of the org
		const membersBefore = await auth.api.listMembers({
			headers: admin.headers,
			query: { organizationId: organizationId! },
		});
		const foundMember = membersBefore.members.find(
			(m: any) => m.userId === newUser.user.id,
		);
		expect(foundMember).toBeDefined();
		if (!foundMember) throw Error("can not run test");

		// Confirm user is a member of the team
		const teamMembersBefore = await auth.api.listTeamMembers({
			headers: userHeaders,
			query: { teamId: team1Id! },
		});
		const foundTeamMember = teamMembersBefore.find(
			(m: any) => m.userId === newUser.user.id,
		);
		expect(foundTeamMember).toBeDefined();

		// Remove the member from the organization
		const removed = await auth.api.removeMember({
			headers: admin.headers,
			body: {
				memberIdOrEmail: foundMember.id,
				organizationId: organizationId!,
			},
		});
		expect(removed?.member?.id).toBe(foundMember.id);

		// Confirm user is no longer a member of the org
		const membersAfter = await auth.api.listMembers({
			headers: admin.headers,
			query: { organizationId: organizationId! },
		});
		const stillMember = membersAfter.members.find(
			(m: any) => m.userId === newUser.user.id,
		);
		expect(stillMember).toBeUndefined();

		// Confirm user is no longer a member of the team
		const teamMembersAfter = await auth.api.listTeamMembers({
			headers: admin.headers,
			query: { teamId: team1Id! },
		});
		const stillTeamMember = teamMembersAfter.find(
			(m: any) => m.userId === newUser.user.id,
		);
		expect(stillTeamMember).toBeUndefined();
	});

	it("should remove a member from the organization and all their teams when calling leaveOrganization", async () => {
		const testUserEmail = `leaveorguser${Date.now()}@email.com`;

		const userHeaders = new Headers();
		const response = await auth.api.signUpEmail({
			body: {
				email: testUserEmail,
				name: "Leave Org User",
				password: "password",
			},
			asResponse: true,
		});

		setCookieToHeader(userHeaders)({ response });
		const newUser = await response.json();

		// Add the user as a member to the organization
		await auth.api.addMember({
			headers: admin.headers,
			body: {
				organizationId: organizationId!,
				userId: newUser.user.id,
				role: "member",
			},
		});

		// Verify the user is now a member of the organization
		const membersBefore = await auth.api.listMembers({
			headers: admin.headers,
			query: { organizationId: organizationId! },
		});
		const foundMember = membersBefore.members.find(
			(m: any) => m.userId === newUser.user.id,
		);
		expect(foundMember).toBeDefined();
		if (!foundMember) throw Error("User was not added as organization member");

		// Add the user to team1
		await auth.api.addTeamMember({
			headers: admin.headers,
			body: {
				teamId: team1Id!,
				userId: newUser.user.id,
			},
		});

		// Add admin to team1 as well so they can list team members
		await auth.api.addTeamMember({
			headers: admin.headers,
			body: {
				teamId: team1Id!,
				userId: admin.user.id,
			},
		});

		await auth.api.addTeamMember({
			headers: admin.headers,
			body: {
				teamId: team2Id!,
				userId: newUser.user.id,
			},
		});

		await auth.api.addTeamMember({
			headers: admin.headers,
			body: {
				teamId: team2Id!,
				userId: admin.user.id,
			},
		});

		const team1MembersBefore = await auth.api.listTeamMembers({
			headers: admin.headers,
			query: { teamId: team1Id! },
		});
		const foundTeam1Member = team1MembersBefore.find(
			(m: any) => m.userId === newUser.user.id,
		);
		expect(foundTeam1Member).toBeDefined();

		const team2MembersBefore = await auth.api.listTeamMembers({
			headers: admin.headers,
			query: { teamId: team2Id! },
		});
		const foundTeam2Member = team2MembersBefore.find(
			(m: any) => m.userId === newUser.user.id,
		);
		expect(foundTeam2Member).toBeDefined();

		// User leaves the organization
		const left = await auth.api.leaveOrganization({
			headers: userHeaders,
			body: {
				organizationId: organizationId!,
			},
		});
		expect(left?.id).toBe(foundMember.id);

		const membersAfter = await auth.api.listMembers({
			headers: admin.headers,
			query: { organizationId: organizationId! },
		});
		const stillMember = membersAfter.members.find(
			(m: any) => m.userId === newUser.user.id,
		);
		expect(stillMember).toBeUndefined();

		// Confirm user is no longer a member of team1
		const team1MembersAfter = await auth.api.listTeamMembers({
			headers: admin.headers,
			query: { teamId: team1Id! },
		});
		const stillTeam1Member = team1MembersAfter.find(
			(m: any) => m.userId === newUser.user.id,
		);
		expect(stillTeam1Member).toBeUndefined();

		// Confirm user is no longer a member of team2
		const team2MembersAfter = await auth.api.listTeamMembers({
			headers: admin.headers,
			query: { teamId: team2Id! },
		});
		const stillTeam2Member = team2MembersAfter.find(
			(m: any) => m.userId === newUser.user.id,
		);
		expect(stillTeam2Member).toBeUndefined();
	});
});

/**
 * @see https://github.com/better-auth/better-auth/issues/7012
 */
describe("listUserTeams with userId parameter", async () => {
	const { auth, signInWithUser } = await getTestInstance({
		plugins: [
			organization({
				teams: {
					enabled: true,
				},
				async sendInvitationEmail() {},
			}),
		],
	});

	const ownerUser = {
		email: "team-owner@test.com",
		password: "password123",
		name: "Owner User",
	};

	const memberUser = {
		email: "team-member@test.com",
		password: "password123",
		name: "Member User",
	};

	const outsiderUser = {
		email: "team-outsider@test.com",
		password: "password123",
		name: "Outsider User",
	};

	let ownerHeaders: Headers;
	let memberHeaders: Headers;
	let outsiderHeaders: Headers;
	let organizationId: string;
	let teamId: string;
	let memberUserId: string;
	let ownerUserId: string;

	it("should setup organization with teams and members", async () => {
		// Create owner
		const ownerSignUp = await auth.api.signUpEmail({
			body: ownerUser,
		});
		ownerUserId = ownerSignUp.user.id;
		const ownerSignIn = await signInWithUser(
			ownerUser.email,
			ownerUser.password,
		);
		ownerHeaders = ownerSignIn.headers;

		// Create org
		const org = await auth.api.createOrganization({
			headers: ownerHeaders,
			body: {
				name: "Teams Test Org",
				slug: "teams-test-org",
			},
		});
		organizationId = org.id;

		await auth.api.setActiveOrganization({
			headers: ownerHeaders,
			body: { organizationId },
		});

		// Create team
		const team = await auth.api.createTeam({
			headers: ownerHeaders,
			body: {
				name: "Alpha Team",
				organizationId,
			},
		});
		teamId = team.id;

		// Create member user
		const memberSignUp = await auth.api.signUpEmail({
			body: memberUser,
		});
		memberUserId = memberSignUp.user.id;
		const memberSignIn = await signInWithUser(
			memberUser.email,
			memberUser.password,
		);
		memberHeaders = memberSignIn.headers;

		// Add member to org
		await auth.api.addMember({
			headers: ownerHeaders,
			body: {
				organizationId,
				userId: memberUserId,
				role: "member",
			},
		});

		// Add member to team
		await auth.api.addTeamMember({
			headers: ownerHeaders,
			body: {
				teamId,
				userId: memberUserId,
			},
		});

		// Set member's active org
		await auth.api.setActiveOrganization({
			headers: memberHeaders,
			body: { organizationId },
		});

		// Create outsider user (not in org)
		await auth.api.signUpEmail({
			body: outsiderUser,
		});
		const outsiderSignIn = await signInWithUser(
			outsiderUser.email,
			outsiderUser.password,
		);
		outsiderHeaders = outsiderSignIn.headers;
	});

	it("should list own teams without userId param (backwards compatible)", async () => {
		const teams = await auth.api.listUserTeams({
			headers: memberHeaders,
		});
		expect(teams).toHaveLength(1);
		expect(teams[0]!.id).toBe(teamId);
	});

	it("should allow a user to list their own teams with userId param", async () => {
		const teams = await auth.api.listUserTeams({
			headers: memberHeaders,
			query: { userId: memberUserId },
		});
		expect(teams).toHaveLength(1);
		expect(teams[0]!.id).toBe(teamId);
	});

	it("should allow an owner to list another user's teams", async () => {
		const teams = await auth.api.listUserTeams({
			headers: ownerHeaders,
			query: { userId: memberUserId },
		});
		expect(teams).toHaveLength(1);
		expect(teams[0]!.id).toBe(teamId);
	});

	it("should not allow a member to list another user's teams", async () => {
		const res = await auth.api
			.listUserTeams({
				headers: memberHeaders,
				query: { userId: ownerUserId },
			})
			.catch((e: any) => e);
		expect(res).toBeInstanceOf(Error);
	});

	it("should not allow querying teams of a user not in the organization", async () => {
		const res = await auth.api
			.listUserTeams({
				headers: ownerHeaders,
				query: { userId: "non-existent-user-id" },
			})
			.catch((e: any) => e);
		expect(res).toBeInstanceOf(Error);
	});

	it("should fail when querying another user without an active organization", async () => {
		const res = await auth.api
			.listUserTeams({
				headers: outsiderHeaders,
				query: { userId: memberUserId },
			})
			.catch((e: any) => e);
		expect(res).toBeInstanceOf(Error);
	});
});

describe("listUserTeams with organizationId parameter", async () => {
	const { auth, signInWithUser } = await getTestInstance({
		plugins: [
			organization({
				teams: {
					enabled: true,
				},
				async sendInvitationEmail() {},
			}),
		],
	});

	const ownerUser = {
		email: "multi-org-owner@test.com",
		password: "password123",
		name: "Multi Org Owner",
	};

	const memberUser = {
		email: "multi-org-member@test.com",
		password: "password123",
		name: "Multi Org Member",
	};

	let ownerHeaders: Headers;
	let memberHeaders: Headers;
	let orgAId: string;
	let orgBId: string;
	let teamInAId: string;
	let teamInBId: string;
	let memberUserId: string;

	it("should setup two organizations with teams", async () => {
		// Create owner and sign in
		await auth.api.signUpEmail({ body: ownerUser });
		const ownerSignIn = await signInWithUser(
			ownerUser.email,
			ownerUser.password,
		);
		ownerHeaders = ownerSignIn.headers;

		// Create org A and org B
		const orgA = await auth.api.createOrganization({
			headers: ownerHeaders,
			body: { name: "Org A", slug: "multi-org-a" },
		});
		orgAId = orgA.id;

		const orgB = await auth.api.createOrganization({
			headers: ownerHeaders,
			body: { name: "Org B", slug: "multi-org-b" },
		});
		orgBId = orgB.id;

		// Owner's active org is B (last created)
		await auth.api.setActiveOrganization({
			headers: ownerHeaders,
			body: { organizationId: orgBId },
		});

		// Create a team in each org
		const teamA = await auth.api.createTeam({
			headers: ownerHeaders,
			body: { name: "Team in A", organizationId: orgAId },
		});
		teamInAId = teamA.id;

		const teamB = await auth.api.createTeam({
			headers: ownerHeaders,
			body: { name: "Team in B", organizationId: orgBId },
		});
		teamInBId = teamB.id;

		// Create member user and add them to both orgs + both teams
		const memberSignUp = await auth.api.signUpEmail({ body: memberUser });
		memberUserId = memberSignUp.user.id;
		const memberSignIn = await signInWithUser(
			memberUser.email,
			memberUser.password,
		);
		memberHeaders = memberSignIn.headers;

		await auth.api.addMember({
			headers: ownerHeaders,
			body: { organizationId: orgAId, userId: memberUserId, role: "member" },
		});
		await auth.api.addMember({
			headers: ownerHeaders,
			body: { organizationId: orgBId, userId: memberUserId, role: "member" },
		});

		await auth.api.addTeamMember({
			headers: ownerHeaders,
			body: { teamId: teamInAId, userId: memberUserId, organizationId: orgAId },
		});
		await auth.api.addTeamMember({
			headers: ownerHeaders,
			body: { teamId: teamInBId, userId: memberUserId, organizationId: orgBId },
		});

		// Member's active org is A
		await auth.api.setActiveOrganization({
			headers: memberHeaders,
			body: { organizationId: orgAId },
		});
	});

	it("should return self teams across all orgs when organizationId is omitted", async () => {
		const teams = await auth.api.listUserTeams({ headers: memberHeaders });
		expect(teams).toHaveLength(2);
		const ids = teams.map((t) => t.id).sort();
		expect(ids).toEqual([teamInAId, teamInBId].sort());
	});

	it("should scope self query to explicit organizationId", async () => {
		const teams = await auth.api.listUserTeams({
			headers: memberHeaders,
			query: { organizationId: orgBId },
		});
		expect(teams).toHaveLength(1);
		expect(teams[0]!.id).toBe(teamInBId);
	});

	it("should allow owner to list another user's teams in a non-active org via explicit organizationId", async () => {
		// Owner's active org is B, but we query against A.
		const teams = await auth.api.listUserTeams({
			headers: ownerHeaders,
			query: { userId: memberUserId, organizationId: orgAId },
		});
		expect(teams).toHaveLength(1);
		expect(teams[0]!.id).toBe(teamInAId);
	});

	it("should forbid self query with explicit organizationId when user is not a member", async () => {
		// Create an outsider user with no org membership
		const outsiderUser = {
			email: "multi-org-outsider@test.com",
			password: "password123",
			name: "Multi Org Outsider",
		};
		await auth.api.signUpEmail({ body: outsiderUser });
		const outsiderSignIn = await signInWithUser(
			outsiderUser.email,
			outsiderUser.password,
		);

		const res = await auth.api
			.listUserTeams({
				headers: outsiderSignIn.headers,
				query: { organizationId: orgAId },
			})
			.catch((e: any) => e);
		expect(res).toBeInstanceOf(Error);
	});
});

describe("invitation with team id containing comma", async () => {
	const { auth, signInWithTestUser } = await getTestInstance(
		{
			advanced: {
				database: {
					generateId: ({ model }) => {
						if (model === "team") {
							return `team,id,${crypto.randomUUID()}`;
						}
						return crypto.randomUUID();
					},
				},
			},
			plugins: [
				organization({
					async sendInvitationEmail() {},
					teams: { enabled: true },
				}),
			],
			logger: { level: "error" },
			databaseHooks: {
				user: {
					create: {
						before: async (user) => ({
							data: { ...user, emailVerified: true },
						}),
					},
				},
			},
		},
		{ testWith: "sqlite" },
	);

	const admin = await signInWithTestUser();

	const org = await auth.api.createOrganization({
		headers: admin.headers,
		body: { name: "Comma Org", slug: "comma-org" },
	});
	if (!org) throw new Error("failed to create organization");
	const organizationId = org.id;

	const team = await auth.api.createTeam({
		headers: admin.headers,
		body: { name: "Comma Team", organizationId },
	});

	it("seeds a team whose generated id contains the storage separator", () => {
		expect(team.id).toContain(",");
	});

	it.each([
		{ name: "string body", teamId: team.id },
		{ name: "array body", teamId: [team.id] },
	])("rejects createInvitation with $name", async ({ teamId }) => {
		await expect(
			auth.api.createInvitation({
				headers: admin.headers,
				body: {
					email: "comma-invitee@email.com",
					role: "member",
					organizationId,
					teamId,
				},
			}),
		).rejects.toMatchObject({
			status: "BAD_REQUEST",
			body: { code: "INVALID_TEAM_ID" },
		});
	});
});

describe("invitation team ids are scoped to the invited organization", async () => {
	// Teams are enabled with the default (unlimited) team size, where team/org
	// scoping previously did not run.
	const { auth, client, signInWithTestUser, signInWithUser, cookieSetter } =
		await getTestInstance(
			{
				plugins: [
					organization({
						async sendInvitationEmail() {},
						teams: { enabled: true },
					}),
				],
				logger: { level: "error" },
				databaseHooks: {
					user: {
						create: {
							before: async (user) => ({
								data: { ...user, emailVerified: true },
							}),
						},
					},
				},
			},
			{ testWith: "sqlite" },
		);

	const ctx = await auth.$context;

	// Org A and its owner.
	const orgAOwner = await signInWithTestUser();
	const orgA = await auth.api.createOrganization({
		headers: orgAOwner.headers,
		body: { name: "Org A", slug: "org-a" },
	});
	if (!orgA) throw new Error("failed to create org A");

	// A separate organization (Org B) with its own owner and team.
	const inviteeEmail = "team-scope-invitee@email.com";
	const orgBOwner = {
		email: "org-b-owner@email.com",
		password: "password12345",
		name: "Org B Owner",
	};
	await client.signUp.email(orgBOwner);
	const orgBHeaders = (
		await signInWithUser(orgBOwner.email, orgBOwner.password)
	).headers;
	const orgB = await auth.api.createOrganization({
		headers: orgBHeaders,
		body: { name: "Org B", slug: "org-b" },
	});
	if (!orgB) throw new Error("failed to create org B");
	const teamB = await auth.api.createTeam({
		headers: orgBHeaders,
		body: { name: "Org B Team", organizationId: orgB.id },
	});
	const otherOrgTeamId = teamB.id;

	it("rejects createInvitation when the team belongs to another organization", async () => {
		await expect(
			auth.api.createInvitation({
				headers: orgAOwner.headers,
				body: {
					email: inviteeEmail,
					role: "member",
					organizationId: orgA.id,
					teamId: otherOrgTeamId,
				},
			}),
		).rejects.toMatchObject({
			status: "BAD_REQUEST",
			body: { code: "TEAM_NOT_FOUND" },
		});
	});

	it("does not add the member to another organization's team when accepting an invitation that stored one", async () => {
		// An older invitation in Org A that references Org B's team directly,
		// created before team/org scoping was enforced.
		const invitationId = `team-scope-invitation-${Date.now()}`;
		await ctx.adapter.create({
			model: "invitation",
			forceAllowId: true,
			data: {
				id: invitationId,
				email: inviteeEmail,
				role: "member",
				organizationId: orgA.id,
				teamId: otherOrgTeamId,
				status: "pending",
				inviterId: orgAOwner.user.id,
				expiresAt: new Date(Date.now() + 1000 * 60 * 60),
				createdAt: new Date(),
			},
		});

		const inviteeHeaders = new Headers();
		const inviteeSignUp = await client.signUp.email(
			{
				email: inviteeEmail,
				password: "password12345",
				name: "Invitee",
			},
			{ onSuccess: cookieSetter(inviteeHeaders) },
		);
		const inviteeUserId = inviteeSignUp.data!.user.id;

		await expect(
			auth.api.acceptInvitation({
				headers: inviteeHeaders,
				body: { invitationId },
			}),
		).rejects.toMatchObject({
			status: "BAD_REQUEST",
			body: { code: "TEAM_NOT_FOUND" },
		});

		// The member should not be added to Org B's team.
		const otherOrgTeamMembers = await ctx.adapter.findMany<{ userId: string }>({
			model: "teamMember",
			where: [{ field: "teamId", value: otherOrgTeamId }],
		});
		expect(otherOrgTeamMembers.some((m) => m.userId === inviteeUserId)).toBe(
			false,
		);
	});
});

describe("accept-invitation validates team capacity before adding the member", async () => {
	const { auth, client, signInWithTestUser, cookieSetter } =
		await getTestInstance({
			plugins: [
				organization({
					async sendInvitationEmail() {},
					teams: {
						enabled: true,
						maximumMembersPerTeam: 2,
					},
				}),
			],
			logger: { level: "error" },
			databaseHooks: {
				user: {
					create: {
						before: async (user) => ({
							data: { ...user, emailVerified: true },
						}),
					},
				},
			},
		});

	const ctx = await auth.$context;
	const owner = await signInWithTestUser();
	const org = await auth.api.createOrganization({
		headers: owner.headers,
		body: { name: "Capacity Org", slug: "capacity-org" },
	});
	if (!org) throw new Error("failed to create organization");

	let seedCounter = 0;
	const seedTeamMember = async (teamId: string) => {
		const seedUser = await auth.api.signUpEmail({
			body: {
				name: `Seed ${seedCounter}`,
				email: `seed-${seedCounter++}@email.com`,
				password: "password12345",
			},
		});
		await ctx.adapter.create({
			model: "teamMember",
			data: {
				teamId,
				userId: seedUser.user.id,
				createdAt: new Date(),
			},
		});
	};

	const inviteAndSignUp = async (teamId: string, email: string) => {
		const invitation = await auth.api.createInvitation({
			headers: owner.headers,
			body: { email, role: "member", organizationId: org.id, teamId },
		});
		const inviteeHeaders = new Headers();
		const signUp = await client.signUp.email(
			{ email, password: "password12345", name: email },
			{ onSuccess: cookieSetter(inviteeHeaders) },
		);
		return {
			invitationId: invitation.id!,
			inviteeHeaders,
			userId: signUp.data!.user.id,
		};
	};

	it("accepts the final member when the team is one below capacity", async () => {
		const team = await auth.api.createTeam({
			headers: owner.headers,
			body: { name: "Almost Full Team", organizationId: org.id },
		});
		// One existing member; the limit is two, so the accept must fit.
		await seedTeamMember(team.id);

		const { invitationId, inviteeHeaders, userId } = await inviteAndSignUp(
			team.id,
			"capacity-fits@email.com",
		);

		const accept = await auth.api.acceptInvitation({
			headers: inviteeHeaders,
			body: { invitationId },
		});

		expect(accept?.member?.userId).toBe(userId);
		expect(accept?.invitation?.status).toBe("accepted");

		const members = await ctx.adapter.findMany<{ userId: string }>({
			model: "teamMember",
			where: [{ field: "teamId", value: team.id }],
		});
		expect(members).toHaveLength(2);
		expect(members.some((m) => m.userId === userId)).toBe(true);

		const teamAfter = await ctx.adapter.findOne<{ memberCount: number }>({
			model: "team",
			where: [{ field: "id", value: team.id }],
		});
		expect(teamAfter?.memberCount).toBe(2);
	});

	it("enforces the team limit when adding an existing organization member directly", async () => {
		const team = await auth.api.createTeam({
			headers: owner.headers,
			body: { name: "Direct Add Capacity Team", organizationId: org.id },
		});
		await seedTeamMember(team.id);
		const firstUser = await auth.api.signUpEmail({
			body: {
				name: "Direct Add One",
				email: "direct-add-one@email.com",
				password: "password12345",
			},
		});
		const secondUser = await auth.api.signUpEmail({
			body: {
				name: "Direct Add Two",
				email: "direct-add-two@email.com",
				password: "password12345",
			},
		});
		for (const user of [firstUser.user, secondUser.user]) {
			await ctx.adapter.create({
				model: "member",
				data: {
					organizationId: org.id,
					userId: user.id,
					role: "member",
					createdAt: new Date(),
				},
			});
		}

		const added = await auth.api.addTeamMember({
			headers: owner.headers,
			body: {
				teamId: team.id,
				userId: firstUser.user.id,
				organizationId: org.id,
			},
		});
		expect(added.userId).toBe(firstUser.user.id);

		await expect(
			auth.api.addTeamMember({
				headers: owner.headers,
				body: {
					teamId: team.id,
					userId: secondUser.user.id,
					organizationId: org.id,
				},
			}),
		).rejects.toMatchObject({
			status: "FORBIDDEN",
			body: { code: "TEAM_MEMBER_LIMIT_REACHED" },
		});

		const members = await ctx.adapter.findMany<{ userId: string }>({
			model: "teamMember",
			where: [{ field: "teamId", value: team.id }],
		});
		expect(members).toHaveLength(2);
		expect(members.some((m) => m.userId === firstUser.user.id)).toBe(true);
		expect(members.some((m) => m.userId === secondUser.user.id)).toBe(false);
	});

	it("rolls back addMember when the requested team is already full", async () => {
		const team = await auth.api.createTeam({
			headers: owner.headers,
			body: { name: "Add Member Full Team", organizationId: org.id },
		});
		await seedTeamMember(team.id);
		await seedTeamMember(team.id);
		const newUser = await auth.api.signUpEmail({
			body: {
				name: "Full Team Add Member",
				email: "full-team-add-member@email.com",
				password: "password12345",
			},
		});

		await expect(
			auth.api.addMember({
				headers: owner.headers,
				body: {
					userId: newUser.user.id,
					role: "member",
					organizationId: org.id,
					teamId: team.id,
				},
			}),
		).rejects.toMatchObject({
			status: "FORBIDDEN",
			body: { code: "TEAM_MEMBER_LIMIT_REACHED" },
		});

		const orgMember = await ctx.adapter.findOne<{ id: string }>({
			model: "member",
			where: [
				{ field: "organizationId", value: org.id },
				{ field: "userId", value: newUser.user.id },
			],
		});
		expect(orgMember).toBeNull();
	});

	it("rejects with TEAM_MEMBER_LIMIT_REACHED and creates no membership row when the team fills between invite and accept", async () => {
		const team = await auth.api.createTeam({
			headers: owner.headers,
			body: { name: "Filling Team", organizationId: org.id },
		});
		// Invite while the team is below the limit, then fill it so the accept
		// would overflow: the capacity check must run at accept time.
		await seedTeamMember(team.id);
		const { invitationId, inviteeHeaders, userId } = await inviteAndSignUp(
			team.id,
			"capacity-overflows@email.com",
		);
		await seedTeamMember(team.id);

		await expect(
			auth.api.acceptInvitation({
				headers: inviteeHeaders,
				body: { invitationId },
			}),
		).rejects.toMatchObject({
			status: "FORBIDDEN",
			body: { code: "TEAM_MEMBER_LIMIT_REACHED" },
		});

		const members = await ctx.adapter.findMany<{ userId: string }>({
			model: "teamMember",
			where: [{ field: "teamId", value: team.id }],
		});
		expect(members).toHaveLength(2);
		expect(members.some((m) => m.userId === userId)).toBe(false);

		// The invitation must stay pending so the invitee can retry; a capacity
		// failure cannot leave them marked accepted with no membership.
		const invitationAfter = await ctx.adapter.findOne<{ status: string }>({
			model: "invitation",
			where: [{ field: "id", value: invitationId }],
		});
		expect(invitationAfter?.status).toBe("pending");

		const orgMembers = await ctx.adapter.findMany<{ userId: string }>({
			model: "member",
			where: [{ field: "organizationId", value: org.id }],
		});
		expect(orgMembers.some((m) => m.userId === userId)).toBe(false);
	});

	it("accepts only one of two concurrent invitations competing for the final team slot", async () => {
		const team = await auth.api.createTeam({
			headers: owner.headers,
			body: { name: "Final Slot Team", organizationId: org.id },
		});
		await seedTeamMember(team.id);
		const firstInvite = await inviteAndSignUp(
			team.id,
			"final-slot-one@email.com",
		);
		const secondInvite = await inviteAndSignUp(
			team.id,
			"final-slot-two@email.com",
		);

		const results = await Promise.allSettled([
			auth.api.acceptInvitation({
				headers: firstInvite.inviteeHeaders,
				body: { invitationId: firstInvite.invitationId },
			}),
			auth.api.acceptInvitation({
				headers: secondInvite.inviteeHeaders,
				body: { invitationId: secondInvite.invitationId },
			}),
		]);

		expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
		expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);

		const members = await ctx.adapter.findMany<{ userId: string }>({
			model: "teamMember",
			where: [{ field: "teamId", value: team.id }],
		});
		expect(members).toHaveLength(2);
		const acceptedInviteeCount = members.filter(
			(m) =>
				m.userId === firstInvite.userId || m.userId === secondInvite.userId,
		).length;
		expect(acceptedInviteeCount).toBe(1);

		const teamAfter = await ctx.adapter.findOne<{ memberCount: number }>({
			model: "team",
			where: [{ field: "id", value: team.id }],
		});
		expect(teamAfter?.memberCount).toBe(2);
	});

	it("accepts only once when the same invitation is accepted concurrently", async () => {
		const team = await auth.api.createTeam({
			headers: owner.headers,
			body: { name: "Concurrent Team", organizationId: org.id },
		});
		const { invitationId, inviteeHeaders, userId } = await inviteAndSignUp(
			team.id,
			"concurrent-accept@email.com",
		);

		const results = await Promise.allSettled([
			auth.api.acceptInvitation({
				headers: inviteeHeaders,
				body: { invitationId },
			}),
			auth.api.acceptInvitation({
				headers: inviteeHeaders,
				body: { invitationId },
			}),
		]);

		// One request wins the claim; the other observes the invitation is no
		// longer pending and is rejected, never running the side effects twice.
		expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
		expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);

		const orgMembers = await ctx.adapter.findMany<{ userId: string }>({
			model: "member",
			where: [{ field: "organizationId", value: org.id }],
		});
		expect(orgMembers.filter((m) => m.userId === userId)).toHaveLength(1);
	});

	it("does not reopen an invitation when a stale rollback loses its status guard", async () => {
		const team = await auth.api.createTeam({
			headers: owner.headers,
			body: { name: "Rollback Guard Team", organizationId: org.id },
		});
		const { invitationId } = await inviteAndSignUp(
			team.id,
			"rollback-guard@email.com",
		);

		const accepted = await ctx.adapter.update<{ status: string }>({
			model: "invitation",
			where: [
				{ field: "id", value: invitationId },
				{ field: "status", value: "pending" },
			],
			update: { status: "accepted" },
		});
		expect(accepted?.status).toBe("accepted");
		const rejected = await ctx.adapter.update<{ status: string }>({
			model: "invitation",
			where: [
				{ field: "id", value: invitationId },
				{ field: "status", value: "accepted" },
			],
			update: { status: "rejected" },
		});
		expect(rejected?.status).toBe("rejected");

		const staleRollback = await ctx.adapter.update<{ status: string }>({
			model: "invitation",
			where: [
				{ field: "id", value: invitationId },
				{ field: "status", value: "accepted" },
			],
			update: { status: "pending" },
		});
		expect(staleRollback).toBeNull();

		const invitationAfter = await ctx.adapter.findOne<{ status: string }>({
			model: "invitation",
			where: [{ field: "id", value: invitationId }],
		});
		expect(invitationAfter?.status).toBe("rejected");
	});
});
