import { schema, withTenant, type Database, type TenantId, type UserId } from '@replyline/db';
import { and, eq, sql } from 'drizzle-orm';

const { conversations, events, messages } = schema;

/**
 * An internal note for the team, stored as a message with role 'note': the widget's reads
 * (packages/ai `listMessages`) and the realtime relay only ever pass customer-visible roles.
 * It marks the conversation changed for the inbox, not as new customer activity.
 */
export async function addInternalNote(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  note: { authorUserId: UserId; content: string },
): Promise<{ messageId: string } | null> {
  return withTenant(db, tenantId, async (tx) => {
    const touched = await tx
      .update(conversations)
      .set({ updatedAt: sql`now()` })
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)))
      .returning({ id: conversations.id });
    if (touched.length === 0) return null;
    const [row] = await tx
      .insert(messages)
      .values({
        tenantId,
        conversationId,
        role: 'note',
        content: note.content,
        authorUserId: note.authorUserId,
      })
      .returning({ id: messages.id });
    return { messageId: row!.id };
  });
}

/**
 * Resolves or reopens a conversation; the widget hears the status change through the realtime
 * signal. Resolving also hands it back to the bot, so a customer who writes again is answered.
 */
export async function setConversationStatus(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  change: { status: 'open' | 'resolved'; byUserId: UserId },
): Promise<boolean> {
  return withTenant(db, tenantId, async (tx) => {
    const updated = await tx
      .update(conversations)
      .set(
        change.status === 'resolved'
          ? { status: 'resolved', botPausedAt: null }
          : { status: 'open' },
      )
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)))
      .returning({ id: conversations.id });
    if (updated.length === 0) return false;
    await tx.insert(events).values({
      tenantId,
      conversationId,
      type: change.status === 'resolved' ? 'conversation_resolved' : 'conversation_reopened',
      data: { byUserId: change.byUserId },
    });
    return true;
  });
}
