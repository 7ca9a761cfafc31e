import {
  schema,
  withTenant,
  type Database,
  type PgBoss,
  type TenantId,
  type UserId,
} from '@replyline/db';
import { sendEmail, type EmailRetry } from '@replyline/email';
import { and, eq, sql } from 'drizzle-orm';
import { ticketReplyAddress } from '../email-replies/reply-address';

const { events, messages, tenants, tickets, users } = schema;

export interface TicketReplyDeps {
  db: Database;
  queue: Pick<PgBoss, 'send'>;
  emailRetry?: Partial<EmailRetry>;
}

/**
 * Answers the customer of a ticket by email (template 'ticket-reply', from the workspace's
 * name), then records the reply in the ticket's history and, when the ticket came from a chat,
 * as an internal note in that conversation. An open ticket becomes 'pending' (waiting on the
 * customer). Null when the ticket does not exist.
 */
export async function replyToTicket(
  deps: TicketReplyDeps,
  tenantId: TenantId,
  ticketId: string,
  reply: { authorUserId: UserId; content: string },
): Promise<{ emailId: string } | null> {
  const facts = await withTenant(deps.db, tenantId, async (tx) => {
    const [ticket] = await tx
      .select({
        number: tickets.number,
        customerEmail: tickets.customerEmail,
        conversationId: tickets.conversationId,
        workspaceName: tenants.name,
      })
      .from(tickets)
      .innerJoin(tenants, eq(tenants.id, tickets.tenantId))
      .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, ticketId)));
    const [author] = await tx
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, reply.authorUserId));
    return ticket ? { ticket, agentName: author?.name || author?.email || 'Support team' } : null;
  });
  if (!facts) return null;
  const { ticket, agentName } = facts;

  const { emailId } = await sendEmail(
    { db: deps.db, queue: deps.queue, retry: deps.emailRetry },
    {
      to: ticket.customerEmail,
      template: 'ticket-reply',
      props: {
        workspaceName: ticket.workspaceName,
        ticketNumber: ticket.number,
        agentName,
        reply: reply.content,
      },
      metadata: { tenantId, ticketId },
      // The customer's answer comes back to this ticket (see email-replies).
      replyTo: ticketReplyAddress(tenantId, ticket.number),
    },
  );
  await withTenant(deps.db, tenantId, async (tx) => {
    await tx.insert(events).values({
      tenantId,
      conversationId: ticket.conversationId,
      type: 'ticket_replied',
      data: { ticketId, emailId, byUserId: reply.authorUserId, reply: reply.content },
    });
    await tx
      .update(tickets)
      .set({
        status: sql`case when ${tickets.status} = 'open' then 'pending'::ticket_status else ${tickets.status} end`,
      })
      .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, ticketId)));
    if (ticket.conversationId)
      await tx.insert(messages).values({
        tenantId,
        conversationId: ticket.conversationId,
        role: 'note',
        content: `Emailed the customer about ticket #${ticket.number}:\n\n${reply.content}`,
        authorUserId: reply.authorUserId,
      });
  });
  return { emailId };
}
