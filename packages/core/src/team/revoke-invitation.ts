import { schema, withTenant, type Database } from '@replyline/db';
import { DomainError } from '../domain-error';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { roleMeets } from '../team/roles';
import type { MemberRole } from '../team/roles';
import type { Actor } from '../services';
import { requireOwnerFor } from './lock-team';

const { invitations } = schema;

/** Withdraws an invitation that has not been accepted: its link stops working. */
export async function revokeInvitation(
  db: Database,
  actor: Actor & { role: MemberRole },
  input: { invitationId: string },
): Promise<{ revoked: true }> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const where = and(
      eq(invitations.tenantId, actor.tenantId),
      eq(invitations.id, input.invitationId),
      isNull(invitations.acceptedAt),
    );
    const [invitation] = await tx
      .select({ email: invitations.email, role: invitations.role })
      .from(invitations)
      .where(where);
    if (!invitation)
      throw new DomainError('not_found', 'This invitation does not exist or was already accepted.');
    // Nobody withdraws an invitation for a role above their own (today: admins, owners' ones).
    if (!roleMeets(actor.role, invitation.role))
      requireOwnerFor(actor.role, `withdraw an ${invitation.role} invitation`);
    await tx.delete(invitations).where(where);
    await recordAudit(tx, actor, {
      action: 'team.invitation_revoked',
      targetType: 'invitation',
      targetId: input.invitationId,
      details: { email: invitation.email, role: invitation.role },
    });
    return { revoked: true as const };
  });
}
