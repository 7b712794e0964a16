export { CreateOneResourceArgs } from "./CreateOneResourceArgs";
export { FindManyResourceArgs } from "./FindManyResourceArgs";
export { UpdateOneResourceArgs } from "./UpdateOneResourceArgs";

export { ResourceCreateInput } from "./ResourceCreateInput";
export { ResourceFilter } from "./ResourceFilter";
export { ResourceOrderByInput } from "./ResourceOrderByInput";
export { ResourceWhereInput } from "./ResourceWhereInput";
export { ResourceUpdateInput } from "./ResourceUpdateInput";
export { CreateCommitArgs } from "./CreateCommitArgs";
export { DiscardPendingChangesArgs } from "./DiscardPendingChangesArgs";
export { CommitCreateInput } from "./CommitCreateInput";
export { FindPendingChangesArgs } from "./FindPendingChangesArgs";
export { PendingChange } from "./PendingChange";
export { EnumPendingChangeOriginType } from "./EnumPendingChangeOriginType";
export { EnumPendingChangeAction } from "./EnumPendingChangeAction";
export { FindManyCommitsArgs } from "./FindManyCommitsArgs";
export {
  ResourceValidationResult,
  ResourceValidationErrorTypes,
} from "./ResourceValidationResult";
export { UpdateCodeGeneratorVersionArgs } from "./UpdateCodeGeneratorVersionArgs";
export { CodeGeneratorVersionUpdateInput } from "./CodeGeneratorVersionUpdateInput";
export { CodeGeneratorVersionOptionsInput } from "./CodeGeneratorVersionOptionsInput";
export { CodeGeneratorVersionStrategy } from "./EnumCodeGeneratorVersionStrategy";
