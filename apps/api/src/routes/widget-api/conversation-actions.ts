import {
  actionsMayReachLocal,
  answerVisitorActionRequest,
  ZVisitorActionRequest,
} from '@replyline/core/actions';
import { openVisitorTurn } from '@replyline/core';
import { z } from 'zod';
import { CardSchema, ConversationParamsSchema } from '../../contract';
import { errorResponse, visitorPost } from '../../contract/responses';
import { documentedRoute, validBody } from '../../router';
import { visitorConversationOf } from '../../public/seeded-conversation';
import { authorizeVisitor, callerOf } from '../../public/visitor-request';

const ActionAnswerSchema = z.object({
  messageId: z.uuid(),
  text: z.string(),
  card: CardSchema,
});

const conversationAction = visitorPost({
  path: '/v1/conversations/{id}/actions',
  summary: 'Confirm a proposed action, or run one with values from a card (form, slot picker)',
  params: ConversationParamsSchema,
  body: ZVisitorActionRequest,
  responses: {
    200: {
      description: 'The resulting card, also stored as the assistant’s message',
      content: { 'application/json': { schema: ActionAnswerSchema } },
    },
    400: errorResponse('Invalid request'),
    404: errorResponse('No such proposal waiting in this conversation, or no such action'),
    429: errorResponse('Rate limited, as messages are'),
  },
});

/**
 * A visitor's press on a card: "Confirm" on a proposed booking, or a form's or slot picker's
 * values. Counted against the visitor's message limits like a message.
 */
export const conversationActionRoute = documentedRoute(conversationAction, {
  maxBodyBytes: 8 * 1024,
  before: authorizeVisitor,
  handle: async (ctx) => {
    const { grant } = await authorizeVisitor(ctx);
    const request = validBody(ctx, ZVisitorActionRequest);
    await ctx.app.publicApi.limits.admitMessage(callerOf(ctx, grant));
    const opened = await openVisitorTurn(ctx.app.db, {
      tenantId: grant.tenantId,
      conversation: visitorConversationOf(grant),
    });
    const answer = await answerVisitorActionRequest(ctx.app.db, opened, request, {
      allowLocal: actionsMayReachLocal(),
      queue: ctx.app.publicApi.actionQueue,
    });
    ctx.res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  },
});
