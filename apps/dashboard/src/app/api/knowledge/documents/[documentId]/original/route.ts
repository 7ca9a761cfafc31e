import { readCookie } from '@replyline/auth';
import { asDomainError, HTTP_STATUS_OF } from '@replyline/core';
import { getDocumentOriginal } from '@replyline/core/knowledge';
import { createCaller } from '@replyline/trpc';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { z } from 'zod';
import { attachmentDisposition } from '~/components/inbox/download';
import { dashboardContext, WORKSPACE_COOKIE } from '~/server/context';
import { getServer } from '~/server/db';
import { refusal } from '~/server/request-guard';

// A document's original file as it was uploaded: `?download=1` saves it, otherwise a PDF or
// text opens in the browser. A web page's original is its address (a redirect).
export const dynamic = 'force-dynamic';

/** Kinds a browser may show in place; anything else (HTML, Word) is only ever downloaded. */
const SHOWN_IN_PLACE = /^(application\/pdf|text\/plain|text\/markdown)/;

export async function GET(
  request: Request,
  { params }: { params: Promise<{ documentId: string }> },
): Promise<Response> {
  const { documentId } = await params;
  if (!z.uuid().safeParse(documentId).success) return refusal(404, 'This document does not exist.');
  const server = await getServer();
  const user = await server.auth.getSessionUser(request);
  if (!user) return refusal(401, 'Sign in to open documents.');
  const ctx = dashboardContext(server, user, {
    workspaceCookie: readCookie(request, WORKSPACE_COOKIE),
    headers: request.headers,
  });
  try {
    // The procedure checks membership and role and that the workspace has this document.
    await createCaller(ctx).knowledge.get({ documentId });
    const original = await getDocumentOriginal(ctx.db, ctx.selectedTenantId!, documentId);
    if (original.kind === 'link') return Response.redirect(original.url, 302);
    const download =
      new URL(request.url).searchParams.has('download') || !SHOWN_IN_PLACE.test(original.mimeType);
    return new Response(new Uint8Array(original.bytes), {
      headers: {
        // Markdown shown in place is shown as text: a browser would only offer to save it.
        'content-type': download
          ? original.mimeType
          : original.mimeType.replace('text/markdown', 'text/plain'),
        'content-disposition': download
          ? attachmentDisposition(original.filename)
          : attachmentDisposition(original.filename).replace(/^attachment/, 'inline'),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR')
      return refusal(getHTTPStatusCodeFromError(error), error.message);
    const refused = asDomainError(error);
    if (refused) return refusal(HTTP_STATUS_OF[refused.code], refused.message);
    console.error('document original failed', error);
    return refusal(500, 'Opening the file failed on our side. Please try again in a minute.');
  }
}
