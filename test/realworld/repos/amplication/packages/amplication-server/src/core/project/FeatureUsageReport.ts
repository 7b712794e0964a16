export type FeatureUsageReport = {
  projects: number;
  services: number;
  servicesAboveEntityPerServiceLimit: number;
  teamMembers: number;
};
