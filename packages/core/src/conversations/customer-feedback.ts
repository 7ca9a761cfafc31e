import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { and, eq, sql } from 'drizzle-orm';

const { conversations, events, messages } = schema;

/**
 * Thumbs on one answer (1 up, -1 down, 0 clears). Only assistant and agent messages of this
 * conversation can be rated; returns false when there is no such message.
 */
export async function setMessageFeedback(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  messageId: string,
  value: 1 | -1 | 0,
): Promise<boolean> {
  return withTenant(db, tenantId, async (tx) => {
    const updated = await tx
      .update(messages)
      .set({ feedback: value === 0 ? null : value })
      .where(
        and(
          eq(messages.tenantId, tenantId),
          eq(messages.conversationId, conversationId),
          eq(messages.id, messageId),
          sql`${messages.role} in ('assistant', 'agent')`,
        ),
      )
      .returning({ id: messages.id });
    if (updated.length === 0) return false;
    await tx.insert(events).values({
      tenantId,
      conversationId,
      type: 'message_feedback',
      data: { messageId, value },
    });
    return true;
  });
}

/**
 * CSAT at the end of a conversation: 1..5, the latest rating counts. Returns false when there
 * is no such conversation (yet: the widget's conversations are stored with their first message).
 */
export async function rateConversation(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  rating: number,
  comment?: string,
): Promise<boolean> {
  return withTenant(db, tenantId, async (tx) => {
    const rated = await tx
      .update(conversations)
      .set({ rating })
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)))
      .returning({ id: conversations.id });
    if (rated.length === 0) return false;
    await tx.insert(events).values({
      tenantId,
      conversationId,
      type: 'csat',
      data: comment ? { rating, comment } : { rating },
    });
    return true;
  });
}
