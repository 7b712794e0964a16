export { Environment } from "./Environment";
export { CreateEnvironmentArgs } from "./CreateEnvironmentArgs";
export { FindManyEnvironmentArgs } from "./FindManyEnvironmentArgs";
