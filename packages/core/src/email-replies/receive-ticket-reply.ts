import { schema, withTenant, type Database } from '@replyline/db';
import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '../domain-error';
import { bareAddress, readReplyAddress } from './reply-address';
import { stripQuotedReply } from './strip-quoted-reply';

const { events, messages, processedWebhookEvents, tickets } = schema;

/** A customer's words are capped like a chat message's; the rest of a long email is quoted history. */
const MAX_REPLY_CHARACTERS = 20_000;

/** One received email, as the inbound webhooks hand it over. */
export interface InboundEmail {
  /** Every recipient (To and Cc); the one signed reply address among them picks the ticket. */
  to: string[];
  from: string;
  subject?: string;
  text: string;
  /** The provider's id of this delivery; the same email delivered twice is threaded once. */
  deliveryId: string;
}

export type ReceivedReply =
  | { status: 'threaded'; tenantId: string; ticketId: string; ticketNumber: number }
  | { status: 'duplicate' };

/**
 * Threads a customer's email reply into its ticket, found by the signed reply address alone
 * (never by subject or sender): the quoted history and signature are cut, the reply is kept in
 * the ticket's history (and its chat, when it came from one) and the ticket is open again.
 */
export async function receiveTicketReply(
  db: Database,
  email: InboundEmail,
  options: { domain?: string } = {},
): Promise<ReceivedReply> {
  const target = email.to
    .map((address) => readReplyAddress(address, options.domain))
    .find((found) => found !== null);
  if (!target)
    throw new DomainError(
      'not_found',
      'This email is not addressed to a reply address of any ticket.',
    );
  const reply = stripQuotedReply(email.text).slice(0, MAX_REPLY_CHARACTERS);
  if (!reply) throw new DomainError('bad_input', 'The email has no new text above the quoted one.');

  const [fresh] = await db
    .insert(processedWebhookEvents)
    .values({ eventId: `inbound-email:${email.deliveryId}`, type: 'inbound_email' })
    .onConflictDoNothing()
    .returning({ eventId: processedWebhookEvents.eventId });
  if (!fresh) return { status: 'duplicate' };

  const threaded = await withTenant(db, target.tenantId, async (tx) => {
    const [ticket] = await tx
      .update(tickets)
      .set({ status: 'open', updatedAt: new Date() })
      .where(and(eq(tickets.tenantId, target.tenantId), eq(tickets.number, target.ticketNumber)))
      .returning({ id: tickets.id, conversationId: tickets.conversationId });
    if (!ticket) return null;
    const from = bareAddress(email.from);
    await tx.insert(events).values({
      tenantId: target.tenantId,
      conversationId: ticket.conversationId,
      type: 'ticket_customer_replied',
      data: { ticketId: ticket.id, from, reply },
    });
    if (ticket.conversationId)
      await tx.insert(messages).values({
        tenantId: target.tenantId,
        conversationId: ticket.conversationId,
        role: 'visitor',
        content: reply,
        tags: sql`array['email']::text[]`,
      });
    return ticket;
  });
  if (!threaded) {
    // Not threaded: let a corrected redelivery through.
    await db
      .delete(processedWebhookEvents)
      .where(eq(processedWebhookEvents.eventId, `inbound-email:${email.deliveryId}`));
    throw new DomainError('not_found', 'The ticket this reply is for does not exist any more.');
  }
  return {
    status: 'threaded',
    tenantId: target.tenantId,
    ticketId: threaded.id,
    ticketNumber: target.ticketNumber,
  };
}
