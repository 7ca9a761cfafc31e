import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { and, asc, desc, eq } from 'drizzle-orm';
import { conversationRow } from './conversation-row';

const { conversations, events, messages, tickets, users } = schema;

/**
 * Everything the team sees of one conversation: the header, every message including internal
 * notes with its sources, sentiment tags and feedback, the tickets made from it and the events
 * (escalations, ratings, feedback). Null when there is no such conversation in the tenant.
 */
export async function getTranscript(db: Database, tenantId: TenantId, conversationId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const [conversation] = await tx
      .select({ ...conversationRow(tenantId), metadata: conversations.metadata })
      .from(conversations)
      .leftJoin(users, eq(users.id, conversations.assignedUserId))
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
    if (!conversation) return null;
    const inConversation = <T extends typeof messages | typeof tickets | typeof events>(table: T) =>
      and(eq(table.tenantId, tenantId), eq(table.conversationId, conversationId));
    const [messageRows, ticketRows, eventRows] = await Promise.all([
      tx
        .select({
          id: messages.id,
          role: messages.role,
          content: messages.content,
          sources: messages.sources,
          tags: messages.tags,
          feedback: messages.feedback,
          authorUserId: messages.authorUserId,
          authorName: users.name,
          createdAt: messages.createdAt,
        })
        .from(messages)
        .leftJoin(users, eq(users.id, messages.authorUserId))
        .where(inConversation(messages))
        .orderBy(asc(messages.createdAt), asc(messages.id)),
      tx
        .select({
          id: tickets.id,
          number: tickets.number,
          subject: tickets.subject,
          status: tickets.status,
          priority: tickets.priority,
        })
        .from(tickets)
        .where(inConversation(tickets))
        .orderBy(desc(tickets.number)),
      tx
        .select({
          id: events.id,
          type: events.type,
          data: events.data,
          createdAt: events.createdAt,
        })
        .from(events)
        .where(inConversation(events))
        .orderBy(asc(events.createdAt)),
    ]);
    return { conversation, messages: messageRows, tickets: ticketRows, events: eventRows };
  });
}
