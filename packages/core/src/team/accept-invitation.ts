import { schema, withTenant, type Database, type UserId } from '@replyline/db';
import { DomainError } from '../domain-error';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { MemberRole } from '../team/roles';
import { hashInvitationToken, parseInvitationCode } from './invitation-token';

const { invitations, memberships, tenants, users } = schema;

const NOT_VALID =
  'This invitation link is not valid. Check that you opened the whole link, or ask for a new invitation.';

/**
 * The signed-in user joins the workspace that invited them. The link must be unused and
 * unexpired, and it was sent to one address: the user must be signed in with that email.
 * Someone already a member keeps the role they have.
 */
export async function acceptInvitation(
  db: Database,
  user: { userId: UserId; requestIp: string | null },
  code: string,
  now: Date = new Date(),
): Promise<{ tenantId: string; workspaceName: string; role: MemberRole }> {
  const parsed = parseInvitationCode(code);
  if (!parsed) throw new DomainError('not_found', NOT_VALID);
  const { tenantId } = parsed;

  // The scope is the workspace named in the link; only a token whose hash is stored there opens it.
  return withTenant(db, tenantId, async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.tenantId, tenantId),
          eq(invitations.tokenHash, hashInvitationToken(parsed.token)),
        ),
      );
    if (!invitation) throw new DomainError('not_found', NOT_VALID);
    const used = () =>
      new DomainError(
        'conflict',
        'This invitation has already been used. Ask for a new one if you still need to join.',
      );
    if (invitation.acceptedAt) throw used();
    if (invitation.expiresAt <= now)
      throw new DomainError(
        'bad_input',
        `This invitation expired on ${invitation.expiresAt.toUTCString()}. Ask the person who invited you to send a new one.`,
      );

    const [account] = await tx
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, user.userId));
    if (account?.email.trim().toLowerCase() !== invitation.email.trim().toLowerCase())
      throw new DomainError(
        'forbidden',
        `This invitation was sent to ${invitation.email}, but you are signed in as ${account?.email ?? 'someone else'}. Sign in with the invited address to accept it.`,
      );

    // Marked used first and only if still unused: of two tabs accepting at once, one wins.
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(
        and(
          eq(invitations.tenantId, tenantId),
          eq(invitations.id, invitation.id),
          isNull(invitations.acceptedAt),
        ),
      )
      .returning({ id: invitations.id });
    if (!claimed) throw used();
    await tx
      .insert(memberships)
      .values({ tenantId, userId: user.userId, role: invitation.role })
      .onConflictDoNothing();
    const [membership] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, user.userId)));
    await recordAudit(
      tx,
      { tenantId, userId: user.userId, requestIp: user.requestIp },
      {
        action: 'team.invitation_accepted',
        targetType: 'invitation',
        targetId: invitation.id,
        details: { email: invitation.email, role: membership!.role },
      },
    );
    const [workspace] = await tx
      .select({ name: tenants.name })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    return { tenantId, workspaceName: workspace!.name, role: membership!.role };
  });
}
