import { schema, withTenant, type Database } from '@replyline/db';
import { DomainError } from '../domain-error';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { MemberRole } from '../team/roles';
import type { Actor } from '../services';
import { emailOf, LAST_OWNER, lockTeam, notAMember, requireOwnerFor } from './lock-team';

const { memberships } = schema;

/** Removes a member from the workspace (their account stays). Never the last owner. */
export async function removeMember(
  db: Database,
  actor: Actor & { role: MemberRole },
  input: { userId: string },
): Promise<{ removed: true }> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const team = await lockTeam(tx, actor.tenantId);
    const member = team.find(input.userId);
    if (!member) throw notAMember();
    if (member.role === 'owner') {
      requireOwnerFor(actor.role, 'remove an owner');
      if (team.owners <= 1) throw new DomainError('precondition_failed', LAST_OWNER);
    }
    const email = await emailOf(tx, input.userId);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.tenantId, actor.tenantId), eq(memberships.userId, input.userId)));
    await recordAudit(tx, actor, {
      action: 'team.member_removed',
      targetType: 'membership',
      targetId: input.userId,
      details: { email, role: member.role },
    });
    return { removed: true as const };
  });
}
