import { z } from 'zod';
import { createTicket, ZCreateTicket } from '../domain/tickets/create-ticket';
import { getTicket } from '../domain/tickets/get-ticket';
import { listTickets, ZListTickets } from '../domain/tickets/list-tickets';
import { notifyTicketCreated } from '../domain/tickets/notify-ticket-created';
import { replyToTicket } from '../domain/tickets/reply-to-ticket';
import { updateTicket, ZUpdateTicket } from '../domain/tickets/update-ticket';
import { domainCall } from '../domain/errors';
import { dashboardUrlOf, notFound, queueOf } from '../domain/request';
import { tenantProcedure } from '../procedures';
import { router } from '../trpc';

const agent = tenantProcedure.meta({ role: 'agent' });
const ZTicket = z.object({ ticketId: z.uuid() });

/** Tickets: customers who need a person, from escalations or made by hand. */
export const ticketsRouter = router({
  list: agent
    .input(ZListTickets)
    .query(({ ctx, input }) => listTickets(ctx.db, ctx.tenantId, ctx.userId, input)),

  get: agent.input(ZTicket).query(async ({ ctx, input }) => {
    const ticket = await getTicket(ctx.db, ctx.tenantId, input.ticketId);
    if (!ticket) throw notFound('ticket');
    return ticket;
  }),

  update: agent.input(ZUpdateTicket).mutation(async ({ ctx, input }) => {
    if (!(await updateTicket(ctx.db, ctx.tenantId, ctx.userId, input))) throw notFound('ticket');
  }),

  /** A ticket made by hand; owners and admins are told (email, and the webhook if set). */
  create: agent.input(ZCreateTicket).mutation(async ({ ctx, input }) => {
    const queue = queueOf(ctx);
    const created = await createTicket(ctx.db, ctx.tenantId, ctx.userId, input);
    await domainCall(() =>
      notifyTicketCreated(
        { db: ctx.db, queue, dashboardUrl: dashboardUrlOf(ctx) },
        ctx.tenantId,
        created.ticketId,
      ),
    );
    return created;
  }),

  /** Answers the customer by email. */
  reply: agent
    .input(
      ZTicket.extend({ content: z.string().trim().min(1, 'Write a reply first.').max(20_000) }),
    )
    .mutation(async ({ ctx, input }) => {
      const sent = await domainCall(() =>
        replyToTicket({ db: ctx.db, queue: queueOf(ctx) }, ctx.tenantId, input.ticketId, {
          authorUserId: ctx.userId,
          content: input.content,
        }),
      );
      if (!sent) throw notFound('ticket');
      return sent;
    }),
});
