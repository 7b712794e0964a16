export const AMPLICATION_DOC_URL = "https://docs.amplication.com";
export const AMPLICATION_DISCORD_URL = "https://amplication.com/discord";
