import { announceTyping, endConversation } from '@replyline/core';
import { ConversationParamsSchema, EmptyRequestSchema } from '../../contract';
import { errorResponse, visitorPost } from '../../contract/responses';
import { HttpError } from '../../http';
import { documentedRoute, validBody } from '../../router';
import { authorizeVisitor } from '../../public/visitor-request';

const visitorTyping = visitorPost({
  path: '/v1/conversations/{id}/typing',
  summary: 'The visitor is typing: shown to the agent in the inbox, never stored',
  params: ConversationParamsSchema,
  body: EmptyRequestSchema,
  responses: {
    204: {
      description:
        'Passed on to the workspace’s inbox (at most one signal every 2 s per conversation; more are dropped, not refused)',
    },
  },
});

/**
 * The visitor is typing. The signal names only this token's tenant and conversation, so no
 * other workspace's inbox hears it; a conversation not stored yet has nobody to tell.
 */
export const visitorTypingRoute = documentedRoute(visitorTyping, {
  maxBodyBytes: 256,
  before: authorizeVisitor,
  handle: async (ctx) => {
    const { grant } = await authorizeVisitor(ctx);
    validBody(ctx, EmptyRequestSchema);
    await announceTyping(ctx.app.db, grant.tenantId, grant.conversationId, 'visitor');
    ctx.res.writeHead(204).end();
  },
});

const endByVisitor = visitorPost({
  path: '/v1/conversations/{id}/end',
  summary: 'The visitor ends the conversation (then asks for a rating)',
  params: ConversationParamsSchema,
  body: EmptyRequestSchema,
  responses: {
    204: { description: 'Ended (also when it had ended already)' },
    404: errorResponse('Nothing to end: the conversation has no message yet'),
  },
});

/**
 * The visitor ends the chat: resolved for the team, an "ended" line for both sides, and the bot
 * answers if they write again.
 */
export const endConversationRoute = documentedRoute(endByVisitor, {
  maxBodyBytes: 256,
  before: authorizeVisitor,
  handle: async (ctx) => {
    const { grant } = await authorizeVisitor(ctx);
    validBody(ctx, EmptyRequestSchema);
    const ended = await endConversation(ctx.app.db, grant.tenantId, grant.conversationId, {
      byVisitor: true,
    });
    if (!ended) throw new HttpError(404, 'There is no conversation to end yet.', 'not_found');
    ctx.res.writeHead(204).end();
  },
});
