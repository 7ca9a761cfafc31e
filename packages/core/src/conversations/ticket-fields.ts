import { schema, type TenantDb, type TenantId } from '@replyline/db';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';

const { memberships } = schema;

export const ZTicketStatus = z.enum(['open', 'pending', 'solved', 'closed']);
export const ZTicketPriority = z.enum(['low', 'normal', 'high', 'urgent']);
export const ZCategory = z.string().trim().min(1).max(60);

/** Is `userId` a member of the tenant (anyone assigned a ticket must be)? */
export async function isMember(tx: TenantDb, tenantId: TenantId, userId: string) {
  const [row] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  return Boolean(row);
}

/** Tickets' events name their ticket in `data.ticketId`; these are the kinds that do. */
export const TICKET_EVENT_TYPES = [
  'ticket_created',
  'ticket_updated',
  'ticket_replied',
  'ticket_customer_replied',
] as const;
