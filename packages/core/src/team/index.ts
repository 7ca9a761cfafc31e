export { acceptInvitation } from './accept-invitation';
export { changeMemberRole } from './change-member-role';
export { hashInvitationToken } from './invitation-token';
export { inviteMember } from './invite-member';
export { listTeam } from './list-team';
export { removeMember } from './remove-member';
export { revokeInvitation } from './revoke-invitation';
export { roleMeets, type MemberRole } from './roles';
