export class SendDeploymentArgs {
  to: string;
  success: boolean;
  url: string;
}
