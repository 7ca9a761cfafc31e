import { getDocumentOriginal } from '@replyline/core/knowledge';
import { keptFileResponse, serveWorkspaceFile } from '~/server/workspace-file';

// A document's original file as it was uploaded: `?download=1` saves it, otherwise a PDF or
// text opens in the browser. A web page's original is its address (a redirect).
export const dynamic = 'force-dynamic';

/** Kinds a browser may show in place; anything else (HTML, Word) is only ever downloaded. */
const SHOWN_IN_PLACE = /^(application\/pdf|text\/plain|text\/markdown)/;

const WORDS = {
  notFound: 'This document does not exist.',
  signedOut: 'Sign in to open documents.',
  failed: 'Opening the file failed on our side. Please try again in a minute.',
  logLabel: 'document original failed',
};

export async function GET(
  request: Request,
  { params }: { params: Promise<{ documentId: string }> },
): Promise<Response> {
  const { documentId } = await params;
  return serveWorkspaceFile(request, [documentId], WORDS, {
    check: (api) => api.knowledge.get({ documentId }),
    serve: async (db, tenantId) => {
      const original = await getDocumentOriginal(db, tenantId, documentId);
      if (original.kind === 'link') return Response.redirect(original.url, 302);
      const download =
        new URL(request.url).searchParams.has('download') ||
        !SHOWN_IN_PLACE.test(original.mimeType);
      const { filename, bytes, mimeType } = original;
      if (download) return keptFileResponse({ filename, bytes, contentType: mimeType }, 'download');
      // Markdown shown in place is shown as text: a browser would only offer to save it.
      const contentType = mimeType.replace('text/markdown', 'text/plain');
      return keptFileResponse({ filename, bytes, contentType }, 'inline');
    },
  });
}
