export { EnumSubscriptionPlan } from "./EnumSubscriptionPlan";
export { EnumSubscriptionStatus } from "./EnumSubscriptionStatus";
