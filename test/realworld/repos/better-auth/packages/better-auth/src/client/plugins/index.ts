//#region Necessary re-exports

export type {
	FieldAttributeToObject,
	RemoveFieldsWithReturnedFalse,
} from "../../db/field";
export type * from "../../types/helper";
//#endregion

export * from "../../plugins/additional-fields/client";
export * from "../../plugins/admin/client";
export * from "../../plugins/anonymous/client";
export * from "../../plugins/custom-session/client";
export * from "../../plugins/device-authorization/client";
export * from "../../plugins/email-otp/client";
export * from "../../plugins/jwt/client";
export * from "../../plugins/last-login-method/client";
export * from "../../plugins/magic-link/client";
export * from "../../plugins/multi-session/client";
export * from "../../plugins/oauth-popup/client";
export * from "../../plugins/one-tap/client";
export * from "../../plugins/one-time-token/client";
export * from "../../plugins/organization/client";
export * from "../../plugins/phone-number/client";
export * from "../../plugins/siwe/client";
export * from "../../plugins/two-factor/client";
export * from "../../plugins/username/client";
export * from "./infer-plugin";
