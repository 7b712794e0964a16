export * from "./attributes";
export * from "./tracer";
