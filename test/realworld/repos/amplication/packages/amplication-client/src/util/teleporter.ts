import { createTeleporter } from "react-teleporter";

export const HeaderToolbar = createTeleporter();
export const AsidePanel = createTeleporter();
export const FilesPanel = createTeleporter();
