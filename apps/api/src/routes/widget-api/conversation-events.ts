import type { Route } from '../../router';
import { openEventStream } from '../../public/sse';
import { authorizeVisitor } from '../../public/visitor-request';

/**
 * The open widget's live line: every new message of the conversation (agent replies above
 * all) and status changes, from whichever API process wrote them (Postgres LISTEN/NOTIFY).
 * A conversation not stored yet has an empty line until its first message. A keep-alive
 * comment keeps proxies from closing an idle stream and renews the visitor's stream slot
 * (a few per visitor, shared by all processes: 429 beyond).
 */
export const conversationEventsRoute: Route = {
  method: 'GET',
  path: '/v1/conversations/:id/events',
  handle: async (ctx) => {
    const { grant } = await authorizeVisitor(ctx);
    const { hub, keepAliveMs, limits } = ctx.app.publicApi;
    const lease = await limits.openEventStream(grant);
    const stream = openEventStream(ctx.res);
    stream.comment('connected');
    const unsubscribe = hub.subscribe(grant.tenantId, grant.conversationId, (update) => {
      if (update.type === 'message') void stream.send('message', update.message);
      else void stream.send('status', { status: update.status, botPaused: update.botPaused });
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
};
