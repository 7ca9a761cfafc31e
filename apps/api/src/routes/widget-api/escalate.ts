import { escalateConversation } from '@replyline/core';
import { ConversationParamsSchema, EscalateRequestSchema, TicketSchema } from '../../contract';
import { errorResponse, jsonResponse, visitorPost } from '../../contract/responses';
import { HttpError, sendJson } from '../../http';
import { documentedRoute, validBody, type RequestContext } from '../../router';
import { ensureConversation } from '../../public/seeded-conversation';
import { authorizeVisitor, callerOf } from '../../public/visitor-request';

const escalate = visitorPost({
  path: '/v1/conversations/{id}/escalate',
  summary: 'Talk to a human: opens a ticket (also before the first message)',
  params: ConversationParamsSchema,
  body: EscalateRequestSchema,
  responses: {
    201: jsonResponse('Ticket created', TicketSchema),
    400: errorResponse('Invalid email or empty message'),
    429: errorResponse('Too many messages (see retry-after)'),
  },
});

/** A request for a person counts as a message, whether or not its form is valid. */
async function admitEscalation(ctx: RequestContext) {
  const { grant } = await authorizeVisitor(ctx);
  await ctx.app.publicApi.limits.admitMessage(callerOf(ctx, grant));
}

/**
 * "Talk to a human": the customer's email and message become a ticket; its number comes back.
 */
export const escalateRoute = documentedRoute(escalate, {
  maxBodyBytes: 16 * 1024,
  before: admitEscalation,
  handle: async (ctx) => {
    const { grant } = await authorizeVisitor(ctx);
    const request = validBody(ctx, EscalateRequestSchema);
    // Asking for a person before writing anything still opens a ticket: the conversation is
    // stored now, with the request as its first message.
    if (!(await ensureConversation(ctx.app.db, grant)))
      throw new HttpError(404, 'This conversation does not exist any more.', 'not_found');
    const { ticketNumber, ticketId, handoffStarted } = await escalateConversation(
      ctx.app.db,
      grant.tenantId,
      grant.conversationId,
      request,
    );
    sendJson(ctx.res, 201, { ticketNumber });
    // The ticket exists whatever happens next; a failed notification is logged, not shown.
    const { publicApi } = ctx.app;
    await publicApi
      .onTicketCreated(grant.tenantId, ticketId)
      .catch((err: unknown) => ctx.log.error({ err, ticketId }, 'could not notify the team'));
    // The customer hears back once per hand-off, not for every request while one is waiting.
    if (handoffStarted)
      await publicApi
        .onHandoffRequested(grant.tenantId, ticketId)
        .catch((err: unknown) => ctx.log.error({ err, ticketId }, 'could not acknowledge'));
  },
});
