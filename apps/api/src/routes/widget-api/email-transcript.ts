import { emailTranscript } from '@replyline/core';
import {
  ConversationParamsSchema,
  TranscriptRequestSchema,
  TranscriptSentSchema,
} from '../../contract';
import { errorResponse, jsonResponse, visitorPost } from '../../contract/responses';
import { HttpError, sendJson } from '../../http';
import { documentedRoute, validBody, type RequestContext } from '../../router';
import { tooMany } from '../../public/limits/refusal';
import { authorizeVisitor, callerOf } from '../../public/visitor-request';

const emailTranscriptDoc = visitorPost({
  path: '/v1/conversations/{id}/transcript',
  summary: 'Email the visitor a copy of the conversation',
  params: ConversationParamsSchema,
  body: TranscriptRequestSchema,
  responses: {
    202: jsonResponse(
      'Queued: the visitor’s messages and the answers they saw (never internal notes), under the workspace’s name; the team sees a line with the masked address',
      TranscriptSentSchema,
    ),
    400: errorResponse('Not an email address'),
    404: errorResponse('No such conversation, or nothing in it to send yet'),
    429: errorResponse(
      'Too many copies: 3 an hour per conversation, 5 per visitor, 20 per address (see retry-after)',
    ),
    503: errorResponse('This server sends no email'),
  },
});

/** Every request counts against the visitor's and the address's hourly copies, valid or not. */
async function admitTranscript(ctx: RequestContext) {
  const { grant } = await authorizeVisitor(ctx);
  await ctx.app.publicApi.limits.admitTranscript(callerOf(ctx, grant));
}

/**
 * "Email me this conversation", offered when a chat ends. The token names the tenant and the
 * conversation; the address is the visitor's to choose (their signed email is only a default
 * in the widget), so the copies are capped instead.
 */
export const emailTranscriptRoute = documentedRoute(emailTranscriptDoc, {
  maxBodyBytes: 1024,
  before: admitTranscript,
  handle: async (ctx) => {
    const { grant } = await authorizeVisitor(ctx);
    const { email, timeZone } = validBody(ctx, TranscriptRequestSchema);
    const queue = ctx.app.publicApi.emailQueue;
    if (!queue)
      throw new HttpError(503, 'This chat cannot send email right now.', 'email_unavailable');
    const outcome = await emailTranscript(
      { db: ctx.app.db, queue },
      grant.tenantId,
      grant.conversationId,
      { to: email, timeZone },
    );
    if (!outcome.sent) throw tooMany(outcome.message, outcome.retryAfterSeconds);
    sendJson(ctx.res, 202, { sentTo: outcome.maskedTo });
  },
});
