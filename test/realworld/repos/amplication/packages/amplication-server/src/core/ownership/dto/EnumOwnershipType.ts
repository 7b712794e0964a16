export enum EnumOwnershipType {
  Team = "Team",
  User = "User",
}
