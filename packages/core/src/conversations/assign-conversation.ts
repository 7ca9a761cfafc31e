import { schema, withTenant, type Database, type TenantId, type UserId } from '@replyline/db';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '../domain-error';

const { conversations, events, memberships, users } = schema;

export const ZAssignConversation = z.object({
  conversationId: z.uuid(),
  /** The member who takes it; null leaves it unassigned (back in the shared queue). */
  assigneeUserId: z.uuid().nullable(),
});
export type TAssignConversation = z.infer<typeof ZAssignConversation>;

/**
 * Gives a conversation to a member of the workspace, or to nobody. A transfer is the same
 * write with someone else named: the bot's pause is kept, so a conversation a person holds
 * stays with people. Every change is an event in the conversation's history, and the new
 * assignee's inbox hears of it through the realtime signal (migration 0014).
 * Returns the assignee's name, or null when there is no such conversation.
 */
export async function assignConversation(
  db: Database,
  tenantId: TenantId,
  byUserId: UserId,
  input: TAssignConversation,
): Promise<{ assigneeName: string | null } | null> {
  const { conversationId, assigneeUserId } = ZAssignConversation.parse(input);
  return withTenant(db, tenantId, async (tx) => {
    const [before] = await tx
      .select({ assignedUserId: conversations.assignedUserId })
      .from(conversations)
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)))
      .for('update');
    if (!before) return null;
    let assigneeName: string | null = null;
    if (assigneeUserId) {
      const [member] = await tx
        .select({ name: users.name, email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, assigneeUserId)));
      if (!member)
        throw new DomainError('bad_input', 'Choose a member of this workspace to assign it to.');
      assigneeName = member.name ?? member.email;
    }
    if (before.assignedUserId === assigneeUserId) return { assigneeName };
    await tx
      .update(conversations)
      .set({ assignedUserId: assigneeUserId })
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
    await tx.insert(events).values({
      tenantId,
      conversationId,
      type: 'conversation_assigned',
      data: { fromUserId: before.assignedUserId, toUserId: assigneeUserId, byUserId },
    });
    return { assigneeName };
  });
}
