export const CROSS_OS_CTRL_ENTER = ["ctrl+enter", "command+enter"];
