import { schema, withTenant, type Database, type TenantId, type UserId } from '@replyline/db';
import { DomainError } from '../domain-error';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isMember, ZCategory, ZTicketPriority, ZTicketStatus } from './ticket-fields';

const { events, tickets } = schema;

export const ZUpdateTicket = z.object({
  ticketId: z.uuid(),
  status: ZTicketStatus.optional(),
  priority: ZTicketPriority.optional(),
  /** null clears it. */
  category: ZCategory.nullable().optional(),
  /** A member of the workspace; null unassigns. */
  assigneeUserId: z.uuid().nullable().optional(),
});
export type TUpdateTicket = z.input<typeof ZUpdateTicket>;

/** Changes a ticket's status, priority, category or assignee; returns false when not found. */
export async function updateTicket(
  db: Database,
  tenantId: TenantId,
  byUserId: UserId,
  input: TUpdateTicket,
): Promise<boolean> {
  const { ticketId, ...changes } = ZUpdateTicket.parse(input);
  const set = Object.fromEntries(
    Object.entries(changes).filter(([, v]) => v !== undefined),
  ) as Partial<typeof tickets.$inferInsert>;
  return withTenant(db, tenantId, async (tx) => {
    if (changes.assigneeUserId && !(await isMember(tx, tenantId, changes.assigneeUserId)))
      throw new DomainError(
        'bad_input',
        'Tickets can only be assigned to members of this workspace.',
      );
    const where = and(eq(tickets.tenantId, tenantId), eq(tickets.id, ticketId));
    const updated = Object.keys(set).length
      ? await tx.update(tickets).set(set).where(where).returning({ id: tickets.id })
      : await tx.select({ id: tickets.id }).from(tickets).where(where);
    if (updated.length === 0) return false;
    if (Object.keys(set).length)
      await tx.insert(events).values({
        tenantId,
        type: 'ticket_updated',
        data: { ticketId, changes: set, byUserId },
      });
    return true;
  });
}
