import { readTicketAttachment } from '@replyline/core/tickets';
import { keptFileResponse, serveWorkspaceFile } from '~/server/workspace-file';

// A file a customer attached to an email reply. Always a download: the bytes came from a
// stranger, so a browser is never asked to show them in place (no HTML, SVG or sniffing).
export const dynamic = 'force-dynamic';

const WORDS = {
  notFound: 'This attachment does not exist.',
  signedOut: 'Sign in to download attachments.',
  failed: 'Downloading the file failed on our side. Please try again in a minute.',
  logLabel: 'ticket attachment failed',
};

export async function GET(
  request: Request,
  { params }: { params: Promise<{ ticketId: string; attachmentId: string }> },
): Promise<Response> {
  const { ticketId, attachmentId } = await params;
  return serveWorkspaceFile(request, [ticketId, attachmentId], WORDS, {
    check: (api) => api.tickets.get({ ticketId }),
    serve: async (db, tenantId) =>
      keptFileResponse(
        await readTicketAttachment(db, tenantId, ticketId, attachmentId),
        'download',
      ),
  });
}
