import { createRoute } from '@hono/zod-openapi';
import { ConversationParamsSchema, EventsQuerySchema } from '../../contract';
import {
  errorResponse,
  eventStreamResponse,
  unauthorized,
  visitorTokenSecurity,
} from '../../contract/responses';
import { documentedRoute } from '../../router';
import { openEventStream } from '../../public/sse';
import { authorizeVisitor } from '../../public/visitor-request';

const conversationEvents = createRoute({
  method: 'get',
  path: '/v1/conversations/{id}/events',
  summary: 'Live updates: new messages (agent replies) and status changes',
  description:
    'Server-Sent Events: `message` (a Message), `status` {status, botPaused, handoff, agent} and `typing` {by: "agent"} (a person in the inbox is typing: show it for a few seconds; sent at most every 2 s while they type); `: keep-alive` comments every 20 s. A few streams may be open at once per visitor (all API processes together); more answer 429.',
  security: visitorTokenSecurity,
  request: { params: ConversationParamsSchema, query: EventsQuerySchema },
  responses: {
    200: eventStreamResponse('The event stream'),
    401: unauthorized,
    429: errorResponse('Too many event streams open for this visitor'),
  },
});

/**
 * The open widget's live line: every new message of the conversation (agent replies above
 * all) and status changes, from whichever API process wrote them (Postgres LISTEN/NOTIFY).
 * A conversation not stored yet has an empty line until its first message. A keep-alive
 * comment keeps proxies from closing an idle stream and renews the visitor's stream slot
 * (a few per visitor, shared by all processes: 429 beyond).
 */
export const conversationEventsRoute = documentedRoute(conversationEvents, {
  handle: async (ctx) => {
    const { grant } = await authorizeVisitor(ctx);
    const { hub, keepAliveMs, limits } = ctx.app.publicApi;
    const lease = await limits.openEventStream(grant);
    const stream = openEventStream(ctx.res);
    stream.comment('connected');
    const unsubscribe = hub.subscribe(grant.tenantId, grant.conversationId, (update) => {
      if (update.type === 'message') void stream.send('message', update.message);
      else if (update.type === 'typing') void stream.send('typing', { by: update.by });
      else {
        const { status, botPaused, handoff, agent } = update;
        void stream.send('status', { status, botPaused, handoff, agent });
      }
    });
    const keepAlive = setInterval(() => {
      stream.comment('keep-alive');
      lease.renew().catch((err: unknown) => ctx.log.warn({ err }, 'could not renew a stream slot'));
    }, keepAliveMs);
    await new Promise<void>((resolve) => ctx.res.on('close', resolve));
    clearInterval(keepAlive);
    unsubscribe();
    await lease.release();
  },
});
