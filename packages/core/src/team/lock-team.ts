import { schema, type TenantDb, type TenantId } from '@replyline/db';
import { DomainError } from '../domain-error';
import { eq } from 'drizzle-orm';
import type { MemberRole } from '../team/roles';

const { memberships, users } = schema;

/**
 * The workspace's members, locked for the rest of the transaction: two owners demoting or
 * removing each other at the same moment are served one after the other, so the second sees
 * the first's change and the workspace never ends up without an owner.
 */
export async function lockTeam(tx: TenantDb, tenantId: TenantId) {
  const members = await tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.tenantId, tenantId))
    .for('update');
  return {
    owners: members.filter((m) => m.role === 'owner').length,
    find: (userId: string) => members.find((m) => m.userId === userId) ?? null,
  };
}

export function notAMember(): DomainError {
  return new DomainError('not_found', 'This person is not a member of this workspace.');
}

/** Only an owner may change anything about an owner, or make someone one. */
export function requireOwnerFor(actorRole: MemberRole, what: string): void {
  if (actorRole !== 'owner') throw new DomainError('forbidden', `Only an owner can ${what}.`);
}

export const LAST_OWNER = 'A workspace needs at least one owner. Make someone else an owner first.';

export async function emailOf(tx: TenantDb, userId: string): Promise<string | null> {
  const [row] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? null;
}
