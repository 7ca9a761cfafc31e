import { schema, withTenant, type Database } from '@replyline/db';
import { DomainError } from '../domain-error';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { MemberRole } from '../team/roles';
import type { Actor } from '../services';
import { emailOf, LAST_OWNER, lockTeam, notAMember, requireOwnerFor } from './lock-team';

const { memberships } = schema;

/** Gives a member another role. Owners alone touch owners; the last owner cannot step down. */
export async function changeMemberRole(
  db: Database,
  actor: Actor & { role: MemberRole },
  input: { userId: string; role: MemberRole },
): Promise<{ userId: string; role: MemberRole }> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const team = await lockTeam(tx, actor.tenantId);
    const member = team.find(input.userId);
    if (!member) throw notAMember();
    if (member.role === input.role) return { userId: input.userId, role: input.role };
    if (member.role === 'owner') requireOwnerFor(actor.role, "change an owner's role");
    if (input.role === 'owner') requireOwnerFor(actor.role, 'make someone an owner');
    if (member.role === 'owner' && team.owners <= 1)
      throw new DomainError('precondition_failed', LAST_OWNER);

    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.tenantId, actor.tenantId), eq(memberships.userId, input.userId)));
    await recordAudit(tx, actor, {
      action: 'team.role_changed',
      targetType: 'membership',
      targetId: input.userId,
      details: { email: await emailOf(tx, input.userId), from: member.role, to: input.role },
    });
    return { userId: input.userId, role: input.role };
  });
}
