import type { AppRouter } from '@replyline/trpc';
import type { inferRouterOutputs } from '@trpc/server';

export type Role = 'owner' | 'admin' | 'agent';
export type Team = inferRouterOutputs<AppRouter>['team']['list'];
export type Member = Team['members'][number];
export type Invitation = Team['invitations'][number];

export const ROLE_LABEL: Record<Role, string> = { owner: 'Owner', admin: 'Admin', agent: 'Agent' };

export const ROLE_DESCRIPTION: Record<Role, string> = {
  owner: 'Everything, including billing and other owners.',
  admin: 'Knowledge, widget, settings and the team; not billing.',
  agent: 'Answers conversations and tickets; reads everything else.',
};

/** Admins and owners manage the team; agents see it. */
export function managesTeam(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

/** Roles the actor may hand out: only owners make owners. */
export function assignableRoles(actorRole: Role): Role[] {
  if (actorRole === 'owner') return ['agent', 'admin', 'owner'];
  if (actorRole === 'admin') return ['agent', 'admin'];
  return [];
}

/**
 * What the actor may do to one member, as the API decides it: only owners touch owners, and
 * nobody changes or removes themselves here (another admin or owner can), so no one locks
 * themselves out by a slip. The API refuses removing or demoting the last owner.
 */
export function memberControls(
  actor: { userId: string; role: Role },
  member: { userId: string; role: Role },
): { canChangeRole: boolean; canRemove: boolean; roles: Role[] } {
  const allowed =
    managesTeam(actor.role) &&
    member.userId !== actor.userId &&
    (member.role !== 'owner' || actor.role === 'owner');
  return {
    canChangeRole: allowed,
    canRemove: allowed,
    roles: allowed ? assignableRoles(actor.role) : [],
  };
}

/** Withdrawing (or resending) an invitation needs the right to send it. */
export function canHandleInvitation(actorRole: Role, invitation: { role: Role }): boolean {
  return assignableRoles(actorRole).includes(invitation.role);
}
