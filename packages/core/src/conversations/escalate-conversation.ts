import { planAllows } from '@replyline/billing';
import { schema, withTenant, type Database, type TenantDb, type TenantId } from '@replyline/db';
import { and, eq, sql } from 'drizzle-orm';
import { createdAtText, insertHandoffLine, readHandoff } from './handoff';
import { insertTicket } from './open-ticket';

const { conversations, events, messages, tenants } = schema;

export interface EscalationRequest {
  email: string;
  name?: string;
  message: string;
}

export interface Escalation {
  ticketNumber: number;
  ticketId: string;
  /** The stored copy of the customer's words. */
  messageId: string;
  /**
   * True when this request started a hand-off (the bot was answering until now): the customer
   * is told once per hand-off, not once per request.
   */
  handoffStarted: boolean;
}

/**
 * "Talk to a human": opens a ticket linked to the conversation, keeps the customer's words as
 * a message, marks the conversation escalated and records the event, all in one transaction.
 * Ticket numbers count from 1 per tenant (see `insertTicket`). When the plan has live hand-off
 * the bot goes quiet and the conversation waits for a person, announced by a line after the
 * customer's message; without it the bot keeps answering and the team answers the ticket by
 * email.
 */
export async function escalateConversation(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  request: EscalationRequest,
): Promise<Escalation> {
  return withTenant(db, tenantId, async (tx) => {
    const before = await readHandoff(tx, tenantId, conversationId);
    const handoffStarted = before?.state === 'bot' && (await hasLiveHandoff(tx, tenantId));
    const { ticketId, ticketNumber } = await insertTicket(tx, tenantId, {
      conversationId,
      subject: subjectFrom(request.message),
      customerEmail: request.email,
      customerName: request.name ?? null,
    });
    const [message] = await tx
      .insert(messages)
      .values({
        tenantId,
        conversationId,
        role: 'visitor',
        content: request.message,
        tags: ['human_requested'],
      })
      .returning({ id: messages.id, createdAt: createdAtText });
    if (handoffStarted)
      await insertHandoffLine(tx, tenantId, conversationId, {
        kind: 'waiting',
        content: 'Waiting for a person…',
        after: message!.createdAt,
      });
    await tx
      .update(conversations)
      .set({
        status: 'escalated',
        ...(handoffStarted ? { botPausedAt: sql`now()` } : {}),
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
    return { ticketNumber, ticketId, messageId: message!.id, handoffStarted };
  });
}

async function hasLiveHandoff(tx: TenantDb, tenantId: TenantId): Promise<boolean> {
  const [tenant] = await tx
    .select({ plan: tenants.plan })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return tenant ? planAllows(tenant.plan, 'liveHandoff') : false;
}

function subjectFrom(message: string): string {
  const firstLine = message.trim().split('\n')[0] ?? '';
  return firstLine.length > 80 ? `${firstLine.slice(0, 77)}...` : firstLine || 'Chat escalation';
}
