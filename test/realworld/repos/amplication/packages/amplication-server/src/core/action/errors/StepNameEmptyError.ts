export class StepNameEmptyError extends Error {}
