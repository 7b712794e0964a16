import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { getTestInstance } from "../../test-utils/test-instance";
import { bearer } from "../bearer";
import { phoneNumber } from ".";
import { phoneNumberClient } from "./client";

describe("phone-number", async () => {
	let otp = "";

	const { client, sessionSetter } = await getTestInstance(
		{
			plugins: [
				phoneNumber({
					async sendOTP({ code }) {
						otp = code;
					},
					signUpOnVerification: {
						getTempEmail(phoneNumber) {
							return `temp-${phoneNumber}`;
						},
					},
				}),
			],
		},
		{
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);

	const headers = new Headers();

	const testPhoneNumber = "+251911121314";

	afterEach(() => {
		vi.useRealTimers();
	});

	it("should send verification code", async () => {
		const res = await client.phoneNumber.sendOtp({
			phoneNumber: testPhoneNumber,
		});
		expect(res.error).toBe(null);
		expect(otp).toHaveLength(6);
	});

	it("should verify phone number", async () => {
		const res = await client.phoneNumber.verify(
			{
				phoneNumber: testPhoneNumber,
				code: otp,
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);
		expect(res.error).toBe(null);
		expect(res.data?.status).toBe(true);
	});

	it("shouldn't verify again with the same code", async () => {
		const res = await client.phoneNumber.verify({
			phoneNumber: testPhoneNumber,
			code: otp,
		});
		expect(res.error?.status).toBe(400);
	});

	it("should update phone number", async () => {
		const newPhoneNumber = "+0123456789";
		await client.phoneNumber.sendOtp({
			phoneNumber: newPhoneNumber,
			fetchOptions: {
				headers,
			},
		});
		await client.phoneNumber.verify({
			phoneNumber: newPhoneNumber,
			updatePhoneNumber: true,
			code: otp,
			fetchOptions: {
				headers,
			},
		});
		const user = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(user.data?.user.phoneNumber).toBe(newPhoneNumber);
		expect(user.data?.user.phoneNumberVerified).toBe(true);
	});

	it("should not verify if code expired", async () => {
		vi.useFakeTimers();
		await client.phoneNumber.sendOtp({
			phoneNumber: "+25120201212",
		});
		vi.advanceTimersByTime(1000 * 60 * 5 + 1); // 5 minutes + 1ms
		const res = await client.phoneNumber.verify({
			phoneNumber: "+25120201212",
			code: otp,
		});
		expect(res.error?.status).toBe(400);
	});
});

/**
 * @see https://github.com/better-auth/better-auth/issues/9754
 */
describe("consume phone-number OTP", async () => {
	let otp = "";
	const callbackOnVerification = vi.fn();
	const { auth, client, db } = await getTestInstance(
		{
			plugins: [
				phoneNumber({
					async sendOTP({ code }) {
						otp = code;
					},
					callbackOnVerification,
				}),
			],
		},
		{
			disableTestUser: true,
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);

	it("consumes an OTP server-side without creating a user or session", async () => {
		const phoneNumber = "+251911121301";
		await client.phoneNumber.sendOtp({ phoneNumber });

		const result = await auth.api.consumePhoneNumberOTP({
			body: { phoneNumber, code: otp },
		});

		expect(result).toEqual({ status: true });
		expect(callbackOnVerification).not.toHaveBeenCalled();
		expect(
			await db.findMany({
				model: "user",
				where: [{ field: "phoneNumber", value: phoneNumber }],
			}),
		).toHaveLength(0);
		expect(
			await (await auth.$context).internalAdapter.findVerificationValue(
				phoneNumber,
			),
		).toBeNull();
	});

	it("is exposed through the server API only", async () => {
		expectTypeOf<typeof auth.api>().toHaveProperty("consumePhoneNumberOTP");
		expectTypeOf<typeof client.phoneNumber>().not.toHaveProperty("consumeOtp");

		const response = await client.$fetch("/phone-number/consume-otp", {
			method: "POST",
			body: { phoneNumber: "+251911121302", code: "123456" },
		});
		expect(response.error?.status).toBe(404);
	});

	it("keeps attempt limiting active when a stored attempt count is corrupt", async () => {
		const phoneNumber = "+251911121303";
		await client.phoneNumber.sendOtp({ phoneNumber });
		await (await auth.$context).internalAdapter.updateVerificationByIdentifier(
			phoneNumber,
			{
				value: `${otp}:not-a-number`,
			},
		);

		for (let attempt = 0; attempt < 3; attempt++) {
			const res = await client.phoneNumber.verify({
				phoneNumber,
				code: "000000",
			});
			expect(res.error?.status).toBe(400);
			expect(res.error?.message).toBe("Invalid OTP");
		}

		const blocked = await client.phoneNumber.verify({
			phoneNumber,
			code: "000000",
		});
		expect(blocked.error?.status).toBe(403);
		expect(blocked.error?.message).toBe("Too many attempts");
	});

	it("honors allowedAttempts set to 0", async () => {
		let zeroAttemptOtp = "";
		const { auth: zeroAttemptAuth, client: zeroAttemptClient } =
			await getTestInstance(
				{
					plugins: [
						phoneNumber({
							async sendOTP({ code }) {
								zeroAttemptOtp = code;
							},
							allowedAttempts: 0,
						}),
					],
				},
				{
					disableTestUser: true,
					clientOptions: {
						plugins: [phoneNumberClient()],
					},
				},
			);
		const testPhoneNumber = "+251911121304";
		await zeroAttemptClient.phoneNumber.sendOtp({
			phoneNumber: testPhoneNumber,
		});

		await expect(
			zeroAttemptAuth.api.consumePhoneNumberOTP({
				body: { phoneNumber: testPhoneNumber, code: zeroAttemptOtp },
			}),
		).rejects.toThrow("Too many attempts");
	});
});

/**
 * @see https://github.com/better-auth/better-auth/issues/4839
 */
describe("phone-number callbackOnVerification on updatePhoneNumber", async () => {
	let otp = "";
	const callbackOnVerification = vi.fn();

	const { client, sessionSetter } = await getTestInstance(
		{
			plugins: [
				phoneNumber({
					async sendOTP({ code }) {
						otp = code;
					},
					callbackOnVerification,
					signUpOnVerification: {
						getTempEmail(phoneNumber) {
							return `temp-${phoneNumber}`;
						},
					},
				}),
			],
		},
		{
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);

	const headers = new Headers();
	const initialPhoneNumber = "+251911121314";
	const updatedPhoneNumber = "+0123456789";

	it("fires when verifying a new phone number on an authenticated session", async () => {
		await client.phoneNumber.sendOtp({ phoneNumber: initialPhoneNumber });
		await client.phoneNumber.verify(
			{ phoneNumber: initialPhoneNumber, code: otp },
			{ onSuccess: sessionSetter(headers) },
		);
		callbackOnVerification.mockClear();

		await client.phoneNumber.sendOtp({
			phoneNumber: updatedPhoneNumber,
			fetchOptions: { headers },
		});
		const res = await client.phoneNumber.verify({
			phoneNumber: updatedPhoneNumber,
			updatePhoneNumber: true,
			code: otp,
			fetchOptions: { headers },
		});

		expect(res.error).toBe(null);
		expect(res.data?.status).toBe(true);
		expect(callbackOnVerification).toHaveBeenCalledTimes(1);
		expect(callbackOnVerification).toHaveBeenCalledWith(
			expect.objectContaining({
				phoneNumber: updatedPhoneNumber,
				user: expect.objectContaining({
					phoneNumber: updatedPhoneNumber,
					phoneNumberVerified: true,
				}),
			}),
			expect.any(Object),
		);
	});
});

describe("phone-number send otp error handling", async () => {
	const sendOTP = vi.fn(async () => {
		throw new Error("SMS provider error");
	});

	const { client } = await getTestInstance(
		{
			plugins: [
				phoneNumber({
					sendOTP,
				}),
			],
		},
		{
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);

	it("should return an error when sendOTP fails without background tasks", async () => {
		const res = await client.phoneNumber.sendOtp({
			phoneNumber: "+251922334455",
		});

		expect(sendOTP).toHaveBeenCalledOnce();
		expect(res.error?.status).toBe(500);
		expect(res.data).toBe(null);
	});
});

describe("phone-number send otp background task handling", async () => {
	const sendOTP = vi.fn(async () => {
		throw new Error("SMS provider error");
	});
	const backgroundTaskHandler = vi.fn((promise: Promise<unknown>) => {
		void promise;
	});

	const { client } = await getTestInstance(
		{
			advanced: {
				backgroundTasks: {
					handler: backgroundTaskHandler,
				},
			},
			plugins: [
				phoneNumber({
					sendOTP,
				}),
			],
		},
		{
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);

	it("should keep succeeding when sendOTP fails in a background task", async () => {
		const res = await client.phoneNumber.sendOtp({
			phoneNumber: "+251955667788",
		});

		expect(sendOTP).toHaveBeenCalledOnce();
		expect(backgroundTaskHandler).toHaveBeenCalledOnce();
		expect(res.error).toBe(null);
		expect(res.data?.message).toBe("code sent");
	});
});

describe("phone-number send otp background handler failures", async () => {
	const sendOTP = vi.fn(async () => {});
	const backgroundTaskHandler = vi.fn(() => {
		throw new Error("Background task handler error");
	});

	const { client } = await getTestInstance(
		{
			advanced: {
				backgroundTasks: {
					handler: backgroundTaskHandler,
				},
			},
			plugins: [
				phoneNumber({
					sendOTP,
				}),
			],
		},
		{
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);

	it("should keep succeeding when the background task handler throws", async () => {
		const res = await client.phoneNumber.sendOtp({
			phoneNumber: "+251988776655",
		});

		expect(sendOTP).toHaveBeenCalledOnce();
		expect(backgroundTaskHandler).toHaveBeenCalledOnce();
		expect(res.error).toBe(null);
		expect(res.data?.message).toBe("code sent");
	});
});

describe("phone auth flow", async () => {
	let otp = "";

	const { client, sessionSetter, auth } = await getTestInstance(
		{
			plugins: [
				phoneNumber({
					async sendOTP({ code }) {
						otp = code;
					},
					signUpOnVerification: {
						getTempEmail(phoneNumber) {
							return `temp-${phoneNumber}`;
						},
					},
				}),
				bearer(),
			],
			user: {
				changeEmail: {
					enabled: true,
					updateEmailWithoutVerification: true,
				},
			},
		},
		{
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);

	it("should send otp", async () => {
		const res = await client.phoneNumber.sendOtp({
			phoneNumber: "+251911121314",
		});
		expect(res.error).toBe(null);
		expect(otp).toHaveLength(6);
	});

	it("should verify phone number and create user & session", async () => {
		const res = await client.phoneNumber.verify({
			phoneNumber: "+251911121314",
			code: otp,
		});
		const session = await client.getSession({
			fetchOptions: {
				headers: {
					Authorization: `Bearer ${res.data?.token}`,
				},
				throw: true,
			},
		});
		expect(session?.user.phoneNumberVerified).toBe(true);
		expect(session?.user.email).toBe("temp-+251911121314");
		expect(session?.session.token).toBeDefined();
	});

	const headers = new Headers();
	it("should go through send-verify and sign-in the user", async () => {
		await client.phoneNumber.sendOtp({
			phoneNumber: "+251911121314",
		});
		const res = await client.phoneNumber.verify(
			{
				phoneNumber: "+251911121314",
				code: otp,
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);
		expect(res.data?.status).toBe(true);
	});

	const newEmail = "new-email@email.com";
	it("should set password and update user", async () => {
		await auth.api.setPassword({
			body: {
				newPassword: "password",
			},
			headers,
		});
		const changedEmailRes = await client.changeEmail({
			newEmail,
			fetchOptions: {
				headers,
			},
		});
		expect(changedEmailRes.error).toBe(null);
		expect(changedEmailRes.data?.status).toBe(true);
		const session = await client.getSession({
			fetchOptions: { headers, throw: true },
		});
		const userId = session!.user.id;
		await expect(
			(await auth.$context).internalAdapter.findCredentialAccount(userId),
		).resolves.toMatchObject({
			userId,
			providerId: "credential",
			issuer: "local:credential",
			accountId: userId,
		});
		const emailSignIn = await client.signIn.email({
			email: newEmail,
			password: "password",
		});
		expect(emailSignIn.data?.user.id).toBe(userId);
	});

	it("should sign in with phone number and password", async () => {
		const res = await client.signIn.phoneNumber({
			phoneNumber: "+251911121314",
			password: "password",
		});
		expect(res.data?.token).toBeDefined();
	});

	it("should sign in with new email", async () => {
		const res = await client.signIn.email({
			email: newEmail,
			password: "password",
		});
		console.log(res);
		expect(res.error).toBe(null);
	});
});

describe("verify phone-number", async () => {
	let otp = "";

	const { client, sessionSetter } = await getTestInstance(
		{
			plugins: [
				phoneNumber({
					async sendOTP({ code }) {
						otp = code;
					},
					signUpOnVerification: {
						getTempEmail(phoneNumber) {
							return `temp-${phoneNumber}`;
						},
					},
					allowedAttempts: 3,
				}),
			],
		},
		{
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);

	const headers = new Headers();

	const testPhoneNumber = "+251911121314";

	afterEach(() => {
		vi.useRealTimers();
	});

	it("should verify the last code", async () => {
		await client.phoneNumber.sendOtp({
			phoneNumber: testPhoneNumber,
		});
		vi.useFakeTimers();
		vi.advanceTimersByTime(1000);
		await client.phoneNumber.sendOtp({
			phoneNumber: testPhoneNumber,
		});
		vi.advanceTimersByTime(1000);
		await client.phoneNumber.sendOtp({
			phoneNumber: testPhoneNumber,
		});
		const res = await client.phoneNumber.verify(
			{
				phoneNumber: testPhoneNumber,
				code: otp,
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);
		expect(res.error).toBe(null);
		expect(res.data?.status).toBe(true);
	});

	it("should block after exceeding allowed attempts", async () => {
		await client.phoneNumber.sendOtp({
			phoneNumber: testPhoneNumber,
		});

		for (let i = 0; i < 3; i++) {
			const res = await client.phoneNumber.verify({
				phoneNumber: testPhoneNumber,
				code: "000000",
			});
			expect(res.error?.status).toBe(400);
			expect(res.error?.message).toBe("Invalid OTP");
		}

		//Try one more time - should be blocked
		const res = await client.phoneNumber.verify({
			phoneNumber: testPhoneNumber,
			code: "000000",
		});
		expect(res.error?.status).toBe(403);
		expect(res.error?.message).toBe("Too many attempts");
	});
});

describe("verify phone-number race condition protection", async () => {
	let otp = "";

	const { client, auth } = await getTestInstance(
		{
			plugins: [
				phoneNumber({
					async sendOTP({ code }) {
						otp = code;
					},
					signUpOnVerification: {
						getTempEmail(phoneNumber) {
							return `temp-${phoneNumber}`;
						},
					},
					allowedAttempts: 3,
				}),
			],
		},
		{
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);
	const authCtx = await auth.$context;

	it("should allow exactly one success when the same code is verified concurrently", async () => {
		const phoneNumber = "+251900000001";
		await client.phoneNumber.sendOtp({ phoneNumber });

		// Force both verifications to read the live OTP row before either
		// consumes it. Without an atomic consume gate, both would read a valid
		// code and both would mint a session; the gate must let only one win.
		const originalFind = authCtx.internalAdapter.findVerificationValue;
		let entered = 0;
		let releaseBarrier!: () => void;
		const barrier = new Promise<void>((resolve) => {
			releaseBarrier = resolve;
		});
		authCtx.internalAdapter.findVerificationValue = (async (
			identifier: string,
			...rest: unknown[]
		) => {
			const result = await (
				originalFind as (...args: unknown[]) => Promise<unknown>
			)(identifier, ...rest);
			if (identifier === phoneNumber) {
				entered++;
				if (entered >= 2) releaseBarrier();
				await barrier;
			}
			return result;
		}) as typeof authCtx.internalAdapter.findVerificationValue;

		try {
			const results = await Promise.all([
				client.phoneNumber.verify({ phoneNumber, code: otp }),
				client.phoneNumber.verify({ phoneNumber, code: otp }),
			]);

			const successes = results.filter((r) => r.data?.status === true);
			const failures = results.filter((r) => r.error);
			expect(successes).toHaveLength(1);
			expect(failures).toHaveLength(1);
			// The loser must be cleanly rejected by the OTP gate, not fail by
			// accident downstream after both consumed the same code.
			expect(failures[0]!.error?.status).toBe(400);
			expect(failures[0]!.error?.message).toBe("Invalid OTP");
		} finally {
			authCtx.internalAdapter.findVerificationValue = originalFind;
		}

		const verificationValue =
			await authCtx.internalAdapter.findVerificationValue(phoneNumber);
		expect(verificationValue).toBeNull();
	});

	it("should increment the stored attempt counter by exactly one per wrong code", async () => {
		const phoneNumber = "+251900000002";
		await client.phoneNumber.sendOtp({ phoneNumber });
		const correctCode = otp;

		for (let expectedAttempts = 1; expectedAttempts <= 2; expectedAttempts++) {
			const res = await client.phoneNumber.verify({
				phoneNumber,
				code: "000000",
			});
			expect(res.error?.status).toBe(400);
			expect(res.error?.message).toBe("Invalid OTP");

			const stored =
				await authCtx.internalAdapter.findVerificationValue(phoneNumber);
			expect(stored).not.toBeNull();
			const [storedValue, attempts] = stored!.value.split(":");
			// The original code survives each wrong attempt so the user can
			// still redeem it, and the counter advances by exactly one.
			expect(storedValue).toBe(correctCode);
			expect(attempts).toBe(String(expectedAttempts));
		}

		const res = await client.phoneNumber.verify({
			phoneNumber,
			code: correctCode,
		});
		expect(res.error).toBe(null);
		expect(res.data?.status).toBe(true);

		const consumed =
			await authCtx.internalAdapter.findVerificationValue(phoneNumber);
		expect(consumed).toBeNull();
	});
});

describe("reset password flow attempts", async () => {
	let otp = "";
	let resetOtp = "";

	const { auth, client, db } = await getTestInstance(
		{
			plugins: [
				phoneNumber({
					async sendOTP({ code }) {
						console.log("sendOTP", code);
						otp = code;
					},
					sendPasswordResetOTP(data, request) {
						resetOtp = data.code;
					},
					signUpOnVerification: {
						getTempEmail(phoneNumber) {
							return `temp-${phoneNumber}`;
						},
					},
					allowedAttempts: 3,
				}),
			],
		},
		{
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);

	const testPhoneNumber = "+251911121314";

	it("should block reset password after exceeding allowed attempts", async () => {
		//register phone number
		await client.phoneNumber.sendOtp({
			phoneNumber: testPhoneNumber,
		});
		await client.phoneNumber.verify({
			phoneNumber: testPhoneNumber,
			code: otp,
		});

		await client.phoneNumber.requestPasswordReset({
			phoneNumber: testPhoneNumber,
		});

		for (let i = 0; i < 3; i++) {
			const res = await client.phoneNumber.resetPassword({
				phoneNumber: testPhoneNumber,
				otp: otp,
				newPassword: "password",
			});
			expect(res.error?.status).toBe(400);
			expect(res.error?.message).toBe("Invalid OTP");
		}

		const res = await client.phoneNumber.resetPassword({
			phoneNumber: testPhoneNumber,
			otp: otp,
			newPassword: "password",
		});
		expect(res.error?.status).toBe(403);
		expect(res.error?.message).toBe("Too many attempts");
	});

	it("should successfully reset password with correct code", async () => {
		await client.phoneNumber.requestPasswordReset({
			phoneNumber: testPhoneNumber,
		});

		const resetPasswordRes = await client.phoneNumber.resetPassword({
			phoneNumber: testPhoneNumber,
			otp: resetOtp,
			newPassword: "password",
		});

		expect(resetPasswordRes.error).toBe(null);
		expect(resetPasswordRes.data?.status).toBe(true);
	});

	it("should reset password and create credential account", async () => {
		const testUser2 = {
			email: "test-user2@email.com",
			phoneNumber: "+2519111213142",
		};
		await client.phoneNumber.sendOtp({
			phoneNumber: testUser2.phoneNumber,
		});
		await db.create({
			model: "user",
			data: {
				name: "Test User",
				email: testUser2.email,
				phoneNumber: testUser2.phoneNumber,
			},
		});
		await client.phoneNumber.requestPasswordReset({
			phoneNumber: testUser2.phoneNumber,
		});
		await client.phoneNumber.resetPassword({
			phoneNumber: testUser2.phoneNumber,
			otp: resetOtp,
			newPassword: "password",
		});
		const res = await client.signIn.email({
			email: testUser2.email,
			password: "password",
		});
		expect(res.data?.token).toBeDefined();
		const userId = res.data!.user.id;
		await expect(
			(await auth.$context).internalAdapter.findCredentialAccount(userId),
		).resolves.toMatchObject({
			userId,
			providerId: "credential",
			issuer: "local:credential",
			accountId: userId,
		});
	});

	it("shouldn't allow to re-use the same OTP code", async () => {
		const res = await client.phoneNumber.resetPassword({
			phoneNumber: testPhoneNumber,
			otp: resetOtp,
			newPassword: "password",
		});
		expect(res.error?.status).toBe(400);
	});
});

describe("reset password session revocation", async () => {
	let otp = "";
	let resetOtp = "";

	const { client, sessionSetter } = await getTestInstance(
		{
			emailAndPassword: {
				enabled: true,
				revokeSessionsOnPasswordReset: true,
			},
			plugins: [
				phoneNumber({
					async sendOTP({ code }) {
						otp = code;
					},
					sendPasswordResetOTP(data, request) {
						resetOtp = data.code;
					},
					signUpOnVerification: {
						getTempEmail(phoneNumber) {
							return `temp-${phoneNumber}`;
						},
					},
				}),
			],
		},
		{
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);

	const testPhoneNumber = "+251911000000";

	it("should revoke all sessions after password reset when configured", async () => {
		const headers = new Headers();

		await client.phoneNumber.sendOtp({
			phoneNumber: testPhoneNumber,
		});

		const verifyRes = await client.phoneNumber.verify(
			{
				phoneNumber: testPhoneNumber,
				code: otp,
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);

		expect(verifyRes.error).toBe(null);

		const sessionBefore = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(sessionBefore.data?.user).toBeTruthy();

		await client.phoneNumber.requestPasswordReset({
			phoneNumber: testPhoneNumber,
		});

		const resetRes = await client.phoneNumber.resetPassword({
			phoneNumber: testPhoneNumber,
			otp: resetOtp,
			newPassword: "new-secure-password",
		});

		expect(resetRes.error).toBe(null);
		expect(resetRes.data?.status).toBe(true);

		const sessionAfter = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(sessionAfter.data).toBe(null);
	});
});

describe("reset password onPasswordReset callback", async () => {
	let otp = "";
	let resetOtp = "";
	const onPasswordReset = vi.fn();

	const { client, sessionSetter } = await getTestInstance(
		{
			emailAndPassword: {
				enabled: true,
				onPasswordReset,
			},
			plugins: [
				phoneNumber({
					async sendOTP({ code }) {
						otp = code;
					},
					sendPasswordResetOTP(data) {
						resetOtp = data.code;
					},
					signUpOnVerification: {
						getTempEmail(phoneNumber) {
							return `temp-${phoneNumber}`;
						},
					},
				}),
			],
		},
		{
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);

	const testPhoneNumber = "+251911999888";

	it("should call onPasswordReset after phone number password reset", async () => {
		const headers = new Headers();

		await client.phoneNumber.sendOtp({
			phoneNumber: testPhoneNumber,
		});
		await client.phoneNumber.verify(
			{
				phoneNumber: testPhoneNumber,
				code: otp,
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);

		await client.phoneNumber.requestPasswordReset({
			phoneNumber: testPhoneNumber,
		});

		const res = await client.phoneNumber.resetPassword({
			phoneNumber: testPhoneNumber,
			otp: resetOtp,
			newPassword: "new-password-123",
		});

		expect(res.error).toBe(null);
		expect(res.data?.status).toBe(true);
		expect(onPasswordReset).toHaveBeenCalledOnce();
		expect(onPasswordReset).toHaveBeenCalledWith(
			expect.objectContaining({
				user: expect.objectContaining({
					phoneNumber: testPhoneNumber,
				}),
			}),
			expect.anything(),
		);
	});
});

describe("phone number verification requirement", async () => {
	let otp = "";
	const { client } = await getTestInstance(
		{
			plugins: [
				phoneNumber({
					async sendOTP({ code }) {
						otp = code;
					},
					requireVerification: true,
					signUpOnVerification: {
						getTempEmail(phoneNumber) {
							return `temp-${phoneNumber}`;
						},
					},
				}),
			],
			user: {
				changeEmail: {
					enabled: true,
				},
			},
		},
		{
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);

	const testPhoneNumber = "+251911121314";
	const testPassword = "password123";
	const testEmail = "test2@test.com";

	it("should not allow sign in with unverified phone number and trigger OTP send", async () => {
		await client.signUp.email({
			email: testEmail,
			password: testPassword,
			name: "test",
			phoneNumber: testPhoneNumber,
		});
		const signInRes = await client.signIn.phoneNumber({
			phoneNumber: testPhoneNumber,
			password: testPassword,
		});
		expect(signInRes.error?.status).toBe(401);
		expect(signInRes.error?.code).toMatch("PHONE_NUMBER_NOT_VERIFIED");
		expect(otp).toHaveLength(6);
	});
});

describe("updateUser phone number update prevention", async () => {
	let otp = "";

	const { client, sessionSetter } = await getTestInstance(
		{
			plugins: [
				phoneNumber({
					async sendOTP({ code }) {
						otp = code;
					},
					signUpOnVerification: {
						getTempEmail(phoneNumber) {
							return `temp-${phoneNumber}`;
						},
					},
				}),
			],
		},
		{
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);

	const headers = new Headers();
	const initialPhoneNumber = "+251911121314";
	const newPhoneNumber = "+9876543210";

	it("should prevent updating phone number via updateUser", async () => {
		// First, verify a phone number to set phoneNumberVerified to true
		await client.phoneNumber.sendOtp({
			phoneNumber: initialPhoneNumber,
		});
		const verifyRes = await client.phoneNumber.verify(
			{
				phoneNumber: initialPhoneNumber,
				code: otp,
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);
		expect(verifyRes.error).toBe(null);
		expect(verifyRes.data?.status).toBe(true);

		// Verify that phoneNumberVerified is true after verification
		const sessionBeforeUpdate = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(sessionBeforeUpdate.data?.user.phoneNumberVerified).toBe(true);
		expect(sessionBeforeUpdate.data?.user.phoneNumber).toBe(initialPhoneNumber);

		// Attempt to update the phone number via updateUser - should throw an error
		const updateRes = await client.updateUser({
			phoneNumber: newPhoneNumber,
			fetchOptions: {
				headers,
			},
		});
		expect(updateRes.error).not.toBe(null);
		expect(updateRes.error?.status).toBe(400);
		expect(updateRes.error?.message).toBe("Phone number cannot be updated");

		// Verify that the phone number hasn't changed and phoneNumberVerified is still true
		const sessionAfterUpdate = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(sessionAfterUpdate.data?.user.phoneNumberVerified).toBe(true);
		expect(sessionAfterUpdate.data?.user.phoneNumber).toBe(initialPhoneNumber);
	});
});

describe("updateUser phone number disassociation", async () => {
	let otp = "";

	const { client, sessionSetter } = await getTestInstance(
		{
			plugins: [
				phoneNumber({
					async sendOTP({ code }) {
						otp = code;
					},
					signUpOnVerification: {
						getTempEmail(phoneNumber) {
							return `temp-${phoneNumber}`;
						},
					},
				}),
			],
		},
		{
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);

	const originalHeaders = new Headers();
	const reclaimerHeaders = new Headers();
	const sharedPhoneNumber = "+251911121314";

	it("should null phone number and reset verified flag atomically", async () => {
		await client.phoneNumber.sendOtp({ phoneNumber: sharedPhoneNumber });
		const verifyRes = await client.phoneNumber.verify(
			{ phoneNumber: sharedPhoneNumber, code: otp },
			{ onSuccess: sessionSetter(originalHeaders) },
		);
		expect(verifyRes.error).toBe(null);

		const updateRes = await client.updateUser({
			phoneNumber: null,
			fetchOptions: { headers: originalHeaders },
		});
		expect(updateRes.error).toBe(null);

		const session = await client.getSession({
			fetchOptions: { headers: originalHeaders },
		});
		expect(session.data?.user.phoneNumber).toBe(null);
		expect(session.data?.user.phoneNumberVerified).toBe(false);
	});

	it("should let another user claim the released number via verify", async () => {
		await client.signUp.email(
			{
				email: "reclaimer@test.com",
				password: "password123",
				name: "reclaimer",
			},
			{ onSuccess: sessionSetter(reclaimerHeaders) },
		);

		await client.phoneNumber.sendOtp({
			phoneNumber: sharedPhoneNumber,
			fetchOptions: { headers: reclaimerHeaders },
		});
		const verifyRes = await client.phoneNumber.verify({
			phoneNumber: sharedPhoneNumber,
			code: otp,
			updatePhoneNumber: true,
			fetchOptions: { headers: reclaimerHeaders },
		});
		expect(verifyRes.error).toBe(null);

		const reclaimerSession = await client.getSession({
			fetchOptions: { headers: reclaimerHeaders },
		});
		expect(reclaimerSession.data?.user.phoneNumber).toBe(sharedPhoneNumber);
		expect(reclaimerSession.data?.user.phoneNumberVerified).toBe(true);

		const originalSession = await client.getSession({
			fetchOptions: { headers: originalHeaders },
		});
		expect(originalSession.data?.user.phoneNumber).toBe(null);
	});
});

describe("signUpOnVerification with additionalFields", async () => {
	let otp = "";

	const { client } = await getTestInstance(
		{
			user: {
				additionalFields: {
					lastName: {
						type: "string",
						required: true,
					},
					dateOfBirth: {
						type: "date",
						required: false,
					},
				},
			},
			plugins: [
				phoneNumber({
					async sendOTP({ code }) {
						otp = code;
					},
					signUpOnVerification: {
						getTempEmail(phoneNumber) {
							return `temp-${phoneNumber}@example.com`;
						},
					},
				}),
			],
		},
		{
			disableTestUser: true,
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);

	const testPhoneNumber = "+1234567890";

	it("should create user with additional fields from body", async () => {
		await client.phoneNumber.sendOtp({
			phoneNumber: testPhoneNumber,
		});

		const res = await client.phoneNumber.verify({
			phoneNumber: testPhoneNumber,
			code: otp,
			lastName: "Doe",
		});

		expect(res.error).toBe(null);
		expect(res.data?.status).toBe(true);
		expect(res.data?.user).not.toBe(null);
		// @ts-expect-error - additionalFields not yet inferred in plugin response type
		expect(res.data?.user.lastName).toBe("Doe");
	});
});

describe("custom verifyOTP", async () => {
	const mockVerifyOTP = vi.fn();

	const { auth, client, sessionSetter } = await getTestInstance(
		{
			plugins: [
				phoneNumber({
					async sendOTP() {},
					verifyOTP: mockVerifyOTP,
					signUpOnVerification: {
						getTempEmail(phoneNumber) {
							return `temp-${phoneNumber}`;
						},
					},
				}),
			],
		},
		{
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
		},
	);

	const headers = new Headers();
	const testPhoneNumber = "+1234567890";

	it("should call custom verifyOTP when provided", async () => {
		// Send OTP first
		await client.phoneNumber.sendOtp({
			phoneNumber: testPhoneNumber,
		});

		// Mock verifyOTP to return true (valid)
		mockVerifyOTP.mockResolvedValueOnce(true);

		const res = await client.phoneNumber.verify(
			{
				phoneNumber: testPhoneNumber,
				code: "123456", // Any code
			},
			{
				onSuccess: sessionSetter(headers),
			},
		);

		expect(res.error).toBe(null);
		expect(res.data?.status).toBe(true);
		expect(mockVerifyOTP).toHaveBeenCalledWith(
			{
				phoneNumber: testPhoneNumber,
				code: "123456",
			},
			expect.anything(),
		);
	});

	it("should reject verification when custom verifyOTP returns false", async () => {
		const newPhoneNumber = "+9876543210";
		await client.phoneNumber.sendOtp({
			phoneNumber: newPhoneNumber,
		});

		// Mock verifyOTP to return false (invalid)
		mockVerifyOTP.mockResolvedValueOnce(false);

		const res = await client.phoneNumber.verify({
			phoneNumber: newPhoneNumber,
			code: "wrong-code",
		});

		expect(res.error).not.toBe(null);
		expect(res.error?.status).toBe(400);
		expect(res.error?.message).toBe("Invalid OTP");
		expect(mockVerifyOTP).toHaveBeenCalledWith(
			{
				phoneNumber: newPhoneNumber,
				code: "wrong-code",
			},
			expect.anything(),
		);
	});

	it("should not use internal verification logic when custom verifyOTP is provided", async () => {
		const anotherPhoneNumber = "+5555555555";

		// Don't send OTP through sendOtp endpoint (simulating external SMS provider)
		// This means there's no OTP in the database

		// Mock verifyOTP to return true
		mockVerifyOTP.mockResolvedValueOnce(true);

		const res = await client.phoneNumber.verify({
			phoneNumber: anotherPhoneNumber,
			code: "external-code",
		});

		// Should succeed because custom verifyOTP is used, not internal DB lookup
		expect(res.error).toBe(null);
		expect(res.data?.status).toBe(true);
		expect(mockVerifyOTP).toHaveBeenCalledWith(
			{
				phoneNumber: anotherPhoneNumber,
				code: "external-code",
			},
			expect.anything(),
		);
	});

	it("should work with updatePhoneNumber using custom verifyOTP", async () => {
		const updatedPhoneNumber = "+1111111111";

		// Mock verifyOTP to return true
		mockVerifyOTP.mockResolvedValueOnce(true);

		const res = await client.phoneNumber.verify({
			phoneNumber: updatedPhoneNumber,
			code: "123456",
			updatePhoneNumber: true,
			fetchOptions: {
				headers,
			},
		});

		expect(res.error).toBe(null);
		expect(res.data?.status).toBe(true);

		// Verify phone number was updated
		const user = await client.getSession({
			fetchOptions: {
				headers,
			},
		});
		expect(user.data?.user.phoneNumber).toBe(updatedPhoneNumber);
		expect(user.data?.user.phoneNumberVerified).toBe(true);
	});

	/**
	 * @see https://github.com/better-auth/better-auth/issues/9754
	 */
	it("should delegate server-side consumption to custom verifyOTP without an internal record", async () => {
		const externalPhoneNumber = "+12223334444";
		mockVerifyOTP.mockResolvedValueOnce(true);

		const result = await auth.api.consumePhoneNumberOTP({
			body: {
				phoneNumber: externalPhoneNumber,
				code: "external-code",
			},
		});

		expect(result).toEqual({ status: true });
		expect(mockVerifyOTP).toHaveBeenCalledWith(
			{
				phoneNumber: externalPhoneNumber,
				code: "external-code",
			},
			expect.anything(),
		);
	});
});

// The provisioning gate reaches phone-number sign-up through the createUser
// seam, even though this plugin never calls the gate itself.
describe("phone-number validateUserInfo provisioning gate", async () => {
	let otp = "";
	const { client } = await getTestInstance(
		{
			user: {
				validateUserInfo({ source }) {
					if (source.method !== "phone-number") {
						return;
					}
					expect(source.action).toBe("create-user");
					return {
						error: "phone_blocked",
						errorDescription: "Phone sign-up is not allowed",
					};
				},
			},
			plugins: [
				phoneNumber({
					async sendOTP({ code }) {
						otp = code;
					},
					signUpOnVerification: {
						getTempEmail(phoneNumber) {
							return `temp-${phoneNumber}`;
						},
					},
				}),
			],
		},
		{
			clientOptions: {
				plugins: [phoneNumberClient()],
			},
			disableTestUser: true,
		},
	);

	it("rejects phone-number sign-up when validateUserInfo returns error", async () => {
		const blockedPhone = "+251900000000";
		await client.phoneNumber.sendOtp({ phoneNumber: blockedPhone });
		const res = await client.phoneNumber.verify({
			phoneNumber: blockedPhone,
			code: otp,
		});
		expect(res.error?.status).toBe(403);
		expect(res.error?.code).toBe("phone_blocked");
	});
});
