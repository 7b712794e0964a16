export { FindManyUserArgs } from "./FindManyUserArgs";
export { UserOrderByInput } from "./UserOrderByInput";
export { UserWhereInput } from "./UserWhereInput";
