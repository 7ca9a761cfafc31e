import { schema, withTenant, type Database } from '@replyline/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { AuditActor } from '../request';
import { customerDocuments, customerEmails, customerEvents, customerRef } from './customer-rows';
import { findCustomerScope, type TCustomer } from './customer-scope';

const { conversations, documents, events, messages, outboundEmails, ticketAttachments, tickets } =
  schema;

/** Every row about one customer (see customer-rows.ts), as JSON-ready data (GDPR access request). */
export async function exportCustomerData(db: Database, actor: AuditActor, customer: TCustomer) {
  const tenantId = actor.tenantId;
  return withTenant(db, tenantId, async (tx) => {
    const scope = await findCustomerScope(tx, tenantId, customer);
    const data = {
      exportedAt: new Date().toISOString(),
      customer: { emails: scope.emails, visitorIds: scope.visitorIds },
      conversations: await tx
        .select()
        .from(conversations)
        .where(
          and(
            eq(conversations.tenantId, tenantId),
            inArray(conversations.id, scope.conversationIds),
          ),
        )
        .orderBy(asc(conversations.createdAt)),
      messages: await tx
        .select({
          id: messages.id,
          conversationId: messages.conversationId,
          role: messages.role,
          content: messages.content,
          sources: messages.sources,
          tags: messages.tags,
          feedback: messages.feedback,
          createdAt: messages.createdAt,
        })
        .from(messages)
        .where(
          and(
            eq(messages.tenantId, tenantId),
            inArray(messages.conversationId, scope.conversationIds),
          ),
        )
        .orderBy(asc(messages.createdAt)),
      tickets: await tx
        .select()
        .from(tickets)
        .where(and(eq(tickets.tenantId, tenantId), inArray(tickets.id, scope.ticketIds))),
      events: await tx
        .select({
          id: events.id,
          type: events.type,
          conversationId: events.conversationId,
          visitorId: events.visitorId,
          data: events.data,
          createdAt: events.createdAt,
        })
        .from(events)
        .where(customerEvents(tenantId, scope))
        .orderBy(asc(events.createdAt)),
      files: await tx
        .select({
          id: documents.id,
          title: documents.title,
          kind: documents.kind,
          mimeType: documents.mimeType,
          sizeBytes: documents.sizeBytes,
          createdAt: documents.createdAt,
        })
        .from(documents)
        .where(customerDocuments(tenantId, scope)),
      // Files the customer attached to email replies: listed like `files` (the bytes are
      // downloaded from the ticket), so the export says they exist.
      emailAttachments: await tx
        .select({
          id: ticketAttachments.id,
          ticketId: ticketAttachments.ticketId,
          filename: ticketAttachments.filename,
          contentType: ticketAttachments.contentType,
          sizeBytes: ticketAttachments.sizeBytes,
          createdAt: ticketAttachments.createdAt,
        })
        .from(ticketAttachments)
        .where(
          and(
            eq(ticketAttachments.tenantId, tenantId),
            inArray(ticketAttachments.ticketId, scope.ticketIds),
          ),
        )
        .orderBy(asc(ticketAttachments.createdAt)),
      emails: await tx
        .select({
          to: outboundEmails.to,
          subject: outboundEmails.subject,
          text: outboundEmails.text,
          status: outboundEmails.status,
          createdAt: outboundEmails.createdAt,
        })
        .from(outboundEmails)
        .where(customerEmails(tenantId, scope)),
    };
    await recordAudit(tx, actor, {
      action: 'customer.exported',
      targetType: 'customer',
      targetId: customerRef(tenantId, customer),
      details: { conversations: data.conversations.length, tickets: data.tickets.length },
    });
    return data;
  });
}
