export enum InjectableOriginParameter {
  UserId,
  WorkspaceId,
}
