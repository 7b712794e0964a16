export { isAPIError } from "@better-auth/core/utils/is-api-error";
