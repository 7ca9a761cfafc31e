import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_HEADERS = 'authorization, content-type, x-request-id';

/**
 * Preflight for the public API. It only says which methods and headers may be sent; whether
 * the origin may use a tenant is decided on the real request, where the tenant is known.
 */
export function answerPreflight(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: string[],
): void {
  const origin = req.headers.origin;
  res.writeHead(204, {
    ...(origin ? { 'access-control-allow-origin': origin } : {}),
    'access-control-allow-methods': [...allowed, 'OPTIONS'].join(', '),
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': '600',
    vary: 'origin',
  });
  res.end();
}

/** Lets the browser hand the response to a page on `origin` (already checked by the caller). */
export function allowOrigin(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('vary', 'origin');
  if (origin) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'retry-after, x-request-id');
  }
}
