export enum IdentityProvider {
  GitHub = "GitHub",
  IdentityPlatform = "Auth0",
  Local = "Local",
}
