export { Action } from "./Action";
export { ActionLog } from "./ActionLog";
export { ActionStep } from "./ActionStep";
export { EnumActionLogLevel } from "./EnumActionLogLevel";
export { EnumActionStepStatus } from "./EnumActionStepStatus";
export { FindOneActionArgs } from "./FindOneActionArgs";
export { CompleteStepArgs } from "./CompleteStepArgs";
export { CreateLogArgs } from "./CreateLogArgs";
