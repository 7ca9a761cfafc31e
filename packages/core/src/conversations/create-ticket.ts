import { insertTicket } from './open-ticket';
import { schema, withTenant, type Database, type TenantId, type UserId } from '@replyline/db';
import { DomainError } from '../domain-error';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isMember, ZCategory, ZTicketPriority } from './ticket-fields';

const { conversations, events } = schema;

/** A ticket made by hand (a phone call, an email to the team); escalations make their own. */
export const ZCreateTicket = z.object({
  subject: z.string().trim().min(1, 'Give the ticket a subject.').max(200),
  customerEmail: z.email('Enter the customer’s email address.').max(254),
  customerName: z.string().trim().min(1).max(200).optional(),
  /** What the customer needs, in the team's words; shown in the ticket and the notification. */
  message: z.string().trim().min(1).max(20_000).optional(),
  priority: ZTicketPriority.default('normal'),
  category: ZCategory.optional(),
  assigneeUserId: z.uuid().optional(),
  conversationId: z.uuid().optional(),
});
export type TCreateTicket = z.input<typeof ZCreateTicket>;

export async function createTicket(
  db: Database,
  tenantId: TenantId,
  byUserId: UserId,
  input: TCreateTicket,
): Promise<{ ticketId: string; ticketNumber: number }> {
  const ticket = ZCreateTicket.parse(input);
  return withTenant(db, tenantId, async (tx) => {
    if (ticket.assigneeUserId && !(await isMember(tx, tenantId, ticket.assigneeUserId)))
      throw new DomainError(
        'bad_input',
        'Tickets can only be assigned to members of this workspace.',
      );
    if (ticket.conversationId) {
      const [found] = await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(
          and(eq(conversations.tenantId, tenantId), eq(conversations.id, ticket.conversationId)),
        );
      if (!found) throw new DomainError('not_found', 'That conversation does not exist.');
    }
    const { ticketId, ticketNumber: number } = await insertTicket(tx, tenantId, {
      subject: ticket.subject,
      customerEmail: ticket.customerEmail,
      customerName: ticket.customerName,
      priority: ticket.priority,
      category: ticket.category,
      assigneeUserId: ticket.assigneeUserId,
      conversationId: ticket.conversationId,
    });
    await tx.insert(events).values({
      tenantId,
      conversationId: ticket.conversationId ?? null,
      type: 'ticket_created',
      data: {
        ticketId,
        ticketNumber: number,
        source: 'manual',
        byUserId,
        ...(ticket.message ? { message: ticket.message } : {}),
      },
    });
    return { ticketId, ticketNumber: number };
  });
}
