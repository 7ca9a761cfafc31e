import { appRouter } from '@replyline/trpc';
import { readCookie } from '@replyline/auth';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { dashboardContext, WORKSPACE_COOKIE } from '~/server/context';
import { getServer } from '~/server/db';
import { refuseForeignOrigin, refuseNonJson } from '~/server/request-guard';
import { MAX_BATCH_SIZE } from '~/trpc/protocol';

// The dashboard API over HTTP: the session cookie says who, the workspace cookie says where.
export const dynamic = 'force-dynamic';

async function handler(request: Request): Promise<Response> {
  const server = await getServer();
  // Mutations travel by POST only (tRPC refuses them over GET); queries change nothing.
  if (request.method === 'POST') {
    const refused =
      refuseForeignOrigin(request, server.services.dashboardUrl) ?? refuseNonJson(request);
    if (refused) return refused;
  }
  const user = await server.auth.getSessionUser(request);
  const workspaceCookie = readCookie(request, WORKSPACE_COOKIE);
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    // The client batches at most as many; a larger batch is someone else's tool (400).
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () =>
      dashboardContext(server, user, { workspaceCookie, headers: request.headers }),
    onError({ error, path }) {
      // Refusals and bad input are answered to the client; only our own failures are logged.
      if (error.code === 'INTERNAL_SERVER_ERROR')
        console.error(`tRPC ${path ?? '?'} failed`, error);
    },
  });
}

export { handler as GET, handler as POST };
