import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { ticketRow } from './list-tickets';
import { TICKET_EVENT_TYPES } from '../conversations/ticket-fields';

const { conversations, events, tickets, users } = schema;

/**
 * One ticket with the conversation it came from (if any) and its history: how it was made,
 * changes, and replies sent by email. Null when there is no such ticket in the tenant.
 */
export async function getTicket(db: Database, tenantId: TenantId, ticketId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const [ticket] = await tx
      .select(ticketRow)
      .from(tickets)
      .leftJoin(users, eq(users.id, tickets.assigneeUserId))
      .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, ticketId)));
    if (!ticket) return null;
    const [conversation] = ticket.conversationId
      ? await tx
          .select({
            id: conversations.id,
            status: conversations.status,
            visitorId: conversations.visitorId,
            lastMessageAt: conversations.lastMessageAt,
          })
          .from(conversations)
          .where(
            and(eq(conversations.tenantId, tenantId), eq(conversations.id, ticket.conversationId)),
          )
      : [];
    const history = await tx
      .select({ id: events.id, type: events.type, data: events.data, createdAt: events.createdAt })
      .from(events)
      .where(
        and(
          eq(events.tenantId, tenantId),
          inArray(events.type, [...TICKET_EVENT_TYPES]),
          sql`${events.data}->>'ticketId' = ${ticketId}`,
        ),
      )
      .orderBy(asc(events.createdAt));
    return { ticket, conversation: conversation ?? null, history };
  });
}
