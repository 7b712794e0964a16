export { ResourceSettings } from "./ResourceSettings";
export { UpdateResourceSettingsArgs } from "./UpdateResourceSettingsArgs";
