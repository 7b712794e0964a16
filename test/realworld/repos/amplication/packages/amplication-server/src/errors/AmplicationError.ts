/**
 * A default Error type for custom exceptions.
 * Only AmplicationError or other custom error types that extends AmplicationError are passed to the client
 *
 */
export class AmplicationError extends Error {}
