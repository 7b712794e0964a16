export { registerReview, COMMANDS as REVIEW_ENTRY_COMMANDS, type ReviewDeps } from './reviewCommands';
export { ReviewDiagnostics, ReviewCodeActions, DIAGNOSTIC_COLLECTION, REVIEW_COMMANDS } from './reviewDiagnostics';
