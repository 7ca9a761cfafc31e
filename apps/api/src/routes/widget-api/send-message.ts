import { MAX_MESSAGE_CHARS, tagMessage, type EngineEvent } from '@replyline/ai';
import { actionsMayReachLocal, answerWithActions } from '@replyline/core/actions';
import {
  customerSource,
  isMetered,
  keepMessageForAgent,
  openVisitorTurn,
  type OpenedTurn,
  type SourceScope,
} from '@replyline/core';
import { createRoute } from '@hono/zod-openapi';
import { isDatabaseUnavailable } from '@replyline/db';
import { ConversationParamsSchema, SendMessageRequestSchema } from '../../contract';
import {
  errorResponse,
  eventStreamResponse,
  jsonBody,
  unauthorized,
  visitorTokenSecurity,
} from '../../contract/responses';
import { HttpError } from '../../http';
import { documentedRoute, validBody, type RequestContext } from '../../router';
import { openEventStream, streamingStepMs, type EventStream } from '../../public/sse';
import type { Caller } from '../../public/limits';
import { visitorConversationOf } from '../../public/seeded-conversation';
import { authorizeVisitor, callerOf } from '../../public/visitor-request';
import { answerRetry } from './retry-answer';
import type { QuotaCheck } from '../../public/public-api';
import type { VisitorGrant } from '../../public/visitor-token';

const sendMessage = createRoute({
  method: 'post',
  path: '/v1/conversations/{id}/messages',
  summary: 'Send a message; the answer streams back as Server-Sent Events',
  description:
    'Events: `visitor_message` {id, createdAt}; `token` {text} (many); `cards` {cards: Card[]} (what the workspace’s actions showed: order status, slots, a form, a confirm request); `sources` {sources: Source[]}; `done` {messageId, escalationSuggested, reason, handledByHuman}; or `error` {code, message} instead of `done`. While a human agent has taken over, the stream is `visitor_message` then `done` with handledByHuman true.',
  security: visitorTokenSecurity,
  request: { params: ConversationParamsSchema, body: jsonBody(SendMessageRequestSchema) },
  responses: {
    200: eventStreamResponse('The answer stream'),
    400: errorResponse('Empty or invalid message'),
    401: unauthorized,
    402: errorResponse('The tenant’s plan has no AI replies left this month: offer the human form'),
    413: errorResponse('Message too long'),
    429: errorResponse(
      'Rate limited (see retry-after): messages per visitor or signed user, IP or tenant; AI replies per IP (anonymous visitors), per signed user, or the anonymous visitors’ daily share of the plan’s replies; or too many answers streaming at once',
    ),
  },
});

/**
 * The customer's message in, the answer out as Server-Sent Events: `visitor_message`, then
 * `token`s, `sources` and `done` (or one `error`). Every refusal (limits, quota, size)
 * happens before the stream opens, as a plain JSON error with a status.
 */
export const sendMessageRoute = documentedRoute(sendMessage, {
  maxBodyBytes: 64 * 1024,
  before: authorizeVisitor,
  handle: async (ctx) => {
    const receivedAt = performance.now();
    const { grant } = await authorizeVisitor(ctx);
    const { text, retryOf } = validBody(ctx, SendMessageRequestSchema);
    const trimmed = text.trim();
    if (!trimmed) throw new HttpError(400, 'The message is empty.', 'invalid_request');
    if ([...trimmed].length > MAX_MESSAGE_CHARS)
      throw new HttpError(
        413,
        `Messages can be at most ${MAX_MESSAGE_CHARS} characters long.`,
        'message_too_long',
      );

    const { limits } = ctx.app.publicApi;
    const caller = callerOf(ctx, grant);
    await limits.admitMessage(caller);
    const release = limits.acquireStream(grant);
    try {
      if (retryOf) await answerRetry(ctx, grant, retryOf);
      else await answerOrHandOver(ctx, caller, grant, trimmed, receivedAt);
    } finally {
      release();
    }
  },
});

async function answerOrHandOver(
  ctx: RequestContext,
  caller: Caller,
  grant: VisitorGrant,
  text: string,
  receivedAt: number,
) {
  const { db, publicApi } = ctx.app;
  // One read decides everything below: conversation, quota, turns and today's tokens.
  const turn = await openVisitorTurn(db, {
    tenantId: grant.tenantId,
    conversation: visitorConversationOf(grant),
    readQuota: (tx, tenantId) => publicApi.checkQuota(tenantId, tx),
    countTokensToday: isMetered(publicApi.chat),
  });
  if (!turn.state && !grant.seed)
    throw new HttpError(404, 'This conversation does not exist any more.', 'not_found');
  if (turn.state?.botPaused) return handOverToHuman(ctx, turn, text);

  const quota = turn.quota!;
  if (!quota.allowed)
    throw new HttpError(
      402,
      'The assistant has reached its monthly limit. Leave your email and a person will answer you.',
      'quota_exceeded',
    );
  await publicApi.limits.admitReply(caller, quota.included);
  // The first message of a new conversation stores it (with the message); refusals above leave
  // no empty row.

  const stream = openEventStream(ctx.res);
  const abort = new AbortController();
  ctx.res.on('close', () => abort.abort());
  // The workspace's enabled actions: tools for a model, or intents without one (order status).
  const events = answerWithActions(
    db,
    turn,
    {
      text,
      model: publicApi.chat.model,
      embedder: publicApi.chat.embedder,
      dailyTokenLimit: publicApi.chat.dailyTokenLimit,
      signal: abort.signal,
      batchIntervalMs: streamingStepMs(),
      onVisitorMessage: ({ messageId }) =>
        void stream.send('visitor_message', { id: messageId, createdAt: new Date().toISOString() }),
    },
    { allowLocal: actionsMayReachLocal(), queue: publicApi.actionQueue },
  );
  let answering = false;
  await streamAnswer(ctx, stream, events, {
    scope: { tenantId: grant.tenantId, conversationId: grant.conversationId },
    onEvent: (event) => {
      if (event.type === 'token' && !answering && !stream.closed) {
        answering = true;
        publicApi.onFirstToken(performance.now() - receivedAt);
      }
      if (event.type !== 'done') return;
      void publicApi
        .onVisitorSignals(grant.tenantId, turn.conversation.id, {
          tags: event.tags,
          reason: event.reason,
          started: !turn.state,
        })
        .catch((err: unknown) => ctx.log.error({ err }, 'visitor alert failed'));
    },
  });
}

/**
 * Writes an answer's events to its open stream until the answer ends or the reader leaves, and
 * ends the stream: a first answer and one asked for again (`retryOf`) alike. A stored answer
 * counts against the plan's usage alerts; a failure after the stream opened is said as an
 * `error` event (the status is sent already).
 */
export async function streamAnswer(
  ctx: RequestContext,
  stream: EventStream,
  events: AsyncIterable<EngineEvent>,
  options: { scope: SourceScope; onEvent?: (event: EngineEvent) => void },
) {
  const { publicApi } = ctx.app;
  try {
    for await (const event of events) {
      if (event.type === 'done')
        void publicApi
          .onReplyStored(options.scope.tenantId)
          .catch((err: unknown) => ctx.log.error({ err }, 'usage alert failed'));
      options.onEvent?.(event);
      if (stream.closed) break;
      await forward(stream, event, options.scope);
    }
  } catch (err) {
    await stream.send('error', answerFailure(ctx, err));
  }
  stream.end();
}

/**
 * Why an answer stopped once its stream had begun. The database going away (a restart) is said
 * as such, with the same retry hint a refused request gets in its header: the visitor's message
 * is stored when `visitor_message` came, so asking again later loses nothing.
 */
function answerFailure(ctx: RequestContext, err: unknown) {
  if (isDatabaseUnavailable(err)) {
    ctx.log.warn({ err }, 'answer stopped: database unavailable');
    return {
      code: 'database_unavailable',
      message: 'The assistant lost its connection for a moment. Please try again in a few seconds.',
      retryAfterSeconds: 5,
    };
  }
  ctx.log.error({ err }, 'answer failed');
  return { code: 'internal', message: 'Something went wrong while answering. Please try again.' };
}

export async function forward(stream: EventStream, event: EngineEvent, scope: SourceScope) {
  switch (event.type) {
    case 'token':
      return stream.send('token', { text: event.text });
    case 'cards':
      return stream.send('cards', { cards: event.cards });
    case 'sources':
      return stream.send('sources', {
        sources: event.sources.map((source, index) => customerSource(source, index, scope)),
      });
    case 'done':
      return stream.send('done', {
        messageId: event.messageId,
        escalationSuggested: event.escalationSuggested,
        reason: event.reason,
        handledByHuman: false,
      });
    case 'error':
      return stream.send('error', { code: 'answer_failed', message: event.message });
  }
}

/**
 * A person has taken over: keep the message for them, and tell the widget the bot stays quiet.
 * A message that reads upset still alerts the channels that asked for negative sentiment.
 */
async function handOverToHuman(ctx: RequestContext, turn: OpenedTurn<QuotaCheck>, text: string) {
  const stored = await keepMessageForAgent(ctx.app.db, turn, text);
  // No bot turn, so no escalation reason: the message's own tags say whether it reads upset.
  void ctx.app.publicApi
    .onVisitorSignals(turn.tenantId, turn.conversation.id, {
      tags: tagMessage(text),
      reason: null,
      started: false,
    })
    .catch((err: unknown) => ctx.log.error({ err }, 'visitor alert failed'));
  const stream = openEventStream(ctx.res);
  await stream.send('visitor_message', {
    id: stored.messageId,
    createdAt: new Date().toISOString(),
  });
  await stream.send('done', {
    messageId: null,
    escalationSuggested: false,
    reason: null,
    handledByHuman: true,
  });
  stream.end();
}
