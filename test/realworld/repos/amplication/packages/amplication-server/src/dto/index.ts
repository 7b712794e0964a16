export { StringFilter } from "./StringFilter";
export { WhereUniqueInput } from "./WhereUniqueInput";
export { BooleanFilter } from "./BooleanFilter";
export { DateTimeFilter } from "./DateTimeFilter";
export { IntFilter } from "./IntFilter";

export { WhereParentIdInput } from "./WhereParentIdInput";
export { ConnectManyUniqueInput } from "./ConnectManyUniqueInput";
export { FindOneArgs } from "./FindOneArgs";
