import { schema, withTenant, type Database, type TenantId, type UserId } from '@replyline/db';
import { and, eq, sql } from 'drizzle-orm';

const { conversations, messages } = schema;

/**
 * A human agent answers in the conversation. The bot pauses from here on (human takeover)
 * until `handBackToBot`; the new row reaches the customer's open widget through the
 * database's realtime signal.
 */
export async function postAgentMessage(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  reply: { authorUserId: UserId | null; content: string },
): Promise<{ messageId: string }> {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .insert(messages)
      .values({
        tenantId,
        conversationId,
        role: 'agent',
        content: reply.content,
        authorUserId: reply.authorUserId,
      })
      .returning({ id: messages.id });
    await tx
      .update(conversations)
      .set({
        lastMessageAt: sql`now()`,
        botPausedAt: sql`coalesce(${conversations.botPausedAt}, now())`,
        assignedUserId: reply.authorUserId ?? sql`${conversations.assignedUserId}`,
      })
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
    return { messageId: row!.id };
  });
}

/**
 * An agent takes the conversation over before (or without) writing: the bot pauses and the
 * conversation is assigned to them. The widget learns it through the status signal. Returns
 * false when there is no such conversation.
 */
export async function takeOverConversation(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  agentUserId: UserId,
): Promise<boolean> {
  const updated = await withTenant(db, tenantId, (tx) =>
    tx
      .update(conversations)
      .set({
        botPausedAt: sql`coalesce(${conversations.botPausedAt}, now())`,
        assignedUserId: agentUserId,
      })
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)))
      .returning({ id: conversations.id }),
  );
  return updated.length > 0;
}

/** Ends a takeover: the bot answers again. */
export async function handBackToBot(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx
      .update(conversations)
      .set({ botPausedAt: null })
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId))),
  );
}
