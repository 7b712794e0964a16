/**
 * A review that cannot start as asked (unknown revision, missing path, broken persona file):
 * the message names the fix. The command line turns it into exit code 2; the MCP server into
 * an error result.
 */
export class ReviewConfigError extends Error {}
