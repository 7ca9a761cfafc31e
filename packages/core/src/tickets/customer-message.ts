import { schema, type TenantDb, type TenantId } from '@replyline/db';
import { and, desc, eq, sql } from 'drizzle-orm';

const { events, messages } = schema;

/**
 * The customer's own words for a ticket: typed with a ticket made by hand, or the escalation's
 * message, else the last thing they wrote in the chat it came from. Null when there are none.
 */
export async function customerMessageOf(
  tx: TenantDb,
  tenantId: TenantId,
  ticket: { id: string; conversationId: string | null },
): Promise<string | null> {
  const [written] = await tx
    .select({ message: sql<string | null>`${events.data}->>'message'` })
    .from(events)
    .where(
      and(
        eq(events.tenantId, tenantId),
        eq(events.type, 'ticket_created'),
        sql`${events.data}->>'ticketId' = ${ticket.id}`,
      ),
    );
  if (written?.message) return written.message;
  if (!ticket.conversationId) return null;
  const [asked] = await tx
    .select({ content: messages.content })
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, tenantId),
        eq(messages.conversationId, ticket.conversationId),
        eq(messages.role, 'visitor'),
      ),
    )
    .orderBy(desc(messages.createdAt))
    .limit(1);
  return asked?.content ?? null;
}
