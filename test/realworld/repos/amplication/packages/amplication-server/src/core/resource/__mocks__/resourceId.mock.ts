export const TEST_RESOURCE_ID = "resourceId";
export const MOCK_INVALID_RESOURCE_ID = "invalidResourceId";
