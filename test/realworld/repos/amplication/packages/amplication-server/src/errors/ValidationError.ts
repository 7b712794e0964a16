import { AmplicationError } from "./AmplicationError";

export class ValidationError extends AmplicationError {}
