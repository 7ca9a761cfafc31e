import type { IncomingMessage, ServerResponse } from 'node:http';

/** Errors that reach the client: a status and a message a person understands. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = 'error',
    /** Extra response headers, e.g. `retry-after` on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(payload);
}

export function sendError(res: ServerResponse, error: HttpError, requestId: string) {
  sendJson(
    res,
    error.status,
    { error: { code: error.code, message: error.message, requestId } },
    error.headers,
  );
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Keeps a caller's request id when it looks like one (so traces join up), else makes one. */
export function requestIdOf(req: IncomingMessage, makeId: () => string): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : makeId();
}

/**
 * Reads a JSON body up to `maxBytes` for the route's schema to validate: 413 when too large,
 * 415 when not JSON, 400 when it does not parse. Answers the text, known to parse.
 */
export async function readJsonText(req: IncomingMessage, maxBytes: number): Promise<string> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type))
    throw new HttpError(
      415,
      'Send the request body as JSON (content-type: application/json).',
      'unsupported_media_type',
    );
  const text = (await readBody(req, maxBytes)).toString('utf8');
  try {
    JSON.parse(text);
    return text;
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.', 'invalid_json');
  }
}

/** A schema's refusal, naming the first problem and where it is. */
export function invalidRequest(issues: readonly { path: PropertyKey[]; message: string }[]) {
  const issue = issues[0];
  const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return new HttpError(
    400,
    `Invalid request. ${where}${issue?.message ?? 'unexpected shape'}.`,
    'invalid_request',
  );
}

/** The raw body, refusing (413) anything over `maxBytes` without buffering it. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number) {
  return new HttpError(
    413,
    `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`,
    'payload_too_large',
  );
}
