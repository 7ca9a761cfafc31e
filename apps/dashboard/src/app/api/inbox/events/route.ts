import { readCookie } from '@replyline/auth';
import { createCaller } from '@replyline/trpc';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { dashboardContext, WORKSPACE_COOKIE } from '~/server/context';
import { getServer } from '~/server/db';
import { inboxEventHub, type InboxEvent } from '~/server/inbox-events';
import { refusal } from '~/server/request-guard';

// The inbox's live updates as server-sent events: one `conversation` event per change in the
// selected workspace ({ conversationId, kind }); the page reads the rows again through tRPC,
// where membership is checked on every call. `typing` ({ conversationId }) says the customer is
// typing there; an agent's own typing (meant for the widget) is not passed on.
export const dynamic = 'force-dynamic';

/** A comment line this often keeps proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 25_000;

export async function GET(request: Request): Promise<Response> {
  const server = await getServer();
  const user = await server.auth.getSessionUser(request);
  if (!user) return refusal(401, 'Sign in to follow the inbox.');
  const context = dashboardContext(server, user, {
    workspaceCookie: readCookie(request, WORKSPACE_COOKIE),
    headers: request.headers,
  });
  try {
    // The same membership and role check as every inbox read.
    await createCaller(context).inbox.changesSince({ since: new Date() });
  } catch (error) {
    if (error instanceof TRPCError)
      return refusal(getHTTPStatusCodeFromError(error), error.message);
    throw error;
  }
  const tenantId = context.selectedTenantId!;
  const hub = await inboxEventHub(server);
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const unsubscribe = hub.subscribe(tenantId, (event: InboxEvent) => {
        if (event.kind !== 'typing')
          return send(`event: conversation\ndata: ${JSON.stringify(event)}\n\n`);
        if (event.by === 'visitor')
          send(
            `event: typing\ndata: ${JSON.stringify({ conversationId: event.conversationId })}\n\n`,
          );
      });
      const keepAlive = setInterval(() => send(': still here\n\n'), KEEP_ALIVE_MS);
      stop = () => {
        open = false;
        clearInterval(keepAlive);
        unsubscribe();
      };
      request.signal.addEventListener('abort', () => {
        if (!open) return;
        stop();
        controller.close();
      });
      // Tells the page the feed is live, so it reads what changed while it was connecting.
      send('event: ready\ndata: {}\n\n');
    },
    cancel: () => stop(),
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
