export { UserAction } from "./UserAction";
export { UserActionCreateInput } from "./UserActionCreateInput";
export { CreateUserActionArgs } from "./CreateUserActionArgs";
