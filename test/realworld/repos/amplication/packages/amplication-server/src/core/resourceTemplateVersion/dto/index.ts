export { ResourceTemplateVersion } from "./ResourceTemplateVersion";
export { UpdateResourceTemplateVersionArgs } from "./UpdateResourceTemplateVersionArgs";
