export {
	type AuthEndpointContext,
	getCurrentAuthContext,
	getCurrentAuthContextAsyncLocalStorage,
	runWithEndpointContext,
} from "./endpoint-context";
export { getBetterAuthVersion } from "./global";
export {
	defineRequestState,
	getCurrentRequestState,
	getRequestStateAsyncLocalStorage,
	hasRequestState,
	type RequestState,
	type RequestStateWeakMap,
	runWithRequestState,
} from "./request-state";
export {
	getCurrentAdapter,
	getCurrentDBAdapterAsyncLocalStorage,
	queueAfterTransactionHook,
	runWithAdapter,
	runWithTransaction,
} from "./transaction";
