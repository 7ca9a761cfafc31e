import { rateConversation, setMessageFeedback } from '@replyline/core';
import { z } from 'zod';
import { HttpError, readJson } from '../../http';
import type { Route } from '../../router';
import { authorizeVisitor } from '../../public/visitor-request';

const feedbackSchema = z.object({ value: z.union([z.literal(1), z.literal(-1), z.literal(0)]) });
const ratingSchema = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});

/** Thumbs up/down on one answer. */
export const messageFeedbackRoute: Route = {
  method: 'POST',
  path: '/v1/conversations/:id/messages/:messageId/feedback',
  handle: async (ctx) => {
    const { grant } = await authorizeVisitor(ctx);
    const { value } = await readJson(ctx.req, feedbackSchema, 1024);
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
};

/** CSAT for the whole conversation. */
export const conversationRatingRoute: Route = {
  method: 'POST',
  path: '/v1/conversations/:id/rating',
  handle: async (ctx) => {
    const { grant } = await authorizeVisitor(ctx);
    const { rating, comment } = await readJson(ctx.req, ratingSchema, 4096);
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
};
