import { readCookie } from '@replyline/auth';
import { asDomainError, HTTP_STATUS_OF } from '@replyline/core';
import { uploadDocument } from '@replyline/core/knowledge';
import { refuseOtherWorkspace } from '@replyline/trpc';
import { uploadLimits } from '~/components/knowledge/upload-limits';
import { formatBytes } from '~/components/knowledge/upload-state';
import { dashboardContext, WORKSPACE_COOKIE } from '~/server/context';
import { getServer } from '~/server/db';
import { refusal, refuseForeignOrigin } from '~/server/request-guard';

// Files for the knowledge page (PDF, Word, HTML, Markdown, text): a file cannot travel through
// tRPC's JSON, so it comes here as multipart/form-data (field `file`; `pdf` as before).
// Membership and role are checked by uploadDocument itself.
export const dynamic = 'force-dynamic';

/** Room for the multipart framing around the file: boundaries, part headers, the file name. */
const MULTIPART_OVERHEAD = 64 * 1024;

export async function POST(request: Request): Promise<Response> {
  const server = await getServer();
  // A multipart POST is a "simple" request other sites' forms can send without asking.
  const foreign = refuseForeignOrigin(request, server.services.dashboardUrl);
  if (foreign) return foreign;
  const user = await server.auth.getSessionUser(request);
  if (!user) return refusal(401, 'Sign in to upload.');
  const ctx = dashboardContext(server, user, {
    workspaceCookie: readCookie(request, WORKSPACE_COOKIE),
    headers: request.headers,
  });
  if (!ctx.selectedTenantId) return refusal(403, 'Choose a workspace first.');
  if (!ctx.enqueue) return refusal(503, 'Background processing is not set up on this server.');

  const limits = uploadLimits();
  const form = await readForm(request, limits.maxBytes + MULTIPART_OVERHEAD);
  if (form === 'too_large')
    return refusal(
      413,
      `The file is larger than ${formatBytes(limits.maxBytes)}, the upload limit.`,
    );
  const file = form === 'unreadable' ? null : (form.get('file') ?? form.get('pdf'));
  if (!(file instanceof File))
    return refusal(400, 'Send the file as multipart/form-data, in a field named "file".');
  if (file.size > limits.maxBytes)
    return refusal(
      413,
      `"${file.name}" is ${formatBytes(file.size)}; the limit is ${formatBytes(limits.maxBytes)}.`,
    );

  try {
    // The knowledge page names the workspace it shows; a switch since then must not upload here.
    await refuseOtherWorkspace({
      ...ctx,
      userId: user.userId,
      selectedTenantId: ctx.selectedTenantId,
    });
    const added = await uploadDocument({
      db: ctx.db,
      enqueue: ctx.enqueue,
      embedder: ctx.embedder,
      tenantId: ctx.selectedTenantId,
      userId: user.userId,
      requestIp: ctx.requestIp,
      filename: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      limits,
    });
    return Response.json(added, { status: added.duplicate ? 200 : 201 });
  } catch (error) {
    const refused = asDomainError(error);
    if (refused) return refusal(HTTP_STATUS_OF[refused.code], refused.message);
    console.error('knowledge upload failed', error);
    return refusal(500, 'The upload failed on our side. Please try again in a minute.');
  }
}

/**
 * The multipart body, read no further than `maxBytes`: a declared length over it is refused
 * before reading, and a body that turns out longer (chunked, or a lying header) is cut off.
 */
async function readForm(
  request: Request,
  maxBytes: number,
): Promise<FormData | 'too_large' | 'unreadable'> {
  if (Number(request.headers.get('content-length')) > maxBytes) return 'too_large';
  const contentType = request.headers.get('content-type') ?? '';
  if (!request.body || !contentType.toLowerCase().startsWith('multipart/form-data'))
    return 'unreadable';
  let seen = 0;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new Error('body over the limit'));
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(counted, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return seen > maxBytes ? 'too_large' : 'unreadable';
  }
}
