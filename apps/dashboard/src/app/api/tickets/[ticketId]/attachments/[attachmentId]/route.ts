import { readCookie } from '@replyline/auth';
import { asDomainError, HTTP_STATUS_OF } from '@replyline/core';
import { readTicketAttachment } from '@replyline/core/tickets';
import { createCaller } from '@replyline/trpc';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { z } from 'zod';
import { attachmentDisposition } from '~/components/inbox/download';
import { dashboardContext, WORKSPACE_COOKIE } from '~/server/context';
import { getServer } from '~/server/db';
import { refusal } from '~/server/request-guard';

// A file a customer attached to an email reply. Always a download: the bytes came from a
// stranger, so a browser is never asked to show them in place (no HTML, SVG or sniffing).
export const dynamic = 'force-dynamic';

export async function GET(
  request: Request,
  { params }: { params: Promise<{ ticketId: string; attachmentId: string }> },
): Promise<Response> {
  const { ticketId, attachmentId } = await params;
  const ids = z.object({ ticketId: z.uuid(), attachmentId: z.uuid() });
  if (!ids.safeParse({ ticketId, attachmentId }).success)
    return refusal(404, 'This attachment does not exist.');
  const server = await getServer();
  const user = await server.auth.getSessionUser(request);
  if (!user) return refusal(401, 'Sign in to download attachments.');
  const ctx = dashboardContext(server, user, {
    workspaceCookie: readCookie(request, WORKSPACE_COOKIE),
    headers: request.headers,
  });
  try {
    // The procedure checks membership and role and that the workspace has this ticket.
    await createCaller(ctx).tickets.get({ ticketId });
    const file = await readTicketAttachment(ctx.db, ctx.selectedTenantId!, ticketId, attachmentId);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'content-type': file.contentType,
        'content-disposition': attachmentDisposition(file.filename),
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR')
      return refusal(getHTTPStatusCodeFromError(error), error.message);
    const refused = asDomainError(error);
    if (refused) return refusal(HTTP_STATUS_OF[refused.code], refused.message);
    console.error('ticket attachment failed', error);
    return refusal(500, 'Downloading the file failed on our side. Please try again in a minute.');
  }
}
