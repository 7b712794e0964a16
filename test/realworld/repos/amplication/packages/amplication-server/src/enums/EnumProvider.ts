export enum EnumProvider {
  Github,
}
