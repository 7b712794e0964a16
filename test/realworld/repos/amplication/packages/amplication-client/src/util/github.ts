export const githubOrganizationImageUrl = (orgName: string): string => {
  return `https://avatars.githubusercontent.com/${orgName}`;
};
