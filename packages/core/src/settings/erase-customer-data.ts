import { schema, withTenant, type Database, type TenantDb, type TenantId } from '@replyline/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { AuditActor } from '../request';
import { customerDocuments, customerEmails, customerEvents, customerRef } from './customer-rows';
import { eraseCustomerJobs } from './erase-queue-jobs';
import { findCustomerScope, type CustomerScope, type TCustomer } from './customer-scope';

const { conversations, documents, events, messages, outboundEmails, tickets } = schema;

export interface ErasureCounts {
  conversations: number;
  messages: number;
  tickets: number;
  events: number;
  files: number;
  emails: number;
  /** Queue jobs (webhook posts, emails, ingestion) that named them, in any state. */
  jobs: number;
}

/**
 * Erases one customer (GDPR erasure), all of it in one transaction: either every row listed
 * in customer-rows.ts is gone or none is. Counts what went, for the admin and the audit log.
 */
export async function eraseCustomerData(
  db: Database,
  actor: AuditActor,
  customer: TCustomer,
): Promise<ErasureCounts> {
  const tenantId = actor.tenantId;
  return withTenant(db, tenantId, async (tx) => {
    const scope = await findCustomerScope(tx, tenantId, customer);
    const counts = await eraseScope(tx, tenantId, scope);
    await recordAudit(tx, actor, {
      action: 'customer.erased',
      targetType: 'customer',
      targetId: customerRef(tenantId, customer),
      details: { ...counts },
    });
    return counts;
  });
}

async function eraseScope(tx: TenantDb, tenantId: TenantId, scope: CustomerScope) {
  const [{ n: messageCount } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(messages)
    .where(
      and(eq(messages.tenantId, tenantId), inArray(messages.conversationId, scope.conversationIds)),
    );
  const gone = async (query: Promise<unknown[]>) => (await query).length;
  const ids = async (query: Promise<{ id: string }[]>) => (await query).map((r) => r.id);
  // Rows pointing at the conversations first; the conversations take their messages with them.
  const eventCount = await gone(
    tx.delete(events).where(customerEvents(tenantId, scope)).returning({ id: events.id }),
  );
  const emailIds = await ids(
    tx
      .delete(outboundEmails)
      .where(customerEmails(tenantId, scope))
      .returning({ id: outboundEmails.id }),
  );
  const ticketCount = await gone(
    tx
      .delete(tickets)
      .where(and(eq(tickets.tenantId, tenantId), inArray(tickets.id, scope.ticketIds)))
      .returning({ id: tickets.id }),
  );
  // Chunks, vectors and stored bytes cascade from the document.
  const fileIds = await ids(
    tx.delete(documents).where(customerDocuments(tenantId, scope)).returning({ id: documents.id }),
  );
  const conversationCount = await gone(
    tx
      .delete(conversations)
      .where(
        and(eq(conversations.tenantId, tenantId), inArray(conversations.id, scope.conversationIds)),
      )
      .returning({ id: conversations.id }),
  );
  const jobs = await eraseCustomerJobs(tx, {
    tenantId,
    mentions: [...scope.conversationIds, ...scope.ticketIds, ...fileIds, ...scope.emails],
    exactValues: scope.visitorIds,
    emailIds,
  });
  return {
    conversations: conversationCount,
    messages: messageCount,
    tickets: ticketCount,
    events: eventCount,
    files: fileIds.length,
    emails: emailIds.length,
    jobs,
  };
}
