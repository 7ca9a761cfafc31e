import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { and, asc, desc, eq, ne, or, type SQL } from 'drizzle-orm';
import { handoffLineOf, readHandoff } from '../conversations/handoff';
import { conversationRow, SIGNAL_TAGS } from './conversation-row';

const { conversations, events, messages, tickets, users } = schema;

/** Earlier conversations shown beside a transcript; more are a search away. */
const PAST_CONVERSATIONS = 10;

/**
 * Everything the team sees of one conversation: the header, every message including internal
 * notes with its sources, signal tags and feedback, the tickets made from it, the events
 * (escalations, ratings, feedback, assignments) and the same visitor's other conversations.
 * Null when there is no such conversation in the tenant.
 */
export async function getTranscript(db: Database, tenantId: TenantId, conversationId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const [conversation] = await tx
      .select({
        ...conversationRow(tenantId),
        metadata: conversations.metadata,
        identityKey: conversations.identityKey,
      })
      .from(conversations)
      .leftJoin(users, eq(users.id, conversations.assignedUserId))
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
    if (!conversation) return null;
    const inConversation = <T extends typeof messages | typeof tickets | typeof events>(table: T) =>
      and(eq(table.tenantId, tenantId), eq(table.conversationId, conversationId));
    const sameVisitor = or(
      eq(conversations.visitorId, conversation.visitorId),
      conversation.identityKey
        ? eq(conversations.identityKey, conversation.identityKey)
        : undefined,
    ) as SQL;
    const [handoff, messageRows, ticketRows, eventRows, pastRows] = await Promise.all([
      readHandoff(tx, tenantId, conversationId),
      tx
        .select({
          id: messages.id,
          role: messages.role,
          content: messages.content,
          sources: messages.sources,
          cards: messages.cards,
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
      tx
        .select({
          id: conversations.id,
          status: conversations.status,
          lastMessageAt: conversations.lastMessageAt,
          lastMessage: conversationRow(tenantId).lastMessage,
          assignedUserName: users.name,
        })
        .from(conversations)
        // The join also makes Drizzle name the table in the lastMessage subquery's columns.
        .leftJoin(users, eq(users.id, conversations.assignedUserId))
        .where(
          and(
            eq(conversations.tenantId, tenantId),
            ne(conversations.id, conversationId),
            sameVisitor,
          ),
        )
        .orderBy(desc(conversations.lastMessageAt))
        .limit(PAST_CONVERSATIONS),
    ]);
    const { identityKey: _identityKey, ...header } = conversation;
    return {
      // Who answers the customer now: the bot, nobody yet (waiting for a person), or a person.
      conversation: { ...header, handoff: handoff?.state ?? 'bot' },
      messages: messageRows.map((m) => ({
        ...m,
        tags: m.tags.filter((tag) => SIGNAL_TAGS.includes(tag)),
        handoff: m.role === 'system' ? handoffLineOf(m.tags) : null,
      })),
      tickets: ticketRows,
      events: eventRows,
      pastConversations: pastRows,
    };
  });
}
