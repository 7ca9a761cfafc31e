import { z } from 'zod';
import { createTicket, ZCreateTicket } from '@replyline/core/tickets';
import { getTicket } from '@replyline/core/tickets';
import { listTickets, ZListTickets } from '@replyline/core/tickets';
import { notifyTicketCreated } from '@replyline/core/tickets';
import { replyToTicket } from '@replyline/core/tickets';
import { updateTicket, ZUpdateTicket } from '@replyline/core/tickets';
import { dashboardUrlOf, notFound, queueOf } from '@replyline/core';
import { tenantProcedure } from '../procedures';
import { router } from '../trpc';
import { pushToAssignee } from './push';

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
    const { ticketId, assigneeUserId } = input;
    await pushToAssignee(ctx, { assigneeUserId, byUserId: ctx.userId, ticketId });
  }),

  /** A ticket made by hand; owners and admins are told (email, and the webhook if set). */
  create: agent.input(ZCreateTicket).mutation(async ({ ctx, input }) => {
    const queue = queueOf(ctx);
    const created = await createTicket(ctx.db, ctx.tenantId, ctx.userId, input);
    await notifyTicketCreated(
      { db: ctx.db, queue, dashboardUrl: dashboardUrlOf(ctx) },
      ctx.tenantId,
      created.ticketId,
    );
    await pushToAssignee(ctx, {
      assigneeUserId: input.assigneeUserId,
      byUserId: ctx.userId,
      ticketId: created.ticketId,
    });
    return created;
  }),

  /** Answers the customer by email. */
  reply: agent
    .input(
      ZTicket.extend({ content: z.string().trim().min(1, 'Write a reply first.').max(20_000) }),
    )
    .mutation(async ({ ctx, input }) => {
      const sent = await replyToTicket(
        { db: ctx.db, queue: queueOf(ctx) },
        ctx.tenantId,
        input.ticketId,
        {
          authorUserId: ctx.userId,
          content: input.content,
        },
      );
      if (!sent) throw notFound('ticket');
      return sent;
    }),
});
