export { requireOrgRole, requireResourceOwnership } from "./authorization";
export {
	formCsrfMiddleware,
	originCheck,
	originCheckMiddleware,
} from "./origin-check";
