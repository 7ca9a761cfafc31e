import { schema, withTenant, type Database, type TenantDb, type TenantId } from '@replyline/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { ticketRow } from './list-tickets';
import { TICKET_EVENT_TYPES } from '../conversations/ticket-fields';
import { customerMessageOf } from './customer-message';
import { listTicketAttachments } from './ticket-attachments';

const { conversations, events, tickets, users } = schema;

/**
 * One ticket with the customer's own words, the conversation it came from (if any) and its
 * history: how it was made, changes, and replies sent by email. History names people by
 * name (`names` maps every member id it mentions). Null when there is no such ticket.
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
    return {
      ticket,
      customerMessage: await customerMessageOf(tx, tenantId, ticket),
      conversation: conversation ?? null,
      history,
      attachments: await listTicketAttachments(tx, tenantId, ticketId),
      names: await namesOf(
        tx,
        history.flatMap((event) => userIdsIn(event.data)),
      ),
    };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user ids an event mentions: who did it, and an assignee it set. */
export function userIdsIn(data: Record<string, unknown>): string[] {
  const changes = (data.changes ?? {}) as Record<string, unknown>;
  return [data.byUserId, changes.assigneeUserId].filter(
    (id): id is string => typeof id === 'string' && UUID.test(id),
  );
}

/** Display names (or emails) of these users, by id. */
export async function namesOf(tx: TenantDb, ids: string[]): Promise<Record<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return {};
  const rows = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, unique));
  return Object.fromEntries(rows.map((u) => [u.id, u.name ?? u.email]));
}
