export { ResourceService } from "./resource/resource.service";
export { WorkspaceService } from "./workspace/workspace.service";
export { UserService } from "./user/user.service";
export { AuthService } from "./auth/auth.service";
export { AccountService } from "./account/account.service";
export { EntityService } from "./entity/entity.service";
