import { schema, withTenant, type Database, type TenantId, type UserId } from '@replyline/db';
import { and, desc, eq, ilike, isNull, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { containsPattern } from '../inbox/list-conversations';
import { ZCategory, ZTicketPriority, ZTicketStatus } from '../conversations/ticket-fields';

const { tickets, users } = schema;

export const ZListTickets = z.object({
  status: ZTicketStatus.optional(),
  priority: ZTicketPriority.optional(),
  category: ZCategory.optional(),
  /** A member's id, 'me' or 'unassigned'. */
  assignee: z.union([z.uuid(), z.enum(['me', 'unassigned'])]).optional(),
  /** Matches the subject or the customer's email or name. */
  search: z.string().trim().min(1).max(200).optional(),
  /** The number of the last ticket of the previous page. */
  cursor: z.int().positive().optional(),
  limit: z.int().min(1).max(100).default(50),
});
export type TListTickets = z.input<typeof ZListTickets>;

export const ticketRow = {
  id: tickets.id,
  number: tickets.number,
  subject: tickets.subject,
  customerEmail: tickets.customerEmail,
  customerName: tickets.customerName,
  status: tickets.status,
  priority: tickets.priority,
  category: tickets.category,
  assigneeUserId: tickets.assigneeUserId,
  assigneeName: users.name,
  conversationId: tickets.conversationId,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
};

/** A page of tickets, newest first. */
export async function listTickets(
  db: Database,
  tenantId: TenantId,
  viewer: UserId,
  input: TListTickets,
) {
  const filter = ZListTickets.parse(input);
  const rows = await withTenant(db, tenantId, (tx) =>
    tx
      .select(ticketRow)
      .from(tickets)
      .leftJoin(users, eq(users.id, tickets.assigneeUserId))
      .where(
        and(
          eq(tickets.tenantId, tenantId),
          filter.status ? eq(tickets.status, filter.status) : undefined,
          filter.priority ? eq(tickets.priority, filter.priority) : undefined,
          filter.category ? eq(tickets.category, filter.category) : undefined,
          assigneeWhere(filter.assignee, viewer),
          filter.search ? searchWhere(filter.search) : undefined,
          filter.cursor ? lt(tickets.number, filter.cursor) : undefined,
        ),
      )
      .orderBy(desc(tickets.number))
      .limit(filter.limit + 1),
  );
  const page = rows.slice(0, filter.limit);
  return {
    tickets: page,
    nextCursor: rows.length > filter.limit ? (page.at(-1)?.number ?? null) : null,
  };
}

function assigneeWhere(assignee: string | undefined, viewer: UserId): SQL | undefined {
  if (!assignee) return undefined;
  if (assignee === 'unassigned') return isNull(tickets.assigneeUserId);
  return eq(tickets.assigneeUserId, assignee === 'me' ? viewer : assignee);
}

function searchWhere(search: string): SQL | undefined {
  const pattern = containsPattern(search);
  return or(
    ilike(tickets.subject, pattern),
    ilike(tickets.customerEmail, pattern),
    ilike(tickets.customerName, pattern),
  );
}
