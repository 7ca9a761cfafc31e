import { schema, withTenant, type Database, type TenantDb, type UserId } from '@replyline/db';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { emailDomainOf, normalizeEmail } from './email-address';
import type { SsoConnection } from './sso-connection';
import type { SsoProfile } from './sso-provider';

const { auditLog, invitations, memberships, users } = schema;

/** Why an identity provider's answer does not sign anyone in; the sign-in page words each one. */
export type SsoRefusal = 'SsoEmailUnverified' | 'SsoWrongDomain' | 'SsoNotMember';

/**
 * Whether the person the provider vouched for may sign in through this workspace's connection.
 * The provider must say it verified the address, and the address must be in the workspace's own
 * verified domain (exactly: a subdomain is another domain): a workspace's provider can never
 * sign in someone of another domain, whichever workspace verified that one. Without auto-join,
 * only members and people with an open invitation get in.
 */
export async function ssoSignInRefusal(
  db: Database,
  connection: SsoConnection,
  profile: SsoProfile,
  now: Date = new Date(),
): Promise<SsoRefusal | null> {
  // Some providers (Cognito) send the claim as a string.
  if (profile.email_verified !== true && profile.email_verified !== 'true')
    return 'SsoEmailUnverified';
  const email = normalizeEmail(profile.email ?? '');
  if (!email || emailDomainOf(email) !== connection.emailDomain) return 'SsoWrongDomain';
  if (connection.autoJoinRole) return null;
  const known = await withTenant(db, connection.tenantId, (tx) =>
    isMemberOrInvited(tx, connection, email, now),
  );
  return known ? null : 'SsoNotMember';
}

async function isMemberOrInvited(
  tx: TenantDb,
  connection: SsoConnection,
  email: string,
  now: Date,
): Promise<boolean> {
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.tenantId, connection.tenantId), sql`lower(${users.email}) = ${email}`),
    );
  if (member) return true;
  const [invited] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.tenantId, connection.tenantId),
        sql`lower(${invitations.email}) = ${email}`,
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  return Boolean(invited);
}

/**
 * Auto-join, after Auth.js has found or created the user: someone of the verified domain who is
 * not yet a member becomes one with the connection's role, recorded in the audit log. A member
 * keeps the role they have.
 */
export async function joinThroughSso(
  db: Database,
  connection: SsoConnection,
  user: { userId: UserId; email: string; requestIp: string | null },
): Promise<void> {
  const role = connection.autoJoinRole;
  if (!role) return;
  const { tenantId } = connection;
  await withTenant(db, tenantId, async (tx) => {
    const [joined] = await tx
      .insert(memberships)
      .values({ tenantId, userId: user.userId, role })
      .onConflictDoNothing()
      .returning({ userId: memberships.userId });
    if (!joined) return;
    await tx.insert(auditLog).values({
      tenantId,
      actorUserId: user.userId,
      action: 'sso.member_joined',
      targetType: 'user',
      targetId: user.userId,
      ipAddress: user.requestIp,
      details: { email: user.email, role },
    });
  });
}
