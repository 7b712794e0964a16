export const BASE_BUILDS_FOLDER = "BASE_BUILDS_FOLDER";
export const DSG_RUNNER_URL = "DSG_RUNNER_URL";
export const SERVICE_NAME = "amplication-server";
