import { rateConversation, setMessageFeedback } from '@replyline/core';
import { z } from 'zod';
import {
  ConversationParamsSchema,
  FeedbackRequestSchema,
  MessageParamsSchema,
  RatingRequestSchema,
} from '../../contract';
import { errorResponse, visitorPost } from '../../contract/responses';
import { HttpError } from '../../http';
import { documentedRoute, validBody } from '../../router';
import { authorizeVisitor } from '../../public/visitor-request';

const messageFeedback = visitorPost({
  path: '/v1/conversations/{id}/messages/{messageId}/feedback',
  summary: 'Thumbs up (1), down (-1) or cleared (0) on one answer',
  params: MessageParamsSchema,
  body: FeedbackRequestSchema,
  responses: {
    204: { description: 'Saved' },
    400: errorResponse('Invalid value'),
    404: errorResponse('No such answer in this conversation'),
  },
});

/** Thumbs up/down on one answer. */
export const messageFeedbackRoute = documentedRoute(messageFeedback, {
  maxBodyBytes: 1024,
  before: authorizeVisitor,
  handle: async (ctx) => {
    const { grant } = await authorizeVisitor(ctx);
    const { value } = validBody(ctx, FeedbackRequestSchema);
    const messageId = z.uuid().safeParse(ctx.params.messageId);
    const applied =
      messageId.success &&
      (await setMessageFeedback(
        ctx.app.db,
        grant.tenantId,
        grant.conversationId,
        messageId.data,
        value,
      ));
    if (!applied)
      throw new HttpError(404, 'There is no answer with this id in the conversation.', 'not_found');
    ctx.res.writeHead(204).end();
  },
});

const conversationRating = visitorPost({
  path: '/v1/conversations/{id}/rating',
  summary: 'CSAT for the conversation (1–5)',
  params: ConversationParamsSchema,
  body: RatingRequestSchema,
  responses: {
    204: { description: 'Saved' },
    400: errorResponse('Rating outside 1–5'),
    404: errorResponse('Nothing to rate yet: the conversation has no message'),
  },
});

/** CSAT for the whole conversation. */
export const conversationRatingRoute = documentedRoute(conversationRating, {
  maxBodyBytes: 4096,
  before: authorizeVisitor,
  handle: async (ctx) => {
    const { grant } = await authorizeVisitor(ctx);
    const { rating, comment } = validBody(ctx, RatingRequestSchema);
    const rated = await rateConversation(
      ctx.app.db,
      grant.tenantId,
      grant.conversationId,
      rating,
      comment,
    );
    // A conversation not stored yet (nothing said) has nothing to rate.
    if (!rated) throw new HttpError(404, 'There is no conversation to rate yet.', 'not_found');
    ctx.res.writeHead(204).end();
  },
});
