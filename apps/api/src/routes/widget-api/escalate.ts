import { escalateConversation } from '@replyline/core';
import { z } from 'zod';
import { HttpError, readJson, sendJson } from '../../http';
import type { Route } from '../../router';
import { ensureConversation } from '../../public/seeded-conversation';
import { authorizeVisitor, callerOf } from '../../public/visitor-request';

const escalateSchema = z.object({
  email: z.email('enter a valid email address').max(254),
  name: z.string().trim().min(1).max(200).optional(),
  message: z.string().trim().min(1, 'write a few words for the team').max(4000),
});

/**
 * "Talk to a human": the customer's email and message become a ticket; its number comes back.
 */
export const escalateRoute: Route = {
  method: 'POST',
  path: '/v1/conversations/:id/escalate',
  handle: async (ctx) => {
    const { grant } = await authorizeVisitor(ctx);
    await ctx.app.publicApi.limits.admitMessage(callerOf(ctx, grant));
    const request = await readJson(ctx.req, escalateSchema, 16 * 1024);
    // Asking for a person before writing anything still opens a ticket: the conversation is
    // stored now, with the request as its first message.
    if (!(await ensureConversation(ctx.app.db, grant)))
      throw new HttpError(404, 'This conversation does not exist any more.', 'not_found');
    const { ticketNumber, ticketId } = await escalateConversation(
      ctx.app.db,
      grant.tenantId,
      grant.conversationId,
      request,
    );
    sendJson(ctx.res, 201, { ticketNumber });
    // The ticket exists whatever happens next; a failed notification is logged, not shown.
    await ctx.app.publicApi
      .onTicketCreated(grant.tenantId, ticketId)
      .catch((err: unknown) => ctx.log.error({ err, ticketId }, 'could not notify the team'));
  },
};
