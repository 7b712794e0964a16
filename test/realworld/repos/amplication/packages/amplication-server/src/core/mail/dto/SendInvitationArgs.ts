export class SendInvitationArgs {
  to: string;
  invitedByUserFullName: string;
  invitationToken: string;
}
