import { errorResponse } from '../../contract/responses';
import type { RequestContext } from '../../router';

/** An export answered as a download: its own content type and a file name. */
export function sendExport(
  ctx: RequestContext,
  file: { filename: string; contentType: string; body: string },
) {
  ctx.res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': Buffer.byteLength(file.body),
    'content-disposition': `attachment; filename="${file.filename}"`,
    'cache-control': 'no-store',
  });
  ctx.res.end(file.body);
}

export function exportResponses(description: string) {
  const text = { schema: { type: 'string' as const } };
  return {
    200: {
      description,
      content: { 'application/x-ndjson': text, 'text/csv': text },
    },
    400: errorResponse('Invalid filter'),
  };
}
