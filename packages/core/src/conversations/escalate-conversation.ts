import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { and, eq, sql } from 'drizzle-orm';
import { insertTicket } from './open-ticket';

const { conversations, events, messages } = schema;

export interface EscalationRequest {
  email: string;
  name?: string;
  message: string;
}

/**
 * "Talk to a human": opens a ticket linked to the conversation, keeps the customer's words as
 * a message, marks the conversation escalated and records the event, all in one transaction.
 * Ticket numbers count from 1 per tenant (see `insertTicket`).
 */
export async function escalateConversation(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  request: EscalationRequest,
): Promise<{ ticketNumber: number; ticketId: string }> {
  return withTenant(db, tenantId, async (tx) => {
    const { ticketId, ticketNumber } = await insertTicket(tx, tenantId, {
      conversationId,
      subject: subjectFrom(request.message),
      customerEmail: request.email,
      customerName: request.name ?? null,
    });
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
      data: { ticketId, ticketNumber },
    });
    return { ticketNumber, ticketId };
  });
}

function subjectFrom(message: string): string {
  const firstLine = message.trim().split('\n')[0] ?? '';
  return firstLine.length > 80 ? `${firstLine.slice(0, 77)}...` : firstLine || 'Chat escalation';
}
