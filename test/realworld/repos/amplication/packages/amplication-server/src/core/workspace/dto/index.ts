export { CreateOneWorkspaceArgs } from "./CreateOneWorkspaceArgs";
export { FindManyWorkspaceArgs } from "./FindManyWorkspaceArgs";
export { UpdateOneWorkspaceArgs } from "./UpdateOneWorkspaceArgs";
export { InviteUserArgs } from "./InviteUserArgs";
export { DeleteUserArgs } from "./DeleteUserArgs";
export { CompleteInvitationArgs } from "./CompleteInvitationArgs";
export { RevokeInvitationArgs } from "./RevokeInvitationArgs";
export { ResendInvitationArgs } from "./ResendInvitationArgs";

export { WorkspaceWhereInput } from "./WorkspaceWhereInput";
export { WorkspaceOrderByInput } from "./WorkspaceOrderByInput";
export { WorkspaceUpdateInput } from "./WorkspaceUpdateInput";
export { WorkspaceCreateInput } from "./WorkspaceCreateInput";
export { InviteUserInput } from "./InviteUserInput";
export { CompleteInvitationInput } from "./CompleteInvitationInput";
export { Invitation } from "./Invitation";
export { WorkspaceMember } from "./workspaceMember";
