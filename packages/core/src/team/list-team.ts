import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

const { invitations, memberships, users } = schema;

/** The workspace's members (with name and email) and its invitations not yet accepted. */
export async function listTeam(db: Database, tenantId: TenantId, now: Date = new Date()) {
  return withTenant(db, tenantId, async (tx) => {
    const members = await tx
      .select({
        userId: memberships.userId,
        email: users.email,
        name: users.name,
        image: users.image,
        role: memberships.role,
        joinedAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.tenantId, tenantId))
      .orderBy(asc(memberships.createdAt));
    const inviter = alias(users, 'inviter');
    const pending = await tx
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        invitedByName: inviter.name,
        invitedByEmail: inviter.email,
        expiresAt: invitations.expiresAt,
        createdAt: invitations.createdAt,
      })
      .from(invitations)
      .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
      .where(and(eq(invitations.tenantId, tenantId), isNull(invitations.acceptedAt)))
      .orderBy(asc(invitations.createdAt));
    return {
      members,
      // Expired ones stay listed, so an admin sees why someone could not join and can resend.
      invitations: pending.map((i) => ({ ...i, expired: i.expiresAt <= now })),
    };
  });
}
