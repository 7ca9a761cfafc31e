import { randomUUID } from 'node:crypto';
import { schema, withTenant, type Database, type TenantDb } from '@replyline/db';
import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '../domain-error';
import {
  formatBytes,
  notKeptNote,
  screenAttachments,
  type AttachmentLimits,
  type IncomingAttachment,
  type KeptAttachment,
} from './inbound-attachments';
import { bareAddress, readReplyAddress } from './reply-address';
import { stripQuotedReply } from './strip-quoted-reply';

const { events, messages, processedWebhookEvents, ticketAttachments, tickets } = schema;

/** Per file and per email, unless INBOUND_ATTACHMENT_MAX_FILE_BYTES / _EMAIL_BYTES say otherwise. */
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxEmailBytes: 25 * 1024 * 1024,
};

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
  /** Files attached to the email: kept with the ticket when allowed (see inbound-attachments). */
  attachments?: IncomingAttachment[];
}

export type ReceivedReply =
  | {
      status: 'threaded';
      tenantId: string;
      ticketId: string;
      ticketNumber: number;
      /** Files kept with the ticket, and the note naming those that were not (null: none). */
      attachmentsKept: number;
      attachmentsNote: string | null;
    }
  | { status: 'duplicate' };

/**
 * Threads a customer's email reply into its ticket, found by the signed reply address alone
 * (never by subject or sender): the quoted history and signature are cut, the reply is kept in
 * the ticket's history (and its chat, when it came from one) and the ticket is open again.
 */
export async function receiveTicketReply(
  db: Database,
  email: InboundEmail,
  options: { domain?: string; attachmentLimits?: AttachmentLimits } = {},
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
  const attachments = email.attachments ?? [];
  if (!reply && attachments.length === 0)
    throw new DomainError('bad_input', 'The email has no new text above the quoted one.');

  const [fresh] = await db
    .insert(processedWebhookEvents)
    .values({ eventId: `inbound-email:${email.deliveryId}`, type: 'inbound_email' })
    .onConflictDoNothing()
    .returning({ eventId: processedWebhookEvents.eventId });
  if (!fresh) return { status: 'duplicate' };
  const forgetDelivery = () =>
    db
      .delete(processedWebhookEvents)
      .where(eq(processedWebhookEvents.eventId, `inbound-email:${email.deliveryId}`));

  // Read before the transaction (downloads take time); a failed read lets a redelivery through.
  const files = await screenAttachments(
    attachments,
    options.attachmentLimits ?? DEFAULT_ATTACHMENT_LIMITS,
  ).catch(async (error: unknown) => {
    await forgetDelivery();
    throw error;
  });
  const note = notKeptNote(files.refused);

  const threaded = await withTenant(db, target.tenantId, async (tx) => {
    const [ticket] = await tx
      .update(tickets)
      .set({ status: 'open', updatedAt: new Date() })
      .where(and(eq(tickets.tenantId, target.tenantId), eq(tickets.number, target.ticketNumber)))
      .returning({ id: tickets.id, conversationId: tickets.conversationId });
    if (!ticket) return null;
    // The history entry's id is chosen here so the files can name it and it can list them.
    const eventId = randomUUID();
    const kept = await keepAttachments(tx, target.tenantId, ticket.id, eventId, files.kept);
    await tx.insert(events).values({
      id: eventId,
      tenantId: target.tenantId,
      conversationId: ticket.conversationId,
      type: 'ticket_customer_replied',
      data: {
        ticketId: ticket.id,
        from: bareAddress(email.from),
        reply,
        ...(kept.length ? { attachments: kept } : {}),
        ...(note ? { attachmentsNote: note } : {}),
      },
    });
    if (ticket.conversationId)
      await tx.insert(messages).values({
        tenantId: target.tenantId,
        conversationId: ticket.conversationId,
        role: 'visitor',
        content: [reply, attachedLine(files.kept), note].filter(Boolean).join('\n\n'),
        tags: sql`array['email']::text[]`,
      });
    return ticket;
  });
  if (!threaded) {
    // Not threaded: let a corrected redelivery through.
    await forgetDelivery();
    throw new DomainError('not_found', 'The ticket this reply is for does not exist any more.');
  }
  return {
    status: 'threaded',
    tenantId: target.tenantId,
    ticketId: threaded.id,
    ticketNumber: target.ticketNumber,
    attachmentsKept: files.kept.length,
    attachmentsNote: note,
  };
}

/** Stores the kept files with the ticket; returns what the history entry lists of them. */
async function keepAttachments(
  tx: TenantDb,
  tenantId: string,
  ticketId: string,
  eventId: string,
  files: readonly KeptAttachment[],
) {
  if (files.length === 0) return [];
  return tx
    .insert(ticketAttachments)
    .values(
      files.map((file) => ({
        tenantId,
        ticketId,
        eventId,
        filename: file.filename,
        contentType: file.contentType,
        sizeBytes: file.bytes.length,
        bytes: file.bytes,
      })),
    )
    .returning({
      id: ticketAttachments.id,
      filename: ticketAttachments.filename,
      sizeBytes: ticketAttachments.sizeBytes,
    });
}

/** The chat shows that files came, and where to find them. */
function attachedLine(files: readonly KeptAttachment[]): string | null {
  if (files.length === 0) return null;
  const list = files.map((file) => `${file.filename} (${formatBytes(file.bytes.length)})`);
  return `Attached to the ticket: ${list.join(', ')}`;
}
