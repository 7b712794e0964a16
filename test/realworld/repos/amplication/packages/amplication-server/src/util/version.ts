export const version = "3.14.0";
