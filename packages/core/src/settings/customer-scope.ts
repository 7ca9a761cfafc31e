import { schema, type TenantDb, type TenantId } from '@replyline/db';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';

const { conversations, tickets } = schema;

/** One end customer, named by the email they gave or the visitor id of their browser. */
export const ZCustomer = z
  .object({
    email: z.email('Enter a valid email address.').max(254).optional(),
    visitorId: z.string().trim().min(1).max(128).optional(),
  })
  .refine((c) => c.email || c.visitorId, { message: 'Give an email address or a visitor id.' });
export type TCustomer = z.infer<typeof ZCustomer>;

export interface CustomerScope {
  emails: string[];
  visitorIds: string[];
  conversationIds: string[];
  ticketIds: string[];
}

/**
 * Everything that identifies one customer in a tenant. A customer known by email may have
 * chatted anonymously from the same browser before giving it, and one known by visitor id may
 * have given an email that names tickets: so emails lead to visitor ids and back, a few hops
 * until nothing new turns up.
 */
export async function findCustomerScope(
  tx: TenantDb,
  tenantId: TenantId,
  customer: TCustomer,
): Promise<CustomerScope> {
  const emails = new Set(customer.email ? [customer.email.toLowerCase()] : []);
  const visitorIds = new Set(customer.visitorId ? [customer.visitorId] : []);
  // An empty OR would match every row of the tenant: never run the queries without a name.
  if (emails.size + visitorIds.size === 0)
    return { emails: [], visitorIds: [], conversationIds: [], ticketIds: [] };
  let found: { id: string; visitorId: string; email: string | null }[] = [];
  for (let hop = 0; hop < 3; hop++) {
    const before = emails.size + visitorIds.size;
    found = await tx
      .select({
        id: conversations.id,
        visitorId: conversations.visitorId,
        email: conversations.customerEmail,
      })
      .from(conversations)
      .where(
        and(
          eq(conversations.tenantId, tenantId),
          or(
            visitorIds.size ? inArray(conversations.visitorId, [...visitorIds]) : undefined,
            emails.size
              ? inArray(sql`lower(${conversations.customerEmail})`, [...emails])
              : undefined,
          ),
        ),
      );
    for (const c of found) {
      visitorIds.add(c.visitorId);
      if (c.email) emails.add(c.email.toLowerCase());
    }
    if (emails.size + visitorIds.size === before) break;
  }
  const conversationIds = found.map((c) => c.id);
  const ticketRows = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, tenantId),
        or(
          inArray(sql`lower(${tickets.customerEmail})`, [...emails]),
          conversationIds.length ? inArray(tickets.conversationId, conversationIds) : undefined,
        ),
      ),
    );
  const ticketIds = ticketRows.map((t) => t.id);
  return { emails: [...emails], visitorIds: [...visitorIds], conversationIds, ticketIds };
}
