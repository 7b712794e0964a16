export { convertSetCookieToCookie } from "./headers";
export {
	createHttpTestServer,
	getHttpTestInstance,
	type HttpTestInstanceConfig,
	type HttpTestRequestHandler,
	type HttpTestServer,
} from "./http-test-instance";
export { getTestInstance } from "./test-instance";
