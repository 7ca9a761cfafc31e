import { schema, type TenantDb, type TenantId } from '@replyline/db';
import { eq, max, sql } from 'drizzle-orm';

const { tickets } = schema;

export interface TicketDraft {
  subject: string;
  customerEmail: string;
  customerName?: string | null;
  conversationId?: string | null;
  priority?: (typeof tickets.$inferInsert)['priority'];
  category?: string | null;
  assigneeUserId?: string | null;
}

/**
 * The one place ticket rows are written (escalations from the widget, tickets made by hand in
 * the dashboard), in the caller's transaction, numbered from 1 per tenant.
 */
export async function insertTicket(
  tx: TenantDb,
  tenantId: TenantId,
  draft: TicketDraft,
): Promise<{ ticketId: string; ticketNumber: number }> {
  const number = await nextTicketNumber(tx, tenantId);
  const [row] = await tx
    .insert(tickets)
    .values({
      tenantId,
      number,
      subject: draft.subject,
      customerEmail: draft.customerEmail,
      customerName: draft.customerName ?? null,
      conversationId: draft.conversationId ?? null,
      ...(draft.priority ? { priority: draft.priority } : {}),
      category: draft.category ?? null,
      assigneeUserId: draft.assigneeUserId ?? null,
    })
    .returning({ id: tickets.id });
  return { ticketId: row!.id, ticketNumber: number };
}

/**
 * The next ticket number of a tenant (counting from 1). A transaction-scoped advisory lock on
 * the tenant makes concurrent creators take turns instead of colliding on it.
 */
async function nextTicketNumber(tx: TenantDb, tenantId: TenantId): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tickets:' || ${tenantId}))`);
  const [last] = await tx
    .select({ number: max(tickets.number) })
    .from(tickets)
    .where(eq(tickets.tenantId, tenantId));
  return (last?.number ?? 0) + 1;
}
