import { schema, type TenantDb, type TenantId } from '@replyline/db';
import { eq, max, sql } from 'drizzle-orm';

const { tickets } = schema;

/**
 * The next ticket number of a tenant (counting from 1), in the caller's transaction. A
 * transaction-scoped advisory lock on the tenant makes concurrent creators (escalations from
 * the widget, tickets made by hand in the dashboard) take turns instead of colliding on it.
 */
export async function nextTicketNumber(tx: TenantDb, tenantId: TenantId): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tickets:' || ${tenantId}))`);
  const [last] = await tx
    .select({ number: max(tickets.number) })
    .from(tickets)
    .where(eq(tickets.tenantId, tenantId));
  return (last?.number ?? 0) + 1;
}
