import { createCaller } from '@replyline/trpc';
import { readCookie } from '@replyline/auth';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { attachmentDisposition } from '~/components/inbox/download';
import { dashboardContext, WORKSPACE_COOKIE } from '~/server/context';
import { getServer } from '~/server/db';
import { refusal, refuseForeignOrigin, refuseNonJson } from '~/server/request-guard';

// Conversations as a file download (CSV or JSON). The body is the `inbox.export` input as
// JSON; the procedure checks membership and role, and records the export in the audit log.
export const dynamic = 'force-dynamic';

/** Far above any real request (1,000 ids and a filter), far below anything harmful. */
const MAX_BODY_BYTES = 128 * 1024;

export async function POST(request: Request): Promise<Response> {
  const server = await getServer();
  // An export is recorded in the audit log: from the dashboard's own pages, as JSON, only.
  const refused =
    refuseForeignOrigin(request, server.services.dashboardUrl) ?? refuseNonJson(request);
  if (refused) return refused;
  if (Number(request.headers.get('content-length')) > MAX_BODY_BYTES)
    return refusal(413, 'Choose fewer conversations to export at once.');

  const user = await server.auth.getSessionUser(request);
  if (!user) return refusal(401, 'Sign in to export conversations.');
  const input: unknown = await request.json().catch(() => null);
  if (!input || typeof input !== 'object') return refusal(400, 'The export request is not JSON.');

  const api = createCaller(
    dashboardContext(server, user, {
      workspaceCookie: readCookie(request, WORKSPACE_COOKIE),
      headers: request.headers,
    }),
  );
  try {
    // The procedure's own zod schema validates the input.
    const file = await api.inbox.export(input as Parameters<typeof api.inbox.export>[0]);
    return new Response(file.body, {
      headers: {
        'content-type': file.contentType,
        'content-disposition': attachmentDisposition(file.filename),
        // Customer data: never kept by a browser or proxy cache.
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR')
      return refusal(getHTTPStatusCodeFromError(error), readableMessage(error));
    console.error('inbox export failed', error);
    return refusal(500, 'The export failed on our side. Please try again in a minute.');
  }
}

/** Bad input arrives as zod's issue list; the first issue's words are the useful part. */
function readableMessage(error: TRPCError): string {
  if (error.code !== 'BAD_REQUEST' || !error.message.trimStart().startsWith('['))
    return error.message;
  try {
    const [first] = JSON.parse(error.message) as { message?: string }[];
    return first?.message ?? 'The export request is not valid.';
  } catch {
    return error.message;
  }
}
