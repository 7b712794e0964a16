import { assert, describe, expect, it } from "vitest";
import { getTestInstance } from "../../test-utils/test-instance";
import { USERNAME_ERROR_CODES, username } from ".";
import { usernameClient } from "./client";

describe("username", async () => {
	const { client, sessionSetter, signInWithTestUser } = await getTestInstance(
		{
			plugins: [
				username({
					minUsernameLength: 4,
				}),
			],
		},
		{
			clientOptions: {
				plugins: [usernameClient()],
			},
		},
	);

	it("should sign up with username", async () => {
		const headers = new Headers();
		await client.signUp.email(
			{
				email: "new-email@gamil.com",
				username: "new_username",
				password: "new-password",
				name: "new-name",
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);
		const session = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});
		expect(session?.user.username).toBe("new_username");
	});
	const headers = new Headers();
	it("should sign-in with username", async () => {
		const res = await client.signIn.username(
			{
				username: "new_username",
				password: "new-password",
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);
		expect(res.data?.token).toBeDefined();
	});

	it("uses only the canonical credential account during username sign-in", async () => {
		const { auth, client } = await getTestInstance(
			{
				plugins: [username()],
			},
			{
				clientOptions: { plugins: [usernameClient()] },
			},
		);
		const signUp = await client.signUp.email({
			email: "canonical-username@example.com",
			username: "canonical_username",
			password: "canonical-password",
			name: "Canonical Username",
		});
		const userId = signUp.data!.user.id;
		const context = await auth.$context;
		const canonicalAccount =
			await context.internalAdapter.findCredentialAccount(userId);
		assert(
			canonicalAccount?.password,
			"canonical credential account is required",
		);

		await context.internalAdapter.deleteAccount(canonicalAccount.id);
		await context.internalAdapter.createAccount({
			userId,
			providerId: "credential",
			issuer: "local:decoy-credential",
			accountId: "decoy-subject",
			password: await context.password.hash("decoy-password"),
		});
		await context.internalAdapter.createAccount({
			userId,
			providerId: "credential",
			issuer: "local:credential",
			accountId: userId,
			password: canonicalAccount.password,
		});

		const canonicalSignIn = await client.signIn.username({
			username: "canonical_username",
			password: "canonical-password",
		});
		expect(canonicalSignIn.data?.user.id).toBe(userId);

		const decoySignIn = await client.signIn.username({
			username: "canonical_username",
			password: "decoy-password",
		});
		expect(decoySignIn.data).toBeNull();
		expect(decoySignIn.error?.status).toBe(401);
	});

	/**
	 * @see https://github.com/better-auth/better-auth/issues/9469
	 */
	it("should redirect to callbackURL on sign-in (parity with sign-in/email)", async () => {
		const res = await client.signIn.username({
			username: "new_username",
			password: "new-password",
			callbackURL: "/dashboard",
		});
		expect(res.data?.redirect).toBe(true);
		expect(res.data?.url).toBe("/dashboard");
		expect(res.data?.token).toBeDefined();
	});

	it("should not set redirect when callbackURL is omitted", async () => {
		const res = await client.signIn.username({
			username: "new_username",
			password: "new-password",
		});
		expect(res.data?.redirect).toBe(false);
		expect(res.data?.url).toBeUndefined();
	});

	it("should update username", async () => {
		await client.updateUser({
			username: "new_username_2.1",
			fetchOptions: {
				headers,
			},
		});

		const session = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});
		expect(session?.user.username).toBe("new_username_2.1");
	});

	it("should fail on duplicate username in sign-up", async () => {
		const res = await client.signUp.email({
			email: "new-email-2@gamil.com",
			username: "New_username_2.1",
			password: "new_password",
			name: "new-name",
		});
		expect(res.error?.status).toBe(400);
	});

	/**
	 * @see https://github.com/better-auth/better-auth/issues/8689
	 */
	it("should fail on duplicate username in update-user if user is different", async () => {
		const newHeaders = new Headers();
		await client.signUp.email({
			email: "duplicate_user@gmail.com",
			username: "duplicate_user",
			password: "new_password",
			name: "duplicate-user",
			fetchOptions: {
				headers: newHeaders,
			},
		});

		const { headers: testUserHeaders } = await signInWithTestUser();
		const res = await client.updateUser({
			username: "duplicate_user",
			fetchOptions: {
				headers: testUserHeaders,
			},
		});
		expect(res.error?.status).toBe(400);
	});

	/**
	 * @see https://github.com/better-auth/better-auth/issues/8689
	 */
	it("should fail on duplicate username in update-user with different casing", async () => {
		const newHeaders = new Headers();
		await client.signUp.email({
			email: "case-test@gmail.com",
			username: "casetestuser",
			password: "new_password",
			name: "case-test",
			fetchOptions: {
				headers: newHeaders,
			},
		});

		const { headers: testUserHeaders } = await signInWithTestUser();
		const res = await client.updateUser({
			username: "CaseTestUser",
			fetchOptions: {
				headers: testUserHeaders,
			},
		});
		expect(res.error?.status).toBe(400);
	});

	it("should succeed on duplicate username in update-user if user is the same", async () => {
		await client.updateUser({
			username: "New_username_2.1",
			fetchOptions: {
				headers,
			},
		});

		const session = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});
		expect(session?.user.username).toBe("new_username_2.1");
	});

	it("should preserve both username and displayUsername when updating both", async () => {
		const updateRes = await client.updateUser({
			username: "priority_user",
			displayUsername: "Priority Display Name",
			fetchOptions: {
				headers,
			},
		});

		expect(updateRes.error).toBeNull();

		const session = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});

		expect(session?.user.username).toBe("priority_user");
		expect(session?.user.displayUsername).toBe("Priority Display Name");
	});

	it("should fail on invalid username", async () => {
		const res = await client.signUp.email({
			email: "email-4@email.com",
			username: "new username",
			password: "new_password",
			name: "new-name",
		});
		expect(res.error?.status).toBe(400);
		expect(res.error?.code).toBe(USERNAME_ERROR_CODES.INVALID_USERNAME.code);
	});

	it("should fail on too short username", async () => {
		const res = await client.signUp.email({
			email: "email-4@email.com",
			username: "new",
			password: "new_password",
			name: "new-name",
		});
		expect(res.error?.status).toBe(400);
		expect(res.error?.code).toBe("USERNAME_TOO_SHORT");
	});

	it("should fail on empty username", async () => {
		const res = await client.signUp.email({
			email: "email-4@email.com",
			username: "",
			password: "new_password",
			name: "new-name",
		});
		expect(res.error?.status).toBe(400);
	});

	it("should check if username is unavailable", async () => {
		const res = await client.isUsernameAvailable({
			username: "priority_user",
		});
		expect(res.data?.available).toEqual(false);
	});

	it("should check if username is unavailable with different case (normalization)", async () => {
		const res = await client.isUsernameAvailable({
			username: "PRIORITY_USER",
		});
		expect(res.data?.available).toEqual(false);
	});

	it("should check if username is available", async () => {
		const res = await client.isUsernameAvailable({
			username: "new_username_2.2",
		});
		expect(res.data?.available).toEqual(true);
	});

	it("should reject invalid username format in isUsernameAvailable", async () => {
		const res = await client.isUsernameAvailable({
			username: "invalid username!",
		});
		expect(res.error?.status).toBe(422);
		expect(res.error?.code).toBe(USERNAME_ERROR_CODES.INVALID_USERNAME.code);
	});

	it("should reject too short username in isUsernameAvailable", async () => {
		const res = await client.isUsernameAvailable({
			username: "abc",
		});
		expect(res.error?.status).toBe(422);
		expect(res.error?.code).toBe("USERNAME_TOO_SHORT");
	});

	it("should reject too long username in isUsernameAvailable", async () => {
		const longUsername = "a".repeat(31);
		const res = await client.isUsernameAvailable({
			username: longUsername,
		});
		expect(res.error?.status).toBe(422);
		expect(res.error?.code).toBe(USERNAME_ERROR_CODES.USERNAME_TOO_LONG.code);
	});

	it("should not normalize displayUsername", async () => {
		const headers = new Headers();
		await client.signUp.email(
			{
				email: "display-test@email.com",
				displayUsername: "Test_Username",
				password: "test-password",
				name: "test-name",
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);

		const session = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});

		expect(session?.user.username).toBe("test_username");
		expect(session?.user.displayUsername).toBe("Test_Username");
	});

	it("should not store an invalid displayUsername-only value as username", async () => {
		const headers = new Headers();
		const res = await client.signUp.email(
			{
				email: "invalid-display-username@email.com",
				displayUsername: "Invalid Username",
				password: "test-password",
				name: "test-name",
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);

		expect(res.error).toBeNull();
		const session = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});

		expect(session?.user.username).toBeNull();
		expect(session?.user.displayUsername).toBe("Invalid Username");
	});

	it("should not replace an explicit empty username with displayUsername", async () => {
		const res = await client.signUp.email({
			email: "empty-username@email.com",
			username: "",
			displayUsername: "valid_username",
			password: "test-password",
			name: "test-name",
		});

		expect(res.error?.status).toBe(400);
		expect(res.error?.code).toBe(USERNAME_ERROR_CODES.USERNAME_TOO_SHORT.code);
	});

	it("should preserve both username and displayUsername when both are provided", async () => {
		const headers = new Headers();
		await client.signUp.email(
			{
				email: "both-fields@email.com",
				username: "custom_user",
				displayUsername: "Fancy Display Name",
				password: "test-password",
				name: "test-name",
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);

		const session = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});

		expect(session?.user.username).toBe("custom_user");
		expect(session?.user.displayUsername).toBe("Fancy Display Name");
	});

	it("should sign in with normalized username", async () => {
		const { client } = await getTestInstance(
			{
				plugins: [username()],
			},
			{
				clientOptions: {
					plugins: [usernameClient()],
				},
			},
		);
		await client.signUp.email({
			email: "normalized-username@email.com",
			username: "Custom_User",
			password: "test-password",
			name: "test-name",
		});
		const res2 = await client.signIn.username({
			username: "Custom_User",
			password: "test-password",
		});
		expect(res2.data?.user.username).toBe("custom_user");
		expect(res2.data?.user.displayUsername).toBe("Custom_User");
	});
});

describe("username custom normalization", async () => {
	const { client } = await getTestInstance(
		{
			plugins: [
				username({
					minUsernameLength: 4,
					usernameNormalization: (username) =>
						username.replaceAll("0", "o").replaceAll("4", "a").toLowerCase(),
				}),
			],
		},
		{
			clientOptions: {
				plugins: [usernameClient()],
			},
		},
	);

	it("should sign up with username", async () => {
		const res = await client.signUp.email({
			email: "new-email@gamil.com",
			username: "H4XX0R",
			password: "new-password",
			name: "new-name",
		});
		expect(res.error).toBeNull();
	});

	it("should fail on duplicate username", async () => {
		const res = await client.signUp.email({
			email: "new-email-2@gamil.com",
			username: "haxxor",
			password: "new-password",
			name: "new-name",
		});
		expect(res.error?.status).toBe(400);
	});

	it("should normalize displayUsername", async () => {
		const { auth } = await getTestInstance({
			plugins: [
				username({
					displayUsernameNormalization: (displayUsername) =>
						displayUsername.toLowerCase(),
				}),
			],
		});
		const res = await auth.api.signUpEmail({
			body: {
				email: "new-email-3@gmail.com",
				password: "new-password",
				name: "new-name",
				username: "test_username",
				displayUsername: "Test Username",
			},
		});
		const session = await auth.api.getSession({
			headers: new Headers({
				authorization: `Bearer ${res.token}`,
			}),
		});
		expect(session?.user.username).toBe("test_username");
		expect(session?.user.displayUsername).toBe("test username");
	});
});

describe("username with displayUsername validation", async () => {
	const { client, sessionSetter } = await getTestInstance(
		{
			plugins: [
				username({
					displayUsernameValidator: (displayUsername) =>
						/^[a-zA-Z0-9_-]+$/.test(displayUsername),
				}),
			],
		},
		{
			clientOptions: {
				plugins: [usernameClient()],
			},
		},
	);

	it("should accept valid displayUsername", async () => {
		const res = await client.signUp.email({
			email: "display-valid@email.com",
			displayUsername: "Valid_Display-123",
			password: "test-password",
			name: "test-name",
		});
		expect(res.error).toBeNull();
		expect(res.data?.user.username).toBeNull();
		expect(res.data?.user.displayUsername).toBe("Valid_Display-123");
	});

	it("should reject invalid displayUsername", async () => {
		const res = await client.signUp.email({
			email: "display-invalid@email.com",
			username: "invalid_display",
			displayUsername: "Invalid Display!",
			password: "test-password",
			name: "test-name",
		});
		expect(res.error?.status).toBe(400);
		expect(res.error?.code).toBe(
			USERNAME_ERROR_CODES.INVALID_DISPLAY_USERNAME.code,
		);
	});

	it("should not validate inferred displayUsername during sign-up", async () => {
		const res = await client.signUp.email({
			email: "inferred-display@email.com",
			username: "valid.username",
			password: "test-password",
			name: "test-name",
		});

		expect(res.error).toBeNull();
		expect(res.data?.user.username).toBe("valid.username");
		expect(res.data?.user.displayUsername).toBe("valid.username");
	});

	it("should update displayUsername with valid value", async () => {
		const headers = new Headers();
		await client.signUp.email(
			{
				email: "update-display@email.com",
				displayUsername: "Initial_Name",
				username: "initial_name",
				password: "test-password",
				name: "test-name",
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);

		const sessionBefore = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});
		expect(sessionBefore?.user.displayUsername).toBe("Initial_Name");
		expect(sessionBefore?.user.username).toBe("initial_name");

		const res = await client.updateUser({
			displayUsername: "Updated_Name-123",
			fetchOptions: {
				headers,
			},
		});

		expect(res.error).toBeNull();
		const sessionAfter = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});
		expect(sessionAfter?.user.displayUsername).toBe("Updated_Name-123");
		expect(sessionAfter?.user.username).toBe("initial_name");
	});

	it("should reject invalid displayUsername on update", async () => {
		const headers = new Headers();
		await client.signUp.email(
			{
				email: "update-invalid@email.com",
				username: "valid_name",
				displayUsername: "Valid_Name",
				password: "test-password",
				name: "test-name",
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);

		const res = await client.updateUser({
			displayUsername: "Invalid Display!",
			fetchOptions: {
				headers,
			},
		});

		expect(res.error?.status).toBe(400);
		expect(res.error?.code).toBe(
			USERNAME_ERROR_CODES.INVALID_DISPLAY_USERNAME.code,
		);
	});
});

describe("isUsernameAvailable with custom validator", async () => {
	const { client } = await getTestInstance(
		{
			plugins: [
				username({
					usernameValidator: async (username) => {
						return username.startsWith("user_");
					},
				}),
			],
		},
		{
			clientOptions: {
				plugins: [usernameClient()],
			},
		},
	);

	it("should accept username with custom validator", async () => {
		const res = await client.isUsernameAvailable({
			username: "user_valid123",
		});
		expect(res.data?.available).toEqual(true);
	});

	it("should reject username that doesn't match custom validator", async () => {
		const res = await client.isUsernameAvailable({
			username: "invalid_user",
		});
		expect(res.error?.status).toBe(422);
		expect(res.error?.code).toBe(USERNAME_ERROR_CODES.INVALID_USERNAME.code);
	});

	it("should reject username that doesn't match custom validator during sign-up/sign-in", async () => {
		const signUpRes = await client.signUp.email({
			email: "test-user@test.com",
			password: "password1234",
			name: "Test user",
			username: "invalid_user",
		});

		expect(signUpRes.error).toBeDefined();
		expect(signUpRes.error?.code).toBe(
			USERNAME_ERROR_CODES.INVALID_USERNAME.code,
		);

		const signInRes = await client.signIn.username({
			username: "invalid_user",
			password: "password1234",
		});

		expect(signInRes.error).toBeDefined();
		expect(signInRes.error?.code).toBe(
			USERNAME_ERROR_CODES.INVALID_USERNAME.code,
		);
	});
});

describe("post normalization flow", async () => {
	it("should set displayUsername to username if only username is provided", async () => {
		const { auth } = await getTestInstance({
			plugins: [
				username({
					validationOrder: {
						username: "post-normalization",
						displayUsername: "post-normalization",
					},
					usernameNormalization: (username) => {
						return username.split(" ").join("_").toLowerCase();
					},
				}),
			],
		});
		const res = await auth.api.signUpEmail({
			body: {
				email: "test-username@email.com",
				username: "Test Username",
				password: "test-password",
				name: "test-name",
			},
		});
		const session = await auth.api.getSession({
			headers: new Headers({
				authorization: `Bearer ${res.token}`,
			}),
		});
		expect(session?.user.username).toBe("test_username");
		expect(session?.user.displayUsername).toBe("Test Username");
	});
});

describe("username email verification flow (no info leak)", async () => {
	const { client } = await getTestInstance(
		{
			emailAndPassword: { enabled: true, requireEmailVerification: true },
			plugins: [username()],
		},
		{
			clientOptions: {
				plugins: [usernameClient()],
			},
		},
	);

	it("returns INVALID_USERNAME_OR_PASSWORD for wrong password even if email is unverified", async () => {
		await client.signUp.email({
			email: "unverified-user@example.com",
			username: "unverified_user",
			password: "correct-password",
			name: "Unverified User",
		});

		const res = await client.signIn.username({
			username: "unverified_user",
			password: "wrong-password",
		});

		expect(res.error?.status).toBe(401);
		expect(res.error?.code).toBe("INVALID_USERNAME_OR_PASSWORD");
	});

	it("returns EMAIL_NOT_VERIFIED only after a correct password for an unverified user", async () => {
		const res = await client.signIn.username({
			username: "unverified_user",
			password: "correct-password",
		});

		expect(res.error?.status).toBe(403);
		expect(res.error?.code).toBe("EMAIL_NOT_VERIFIED");
	});
});

describe("immutable username", async () => {
	const { client, sessionSetter } = await getTestInstance(
		{
			plugins: [
				username({
					immutableUsername: true,
				}),
			],
		},
		{
			clientOptions: {
				plugins: [usernameClient()],
			},
		},
	);

	it("should sign up with username when immutable username is enabled", async () => {
		const headers = new Headers();
		await client.signUp.email(
			{
				email: "immutable-test@example.com",
				username: "immutable_user",
				password: "password123",
				name: "Immutable Test",
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);

		const session = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});
		expect(session?.user.username).toBe("immutable_user");
	});

	it("should fail when trying to update username to a different value", async () => {
		const headers = new Headers();
		await client.signUp.email(
			{
				email: "immutable-update-test@example.com",
				username: "immutable_update_user",
				password: "password123",
				name: "Immutable Update Test",
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);

		const res = await client.updateUser({
			username: "new_username_attempt",
			fetchOptions: {
				headers,
			},
		});

		expect(res.error?.status).toBe(400);
		expect(res.error?.code).toBe(
			USERNAME_ERROR_CODES.USERNAME_IS_IMMUTABLE.code,
		);
	});

	it("should succeed setting username if previously unset", async () => {
		const headers = new Headers();
		await client.signUp.email(
			{
				email: "immutable-update-unset-test@example.com",
				password: "password123",
				name: "Immutable Update Test",
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);

		const res = await client.updateUser({
			username: "new_username_previously_unset",
			fetchOptions: {
				headers,
			},
		});

		expect(res.error).toBeNull();

		const session = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});
		expect(session?.user.username).toBe("new_username_previously_unset");
	});

	it("should succeed when updating username to the same value", async () => {
		const headers = new Headers();
		await client.signUp.email(
			{
				email: "immutable-same-value@example.com",
				username: "immutable_same_user",
				password: "password123",
				name: "Immutable Same Value Test",
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);

		const res = await client.updateUser({
			username: "immutable_same_user",
			fetchOptions: {
				headers,
			},
		});

		expect(res.error).toBeNull();

		const session = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});
		expect(session?.user.username).toBe("immutable_same_user");
	});

	it("should succeed when updating displayUsername even with immutable username", async () => {
		const headers = new Headers();
		await client.signUp.email(
			{
				email: "immutable-display-update@example.com",
				username: "immutable_display_user",
				displayUsername: "Original Display",
				password: "password123",
				name: "Immutable Display Update Test",
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);

		const res = await client.updateUser({
			displayUsername: "Updated Display Name",
			fetchOptions: {
				headers,
			},
		});

		expect(res.error).toBeNull();

		const session = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});
		expect(session?.user.username).toBe("immutable_display_user");
		expect(session?.user.displayUsername).toBe("Updated Display Name");
	});
});

describe("username sign-in verify-email callbackURL", async () => {
	/**
	 * The verify-email link sent on username sign-in for an unverified user must
	 * keep the caller's `callbackURL` intact. A raw interpolation truncates any
	 * value containing `&` at the first ampersand.
	 *
	 * @see https://github.com/better-auth/better-auth/issues/6086
	 */
	it("encodes callbackURL in the verify-email link on username sign-in", async () => {
		let capturedUrl = "";
		const { client } = await getTestInstance(
			{
				emailAndPassword: { enabled: true, requireEmailVerification: true },
				emailVerification: {
					sendOnSignIn: true,
					async sendVerificationEmail({ url }) {
						capturedUrl = url;
					},
				},
				plugins: [username()],
			},
			{
				clientOptions: {
					plugins: [usernameClient()],
				},
			},
		);

		await client.signUp.email({
			email: "encode-username@example.com",
			username: "encode_username",
			password: "correct-password",
			name: "Encode Username",
		});

		const callbackURL = "/welcome?ref=username&plan=pro";
		await client.signIn.username({
			username: "encode_username",
			password: "correct-password",
			callbackURL,
		});

		expect(capturedUrl).not.toBe("");
		expect(new URL(capturedUrl).searchParams.get("callbackURL")).toBe(
			callbackURL,
		);
	});
});

/**
 * @see https://github.com/better-auth/better-auth/issues/10312
 */
describe("username with displayUsername disabled", async () => {
	const { client, sessionSetter } = await getTestInstance(
		{
			plugins: [
				username({
					displayUsername: false,
				}),
			],
		},
		{
			clientOptions: {
				plugins: [usernameClient({ displayUsername: false })],
			},
		},
	);

	it("should sign up and normalize username without writing displayUsername", async () => {
		const headers = new Headers();
		await client.signUp.email(
			{
				email: "no-display@example.com",
				username: "No_Display_User",
				password: "new-password",
				name: "No Display",
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);
		const session = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});
		expect(session?.user.username).toBe("no_display_user");
		expect("displayUsername" in (session?.user ?? {})).toBe(false);
		// @ts-expect-error displayUsername should be excluded from inferred types
		expect(session?.user.displayUsername).toBeUndefined();
	});

	it("should update username without writing displayUsername", async () => {
		const headers = new Headers();
		await client.signUp.email(
			{
				email: "no-display-update@example.com",
				username: "update_no_display",
				password: "new-password",
				name: "Update No Display",
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);

		const res = await client.updateUser({
			username: "Updated_No_Display",
			fetchOptions: {
				headers,
			},
		});
		expect(res.error).toBeNull();

		const session = await client.getSession({
			fetchOptions: {
				headers,
				throw: true,
			},
		});
		expect(session?.user.username).toBe("updated_no_display");
		expect("displayUsername" in (session?.user ?? {})).toBe(false);
	});
});

/**
 * @see https://github.com/better-auth/better-auth/issues/10312
 */
describe("username with displayUsername disabled and a validator", async () => {
	const { client } = await getTestInstance(
		{
			plugins: [
				username({
					displayUsername: false,
					displayUsernameValidator: (displayUsername) =>
						/^[a-zA-Z0-9_-]+$/.test(displayUsername),
				}),
			],
		},
		{
			clientOptions: {
				plugins: [usernameClient({ displayUsername: false })],
			},
		},
	);

	it("should not validate displayUsername from the body when the field is disabled", async () => {
		const res = await client.signUp.email({
			email: "disabled-validator@example.com",
			username: "disabled_validator_user",
			password: "new-password",
			name: "Disabled Validator",
			// displayUsername is disabled, so an invalid value must not be rejected
			displayUsername: "Invalid Display!",
		} as Parameters<typeof client.signUp.email>[0]);

		expect(res.error).toBeNull();
		expect(res.data?.user.username).toBe("disabled_validator_user");
		expect("displayUsername" in (res.data?.user ?? {})).toBe(false);
	});
});
