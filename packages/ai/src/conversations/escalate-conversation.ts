import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { and, eq, max, sql } from 'drizzle-orm';

const { conversations, events, messages, tickets } = schema;

export interface EscalationRequest {
  email: string;
  name?: string;
  message: string;
}

/**
 * "Talk to a human": opens a ticket linked to the conversation, keeps the customer's words as
 * a message, marks the conversation escalated and records the event, all in one transaction.
 * Ticket numbers count from 1 per tenant; a transaction-scoped advisory lock on the tenant
 * makes concurrent escalations take turns instead of colliding on the number.
 */
export async function escalateConversation(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  request: EscalationRequest,
): Promise<{ ticketNumber: number; ticketId: string }> {
  return withTenant(db, tenantId, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tickets:' || ${tenantId}))`);
    const [last] = await tx
      .select({ number: max(tickets.number) })
      .from(tickets)
      .where(eq(tickets.tenantId, tenantId));
    const number = (last?.number ?? 0) + 1;
    const [ticket] = await tx
      .insert(tickets)
      .values({
        tenantId,
        number,
        conversationId,
        subject: subjectFrom(request.message),
        customerEmail: request.email,
        customerName: request.name ?? null,
      })
      .returning({ id: tickets.id });
    await tx.insert(messages).values({
      tenantId,
      conversationId,
      role: 'visitor',
      content: request.message,
      tags: ['human_requested'],
    });
    await tx
      .update(conversations)
      .set({
        status: 'escalated',
        customerEmail: request.email,
        customerName: request.name ?? sql`${conversations.customerName}`,
        lastMessageAt: sql`now()`,
      })
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
    await tx.insert(events).values({
      tenantId,
      conversationId,
      type: 'escalated',
      data: { ticketId: ticket!.id, ticketNumber: number },
    });
    return { ticketNumber: number, ticketId: ticket!.id };
  });
}

function subjectFrom(message: string): string {
  const firstLine = message.trim().split('\n')[0] ?? '';
  return firstLine.length > 80 ? `${firstLine.slice(0, 77)}...` : firstLine || 'Chat escalation';
}
