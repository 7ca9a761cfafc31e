import { createHmac } from 'node:crypto';
import { purposeKey, schema, type TenantId } from '@replyline/db';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { CustomerScope, TCustomer } from './customer-scope';

const { documents, events, outboundEmails } = schema;

/*
 * What "everything about one end customer" covers, per table:
 * - conversations of their visitor ids or email, with every message (internal notes too);
 * - tickets under their email or made from those conversations;
 * - events of those conversations, of their visitor ids, or about those tickets (ticket
 *   history, replies sent);
 * - files they uploaded: a document row linked to one of their conversations
 *   (documents.conversation_id), with its stored bytes (document_files), its chunks and their
 *   vectors (chunks.embedding). Documents the tenant uploaded to its knowledge base are the
 *   tenant's, not the customer's, and stay;
 * - emails sent to them or about their tickets (outbound_emails of this tenant).
 * Usage records (billing) hold counts and message ids only, nothing about the person: kept.
 * The audit log is append-only and records the request with a keyed hash, never the email.
 */

export function customerEvents(tenantId: TenantId, scope: CustomerScope): SQL | undefined {
  return and(
    eq(events.tenantId, tenantId),
    or(
      inArray(events.conversationId, scope.conversationIds),
      inArray(events.visitorId, scope.visitorIds),
      inArray(sql`${events.data}->>'ticketId'`, scope.ticketIds),
    ),
  );
}

export function customerDocuments(tenantId: TenantId, scope: CustomerScope): SQL | undefined {
  return and(
    eq(documents.tenantId, tenantId),
    inArray(documents.conversationId, scope.conversationIds),
  );
}

/** outbound_emails is platform-wide (no RLS): the tenant is matched on its metadata here. */
export function customerEmails(tenantId: TenantId, scope: CustomerScope): SQL | undefined {
  return and(
    sql`${outboundEmails.metadata}->>'tenantId' = ${tenantId}`,
    or(
      inArray(sql`lower(${outboundEmails.to})`, scope.emails),
      inArray(sql`${outboundEmails.metadata}->>'ticketId'`, scope.ticketIds),
    ),
  );
}

/**
 * How the audit log names the customer: a keyed hash of the identifier, so support can later
 * check "was this address erased?" without the log keeping the address itself.
 */
export function customerRef(tenantId: TenantId, customer: TCustomer): string {
  const identifier = customer.email?.toLowerCase() ?? `visitor:${customer.visitorId}`;
  const digest = createHmac('sha256', purposeKey('audit-customer-ref'))
    .update(`${tenantId}\u0000${identifier}`)
    .digest('hex');
  return `customer:${digest.slice(0, 24)}`;
}
