/** A member's role in a workspace; each step can do all the one below can. */
export type MemberRole = 'owner' | 'admin' | 'agent';

const RANK: Record<MemberRole, number> = { agent: 1, admin: 2, owner: 3 };

/** Does `role` meet `needed`? Owners can do what admins can, admins what agents can. */
export function roleMeets(role: MemberRole, needed: MemberRole): boolean {
  return RANK[role] >= RANK[needed];
}
