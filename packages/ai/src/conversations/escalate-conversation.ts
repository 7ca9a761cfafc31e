import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { and, eq, sql } from 'drizzle-orm';
import { nextTicketNumber } from './ticket-number';

const { conversations, events, messages, tickets } = schema;

export interface EscalationRequest {
  email: string;
  name?: string;
  message: string;
}

/**
 * "Talk to a human": opens a ticket linked to the conversation, keeps the customer's words as
 * a message, marks the conversation escalated and records the event, all in one transaction.
 * Ticket numbers count from 1 per tenant (see `nextTicketNumber`).
 */
export async function escalateConversation(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  request: EscalationRequest,
): Promise<{ ticketNumber: number; ticketId: string }> {
  return withTenant(db, tenantId, async (tx) => {
    const number = await nextTicketNumber(tx, tenantId);
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
