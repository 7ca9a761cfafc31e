import { schema, withTenant, type Database, type TenantId, type UserId } from '@replyline/db';
import { and, eq, ne, sql } from 'drizzle-orm';
import { insertHandoffLine } from './handoff';

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
 * signal. Resolving also hands it back to the bot, so a customer who writes again is answered,
 * and ends it for both sides with a line (the widget asks for a rating then).
 */
export async function setConversationStatus(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  change: { status: 'open' | 'resolved'; byUserId: UserId },
): Promise<boolean> {
  if (change.status === 'resolved')
    return endConversation(db, tenantId, conversationId, { byUserId: change.byUserId });
  return withTenant(db, tenantId, async (tx) => {
    const updated = await tx
      .update(conversations)
      .set({ status: 'open' })
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)))
      .returning({ id: conversations.id });
    if (updated.length === 0) return false;
    await tx.insert(events).values({
      tenantId,
      conversationId,
      type: 'conversation_reopened',
      data: { byUserId: change.byUserId },
    });
    return true;
  });
}

/**
 * Ends a conversation, by an agent (`byUserId`) or by the customer (`byVisitor`): resolved, the
 * bot answers again if they write later, and an "ended" line for both sides. Ending one that
 * is already resolved changes nothing (and writes no second line). False when there is none.
 */
export async function endConversation(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  by: { byUserId: UserId } | { byVisitor: true },
): Promise<boolean> {
  return withTenant(db, tenantId, async (tx) => {
    const scope = and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId));
    const updated = await tx
      .update(conversations)
      .set({ status: 'resolved', botPausedAt: null })
      .where(and(scope, ne(conversations.status, 'resolved')))
      .returning({ id: conversations.id });
    if (updated.length === 0) {
      const [exists] = await tx.select({ id: conversations.id }).from(conversations).where(scope);
      return Boolean(exists);
    }
    await insertHandoffLine(tx, tenantId, conversationId, {
      kind: 'ended',
      content: 'This conversation has ended.',
    });
    await tx.insert(events).values({
      tenantId,
      conversationId,
      type: 'conversation_resolved',
      data: 'byUserId' in by ? { byUserId: by.byUserId } : { byVisitor: true },
    });
    return true;
  });
}
