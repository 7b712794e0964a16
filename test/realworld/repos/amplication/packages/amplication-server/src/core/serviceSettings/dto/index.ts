export { ServiceSettings } from "./ServiceSettings";
export { UpdateServiceSettingsArgs } from "./UpdateServiceSettingsArgs";
