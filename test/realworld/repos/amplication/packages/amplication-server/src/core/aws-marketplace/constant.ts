export const AWS_MARKETPLACE_INTEGRATION_REQUEST_PATH =
  "/integration/marketplace";

export const AWS_MARKETPLACE_INTEGRATION_CALLBACK_PATH =
  "/integration/marketplace/callback";
